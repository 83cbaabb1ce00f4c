// Incremental failure recomputation: the loads after a failure, derived from the base
// routing state of each destination by re-routing only the part of its DAG that changes.
import type { CompiledNetwork, FailureMask } from './compiled-network.ts';
import { emptyMask } from './compiled-network.ts';
import { createScratch, searchToTarget, type SearchScratch } from './distances.ts';
import { KeyHeap } from './key-heap.ts';
import type { DemandMatrix, RoutedLoads } from './route-demands.ts';

// Cached state costs 32 bytes per (destination, node): 2^22 entries is about 134 MB.
const DEFAULT_MAX_STATE_ENTRIES = 1 << 22;
// A batch evaluates this many failures per pass over the destinations, so that each
// destination's state is read from cache by all of them (measured on Kdl: 1.8x).
const MAX_BATCH = 32;
// ...and keeps the batch's loads (16 bytes per link per failure) to about this size.
const BATCH_BYTES = 1 << 20;

// Per (destination, node) state, four numbers side by side so that one cache line
// holds all a visit needs: distance, throughput, next-hop count, and the next hop's
// adjacency index (one next hop) or the start of its next hops in `hopAdj` (several).
const STRIDE = 4;
const DIST = 0;
const THROUGH = 1;
const HOPS = 2;
const HOP = 3;

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
}

/** Base loads once, then the loads under any failure, incrementally. */
export interface FailureEngine {
  readonly net: CompiledNetwork;
  readonly matrix: DemandMatrix;
  /** Loads with nothing failed (equal to `routeDemands(net, matrix)`). */
  readonly base: RoutedLoads;
  /** How many destinations keep cached state (the rest are re-routed in full). */
  readonly cachedDestinations: number;
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
   * `visit` for each in order. The loads handed to `visit` are valid during the call
   * only; `unrouted` flags are not kept.
   */
  evaluateMany(failures: ArrayLike<FailureSet>, visit: FailureVisitor): void;
  /** `evaluateMany` for each link (or each node, with its links) of `items` alone. */
  evaluateEach(kind: 'links' | 'nodes', items: ArrayLike<number>, visit: FailureVisitor): void;
}

/** Receives the loads of failure `index` of a batch. */
export type FailureVisitor = (index: number, loads: FailureLoads) => void;

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
  const st = new EngineState(net, matrix, options);
  basePass(st);
  const single = (fill: () => void): FailureLoads => {
    st.flagging = st.unrouted !== null;
    openBlock(st);
    fill();
    closeFailure(st);
    runBlock(st);
    st.flagging = false;
    return st.results[0];
  };
  const many = (count: number, fill: (i: number) => void, visit: FailureVisitor) => {
    for (let from = 0; from < count; from += st.slots) {
      const to = Math.min(count, from + st.slots);
      openBlock(st);
      for (let i = from; i < to; i++) {
        fill(i);
        closeFailure(st);
      }
      runBlock(st);
      for (let i = from; i < to; i++) visit(i, st.results[i - from]);
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
    evaluate: (mask) => single(() => {
      for (let e = 0; e < st.m; e++) if (mask.linkDown[e]) addLink(st, e);
      for (let u = 0; u < st.n; u++) if (mask.nodeDown[u]) addNode(st, u);
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
      const { links, nodes } = failures[i];
      for (let j = 0; links && j < links.length; j++) addLink(st, links[j]);
      for (let j = 0; nodes && j < nodes.length; j++) addNode(st, nodes[j]);
    }, visit),
    evaluateEach: (kind, items, visit) => many(items.length, (i) => {
      if (kind === 'links') addLink(st, items[i]);
      else addNode(st, items[i]);
    }, visit),
  };
}

/** Everything an engine holds: a fixed shape, so that V8 keeps its accesses fast. */
class EngineState {
  readonly n: number;
  readonly m: number;
  readonly net: CompiledNetwork;
  readonly matrix: DemandMatrix;
  readonly unit: boolean;
  /** Destinations 0..cached-1 keep base state; the rest are re-routed in full. */
  readonly cached: number;

  /** Base state of (g, u) at STRIDE * (g * n + u); see DIST, THROUGH, HOPS, HOP. */
  readonly state: Float64Array;
  hopAdj = new Int32Array(1024);
  hopCount = 0;
  // Entries of each cached group ordered by source, to find a cut-off node's demands.
  sortedSource = new Int32Array(0);
  sortedEntry = new Int32Array(0);

