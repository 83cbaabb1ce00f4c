// Incremental failure recomputation: the loads after a failure, derived from the base
// routing state of each destination by re-routing only the part of its DAG that changes.
import type { CompiledNetwork, FailureMask } from './compiled-network.ts';
import {
  BLOCK, buildEngineBase, CUT_DEMANDS, CUT_MBPS, DOWN_COUNT, DOWN_FROM, EngineState,
  FAIL_COUNT, FAIL_FROM, FLAGGED, FLAGGING, LOST_DEMANDS, LOST_MBPS, SLOT, type EngineBase,
} from './engine-state.ts';
import type { DemandMatrix, RoutedLoads } from './route-demands.ts';
import { countUnrouted, rerouteDestination } from './reroute-destination.ts';
import { updateDestination } from './update-destination.ts';

// Cached state costs 48 bytes per (destination, node): 2^22 entries is about 200 MB.
const DEFAULT_MAX_STATE_ENTRIES = 1 << 22;
// A batch evaluates up to this many failures per pass over the destinations, so that
// each destination's state is read from cache by all of them (Kdl: 1.8x faster).
const MAX_BATCH = 32;
// ...and keeps the batch's loads (32 bytes per link per failure) to about this size.
const BATCH_BYTES = 1 << 20;

/** Options of `createFailureEngine`. */
export interface FailureEngineOptions {
  /** Keep a flag per demand in the results of single evaluations (`FailureLoads.unrouted`). */
  perDemand?: boolean;
  /**
   * Most (destination, node) entries of base state to keep. Destinations beyond it
   * are re-routed in full when a failure touches them: slower, but memory stays
   * linear in the network.
   */
  maxStateEntries?: number;
  /** Build the base routing in shared memory, for engines on other threads to adopt. */
  shareable?: boolean;
  /** Adopt this base routing (of the same network and demand) rather than build one. */
  base?: EngineBase;
}

/** The outcome of one failure. Its arrays are overwritten by later evaluations. */
export interface FailureLoads {
  /** Mbps from linkA to linkB; failed links carry 0. */
  forward: Float64Array;
  /** Mbps from linkB to linkA. */
  reverse: Float64Array;
  /** Demand not routed, counted as `routeDemands` counts it. */
  unroutedMbps: number;
  unroutedDemands: number;
  /** The part of the unrouted demand whose source or destination is down. */
  lostMbps: number;
  lostDemands: number;
  /** The part whose ends are both up but no longer connected. */
  cutMbps: number;
  cutDemands: number;
  /** 1 for each demand (in the caller's order) that found no path; see `perDemand`. */
  unrouted: Uint8Array | null;
}

/** A set of elements that fail together. */
export interface FailureSet {
  links?: ArrayLike<number>;
  /** Nodes down, with their links. */
  nodes?: ArrayLike<number>;
  /** Evaluate the failure for these destinations only; see `DestinationScope`. */
  scope?: DestinationScope;
}

/**
 * The destinations whose node is in `region` of `regionOf` (or, with `inside` false,
 * not in it). A scoped failure's loads are the base loads plus the changes of those
 * destinations alone, failed links included: they are a part for the caller to
 * combine, not an outcome.
 */
export interface DestinationScope {
  regionOf: Int32Array;
  region: number;
  inside: boolean;
}

/** Receives the loads of failure `index` of a batch, valid during the call only. */
export type FailureVisitor = (index: number, loads: FailureLoads) => void;

/** Base loads once, then the loads under any failure, incrementally. */
export interface FailureEngine {
  readonly net: CompiledNetwork;
  readonly matrix: DemandMatrix;
  /** Loads with nothing failed (equal to `routeDemands(net, matrix)`). */
  readonly base: RoutedLoads;
  /** How many destinations keep cached state (the rest are re-routed in full). */
  readonly cachedDestinations: number;
  /** The base routing, for another engine to adopt (see `shareable`). */
  readonly routing: EngineBase;
  /** Loads with the links and nodes of `mask` down. */
  evaluate(mask: FailureMask): FailureLoads;
  /** Loads with the given links down. */
  evaluateLinks(links: ArrayLike<number>): FailureLoads;
  /** Loads with one link down. */
  evaluateLink(link: number): FailureLoads;
  /** Loads with the given nodes down, with their links. */
  evaluateNodes(nodes: ArrayLike<number>): FailureLoads;
  /** Loads with one node down, with its links. */
  evaluateNode(node: number): FailureLoads;
  /**
   * Evaluates many failures, several per pass over the destinations, and calls
   * `visit` for each in order. `unrouted` flags are not kept.
   */
  evaluateMany(failures: ArrayLike<FailureSet>, visit: FailureVisitor): void;
  /** `evaluateMany` for each link (or each node, with its links) of `items` alone. */
  evaluateEach(kind: 'links' | 'nodes', items: ArrayLike<number>, visit: FailureVisitor): void;
}

