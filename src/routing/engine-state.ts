// What a failure engine keeps: each destination's base routing, the loads of a batch
// of failures, and scratch for one destination's update, all in typed arrays.
import type { CompiledNetwork, FailureMask } from './compiled-network.ts';
import { emptyMask } from './compiled-network.ts';
import { createScratch, searchToTarget, type SearchScratch } from './distances.ts';
import { KeyHeap } from './key-heap.ts';
import type { DemandMatrix } from './route-demands.ts';

// Per (destination, node) state, six numbers side by side so that a visit reads one
// or two cache lines: distance, throughput, next-hop count, the next hop's adjacency
// entry (one next hop) or the start of the next hops' entries in `hopAdj` (several),
// and alike for the predecessors (nodes with this one as next hop), whose entries are
// this node's adjacency entries towards them.
export const STRIDE = 6;
export const DIST = 0;
export const THROUGH = 1;
export const HOPS = 2;
export const HOP = 3;
export const PREDS = 4;
export const PRED = 5;

// Integer variables of the evaluation in progress, kept in `vars`: a class field that
// is reassigned can change the object's shape, and V8 then drops the optimised code
// of every hot loop that reads it (measured: repeated deopts in a Kdl sweep).
export const CUR = 0;
export const SLOT = 1;
export const FAIL_FROM = 2;
export const FAIL_COUNT = 3;
export const DOWN_FROM = 4;
export const DOWN_COUNT = 5;
export const BLOCK = 6;
export const FLAGGED = 7;
export const FLAGGING = 8;

// Per-slot tallies of unrouted demand, four to a slot in `tally`.
export const LOST_MBPS = 0;
export const LOST_DEMANDS = 1;
export const CUT_MBPS = 2;
export const CUT_DEMANDS = 3;

/** Sizes of an engine: how many destinations keep state, how many failures per batch. */
export interface EngineSizes {
  cached: number;
  slots: number;
  perDemand: boolean;
}

/** Every array of an engine, each allocated once. */
export class EngineState {
  readonly n: number;
  readonly m: number;
  readonly net: CompiledNetwork;
  readonly matrix: DemandMatrix;
  readonly unit: boolean;
  /** Destinations 0..cached-1 keep base state; the rest are re-routed in full. */
  readonly cached: number;
  /** How many failures one batch evaluates. */
  readonly slots: number;

  /** Base state of (g, u) at STRIDE * (g * n + u); see DIST, THROUGH, HOPS, HOP. */
  readonly state: Float64Array;
  /** Lists of adjacency entries: several next hops, or several predecessors. */
  readonly hopAdj: Int32Array;
  /** For each adjacency entry, the entry of the same link at its other end. */
  readonly twin: Int32Array;
  /** Entries of each cached group ordered by source, to find a cut-off node's demands. */
  readonly sortedSource: Int32Array;
  readonly sortedEntry: Int32Array;
  readonly baseForward: Float64Array;
  readonly baseReverse: Float64Array;
  /** The base loads by direction slot: 2e forward, 2e + 1 reverse. */
  readonly baseLoads: Float64Array;
  readonly baseUnrouted: Uint8Array;
  /** Mbps unrouted with nothing failed, and its entries with their groups. */
  readonly baseUnroutedMbps: number;
  readonly baseCut: Int32Array;
  readonly baseCutGroup: Int32Array;

  /** Loads of slot j by direction slot at [2 * j * m, 2 * (j + 1) * m). */
  readonly loads: Float64Array;
  /** Direction slot of each adjacency entry: 2e leaving linkA, 2e + 1 leaving linkB. */
  readonly adjSlot: Int32Array;
  readonly tally: Float64Array;
  readonly vars = new Int32Array(16);
  /** Failed links of slot j: failList[failStart[j] .. failStart[j + 1]); nodes alike. */
  readonly failList: Int32Array;
  readonly failStart: Int32Array;
  readonly downList: Int32Array;
  readonly downStart: Int32Array;
  readonly linkFailed: Uint8Array;
  readonly nodeDown: Uint8Array;
  readonly failMask: FailureMask;
  readonly intact: FailureMask;