  readonly baseForward: Float64Array;
  readonly baseReverse: Float64Array;
  readonly baseUnrouted: Uint8Array;
  baseUnroutedMbps = 0;
  readonly baseCut: number[] = [];
  readonly baseCutGroup: number[] = [];

  // A batch: the failures of slots 0..blockSize-1 and their loads.
  readonly slots: number;
  blockSize = 0;
  failList: Int32Array;
  readonly failStart: Int32Array;
  downList: Int32Array;
  readonly downStart: Int32Array;
  readonly results: FailureLoads[];

  // The slot being evaluated: its loads, failure and unrouted demand.
  forward: Float64Array;
  reverse: Float64Array;
  failFrom = 0;
  failCount = 0;
  downFrom = 0;
  downCount = 0;
  lostMbps = 0;
  lostDemands = 0;
  cutMbps = 0;
  cutDemands = 0;
  readonly linkFailed: Uint8Array;
  readonly nodeDown: Uint8Array;
  readonly failMask: FailureMask;
  readonly intact: FailureMask;

  // Scratch of one destination's update; stamps mark what it touched.
  readonly stamp: Int32Array;
  readonly queued: Int32Array;
  cur = 0;
  readonly inS: Uint8Array;
  readonly remaining: Int32Array;
  readonly newDist: Float64Array;
  readonly delta: Float64Array;
  readonly touched: Int32Array;
  readonly grown: Int32Array;
  /** 1 for a node with exactly two adjacency entries (a chain interior). */
  readonly chain: Uint8Array;
  readonly bucketHead: Int32Array;
  readonly bucketNext: Int32Array;
  // Entries of the bucket search in S (a node may be queued more than once).
  readonly poolNode: Int32Array;
  readonly poolNext: Int32Array;
  readonly searchHeap: KeyHeap;
  readonly pushHeap: KeyHeap;
  readonly scratch: SearchScratch;
  readonly baseScratch: SearchScratch;
  readonly inflow: Float64Array;

  /** Per-demand flags of a single evaluation, with the indices set. */
  readonly unrouted: Uint8Array | null;
  readonly flagged: Int32Array;
  flaggedCount = 0;
  flagging = false;

  constructor(net: CompiledNetwork, matrix: DemandMatrix, options: FailureEngineOptions) {
    const n = net.nodeCount;
    const m = net.linkCount;
    this.n = n;
    this.m = m;
    this.net = net;
    this.matrix = matrix;
    this.unit = net.unitCost;
    const maxEntries = options.maxStateEntries ?? DEFAULT_MAX_STATE_ENTRIES;
    this.cached = Math.min(matrix.dest.length, Math.floor(maxEntries / Math.max(1, n)));
    this.state = new Float64Array(this.cached * n * STRIDE);
    this.baseForward = new Float64Array(m);
    this.baseReverse = new Float64Array(m);
    this.baseUnrouted = new Uint8Array(matrix.demandCount);

    this.slots = Math.max(1, Math.min(MAX_BATCH, Math.floor(BATCH_BYTES / (16 * Math.max(1, m)))));
    this.failList = new Int32Array(64);
    this.failStart = new Int32Array(this.slots + 1);
    this.downList = new Int32Array(64);
    this.downStart = new Int32Array(this.slots + 1);
    this.results = [];
    for (let j = 0; j < this.slots; j++) {
      this.results.push({
        forward: new Float64Array(m), reverse: new Float64Array(m),
        unroutedMbps: 0, unroutedDemands: 0,
        lostMbps: 0, lostDemands: 0, cutMbps: 0, cutDemands: 0, unrouted: null,
      });
    }
    this.forward = this.results[0].forward;
    this.reverse = this.results[0].reverse;
    this.linkFailed = new Uint8Array(m);
    this.nodeDown = new Uint8Array(n);
    this.failMask = { linkDown: this.linkFailed, nodeDown: this.nodeDown };
    this.intact = emptyMask(net);

    this.stamp = new Int32Array(n);
    this.queued = new Int32Array(n);
    this.inS = new Uint8Array(n);
    this.remaining = new Int32Array(n);
    this.newDist = new Float64Array(n);
    this.delta = new Float64Array(n);
    this.touched = new Int32Array(n);
    this.grown = new Int32Array(n);
    this.chain = new Uint8Array(n);
    for (let u = 0; u < n; u++) this.chain[u] = net.offsets[u + 1] - net.offsets[u] === 2 ? 1 : 0;
    this.bucketHead = new Int32Array(this.unit ? n + 1 : 0).fill(-1);
    this.bucketNext = new Int32Array(this.unit ? n : 0);
    this.poolNode = new Int32Array(this.unit ? 2 * m + n + 1 : 0);
    this.poolNext = new Int32Array(this.unit ? 2 * m + n + 1 : 0);
    this.searchHeap = new KeyHeap(n + 1);
    this.pushHeap = new KeyHeap(n + 1);
    this.scratch = createScratch(net);
    this.baseScratch = createScratch(net);
    this.inflow = new Float64Array(n);
    this.unrouted = options.perDemand ? new Uint8Array(matrix.demandCount) : null;
    this.flagged = new Int32Array(options.perDemand ? matrix.demandCount : 0);
    this.results[0].unrouted = this.unrouted;
  }
}