/**
 * Routes the demands once with nothing failed, keeping per destination each node's
 * distance, next hops and throughput, so that a failure can be evaluated by touching
 * only the part of each destination's DAG that it changes.
 * @example const engine = createFailureEngine(net, matrix); engine.evaluateLink(3).forward
 */
export function createFailureEngine(
  net: CompiledNetwork,
  matrix: DemandMatrix,
  options: FailureEngineOptions = {},
): FailureEngine {
  const n = net.nodeCount;
  const m = net.linkCount;
  const maxEntries = options.maxStateEntries ?? DEFAULT_MAX_STATE_ENTRIES;
  const cached = Math.min(matrix.dest.length, Math.floor(maxEntries / Math.max(1, n)));
  const routing = options.base ??
    buildEngineBase(net, matrix, cached, options.shareable === true);
  const st = new EngineState(net, matrix, {
    slots: Math.max(1, Math.min(MAX_BATCH, Math.floor(BATCH_BYTES / (32 * Math.max(1, m))))),
    perDemand: options.perDemand === true,
  }, routing);
  const results = Array.from({ length: st.slots }, (_, j): FailureLoads => ({
    forward: new Float64Array(m),
    reverse: new Float64Array(m),
    unroutedMbps: 0, unroutedDemands: 0, lostMbps: 0, lostDemands: 0, cutMbps: 0,
    cutDemands: 0, unrouted: j === 0 ? st.unrouted : null,
  }));

  const scopes: (DestinationScope | null)[] = new Array<DestinationScope | null>(st.slots)
    .fill(null);
  const single = (describe: () => void): FailureLoads => {
    openBatch(st);
    describe();
    closeFailure(st);
    st.vars[FLAGGING] = st.unrouted !== null ? 1 : 0;
    scopes.fill(null);
    runBatch(st, results, scopes);
    st.vars[FLAGGING] = 0;
    return results[0];
  };
  const many = (
    count: number,
    describe: (i: number) => DestinationScope | null,
    visit: FailureVisitor,
  ) => {
    for (let from = 0; from < count; from += st.slots) {
      const to = Math.min(count, from + st.slots);
      openBatch(st);
      for (let i = from; i < to; i++) {
        scopes[i - from] = describe(i);
        closeFailure(st);
      }
      runBatch(st, results, scopes);
      for (let i = from; i < to; i++) visit(i, results[i - from]);
    }
  };

  return {
    net,
    matrix,
    base: {
      forward: st.baseForward, reverse: st.baseReverse, unrouted: st.baseUnrouted,
      unroutedMbps: st.baseUnroutedMbps,
    },
    cachedDestinations: st.cached,
    routing,
    evaluate: (mask) => single(() => {
      for (let e = 0; e < m; e++) if (mask.linkDown[e]) addLink(st, e);
      for (let u = 0; u < n; u++) if (mask.nodeDown[u]) addNode(st, u);
    }),
    evaluateLinks: (links) => single(() => {
      for (let i = 0; i < links.length; i++) addLink(st, links[i]);
    }),
    evaluateLink: (link) => single(() => addLink(st, link)),
    evaluateNodes: (nodes) => single(() => {
      for (let i = 0; i < nodes.length; i++) addNode(st, nodes[i]);
    }),
    evaluateNode: (node) => single(() => addNode(st, node)),
    evaluateMany: (failures, visit) => many(failures.length, (i) => {
      const { links, nodes, scope } = failures[i];
      for (let j = 0; links && j < links.length; j++) addLink(st, links[j]);
      for (let j = 0; nodes && j < nodes.length; j++) addNode(st, nodes[j]);
      return scope ?? null;
    }, visit),
    evaluateEach: (kind, items, visit) => many(items.length, (i) => {
      if (kind === 'links') addLink(st, items[i]);
      else addNode(st, items[i]);
      return null;
    }, visit),
  };
}

/** Starts describing the failures of a new batch. */
function openBatch(st: EngineState): void {
  st.vars[BLOCK] = 0;
  st.failStart[0] = 0;
  st.failStart[1] = 0;
  st.downStart[0] = 0;
  st.downStart[1] = 0;
}

/** Adds a link to the failure being described; the flag skips duplicates. */
function addLink(st: EngineState, e: number): void {
  if (st.linkFailed[e]) return;
  st.linkFailed[e] = 1;
  const j = st.vars[BLOCK];
  st.failList[st.failStart[j + 1]++] = e;
}

/** Adds a node, and its links, to the failure being described. */
function addNode(st: EngineState, u: number): void {
  if (st.nodeDown[u]) return;
  st.nodeDown[u] = 1;
  const j = st.vars[BLOCK];
  st.downList[st.downStart[j + 1]++] = u;
  const { offsets, adjLink } = st.net;
  for (let k = offsets[u]; k < offsets[u + 1]; k++) addLink(st, adjLink[k]);
}