  // Scratch of one destination's update; stamps mark what it touched.
  readonly stamp: Int32Array;
  readonly queued: Int32Array;
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
  // New next hops of the nodes of S, found when the search settles them.
  readonly newHopStart: Int32Array;
  readonly newHopCount: Int32Array;
  readonly newHops: Int32Array;
  /** Stamp of the nodes the heap search has settled. */
  readonly settled: Int32Array;
  readonly searchHeap: KeyHeap;
  readonly pushHeap: KeyHeap;
  readonly scratch: SearchScratch;
  readonly baseScratch: SearchScratch;
  readonly inflow: Float64Array;

  /** Per-demand flags of a single evaluation, with the indices set. */
  readonly unrouted: Uint8Array | null;
  readonly flagged: Int32Array;

  constructor(net: CompiledNetwork, matrix: DemandMatrix, sizes: EngineSizes) {
    const n = net.nodeCount;
    const m = net.linkCount;
    const { cached, slots } = sizes;
    this.n = n;
    this.m = m;
    this.net = net;
    this.matrix = matrix;
    this.unit = net.unitCost;
    this.cached = cached;
    this.slots = slots;

    this.loads = new Float64Array(2 * slots * m);
    this.adjSlot = directionSlots(net);
    this.twin = twinEntries(net);
    this.tally = new Float64Array(4 * slots);
    this.failList = new Int32Array(slots * m);
    this.failStart = new Int32Array(slots + 1);
    this.downList = new Int32Array(slots * n);
    this.downStart = new Int32Array(slots + 1);
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
    this.newHopStart = new Int32Array(n);
    this.newHopCount = new Int32Array(n);
    this.newHops = new Int32Array(2 * m + 1);
    this.settled = new Int32Array(n);
    this.searchHeap = new KeyHeap(n + 1);
    this.pushHeap = new KeyHeap(n + 1);
    this.scratch = createScratch(net);
    this.baseScratch = createScratch(net);
    this.inflow = new Float64Array(n);
    this.unrouted = sizes.perDemand ? new Uint8Array(matrix.demandCount) : null;
    this.flagged = new Int32Array(sizes.perDemand ? matrix.demandCount : 0);

    const base = routeBase(net, matrix, cached, this.scratch, this.inflow, this.twin);
    this.state = base.state;
    this.hopAdj = base.hopAdj;
    this.baseLoads = base.loads;
    this.baseForward = new Float64Array(m);
    this.baseReverse = new Float64Array(m);
    for (let e = 0; e < m; e++) {
      this.baseForward[e] = base.loads[2 * e];
      this.baseReverse[e] = base.loads[2 * e + 1];
    }
    this.baseUnrouted = base.unrouted;
    this.baseUnroutedMbps = base.unroutedMbps;
    this.baseCut = base.cut;
    this.baseCutGroup = base.cutGroup;
    const sorted = sortBySource(matrix, cached);
    this.sortedSource = sorted.source;
    this.sortedEntry = sorted.entry;
  }
}

/** The base routing of a network: loads, unrouted demand, state of cached destinations. */
interface BaseRouting {
  state: Float64Array;
  hopAdj: Int32Array;
  loads: Float64Array;
  unrouted: Uint8Array;
  unroutedMbps: number;
  cut: Int32Array;
  cutGroup: Int32Array;
}