/** Routes every destination with nothing failed, keeping the state of cached ones. */
function basePass(st: EngineState): void {
  const { net, matrix, scratch, inflow } = st;
  const { dest, start, source, mbps, origin } = matrix;
  for (let g = 0; g < dest.length; g++) {
    searchToTarget(net, dest[g], st.intact, scratch);
    for (let k = start[g]; k < start[g + 1]; k++) {
      const s = source[k];
      if (scratch.dist[s] === Infinity) {
        st.baseUnrouted[origin[k]] = 1;
        st.baseUnroutedMbps += mbps[k];
        st.baseCut.push(k);
        st.baseCutGroup.push(g);
      } else {
        inflow[s] += mbps[k];
      }
    }
    if (g < st.cached) {
      const base = g * st.n * STRIDE;
      for (let u = 0; u < st.n; u++) st.state[base + u * STRIDE + DIST] = scratch.dist[u];
    }
    spread(st, scratch, 1, null, g < st.cached ? g : -1, true);
  }
  for (const r of st.results) {
    r.forward.set(st.baseForward);
    r.reverse.set(st.baseReverse);
  }
  sortBySource(st);
}

/**
 * Splits each node's inflow over its next hops in `s` (a finished search), farthest
 * first, adding `sign` times the shares to the base loads (`toBase`) or to the
 * current slot's loads. With `record` = g >= 0 it keeps destination g's next hops and
 * throughputs; with `live` it skips that mask's failed links.
 */
function spread(
  st: EngineState,
  s: SearchScratch,
  sign: number,
  live: FailureMask | null,
  record: number,
  toBase: boolean,
): void {
  const { offsets, adjNode, adjLink, cost, linkA } = st.net;
  const { inflow, state } = st;
  const sd = s.dist;
  const order = s.order;
  const fw = toBase ? st.baseForward : st.forward;
  const rv = toBase ? st.baseReverse : st.reverse;
  for (let i = s.settled - 1; i > 0; i--) {
    const u = order[i];
    const x = inflow[u];
    if (x === 0 && record < 0) continue;
    inflow[u] = 0;
    const du = sd[u];
    let hops = 0;
    let first = -1;
    const hopFrom = st.hopCount;
    for (let k = offsets[u]; k < offsets[u + 1]; k++) {
      const e = adjLink[k];
      if ((live !== null && live.linkDown[e]) || sd[adjNode[k]] + cost[e] !== du) continue;
      hops += 1;
      if (first < 0) first = k;
      if (record >= 0) appendHop(st, k);
    }
    if (record >= 0) {
      const at = (record * st.n + u) * STRIDE;
      state[at + THROUGH] = x;
      state[at + HOPS] = hops;
      // A single next hop is kept inline; several are kept in hopAdj.
      if (hops === 1) {
        state[at + HOP] = first;
        st.hopCount = hopFrom;
      } else {
        state[at + HOP] = hopFrom;
      }
    }
    if (x === 0) continue;
    const share = x / hops;
    const load = sign * share;
    for (let k = offsets[u]; k < offsets[u + 1]; k++) {
      const e = adjLink[k];
      const v = adjNode[k];
      if ((live !== null && live.linkDown[e]) || sd[v] + cost[e] !== du) continue;
      if (linkA[e] === u) fw[e] += load;
      else rv[e] += load;
      inflow[v] += share;
    }
  }
  if (s.settled > 0) inflow[order[0]] = 0;
}

function appendHop(st: EngineState, k: number): void {
  if (st.hopCount === st.hopAdj.length) {
    const grown = new Int32Array(st.hopAdj.length * 2);
    grown.set(st.hopAdj);
    st.hopAdj = grown;
  }
  st.hopAdj[st.hopCount++] = k;
}

/** Starts describing the failures of a new batch. */
function openBlock(st: EngineState): void {
  st.blockSize = 0;
  st.failStart[0] = 0;
  st.failStart[1] = 0;
  st.downStart[0] = 0;
  st.downStart[1] = 0;
}

