// The failure engine's base pass: every destination routed with nothing failed, and the
// routing state of the destinations it keeps (distances, next hops, predecessors).
import type { CompiledNetwork, FailureMask } from './compiled-network.ts';
import { emptyMask } from './compiled-network.ts';
import { createScratch, searchToTarget, type SearchScratch } from './distances.ts';
import { GrowableList, twinEntries } from './engine-arrays.ts';
import { DIST, HOP, HOPS, PRED, PREDS, STRIDE, THROUGH } from './state-layout.ts';
import type { DemandMatrix } from './route-demands.ts';

/** The base routing of a network: loads, unrouted demand, state of cached destinations. */
export interface BaseRouting {
  state: Float64Array;
  hopAdj: Int32Array;
  loads: Float64Array;
  unrouted: Uint8Array;
  unroutedMbps: number;
  cut: Int32Array;
  cutGroup: Int32Array;
}

/**
 * Routes every destination with nothing failed, keeping the state of cached ones
 * (in shared memory when `shared`).
 */
export function routeBase(
  net: CompiledNetwork,
  matrix: DemandMatrix,
  cached: number,
  shared: boolean,
): BaseRouting {
  const n = net.nodeCount;
  const scratch = createScratch(net);
  const inflow = new Float64Array(n);
  const twin = twinEntries(net);
  const predCount = new Int32Array(n);
  const predFill = new Int32Array(n);
  const { dest, start, source, mbps, origin } = matrix;
  const entries = cached * n * STRIDE;
  const state = shared
    ? new Float64Array(new SharedArrayBuffer(entries * Float64Array.BYTES_PER_ELEMENT))
    : new Float64Array(entries);
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
 * `live` skips a mask's failed links. With `record` = g >= 0 it writes destination g's next hops and
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