/** Routes every destination with nothing failed, keeping the state of cached ones. */
function routeBase(
  net: CompiledNetwork,
  matrix: DemandMatrix,
  cached: number,
  scratch: SearchScratch,
  inflow: Float64Array,
  twin: Int32Array,
): BaseRouting {
  const n = net.nodeCount;
  const predCount = new Int32Array(n);
  const predFill = new Int32Array(n);
  const { dest, start, source, mbps, origin } = matrix;
  const state = new Float64Array(cached * n * STRIDE);
  const hops = new GrowableList();
  const loads = new Float64Array(2 * net.linkCount);
  const unrouted = new Uint8Array(matrix.demandCount);
  const cut = new GrowableList();
  const cutGroup = new GrowableList();
  const intact = emptyMask(net);
  let unroutedMbps = 0;
  for (let g = 0; g < dest.length; g++) {
    searchToTarget(net, dest[g], intact, scratch);
    for (let k = start[g]; k < start[g + 1]; k++) {
      const s = source[k];
      if (scratch.dist[s] === Infinity) {
        unrouted[origin[k]] = 1;
        unroutedMbps += mbps[k];
        cut.push(k);
        cutGroup.push(g);
      } else {
        inflow[s] += mbps[k];
      }
    }
    if (g < cached) {
      for (let u = 0; u < n; u++) state[(g * n + u) * STRIDE + DIST] = scratch.dist[u];
    }
    spread(net, scratch, inflow, null, loads, 0, 1, g < cached ? g : -1, state, hops);
    if (g < cached) recordPredecessors(net, g, scratch, state, hops, twin, predCount, predFill);
  }
  return {
    state, hopAdj: hops.toArray(), loads, unrouted, unroutedMbps,
    cut: cut.toArray(), cutGroup: cutGroup.toArray(),
  };
}

/**
 * Splits each node's inflow over its next hops in `s` (a finished search), farthest
 * first, adding `sign` times the shares to `loads` (by direction slot) at offset `lo`;
 * `live` skips a mask's
 * failed links. With `record` = g >= 0 it writes destination g's next hops and
 * throughputs into `state` and `hops`. Leaves `inflow` zeroed.
 */
export function spread(
  net: CompiledNetwork,
  s: SearchScratch,
  inflow: Float64Array,
  live: FailureMask | null,
  loads: Float64Array,
  lo: number,
  sign: number,
  record: number,
  state: Float64Array | null,
  hops: GrowableList | null,
): void {
  const { offsets, adjNode, adjLink, cost, linkA } = net;
  const sd = s.dist;
  const order = s.order;
  const keep = record >= 0 && state !== null && hops !== null;
  for (let i = s.settled - 1; i > 0; i--) {
    const u = order[i];
    const x = inflow[u];
    if (x === 0 && !keep) continue;
    inflow[u] = 0;
    const du = sd[u];
    let count = 0;
    let first = -1;
    const from = keep ? hops.length : 0;
    for (let k = offsets[u]; k < offsets[u + 1]; k++) {
      const e = adjLink[k];
      if ((live !== null && live.linkDown[e]) || sd[adjNode[k]] + cost[e] !== du) continue;
      count += 1;
      if (first < 0) first = k;
      if (keep) hops.push(k);
    }
    if (keep) {
      const at = (record * net.nodeCount + u) * STRIDE;
      state[at + THROUGH] = x;
      state[at + HOPS] = count;
      // A single next hop is kept inline; several are kept in the hop list.
      if (count === 1) {
        state[at + HOP] = first;
        hops.length = from;
      } else {
        state[at + HOP] = from;
      }
    }
    if (x === 0) continue;
    const share = x / count;
    const load = sign * share;
    for (let k = offsets[u]; k < offsets[u + 1]; k++) {
      const e = adjLink[k];
      const v = adjNode[k];
      if ((live !== null && live.linkDown[e]) || sd[v] + cost[e] !== du) continue;
      loads[lo + 2 * e + (linkA[e] === u ? 0 : 1)] += load;
      inflow[v] += share;
    }
  }
  if (s.settled > 0) inflow[order[0]] = 0;
}

/**
 * Writes destination g's predecessor lists from its recorded next hops: u with next
 * hop v over entry k makes twin[k] (v's entry towards u) one of v's predecessors.
 */