/** Adds a link to the failure being described (slot `blockSize`). */
function addLink(st: EngineState, e: number): void {
  if (st.linkFailed[e]) return;
  st.linkFailed[e] = 1;
  const end = st.failStart[st.blockSize + 1];
  if (end === st.failList.length) st.failList = grow(st.failList);
  st.failList[end] = e;
  st.failStart[st.blockSize + 1] = end + 1;
}

/** Adds a node, and its links, to the failure being described. */
function addNode(st: EngineState, u: number): void {
  if (st.nodeDown[u]) return;
  st.nodeDown[u] = 1;
  const end = st.downStart[st.blockSize + 1];
  if (end === st.downList.length) st.downList = grow(st.downList);
  st.downList[end] = u;
  st.downStart[st.blockSize + 1] = end + 1;
  const { offsets, adjLink } = st.net;
  for (let k = offsets[u]; k < offsets[u + 1]; k++) addLink(st, adjLink[k]);
}

/** Ends the failure being described and opens the next slot. */
function closeFailure(st: EngineState): void {
  // The flags served to skip duplicates; enterSlot raises them again when evaluating.
  const j = st.blockSize;
  for (let i = st.failStart[j]; i < st.failStart[j + 1]; i++) st.linkFailed[st.failList[i]] = 0;
  for (let i = st.downStart[j]; i < st.downStart[j + 1]; i++) st.nodeDown[st.downList[i]] = 0;
  st.blockSize += 1;
  if (st.blockSize < st.slots) {
    st.failStart[st.blockSize + 1] = st.failStart[st.blockSize];
    st.downStart[st.blockSize + 1] = st.downStart[st.blockSize];
  }
}

function grow(list: Int32Array): Int32Array {
  const bigger = new Int32Array(list.length * 2);
  bigger.set(list);
  return bigger;
}

/** Points the working fields at slot j, with its failure's flags raised. */
function enterSlot(st: EngineState, j: number): void {
  const r = st.results[j];
  st.forward = r.forward;
  st.reverse = r.reverse;
  st.lostMbps = r.lostMbps;
  st.lostDemands = r.lostDemands;
  st.cutMbps = r.cutMbps;
  st.cutDemands = r.cutDemands;
  st.failFrom = st.failStart[j];
  st.failCount = st.failStart[j + 1] - st.failFrom;
  st.downFrom = st.downStart[j];
  st.downCount = st.downStart[j + 1] - st.downFrom;
  for (let i = 0; i < st.failCount; i++) st.linkFailed[st.failList[st.failFrom + i]] = 1;
  for (let i = 0; i < st.downCount; i++) st.nodeDown[st.downList[st.downFrom + i]] = 1;
}

/** Stores the working fields back into slot j and lowers its failure's flags. */
function leaveSlot(st: EngineState, j: number): void {
  const r = st.results[j];
  r.lostMbps = st.lostMbps;
  r.lostDemands = st.lostDemands;
  r.cutMbps = st.cutMbps;
  r.cutDemands = st.cutDemands;
  for (let i = 0; i < st.failCount; i++) st.linkFailed[st.failList[st.failFrom + i]] = 0;
  for (let i = 0; i < st.downCount; i++) st.nodeDown[st.downList[st.downFrom + i]] = 0;
}

/** Evaluates the failures of slots 0..blockSize-1, destination by destination. */
function runBlock(st: EngineState): void {
  const count = st.blockSize;

  // Back to the base (a copy costs less than tracking which links changed).
  for (let j = 0; j < count; j++) {
    const r = st.results[j];
    r.forward.set(st.baseForward);
    r.reverse.set(st.baseReverse);
    r.lostMbps = 0;
    r.lostDemands = 0;
    r.cutMbps = 0;
    r.cutDemands = 0;
  }
  if (st.unrouted !== null) {
    for (let i = 0; i < st.flaggedCount; i++) st.unrouted[st.flagged[i]] = 0;
    st.flaggedCount = 0;
  }

  const groups = st.matrix.dest.length;
  for (let g = 0; g < groups; g++) {
    for (let j = 0; j < count; j++) {
      enterSlot(st, j);
      if (g < st.cached) updateDestination(st, g);
      else rerouteDestination(st, g);
      leaveSlot(st, j);
    }
  }

  const { source, dest } = st.matrix;
  for (let j = 0; j < count; j++) {
    enterSlot(st, j);
    // Demands unrouted even with nothing failed stay so.
    if (st.downCount === 0 && !st.flagging) {
      st.cutMbps += st.baseUnroutedMbps;
      st.cutDemands += st.baseCut.length;
    } else {
      for (let i = 0; i < st.baseCut.length; i++) {
        const k = st.baseCut[i];
        const down = st.nodeDown[source[k]] === 1 || st.nodeDown[dest[st.baseCutGroup[i]]] === 1;
        countUnrouted(st, k, down);
      }
    }
    // Failed links carry nothing, exactly (the subtractions leave rounding residue).
    for (let i = 0; i < st.failCount; i++) {
      const e = st.failList[st.failFrom + i];
      st.forward[e] = 0;
      st.reverse[e] = 0;
    }
    leaveSlot(st, j);
    const r = st.results[j];
    r.unroutedMbps = r.lostMbps + r.cutMbps;
    r.unroutedDemands = r.lostDemands + r.cutDemands;
  }
}