/** Ends the failure being described (its flags come down) and opens the next slot. */
function closeFailure(st: EngineState): void {
  const j = st.vars[BLOCK];
  leaveSlot(st, j);
  st.vars[BLOCK] = j + 1;
  if (j + 1 < st.slots) {
    st.failStart[j + 2] = st.failStart[j + 1];
    st.downStart[j + 2] = st.downStart[j + 1];
  }
}

/** Makes slot j current and raises its failure's flags. */
function enterSlot(st: EngineState, j: number): void {
  const { vars, failStart, downStart, failList, downList } = st;
  vars[SLOT] = j;
  vars[FAIL_FROM] = failStart[j];
  vars[FAIL_COUNT] = failStart[j + 1] - failStart[j];
  vars[DOWN_FROM] = downStart[j];
  vars[DOWN_COUNT] = downStart[j + 1] - downStart[j];
  for (let i = failStart[j]; i < failStart[j + 1]; i++) st.linkFailed[failList[i]] = 1;
  for (let i = downStart[j]; i < downStart[j + 1]; i++) st.nodeDown[downList[i]] = 1;
}

/** Lowers slot j's failure flags. */
function leaveSlot(st: EngineState, j: number): void {
  const { failStart, downStart, failList, downList } = st;
  for (let i = failStart[j]; i < failStart[j + 1]; i++) st.linkFailed[failList[i]] = 0;
  for (let i = downStart[j]; i < downStart[j + 1]; i++) st.nodeDown[downList[i]] = 0;
}

/**
 * Evaluates the described failures, destination by destination, into `results`;
 * slot j only for the destinations of `scopes[j]` when it is set.
 */
function runBatch(
  st: EngineState,
  results: FailureLoads[],
  scopes: readonly (DestinationScope | null)[],
): void {
  const count = st.vars[BLOCK];
  const { m, tally, vars } = st;

  // Back to the base (a copy costs less than tracking which links changed).
  for (let j = 0; j < count; j++) st.loads.set(st.baseLoads, 2 * j * m);
  tally.fill(0);
  if (st.unrouted !== null) {
    for (let i = 0; i < vars[FLAGGED]; i++) st.unrouted[st.flagged[i]] = 0;
    vars[FLAGGED] = 0;
  }

  const groups = st.matrix.dest.length;
  const { dest } = st.matrix;
  for (let g = 0; g < groups; g++) {
    for (let j = 0; j < count; j++) {
      const scope = scopes[j];
      if (scope !== null && (scope.regionOf[dest[g]] === scope.region) !== scope.inside) continue;
      enterSlot(st, j);
      if (g < st.cached) updateDestination(st, g);
      else rerouteDestination(st, g);
      leaveSlot(st, j);
    }
  }

  const { source } = st.matrix;
  for (let j = 0; j < count; j++) {
    enterSlot(st, j);
    // Demands unrouted even with nothing failed stay so.
    if (vars[DOWN_COUNT] === 0 && vars[FLAGGING] === 0) {
      tally[4 * j + CUT_MBPS] += st.baseUnroutedMbps;
      tally[4 * j + CUT_DEMANDS] += st.baseCut.length;
    } else {
      for (let i = 0; i < st.baseCut.length; i++) {
        const k = st.baseCut[i];
        const down = st.nodeDown[source[k]] === 1 || st.nodeDown[dest[st.baseCutGroup[i]]] === 1;
        countUnrouted(st, k, down);
      }
    }
    // Failed links carry nothing, exactly (the subtractions leave rounding residue);
    // a scoped part keeps what its destinations leave there, for the caller to combine.
    const zeroTo = scopes[j] === null ? vars[FAIL_FROM] + vars[FAIL_COUNT] : 0;
    for (let i = vars[FAIL_FROM]; i < zeroTo; i++) {
      st.loads[2 * (j * m + st.failList[i])] = 0;
      st.loads[2 * (j * m + st.failList[i]) + 1] = 0;
    }
    leaveSlot(st, j);
    const r = results[j];
    for (let e = 0; e < m; e++) {
      r.forward[e] = st.loads[2 * (j * m + e)];
      r.reverse[e] = st.loads[2 * (j * m + e) + 1];
    }
    r.lostMbps = tally[4 * j + LOST_MBPS];
    r.lostDemands = tally[4 * j + LOST_DEMANDS];
    r.cutMbps = tally[4 * j + CUT_MBPS];
    r.cutDemands = tally[4 * j + CUT_DEMANDS];
    r.unroutedMbps = r.lostMbps + r.cutMbps;
    r.unroutedDemands = r.lostDemands + r.cutDemands;
  }
}
