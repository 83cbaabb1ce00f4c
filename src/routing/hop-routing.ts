// Routing by hop count alone, for networks whose links all cost 1: one breadth-first
// search per destination that also records the shortest-path DAG, then one pass over
// the DAG's links, farthest first.
import type { CompiledNetwork } from './compiled-network.ts';

/** Fills `inflow` with what each node sends to destination `t` (leave t at 0). */
export type InflowFiller = (t: number, inflow: Float64Array) => void;

/**
 * Routes to each destination with per-node equal splitting over the neighbours one
 * hop closer, adding the loads to `forward` (linkA to linkB) and `reverse`. Gives
 * what `routeDemands` gives on a unit-cost network with nothing failed, to rounding
 * (shares reach a node in another order).
 */
export function routeByHops(
  net: CompiledNetwork,
  destinations: ArrayLike<number>,
  fill: InflowFiller,
  forward: Float64Array,
  reverse: Float64Array,
): void {
  const n = net.nodeCount;
  const { offsets, adjNode, adjLink, linkA } = net;
  const entries = adjLink.length;
  const dist = new Int32Array(n);
  const hops = new Int32Array(n);
  const inflow = new Float64Array(n);
  const queue = new Int32Array(n);
  // The DAG of one destination as links (tail, head, direction slot of tail to head)
  // in the order the search found them: nearer tails first.
  const dagTail = new Int32Array(entries);
  const dagHead = new Int32Array(entries);
  const dagSlot = new Int32Array(entries);

  // For each adjacency entry u -> v, the direction slot in `loads` of v -> u (2e
  // forward, 2e + 1 reverse), so that the pass takes no branch.
  const inward = new Int32Array(entries);
  for (let u = 0; u < n; u++) {
    for (let k = offsets[u]; k < offsets[u + 1]; k++) {
      const e = adjLink[k];
      inward[k] = 2 * e + (linkA[e] === u ? 1 : 0);
    }
  }
  const loads = new Float64Array(2 * net.linkCount);

  for (let g = 0; g < destinations.length; g++) {
    const t = destinations[g];

    // Breadth-first from t; each neighbour reached from the level above gains a hop.
    dist.fill(-1);
    dist[t] = 0;
    queue[0] = t;
    let tail = 1;
    let dag = 0;
    for (let head = 0; head < tail; head++) {
      const u = queue[head];
      const next = dist[u] + 1;
      const end = offsets[u + 1];
      for (let k = offsets[u]; k < end; k++) {
        const v = adjNode[k];
        const dv = dist[v];
        if (dv < 0) {
          dist[v] = next;
          hops[v] = 1;
          queue[tail++] = v;
        } else if (dv === next) {
          hops[v] += 1;
        } else {
          continue;
        }
        dagTail[dag] = v;
        dagHead[dag] = u;
        dagSlot[dag++] = inward[k];
      }
    }

    // Farthest tails first: a node's inflow is complete before its first link is
    // taken, and its links only feed nodes nearer t.
    fill(t, inflow);
    for (let j = dag - 1; j >= 0; j--) {
      const v = dagTail[j];
      const share = inflow[v] / hops[v];
      loads[dagSlot[j]] += share;
      inflow[dagHead[j]] += share;
    }
    inflow.fill(0);
  }
  for (let e = 0; e < net.linkCount; e++) {
    forward[e] += loads[2 * e];
    reverse[e] += loads[2 * e + 1];
  }
}