function countUnrouted(st: EngineState, k: number, lost: boolean): void {
  const x = st.matrix.mbps[k];
  if (lost) {
    st.lostMbps += x;
    st.lostDemands += 1;
  } else {
    st.cutMbps += x;
    st.cutDemands += 1;
  }
  if (st.flagging && st.unrouted !== null) {
    const i = st.matrix.origin[k];
    st.unrouted[i] = 1;
    st.flagged[st.flaggedCount++] = i;
  }
}

/**
 * Re-routes one cached destination under the current slot's failure (the DESIGN's
 * "Performance design"). Steps: find the nodes that lose next hops and the set S
 * whose distance grows; give S new distances from its live neighbours outside it;
 * withdraw the old split of every touched node; then, farthest node first, split
 * touched nodes anew and pass other nodes' change in throughput down their
 * unchanged next hops. The hot loops are written out in full on purpose: helper
 * calls there cost a measurable share of a sweep.
 */
function updateDestination(st: EngineState, g: number): void {
  const { state, linkFailed, failList, failFrom, failCount } = st;
  const { offsets, adjNode, adjLink, cost, linkA, linkB } = st.net;
  const t = st.matrix.dest[g];
  const at = g * st.n;
  if (st.nodeDown[t]) {
    dropDestination(st, g);
    return;
  }

  // Skip the destination unless a failed link carries some of its traffic.
  let hit = false;
  for (let i = failFrom; i < failFrom + failCount && !hit; i++) {
    const e = failList[i];
    const sa = (at + linkA[e]) * STRIDE;
    const sb = (at + linkB[e]) * STRIDE;
    hit = (state[sa] === state[sb] + cost[e] && state[sa + THROUGH] > 0) ||
      (state[sb] === state[sa] + cost[e] && state[sb + THROUGH] > 0);
  }
  if (!hit) return;

  const { stamp, queued, inS, remaining, newDist, delta, touched, grown, hopAdj } = st;
  const { forward, reverse, bucketHead, bucketNext, unit } = st;
  if (st.cur === 0x7fffffff) {
    stamp.fill(0);
    queued.fill(0);
    st.cur = 0;
  }
  const cur = ++st.cur;
  let touchedCount = 0;
  let grownCount = 0;

  // The upper end of each failed DAG link loses a next hop; a node left with none
  // joins S, and so, in turn, does every node all of whose next hops lead into S.
  for (let i = failFrom; i < failFrom + failCount; i++) {
    const e = failList[i];
    const da = state[(at + linkA[e]) * STRIDE];
    const db = state[(at + linkB[e]) * STRIDE];
    let u = -1;
    if (da !== Infinity && da === db + cost[e]) u = linkA[e];
    else if (db !== Infinity && db === da + cost[e]) u = linkB[e];
    if (u < 0) continue;
    if (stamp[u] !== cur) {
      stamp[u] = cur;
      remaining[u] = state[(at + u) * STRIDE + HOPS];
      inS[u] = 0;
      touched[touchedCount++] = u;
    }
    if (--remaining[u] === 0) {
      inS[u] = 1;
      newDist[u] = Infinity;
      grown[grownCount++] = u;
    }
  }
  for (let i = 0; i < grownCount; i++) {
    const x = grown[i];
    const up = state[(at + x) * STRIDE];
    for (let k = offsets[x]; k < offsets[x + 1]; k++) {
      const e = adjLink[k];
      const w = adjNode[k];
      const sw = (at + w) * STRIDE;
      if (linkFailed[e] || state[sw] !== up + cost[e]) continue;
      if (stamp[w] !== cur) {
        stamp[w] = cur;
        remaining[w] = state[sw + HOPS];
        inS[w] = 0;
        touched[touchedCount++] = w;
      }
      if (--remaining[w] === 0) {
        inS[w] = 1;
        newDist[w] = Infinity;
        grown[grownCount++] = w;
      }
    }
  }

  // New distances in S, from live neighbours outside S (whose distances do not
  // change). A node of S that none reaches is cut off.
  let cutOff = false;
  if (grownCount > 0) {
    if (unit) searchGrownByBuckets(st, at, cur, grownCount);
    else searchGrownByHeap(st, at, cur, grownCount);
    for (let i = 0; i < grownCount && !cutOff; i++) cutOff = newDist[grown[i]] === Infinity;
  }

  // Farthest-first queue of the push: buckets by distance when every cost is 1
  // (each node enters once per destination, with its new distance as key).
  const heap = st.pushHeap;
  let topLevel = 0;

  // Withdraw the old split of every touched node; queue it and its old next hops.
  for (let i = 0; i < touchedCount; i++) {
    const u = touched[i];
    const su = (at + u) * STRIDE;
    const x = state[su + THROUGH];
    if (!(x > 0)) continue;
    const hops = state[su + HOPS];
    const share = x / hops;
    for (let h = 0; h < hops; h++) {
      const k = hops === 1 ? state[su + HOP] : hopAdj[state[su + HOP] + h];
      const v = adjNode[k];
      const e = adjLink[k];
      if (linkA[e] === u) forward[e] -= share;
      else reverse[e] -= share;
      delta[v] -= share;
      if (queued[v] === cur) continue;
      queued[v] = cur;
      const key = stamp[v] === cur && inS[v] === 1 ? newDist[v] : state[(at + v) * STRIDE];
      if (key === Infinity) continue;
      if (unit) {
        bucketNext[v] = bucketHead[key];
        bucketHead[key] = v;
        if (key > topLevel) topLevel = key;
      } else {
        heap.push(v, -key);
      }
    }
    // u itself is split anew (a node of S queues with its new distance).
    if (queued[u] === cur) continue;
    queued[u] = cur;
    const key = inS[u] === 1 ? newDist[u] : state[su];
    if (key === Infinity) continue;
    if (unit) {
      bucketNext[u] = bucketHead[key];
      bucketHead[key] = u;
      if (key > topLevel) topLevel = key;
    } else {
      heap.push(u, -key);
    }
  }

  // Push the differences down, farthest node first.
  let level = topLevel;
  for (;;) {
    let w: number;
    if (unit) {
      while (level > 0 && bucketHead[level] < 0) level -= 1;
      if (level === 0) break;
      w = bucketHead[level];
      bucketHead[level] = bucketNext[w];
    } else {
      if (heap.size === 0) break;
      w = heap.pop();
    }
    const d = delta[w];
    delta[w] = 0;
    if (w === t) continue;
    const sw = (at + w) * STRIDE;

    if (stamp[w] !== cur) {
      // An untouched node passes its change down its unchanged next hops.
      if (d === 0) continue;
      const kw = state[sw];
      const hops = state[sw + HOPS];
      const share = d / hops;
      for (let h = 0; h < hops; h++) {
        const k = hops === 1 ? state[sw + HOP] : hopAdj[state[sw + HOP] + h];
        // z is a base next hop and not in S, so its distance is kw - cost.
        send(st, at, cur, w, k, share, kw - cost[adjLink[k]]);
      }
      continue;
    }

    // A touched node splits its new throughput over the live neighbours one link
    // closer by the new distances.
    const x = state[sw + THROUGH] + d;
    if (!(x > 0)) continue;
    const kw = inS[w] === 1 ? newDist[w] : state[sw];
    let hops = 0;
    for (let k = offsets[w]; k < offsets[w + 1]; k++) {
      const e = adjLink[k];
      const z = adjNode[k];
      if (linkFailed[e]) continue;
      const kz = stamp[z] === cur && inS[z] === 1 ? newDist[z] : state[(at + z) * STRIDE];
      if (kz + cost[e] === kw) hops += 1;
    }
    const share = x / hops;
    for (let k = offsets[w]; k < offsets[w + 1]; k++) {
      const e = adjLink[k];
      const z = adjNode[k];
      if (linkFailed[e]) continue;
      const kz = stamp[z] === cur && inS[z] === 1 ? newDist[z] : state[(at + z) * STRIDE];
      if (kz + cost[e] !== kw) continue;
      send(st, at, cur, w, k, share, kz);
    }
  }
  // The destination absorbs what reaches it (level 0 is never popped).
  delta[t] = 0;
  if (unit) bucketHead[0] = -1;

  if (cutOff) countCutOff(st, g, grownCount);
  for (let i = 0; i < touchedCount; i++) delta[touched[i]] = 0;
}

