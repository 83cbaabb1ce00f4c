// The file edge of the model: reads a scenario or a topology from disk, follows the
// scenario's topology path and `extends` chain, and resolves the network of a year.
import { readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyChanges, changesForYear } from './apply-changes.ts';
import { InputError, InputErrorCode } from './errors.ts';
import { LIMITS } from './limits.ts';
import { validateTopology } from './load-topology.ts';
import { looksLikeScenario, mergeScenarios, validateScenario } from './load-scenario.ts';
import { resolveNetwork, type Network } from './network.ts';
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
    return {
      file, scenario: null, baseTopology: topology, topology, year,
      network: resolveNetwork(topology, { year }), fail: [],
    };
  }

  const scenario = readScenarioChain(path, validateScenario(data, file), [resolve(path)]);
  const topologyPath = scenario.topology!;
  const baseTopology = validateTopology(readData(topologyPath, displayName(topologyPath)),
    displayName(topologyPath));
  const year = options.year ?? scenario.year ?? baseTopology.baseYear;
  const topology = applyChanges(baseTopology, changesForYear(scenario, year), file, scenario.rules);
  return {
    file,
    scenario,
    baseTopology,
    topology,
    year,
    network: resolveNetwork(topology, { year, growth: scenario.growth }),
    fail: scenario.fail ?? [],
  };
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

function readData(path: string, file: string): unknown {
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
  return parseYamlText(text, file);
}

/** A path as short as it can be shown: relative to the working folder when inside it. */
function displayName(path: string): string {
  const rel = relative(process.cwd(), resolve(path));
  return rel.startsWith('..') ? resolve(path) : rel;
}
