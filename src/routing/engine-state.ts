// What a failure engine keeps: each destination's base routing, the loads of a batch
// of failures, and scratch for one destination's update, all in typed arrays.
import type { CompiledNetwork, FailureMask } from './compiled-network.ts';
import { emptyMask } from './compiled-network.ts';
import { routeBase } from './base-routing.ts';
import { createScratch, type SearchScratch } from './distances.ts';
import { directionSlots, sortBySource } from './engine-arrays.ts';
import { KeyHeap } from './key-heap.ts';
import type { DemandMatrix } from './route-demands.ts';

export * from './state-layout.ts';

/** Sizes of an engine: how many failures a batch evaluates; per-demand flags or not. */
export interface EngineSizes {
  slots: number;
  perDemand: boolean;
}

/**
 * An engine's base routing: built once, read-only after. Built `shared`, its arrays
 * live in shared memory, so that engines on other threads can adopt it as it is.
 */
export interface EngineBase {
  cached: number;
  state: Float64Array;
  hopAdj: Int32Array;
  baseLoads: Float64Array;
  baseUnrouted: Uint8Array;
  baseUnroutedMbps: number;
  baseCut: Int32Array;
  baseCutGroup: Int32Array;
  sortedSource: Int32Array;
  sortedEntry: Int32Array;
}

/** Routes the base and orders the cached groups' demands by source. */
export function buildEngineBase(
  net: CompiledNetwork,
  matrix: DemandMatrix,
  cached: number,
  shared: boolean,
): EngineBase {
  const base = routeBase(net, matrix, cached, shared);
  const sorted = sortBySource(matrix, cached);
  const keep = <T extends Int32Array | Float64Array | Uint8Array>(array: T): T =>
    (shared ? inSharedMemory(array) : array);
  return {
    cached,
    state: base.state,
    hopAdj: keep(base.hopAdj),
    baseLoads: keep(base.loads),
    baseUnrouted: keep(base.unrouted),
    baseUnroutedMbps: base.unroutedMbps,
    baseCut: keep(base.cut),
    baseCutGroup: keep(base.cutGroup),
    sortedSource: keep(sorted.source),
    sortedEntry: keep(sorted.entry),
  };
}

/** A copy of a typed array in shared memory. */
function inSharedMemory<T extends Int32Array | Float64Array | Uint8Array>(array: T): T {
  const buffer = new SharedArrayBuffer(array.byteLength);
  const copy = new (array.constructor as new (buffer: SharedArrayBuffer) => T)(buffer);
  copy.set(array);
  return copy;
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

  /** Builds the base routing, or adopts `base` (built for the same network and demand). */
  constructor(net: CompiledNetwork, matrix: DemandMatrix, sizes: EngineSizes, base: EngineBase) {
    const n = net.nodeCount;
    const m = net.linkCount;
    const { slots } = sizes;
    const { cached } = base;
    this.n = n;
    this.m = m;
    this.net = net;
    this.matrix = matrix;
    this.unit = net.unitCost;
    this.cached = cached;
    this.slots = slots;

    this.loads = new Float64Array(2 * slots * m);
    this.adjSlot = directionSlots(net);
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

    this.state = base.state;
    this.hopAdj = base.hopAdj;
    this.baseLoads = base.baseLoads;
    this.baseForward = new Float64Array(m);
    this.baseReverse = new Float64Array(m);
    for (let e = 0; e < m; e++) {
      this.baseForward[e] = base.baseLoads[2 * e];
      this.baseReverse[e] = base.baseLoads[2 * e + 1];
    }
    this.baseUnrouted = base.baseUnrouted;
    this.baseUnroutedMbps = base.baseUnroutedMbps;
    this.baseCut = base.baseCut;
    this.baseCutGroup = base.baseCutGroup;
    this.sortedSource = base.sortedSource;
    this.sortedEntry = base.sortedEntry;
  }
}