/**
 * Sends `share` from w over adjacency entry k to z (whose new distance is kz) and
 * queues z. An untouched chain node (two links, one next hop) that nothing else
 * feeds passes the share straight on, so chains are walked without the queue.
 */
function send(
  st: EngineState, at: number, cur: number, w: number, k: number, share: number, kz: number,
): void {
  const { state, stamp, queued, chain, forward, reverse, delta } = st;
  const { adjNode, adjLink, linkA, cost } = st.net;
  let e = adjLink[k];
  let from = w;
  let z = adjNode[k];
  for (;;) {
    if (linkA[e] === from) forward[e] += share;
    else reverse[e] += share;
    if (chain[z] === 0 || stamp[z] === cur || queued[z] === cur) break;
    const sz = (at + z) * STRIDE;
    if (state[sz + HOPS] !== 1) break;
    const next = state[sz + HOP];
    e = adjLink[next];
    from = z;
    z = adjNode[next];
    kz -= cost[e];
  }
  delta[z] += share;
  if (queued[z] === cur) return;
  queued[z] = cur;
  if (st.unit) {
    st.bucketNext[z] = st.bucketHead[kz];
    st.bucketHead[kz] = z;
  } else {
    st.pushHeap.push(z, -kz);
  }
}

/**
 * New distances in S when every cost is 1: Dial's bucket search seeded from each
 * node's best live neighbour outside S. Stale entries (a node queued again with a
 * smaller key) are skipped when popped.
 */
