// New distances for the nodes whose distance a failure lengthens (the set S of the
// incremental update), searched from their live neighbours outside S.
import type { EngineState } from './engine-state.ts';
import { DIST, STRIDE } from './state-layout.ts';

/**
 * New distances in S when every cost is 1: Dial's bucket search seeded from each
 * node's best live neighbour outside S. Stale entries (a node queued again with a
 * smaller key) are skipped when popped.
 */
export function searchGrownByBuckets(
  st: EngineState, at: number, cur: number, count: number,
): void {
  const { grown, newDist, stamp, inS, linkFailed, state, bucketHead, poolNode, poolNext } = st;
  const { newHopStart, newHopCount, newHops } = st;
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
      const d = state[(at + y) * STRIDE + DIST] + 1;
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
  let found = 0;
  for (let level = lo; level <= hi; level++) {
    while (bucketHead[level] >= 0) {
      const p = bucketHead[level];
      bucketHead[level] = poolNext[p];
      const x = poolNode[p];
      if (newDist[x] !== level) continue;
      // Settled: neighbours one level down are its new next hops; S nodes further
      // away may come closer through it.
      newHopStart[x] = found;
      const next = level + 1;
      for (let k = offsets[x]; k < offsets[x + 1]; k++) {
        if (linkFailed[adjLink[k]]) continue;
        const z = adjNode[k];
        const grownZ = stamp[z] === cur && inS[z] === 1;
        const dz = grownZ ? newDist[z] : state[(at + z) * STRIDE + DIST];
        if (dz === level - 1) {
          newHops[found++] = k;
        } else if (grownZ && next < dz) {
          newDist[z] = next;
          poolNode[pool] = z;
          poolNext[pool] = bucketHead[next];
          bucketHead[next] = pool++;
          if (next > hi) hi = next;
        }
      }
      newHopCount[x] = found - newHopStart[x];
    }
  }
}

/** New distances in S for any positive costs: Dijkstra seeded as above. */
export function searchGrownByHeap(st: EngineState, at: number, cur: number, count: number): void {
  const { grown, newDist, stamp, inS, linkFailed, state, searchHeap: heap } = st;
  const { newHopStart, newHopCount, newHops, settled } = st;
  const { offsets, adjNode, adjLink, cost } = st.net;
  for (let i = 0; i < count; i++) {
    const x = grown[i];
    let best = Infinity;
    for (let k = offsets[x]; k < offsets[x + 1]; k++) {
      const e = adjLink[k];
      const y = adjNode[k];
      if (linkFailed[e] || (stamp[y] === cur && inS[y] === 1)) continue;
      const d = state[(at + y) * STRIDE + DIST] + cost[e];
      if (d < best) best = d;
    }
    if (best !== Infinity) {
      newDist[x] = best;
      heap.push(x, best);
    }
  }
  let found = 0;
  while (heap.size > 0) {
    const key = heap.topKey();
    const x = heap.pop();
    // Settled once: a node queued again with a smaller key was settled by that entry.
    if (key > newDist[x] || settled[x] === cur) continue;
    settled[x] = cur;
    newHopStart[x] = found;
    for (let k = offsets[x]; k < offsets[x + 1]; k++) {
      const e = adjLink[k];
      if (linkFailed[e]) continue;
      const z = adjNode[k];
      const grownZ = stamp[z] === cur && inS[z] === 1;
      const dz = grownZ ? newDist[z] : state[(at + z) * STRIDE + DIST];
      if (dz + cost[e] === key) {
        newHops[found++] = k;
      } else if (grownZ && key + cost[e] < dz) {
        newDist[z] = key + cost[e];
        heap.push(z, key + cost[e]);
      }
    }
    newHopCount[x] = found - newHopStart[x];
  }
}
