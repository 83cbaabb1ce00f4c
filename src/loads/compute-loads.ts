// The `loads` rule end to end: clean, gravity demand, hop-count routing with per-node
// equal splitting, utilisation, and optionally every single link or node failure.
import type { ImportedGraph } from '../io/imported-graph.ts';
import { InputError, InputErrorCode } from '../model/errors.ts';
import { compileNetwork, type CompiledNetwork } from '../routing/compiled-network.ts';
import { createFailureEngine } from '../routing/failure-engine.ts';
import { sweepFailures, type SweepKind, type SweepSummary } from '../routing/failure-sweep.ts';
import { SweepPool } from '../routing/parallel-sweep.ts';
import { peakUtilization } from '../routing/peak-utilization.ts';
import type { DemandMatrix } from '../routing/route-demands.ts';
import { gravityBaseLoads, type BaseLoads } from './base-loads.ts';
import { cleanGraph, type CleanGraph } from './clean-graph.ts';
import { gravityMatrix, gravityModel, type GravityModel, type WeightBasis } from './gravity.ts';

/** Failure sweeps route n(n-1) explicit demands; this many is about 270 MB of them. */
export const MAX_SWEEP_DEMANDS = 1 << 24;

/** Options of `computeLoads`. */
export interface LoadsOptions {
  /** Sum of all demands, in Mbps. */
  gravityTotalMbps: number;
  /** Capacity of every link in each direction, in Mbps. */
  capacityMbps: number;
  /** Fail each link in turn. */
  n1?: boolean;
  /** Fail each node in turn, with its links. */
  n1Nodes?: boolean;
  /** Threads for the sweeps, the calling one included; 1 (the default) starts no worker. */
  threads?: number;
  onProgress?: (kind: SweepKind, done: number, total: number) => void;
}

/** A link direction, named by the link's ends as `edges[]` gives them. */
export interface LinkDirection {
  source: string;
  target: string;
  /** `forward` runs source to target. */
  direction: 'forward' | 'reverse';
}

/** One cleaned link and its loads. */
export interface LoadsEdge {
  source: string;
  target: string;
  loadForwardMbps: number;
  loadReverseMbps: number;
}

/** The outcome of one link failure. */
export interface LinkFailureLoads {
  source: string;
  target: string;
  unroutedDemands: number;
  unroutedMbps: number;
  maxUtilization: number;
  maxUtilizationLink: LinkDirection | null;
}

/** The outcome of one node failure. */
export interface NodeFailureLoads {
  node: string;
  /** Demand from or to the node. */
  lostMbps: number;
  lostDemands: number;
  /** Demand between other nodes that lost every path. */
  unroutedMbps: number;
  unroutedDemands: number;
  maxUtilization: number;
  maxUtilizationLink: LinkDirection | null;
}

/** What `netsim loads` prints as JSON. */
export interface LoadsResult {
  kind: 'loads';
  schemaVersion: 1;
  /** Node and link counts after cleaning. */
  nodes: number;
  links: number;
  gravityTotalMbps: number;
  capacityMbps: number;
  weights: WeightBasis;
  /** What cleaning removed. */
  cleaning: {
    selfLoops: number;
    parallelEdges: number;
    nodesOutsideComponent: number;
    linksOutsideComponent: number;
  };
  edges: LoadsEdge[];
  maxUtilization: number;
  maxUtilizationLink: LinkDirection | null;
  linkFailures?: LinkFailureLoads[];
  nodeFailures?: NodeFailureLoads[];
}

/** The cleaned graph compiled for routing, with its gravity model. */
export interface PreparedLoads {
  clean: CleanGraph;
  net: CompiledNetwork;
  gravity: GravityModel;
  capacityMbps: number;
}

/** Cleans and compiles a graph for the `loads` rule. */
export function prepareLoads(
  graph: ImportedGraph,
  options: Pick<LoadsOptions, 'gravityTotalMbps' | 'capacityMbps'>,
): PreparedLoads {
  const clean = cleanGraph(graph);
  const net = compileNetwork(clean.nodeIds, clean.links.map((link, i) => ({
    id: String(i), a: clean.nodeIds[link.a], b: clean.nodeIds[link.b],
    capacityMbps: options.capacityMbps, metric: 1,
  })));
  const gravity = gravityModel(clean, options.gravityTotalMbps);
  return { clean, net, gravity, capacityMbps: options.capacityMbps };
}

/** Base loads with nothing failed; see `gravityBaseLoads`. */
export function baseLoads(prepared: PreparedLoads): BaseLoads {
  return gravityBaseLoads(prepared.net, prepared.gravity);
}

/**
 * Computes `netsim loads`: the cleaned graph's loads under gravity demand, and with
 * `n1` / `n1Nodes` the outcome of each link or node failure, evaluated incrementally.
 * @example await computeLoads(graph, { gravityTotalMbps: 1000, capacityMbps: 100, n1: true })
 */