function searchGrownByBuckets(st: EngineState, at: number, cur: number, count: number): void {
  const { grown, newDist, stamp, inS, linkFailed, state, bucketHead, poolNode, poolNext } = st;
  const { offsets, adjNode, adjLink } = st.net;
  let pool = 0;
  let lo = Infinity;
  let hi = -1;
  for (let i = 0; i < count; i++) {
    const x = grown[i];
    let best = Infinity;
    for (let k = offsets[x]; k < offsets[x + 1]; k++) {
      const y = adjNode[k];
      if (linkFailed[adjLink[k]] || (stamp[y] === cur && inS[y] === 1)) continue;
      const d = state[(at + y) * STRIDE] + 1;
      if (d < best) best = d;
    }
    if (best === Infinity) continue;
    newDist[x] = best;
    poolNode[pool] = x;
    poolNext[pool] = bucketHead[best];
    bucketHead[best] = pool++;
    if (best < lo) lo = best;
    if (best > hi) hi = best;
  }
  for (let level = lo; level <= hi; level++) {
    while (bucketHead[level] >= 0) {
      const p = bucketHead[level];
      bucketHead[level] = poolNext[p];
      const x = poolNode[p];
      if (newDist[x] !== level) continue;
      const next = level + 1;
      for (let k = offsets[x]; k < offsets[x + 1]; k++) {
        const z = adjNode[k];
        if (linkFailed[adjLink[k]] || stamp[z] !== cur || inS[z] === 0) continue;
        if (next < newDist[z]) {
          newDist[z] = next;
          poolNode[pool] = z;
          poolNext[pool] = bucketHead[next];
          bucketHead[next] = pool++;
          if (next > hi) hi = next;
        }
      }
    }
  }
}

/** New distances in S for any positive costs: Dijkstra seeded as above. */
function searchGrownByHeap(st: EngineState, at: number, cur: number, count: number): void {
  const { grown, newDist, stamp, inS, linkFailed, state, searchHeap: heap } = st;
  const { offsets, adjNode, adjLink, cost } = st.net;
  for (let i = 0; i < count; i++) {
    const x = grown[i];
    let best = Infinity;
    for (let k = offsets[x]; k < offsets[x + 1]; k++) {
      const e = adjLink[k];
      const y = adjNode[k];
      if (linkFailed[e] || (stamp[y] === cur && inS[y] === 1)) continue;
      const d = state[(at + y) * STRIDE] + cost[e];
      if (d < best) best = d;
    }
    if (best !== Infinity) {
      newDist[x] = best;
      heap.push(x, best);
    }
  }
  while (heap.size > 0) {
    const key = heap.topKey();
    const x = heap.pop();
    if (key > newDist[x]) continue;
    for (let k = offsets[x]; k < offsets[x + 1]; k++) {
      const e = adjLink[k];
      const z = adjNode[k];
      if (linkFailed[e] || stamp[z] !== cur || inS[z] === 0) continue;
      const d = key + cost[e];
      if (d < newDist[z]) {
        newDist[z] = d;
        heap.push(z, d);
      }
    }
  }
}

