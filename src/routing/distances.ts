// Distances from every node to one destination, over the links left up by a mask:
// breadth-first when every cost is 1, Dijkstra with a binary heap otherwise.
import type { CompiledNetwork, FailureMask } from './compiled-network.ts';

/** Reusable buffers for one destination's search, sized to the network. */
export interface SearchScratch {
  dist: Float64Array;
  /** Nodes in the order they were settled (nearest first); `settled` of them are valid. */
  order: Int32Array;
  settled: number;
  heapNode: Int32Array;
  heapKey: Float64Array;
}

export function createScratch(net: CompiledNetwork): SearchScratch {
  const n = net.nodeCount;
  return {
    dist: new Float64Array(n),
    order: new Int32Array(n),
    settled: 0,
    heapNode: new Int32Array(Math.max(1, 2 * net.linkCount + 1)),
    heapKey: new Float64Array(Math.max(1, 2 * net.linkCount + 1)),
  };
}

/**
 * Fills `s.dist` with each node's distance to `target` (Infinity where unreachable)
 * and `s.order` with the reachable nodes, nearest first. Links are undirected, so
 * the distance to the target equals the distance from it.
 */
export function searchToTarget(
  net: CompiledNetwork,
  target: number,
  mask: FailureMask,
  s: SearchScratch,
): void {
  s.dist.fill(Infinity);
  s.settled = 0;
  if (mask.nodeDown[target]) return;
  if (net.unitCost) breadthFirst(net, target, mask, s);
  else dijkstra(net, target, mask, s);
}

function breadthFirst(net: CompiledNetwork, t: number, mask: FailureMask, s: SearchScratch) {
  const { offsets, adjNode, adjLink } = net;
  const { dist, order } = s;
  dist[t] = 0;
  order[0] = t;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const u = order[head++];
    const du = dist[u] + 1;
    for (let k = offsets[u]; k < offsets[u + 1]; k++) {
      const v = adjNode[k];
      if (dist[v] !== Infinity || mask.linkDown[adjLink[k]] || mask.nodeDown[v]) continue;
      dist[v] = du;
      order[tail++] = v;
    }
  }
  s.settled = tail;
}

function dijkstra(net: CompiledNetwork, t: number, mask: FailureMask, s: SearchScratch) {
  const { offsets, adjNode, adjLink, cost } = net;
  const { dist, order, heapNode, heapKey } = s;
  let size = 0;
  const push = (node: number, key: number) => {
    let i = size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heapKey[parent] <= key) break;
      heapNode[i] = heapNode[parent];
      heapKey[i] = heapKey[parent];
      i = parent;
    }
    heapNode[i] = node;
    heapKey[i] = key;
  };
  const pop = () => {
    const top = heapNode[0];
    const lastNode = heapNode[--size];
    const lastKey = heapKey[size];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && heapKey[child + 1] < heapKey[child]) child += 1;
      if (heapKey[child] >= lastKey) break;
      heapNode[i] = heapNode[child];
      heapKey[i] = heapKey[child];
      i = child;
    }
    heapNode[i] = lastNode;
    heapKey[i] = lastKey;
    return top;
  };

  // Lazy deletion: a node may sit in the heap more than once; the first pop settles it.
  const done = new Uint8Array(net.nodeCount);
  dist[t] = 0;
  push(t, 0);
  let settled = 0;
  while (size > 0) {
    const key = heapKey[0];
    const u = pop();
    if (done[u] || key > dist[u]) continue;
    done[u] = 1;
    order[settled++] = u;
    for (let k = offsets[u]; k < offsets[u + 1]; k++) {
      const v = adjNode[k];
      const e = adjLink[k];
      if (done[v] || mask.linkDown[e] || mask.nodeDown[v]) continue;
      const dv = dist[u] + cost[e];
      if (dv < dist[v]) {
        dist[v] = dv;
        push(v, dv);
      }
    }
  }
  s.settled = settled;
}