export async function computeLoads(
  graph: ImportedGraph,
  options: LoadsOptions,
): Promise<LoadsResult> {
  const threads = Math.floor(options.threads ?? 1);
  // Workers boot while this thread cleans, routes and builds the engine they adopt.
  const pool = sweeps(options) && threads > 1 ? SweepPool.start(threads - 1) : null;
  try {
    return await loadsWith(graph, options, pool);
  } finally {
    await pool?.close();
  }
}

async function loadsWith(
  graph: ImportedGraph,
  options: LoadsOptions,
  pool: SweepPool | null,
): Promise<LoadsResult> {
  const prepared = prepareLoads(graph, options);
  const { clean, net } = prepared;
  const matrix = sweeps(options) ? sweepMatrix(prepared) : null;
  const engine = matrix && createFailureEngine(net, matrix, { shareable: pool !== null });
  // The base figures come from one routine whatever the sweep runs on, so that they do
  // not change with the number of threads (the engine's sum in another order).
  const base = baseLoads(prepared);
  const peak = peakUtilization(net, base.forward, base.reverse);

  const result: LoadsResult = {
    kind: 'loads',
    schemaVersion: 1,
    nodes: net.nodeCount,
    links: net.linkCount,
    gravityTotalMbps: options.gravityTotalMbps,
    capacityMbps: options.capacityMbps,
    weights: prepared.gravity.basis,
    cleaning: {
      selfLoops: clean.dropped.selfLoops,
      parallelEdges: clean.dropped.parallelEdges,
      nodesOutsideComponent: clean.dropped.nodes,
      linksOutsideComponent: clean.dropped.edges,
    },
    edges: clean.links.map((link, e) => ({
      source: link.source,
      target: link.target,
      loadForwardMbps: base.forward[e],
      loadReverseMbps: base.reverse[e],
    })),
    maxUtilization: peak.utilization,
    maxUtilizationLink: direction(clean, peak.link, peak.reverse),
  };

  // Gravity demand is scale * w(s) * w(t): the sweep may evaluate chains whole.
  const { weights, totalMbps, pairSum } = prepared.gravity;
  const product = pairSum > 0 ? { weights, scale: totalMbps / pairSum } : null;
  const sweep = async (kind: SweepKind): Promise<SweepSummary> => {
    const count = kind === 'links' ? net.linkCount : net.nodeCount;
    const items = Int32Array.from({ length: count }, (_, i) => i);
    const progress = options.onProgress && ((done: number, total: number) => {
      options.onProgress!(kind, done, total);
    });
    if (pool) return pool.sweep(engine!, kind, items, { onProgress: progress, product });
    return sweepFailures(engine!, kind, items, { onProgress: progress, product });
  };
  if (options.n1) {
    const s = await sweep('links');
    result.linkFailures = clean.links.map((link, i) => ({
      source: link.source,
      target: link.target,
      unroutedDemands: s.unroutedDemands[i],
      unroutedMbps: s.unroutedMbps[i],
      maxUtilization: s.maxUtilization[i],
      maxUtilizationLink: direction(clean, s.maxLink[i], s.maxReverse[i] === 1),
    }));
  }
  if (options.n1Nodes) {
    const s = await sweep('nodes');
    result.nodeFailures = clean.nodeIds.map((node, i) => ({
      node,
      lostMbps: s.lostMbps[i],
      lostDemands: s.lostDemands[i],
      unroutedMbps: s.cutMbps[i],
      unroutedDemands: s.cutDemands[i],
      maxUtilization: s.maxUtilization[i],
      maxUtilizationLink: direction(clean, s.maxLink[i], s.maxReverse[i] === 1),
    }));
  }
  return result;
}

function sweeps(options: LoadsOptions): boolean {
  return options.n1 === true || options.n1Nodes === true;
}

/** The explicit demand list a sweep needs, refused when it would not fit in memory. */
function sweepMatrix(prepared: PreparedLoads): DemandMatrix {
  const n = prepared.net.nodeCount;
  if (n * (n - 1) > MAX_SWEEP_DEMANDS) {
    throw new InputError(InputErrorCode.limit, 'loads', [{
      code: 'too_many_demands',
      path: '',
      message: `--n1 and --n1-nodes route every ordered pair of nodes: expected at most ` +
        `${Math.floor(Math.sqrt(MAX_SWEEP_DEMANDS))} nodes after cleaning, got ${n}`,
    }]);
  }
  return gravityMatrix(prepared.gravity);
}

function direction(clean: CleanGraph, link: number, reverse: boolean): LinkDirection | null {
  if (link < 0) return null;
  const { source, target } = clean.links[link];
  return { source, target, direction: reverse ? 'reverse' : 'forward' };
}
