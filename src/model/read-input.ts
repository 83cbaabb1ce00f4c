// The file edge of the model: reads a scenario or a topology from disk, follows the
// scenario's topology path and `extends` chain, and resolves the network of a year.
import { readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectFormat, importedToTopology, parseNetworkText } from '../io/index.ts';
import { applyChanges, changesForYear } from './apply-changes.ts';
import { InputError, InputErrorCode } from './errors.ts';
import { LIMITS } from './limits.ts';
import { validateTopology } from './load-topology.ts';
import { looksLikeScenario, mergeScenarios, validateScenario } from './load-scenario.ts';
import { resolveNetwork, type AddedDemand, type Network } from './network.ts';
import { applicationTraffic } from '../servers/app-traffic.ts';
import type { Catalogue } from '../servers/catalogue-schema.ts';
import { validateCatalogue } from '../servers/load-catalogue.ts';
import type { Scenario } from './scenario-schema.ts';
import type { Topology } from './topology-schema.ts';
import { parseYamlText } from './yaml-text.ts';

/** The project's root folder, where topology/ and scenarios/ stand. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** What `simulate` and friends run when given no file. */
export const DEFAULT_SCENARIO = resolve(PROJECT_ROOT, 'scenarios', 'baseline-2019.yaml');

export interface LoadedInput {
  /** The file given, as the user named it. */
  file: string;
  /** The scenario with its `extends` chain folded in; null when a topology was given. */
  scenario: Scenario | null;
  /** The topology file as written, before any scenario change. */
  baseTopology: Topology;
  /** The topology after the scenario's changes and events for the year. */
  topology: Topology;
  year: number;
  network: Network;
  /** Elements failed by the scenario itself. */
  fail: string[];
  /** The application catalogue the topology names, if it names one. */
  catalogue: Catalogue | null;
}

export interface LoadOptions {
  /** Overrides the scenario's year. */
  year?: number;
}

/** Loads a scenario or topology file and resolves its network. */
export function loadInput(path: string = DEFAULT_SCENARIO, options: LoadOptions = {}): LoadedInput {
  const file = displayName(path);
  const data = readData(path, file);
  if (!looksLikeScenario(data)) {
    const topology = validateTopology(data, file);
    const year = options.year ?? topology.baseYear;
    const catalogue = readCatalogue(topology, path);
    return {
      file, scenario: null, baseTopology: topology, topology, year, catalogue, fail: [],
      network: resolveNetwork(topology, {
        year, addedDemand: applicationDemand(topology, catalogue, year),
      }),
    };
  }

  const scenario = readScenarioChain(path, validateScenario(data, file), [resolve(path)]);
  const topologyPath = scenario.topology!;
  const baseTopology = validateTopology(readData(topologyPath, displayName(topologyPath)),
    displayName(topologyPath));
  const year = options.year ?? scenario.year ?? baseTopology.baseYear;
  const topology = applyChanges(baseTopology, changesForYear(scenario, year), file, scenario.rules);
  const catalogue = readCatalogue(baseTopology, topologyPath);
  return {
    file,
    scenario,
    baseTopology,
    topology,
    year,
    catalogue,
    network: resolveNetwork(topology, {
      year, growth: scenario.growth, addedDemand: applicationDemand(topology, catalogue, year),
    }),
    fail: scenario.fail ?? [],
  };
}

/**
 * The traffic of the catalogue's applications that went live after the topology's
 * base year and by `year`, in the class the topology names for it.
 */
export function applicationDemand(
  topology: Topology,
  catalogue: Catalogue | null,
  year: number,
): AddedDemand[] {
  if (!catalogue || !topology.applications) return [];
  const cls = topology.applications.class;
  const sites = new Set(topology.sites.map((s) => s.id));
  return applicationTraffic(catalogue, year, topology.baseYear)
    .filter((t) => sites.has(t.site))
    .map((t) => ({ site: t.site, class: cls, mbps: t.mbps }));
}

/**
 * An application catalogue: the file itself when it is one, else the catalogue that a
 * scenario's or topology's topology names (the default scenario's when none is given).
 */
export function loadCatalogue(
  path: string = DEFAULT_SCENARIO,
): { catalogue: Catalogue; file: string } {
  const file = displayName(path);
  const text = readText(path, file);
  const data = parseYamlText(text, file);
  const record = data !== null && typeof data === 'object' ? data as Record<string, unknown> : {};
  if (!('sites' in record) && !looksLikeScenario(data)) {
    return { catalogue: validateCatalogue(data, file), file };
  }

  const input = loadInput(path);
  if (!input.catalogue) {
    throw new InputError(InputErrorCode.notFound, file, [{
      code: 'no_catalogue', path: 'applications',
      message: 'expected an application catalogue, or a topology that names one under ' +
        '"applications", got neither',
    }]);
  }
  return { catalogue: input.catalogue, file: displayName(
    resolve(dirname(topologyPathOf(path, input)), input.baseTopology.applications!.catalogue)) };
}

function topologyPathOf(path: string, input: LoadedInput): string {
  return input.scenario?.topology ?? path;
}

/** Reads the catalogue a topology names, relative to the topology file. */
function readCatalogue(topology: Topology, topologyPath: string): Catalogue | null {
  if (!topology.applications) return null;
  const path = resolve(dirname(topologyPath), topology.applications.catalogue);
  const file = displayName(path);
  return validateCatalogue(parseYamlText(readText(path, file), file), file);
}

/** Resolves a scenario's paths against its own folder and folds in what it extends. */
function readScenarioChain(path: string, scenario: Scenario, seen: string[]): Scenario {
  const here = dirname(path);
  const own: Scenario = {
    ...scenario,
    topology: scenario.topology === undefined ? undefined : resolve(here, scenario.topology),
  };
  if (scenario.extends === undefined) return own;

  const basePath = resolve(here, scenario.extends);
  if (seen.includes(basePath)) {
    throw new InputError(InputErrorCode.reference, displayName(path), [{
      code: 'extends_cycle', path: 'extends',
      message: `"${scenario.extends}" leads back to a scenario already in the chain`,
      received: scenario.extends,
    }]);
  }
  const baseData = readData(basePath, displayName(basePath));
  const base = readScenarioChain(basePath, validateScenario(baseData, displayName(basePath)),
    [...seen, basePath]);
  return mergeScenarios(base, own);
}

/**
 * Reads a file into plain data: YAML (and JSON, a subset of it) as written; GraphML,
 * GML and SNDlib files through the importers, as topology data.
 */
function readData(path: string, file: string): unknown {
  const text = readText(path, file);
  const format = detectFormat(path, text);
  const imported = format !== undefined && format !== 'yaml' &&
    !(format === 'json' && /"sites"\s*:/.test(text.slice(0, 65536)));
  if (!imported) return parseYamlText(text, file);
  return importedToTopology(parseNetworkText(text, file), { fileName: file }).topology;
}

function readText(path: string, file: string): string {
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > LIMITS.fileBytes) {
      throw new InputError(InputErrorCode.limit, file, [{
        code: 'file_too_large', path: '',
        message: `expected at most ${LIMITS.fileBytes} bytes, got ${size}`,
      }]);
    }
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(InputErrorCode.unreadable, file, [{
      code: 'unreadable', path: '', message: `cannot read the file: ${(err as Error).message}`,
    }]);
  }
  return text;
}

/** A path as short as it can be shown: relative to the working folder when inside it. */
function displayName(path: string): string {
  const rel = relative(process.cwd(), resolve(path));
  return rel.startsWith('..') ? resolve(path) : rel;
}