function recordPredecessors(
  net: CompiledNetwork,
  g: number,
  s: SearchScratch,
  state: Float64Array,
  list: GrowableList,
  twin: Int32Array,
  count: Int32Array,
  fill: Int32Array,
): void {
  const { adjNode } = net;
  const base = g * net.nodeCount;
  const hopEntry = (su: number, h: number) =>
    (state[su + HOPS] === 1 ? state[su + HOP] : list.at(state[su + HOP] + h));
  for (let i = 1; i < s.settled; i++) {
    const su = (base + s.order[i]) * STRIDE;
    for (let h = 0; h < state[su + HOPS]; h++) count[adjNode[hopEntry(su, h)]] += 1;
  }
  for (let i = 0; i < s.settled; i++) {
    const v = s.order[i];
    const sv = (base + v) * STRIDE;
    state[sv + PREDS] = count[v];
    if (count[v] > 1) {
      state[sv + PRED] = list.length;
      for (let c = 0; c < count[v]; c++) list.push(0);
    }
    fill[v] = 0;
  }
  for (let i = 1; i < s.settled; i++) {
    const su = (base + s.order[i]) * STRIDE;
    for (let h = 0; h < state[su + HOPS]; h++) {
      const k = hopEntry(su, h);
      const v = adjNode[k];
      const sv = (base + v) * STRIDE;
      if (count[v] === 1) state[sv + PRED] = twin[k];
      else list.set(state[sv + PRED] + fill[v]++, twin[k]);
    }
  }
  for (let i = 0; i < s.settled; i++) count[s.order[i]] = 0;
}

/** For each adjacency entry, the entry of the same link at its other end. */
export function twinEntries(net: CompiledNetwork): Int32Array {
  const { offsets, adjLink } = net;
  const twin = new Int32Array(adjLink.length);
  const first = new Int32Array(net.linkCount).fill(-1);
  for (let u = 0; u < net.nodeCount; u++) {
    for (let k = offsets[u]; k < offsets[u + 1]; k++) {
      const e = adjLink[k];
      if (first[e] < 0) {
        first[e] = k;
      } else {
        twin[k] = first[e];
        twin[first[e]] = k;
      }
    }
  }
  return twin;
}

/** The direction slot of each adjacency entry: 2e leaving linkA, 2e + 1 leaving linkB. */
export function directionSlots(net: CompiledNetwork): Int32Array {
  const { offsets, adjLink, linkA } = net;
  const slots = new Int32Array(adjLink.length);
  for (let u = 0; u < net.nodeCount; u++) {
    for (let k = offsets[u]; k < offsets[u + 1]; k++) {
      slots[k] = 2 * adjLink[k] + (linkA[adjLink[k]] === u ? 0 : 1);
    }
  }
  return slots;
}

/** A list of integers that grows as needed. */
export class GrowableList {
  private items = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.items.length) {
      const bigger = new Int32Array(this.items.length * 2);
      bigger.set(this.items);
      this.items = bigger;
    }
    this.items[this.length++] = value;
  }

  at(index: number): number {
    return this.items[index];
  }

  set(index: number, value: number): void {
    this.items[index] = value;
  }

  toArray(): Int32Array {
    return this.items.slice(0, this.length);
  }
}

/**
 * Orders the entries of each of the first `groups` destinations by source, so that a
 * cut-off node's demands are found by bisection rather than by a scan of its group.
 */
function sortBySource(
  matrix: DemandMatrix,
  groups: number,
): { source: Int32Array; entry: Int32Array } {
  const { source, start } = matrix;
  const end = start[groups];
  const sortedSource = source.slice(0, end);
  const sortedEntry = new Int32Array(end);
  for (let k = 0; k < end; k++) sortedEntry[k] = k;
  for (let g = 0; g < groups; g++) {
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
  return { source: sortedSource, entry: sortedEntry };
}