/** Counts the demands of nodes of S that no seed reached (lost if the node is down). */
function countCutOff(st: EngineState, g: number, grownCount: number): void {
  const { grown, newDist, sortedSource, sortedEntry, nodeDown } = st;
  const { start } = st.matrix;
  for (let i = 0; i < grownCount; i++) {
    const x = grown[i];
    if (newDist[x] !== Infinity) continue;
    // Entries of a group are sorted by source: find x's by bisection.
    let lo = start[g];
    let hi = start[g + 1];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sortedSource[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    for (; lo < start[g + 1] && sortedSource[lo] === x; lo++) {
      countUnrouted(st, sortedEntry[lo], nodeDown[x] === 1);
    }
  }
}

/** Removes every base flow of a destination that is down; its demands are lost. */
function dropDestination(st: EngineState, g: number): void {
  const { n, state, hopAdj } = st;
  const { adjLink, linkA } = st.net;
  const { start, source, dest } = st.matrix;
  for (let u = 0; u < n; u++) {
    const su = (g * n + u) * STRIDE;
    const x = state[su + THROUGH];
    if (!(x > 0) || u === dest[g]) continue;
    const hops = state[su + HOPS];
    const share = x / hops;
    for (let h = 0; h < hops; h++) {
      const e = adjLink[hops === 1 ? state[su + HOP] : hopAdj[state[su + HOP] + h]];
      if (linkA[e] === u) st.forward[e] -= share;
      else st.reverse[e] -= share;
    }
  }
  for (let k = start[g]; k < start[g + 1]; k++) {
    if (state[(g * n + source[k]) * STRIDE] !== Infinity) countUnrouted(st, k, true);
  }
}

/** Re-routes an uncached destination in full: base split out, new split in. */
function rerouteDestination(st: EngineState, g: number): void {
  const { net, baseScratch, scratch, inflow, nodeDown, failList, failFrom, failCount } = st;
  const { start, source, mbps } = st.matrix;
  const { linkA, linkB, cost } = net;
  const t = st.matrix.dest[g];
  searchToTarget(net, t, st.intact, baseScratch);
  const bd = baseScratch.dist;
  let hit = nodeDown[t] === 1;
  for (let i = failFrom; i < failFrom + failCount && !hit; i++) {
    const e = failList[i];
    const da = bd[linkA[e]];
    const db = bd[linkB[e]];
    hit = (da !== Infinity && da === db + cost[e]) || (db !== Infinity && db === da + cost[e]);
  }
  if (!hit) return;

  for (let k = start[g]; k < start[g + 1]; k++) {
    if (bd[source[k]] !== Infinity) inflow[source[k]] += mbps[k];
  }
  spread(st, baseScratch, -1, null, -1, false);
  searchToTarget(net, t, st.failMask, scratch);
  for (let k = start[g]; k < start[g + 1]; k++) {
    const s = source[k];
    if (bd[s] === Infinity) continue;
    if (scratch.dist[s] === Infinity || nodeDown[s]) {
      countUnrouted(st, k, nodeDown[s] === 1 || nodeDown[t] === 1);
    } else {
      inflow[s] += mbps[k];
    }
  }
  spread(st, scratch, 1, st.failMask, -1, false);
}

/**
 * Orders the entries of each cached destination by source, so that a cut-off node's
 * demands are found by bisection rather than by a scan of the whole group.
 */
function sortBySource(st: EngineState): void {
  const { source, start } = st.matrix;
  const end = start[st.cached];
  const sortedSource = source.slice(0, end);
  const sortedEntry = new Int32Array(end);
  for (let k = 0; k < end; k++) sortedEntry[k] = k;
  for (let g = 0; g < st.cached; g++) {
    const from = start[g];
    const to = start[g + 1];
    let sorted = true;
    for (let k = from + 1; k < to && sorted; k++) sorted = source[k - 1] <= source[k];
    if (sorted) continue;
    const entries = Array.from({ length: to - from }, (_, i) => from + i);
    entries.sort((x, y) => source[x] - source[y] || x - y);
    entries.forEach((k, i) => {
      sortedEntry[from + i] = k;
      sortedSource[from + i] = source[k];
    });
  }
  st.sortedSource = sortedSource;
  st.sortedEntry = sortedEntry;
}
