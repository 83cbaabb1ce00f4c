// From a request's "work" (a scenario or topology, a year, extra changes) to the
// network the engine runs on, kept in a small cache keyed on the files' change stamp.
import { prepareWithDrc } from '../drc/failover.ts';
import type { PreparedNetwork } from '../engine/evaluate.ts';
import { applyChanges, changesForYear } from '../model/apply-changes.ts';
import { resolveNetwork, type Network } from '../model/network.ts';
import { applicationDemand, loadInput, type LoadedInput } from '../model/read-input.ts';
import type { Change } from '../model/scenario-schema.ts';
import { notFound } from './api-error.ts';
import type { FileKind, Workspace, WorkspaceFile } from './workspace.ts';

/** What to simulate: one scenario or one topology, a year, and changes on top. */
export interface Work {
  scenario?: string;
  topology?: string;
  year?: number;
  changes?: Change[];
}

/** The loaded work, ready for any number of failures. */
export interface LoadedWork {
  source: { kind: FileKind; id: string };
  file: WorkspaceFile;
  input: LoadedInput;
  network: Network;
  /** The network compiled with its DRC traffic, as sweeps want it; built on first use. */
  prepared: () => PreparedNetwork;
  /** The years the page offers: the topology's base year to the roadmap's end. */
  years: { min: number; max: number };
  /** What the result names as its scenario (as the command line does). */
  scenarioRef: { name: string; file: string } | null;
}

/** The scenario used when a request names neither scenario nor topology. */
export const DEFAULT_SCENARIO_ID = 'baseline-2019';

/** Years shown on the slider past the base year when nothing says more (2019-2023). */
const PLAN_SPAN_YEARS = 4;
const CACHE_SIZE = 16;

/** Loads work through a cache keyed on the request and the workspace's change stamp. */
export class WorkLoader {
  private readonly workspace: Workspace;
  private readonly cache = new Map<string, LoadedWork>();
  private cacheStamp = '';

  constructor(workspace: Workspace) {
    this.workspace = workspace;
  }

  /** The scenario or topology a request names, or the default. */
  sourceOf(work: Work): { kind: FileKind; id: string } {
    if (work.topology !== undefined) return { kind: 'topology', id: work.topology };
    if (work.scenario !== undefined) return { kind: 'scenario', id: work.scenario };
    const scenarios = this.workspace.list('scenario');
    if (scenarios.some((s) => s.id === DEFAULT_SCENARIO_ID)) {
      return { kind: 'scenario', id: DEFAULT_SCENARIO_ID };
    }
    if (scenarios.length > 0) return { kind: 'scenario', id: scenarios[0].id };
    const topologies = this.workspace.list('topology');
    if (topologies.length > 0) return { kind: 'topology', id: topologies[0].id };
    throw notFound('scenario', DEFAULT_SCENARIO_ID);
  }

  /** Loads (or finds in the cache) the network of the work. */
  load(work: Work): LoadedWork {
    const source = this.sourceOf(work);
    const stamp = this.workspace.stamp();
    if (stamp !== this.cacheStamp) {
      this.cache.clear();
      this.cacheStamp = stamp;
    }
    const key = JSON.stringify([source.kind, source.id, work.year ?? null, work.changes ?? []]);
    const hit = this.cache.get(key);
    if (hit) {
      // Refresh its place: the cache drops the least recently used entry.
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }

    const loaded = this.loadFresh(source, work);
    this.cache.set(key, loaded);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return loaded;
  }

  private loadFresh(source: { kind: FileKind; id: string }, work: Work): LoadedWork {
    const file = this.workspace.find(source.kind, source.id);
    const input = loadInput(file.path, { year: work.year });
    let network = input.network;

    // Extra changes go on top of the scenario's own, against the topology as written,
    // so that `restore` can bring back what the scenario removed; the network is then
    // resolved as loadInput resolves it.
    if (work.changes !== undefined && work.changes.length > 0) {
      const own = input.scenario ? changesForYear(input.scenario, input.year) : [];
      const extra = work.changes.map((change, i) => ({ change, path: `changes[${i}]` }));
      const topology = applyChanges(input.baseTopology, [...own, ...extra], 'request body',
        input.scenario?.rules);
      network = resolveNetwork(topology, {
        year: input.year, growth: input.scenario?.growth,
        addedDemand: applicationDemand(topology, input.catalogue, input.year),
      });
    }

    let prepared: PreparedNetwork | null = null;
    return {
      source,
      file,
      input,
      network,
      prepared: () => (prepared ??= prepareWithDrc(network)),
      years: yearsOf(input),
      scenarioRef: input.scenario ? { name: input.scenario.name, file: input.file } : null,
    };
  }
}

/** From the topology's base year to the last year the scenario names (at least 4 on). */
export function yearsOf(input: LoadedInput): { min: number; max: number } {
  const min = input.baseTopology.baseYear;
  const named = [
    min + PLAN_SPAN_YEARS,
    input.scenario?.year ?? min,
    ...(input.scenario?.events ?? []).map((e) => e.year),
  ];
  return { min, max: Math.max(...named) };
}
