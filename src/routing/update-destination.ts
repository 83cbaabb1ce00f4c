// One destination's loads under one failure, from its base routing: the incremental
// step of the failure engine.
import {
  CUR, FAIL_COUNT, FAIL_FROM, HOP, HOPS, PRED, PREDS, SLOT, STRIDE, THROUGH,
  type EngineState,
} from './engine-state.ts';
import { searchGrownByBuckets, searchGrownByHeap } from './grown-search.ts';
import { countUnrouted } from './reroute-destination.ts';

/**
 * Re-routes cached destination g under the current slot's failure, as DESIGN.md's
 * "Performance design" describes. Steps: find the nodes that lose next hops and the
 * set S whose distance grows; give S new distances from its live neighbours outside
 * it; withdraw the old split of every touched node; then, farthest node first, split
 * touched nodes anew and pass other nodes' change in throughput down their unchanged
 * next hops. The loops are written out in full: helper calls there cost a measurable
 * share of a sweep.
 */
export function updateDestination(st: EngineState, g: number): void {
  const { state, linkFailed, failList, vars } = st;
  const { adjNode, adjLink, cost, linkA, linkB } = st.net;
  const failFrom = vars[FAIL_FROM];
  const failEnd = failFrom + vars[FAIL_COUNT];
  const t = st.matrix.dest[g];
  const at = g * st.n;
  if (st.nodeDown[t]) {
    dropDestination(st, g);
    return;
  }

  // Skip the destination unless a failed link carries some of its traffic.
  let hit = false;
  for (let i = failFrom; i < failEnd && !hit; i++) {
    const e = failList[i];
    const sa = (at + linkA[e]) * STRIDE;
    const sb = (at + linkB[e]) * STRIDE;
    hit = (state[sa] === state[sb] + cost[e] && state[sa + THROUGH] > 0) ||
      (state[sb] === state[sa] + cost[e] && state[sb + THROUGH] > 0);
  }
  if (!hit) return;

  const { stamp, queued, inS, remaining, newDist, delta, touched, grown, hopAdj } = st;
  const { loads, adjSlot, bucketHead, bucketNext, unit } = st;
  const lo = 2 * vars[SLOT] * st.m;
  if (vars[CUR] === 0x7fffffff) {
    stamp.fill(0);
    queued.fill(0);
    st.settled.fill(0);
    vars[CUR] = 0;
  }
  const cur = ++vars[CUR];
  let touchedCount = 0;
  let grownCount = 0;

  // The upper end of each failed DAG link loses a next hop; a node left with none
  // joins S, and so, in turn, does every node all of whose next hops lead into S.
  for (let i = failFrom; i < failEnd; i++) {
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
    const sx = (at + grown[i]) * STRIDE;
    const preds = state[sx + PREDS];
    for (let p = 0; p < preds; p++) {
      const k = preds === 1 ? state[sx + PRED] : hopAdj[state[sx + PRED] + p];
      if (linkFailed[adjLink[k]]) continue;
      const w = adjNode[k];
      if (stamp[w] !== cur) {
        stamp[w] = cur;
        remaining[w] = state[(at + w) * STRIDE + HOPS];
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
      loads[lo + adjSlot[k]] -= share;
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
      // An untouched node passes its change down its unchanged next hops, whose
      // distances are its own less the link's cost (none is in S).
      if (d === 0) continue;
      const kw = state[sw];
      const hops = state[sw + HOPS];
      const share = d / hops;
      for (let h = 0; h < hops; h++) {
        const k = hops === 1 ? state[sw + HOP] : hopAdj[state[sw + HOP] + h];
        send(st, at, lo, cur, k, share, kw - cost[adjLink[k]]);
      }
      continue;
    }

    // A touched node splits its new throughput: a node of S over the next hops its
    // search found, another over its old next hops that are neither down nor in S.
    const x = state[sw + THROUGH] + d;
    if (!(x > 0)) continue;
    if (inS[w] === 1) {
      const from = st.newHopStart[w];
      const hops = st.newHopCount[w];
      const share = x / hops;
      const kw = newDist[w];
      for (let h = from; h < from + hops; h++) {
        const k = st.newHops[h];
        const z = adjNode[k];
        const kz = stamp[z] === cur && inS[z] === 1 ? newDist[z] : kw - cost[adjLink[k]];
        send(st, at, lo, cur, k, share, kz);
      }
    } else {
      const hops = state[sw + HOPS];
      const share = x / remaining[w];
      const kw = state[sw];
      for (let h = 0; h < hops; h++) {
        const k = hops === 1 ? state[sw + HOP] : hopAdj[state[sw + HOP] + h];
        const z = adjNode[k];
        if (linkFailed[adjLink[k]] || (stamp[z] === cur && inS[z] === 1)) continue;
        send(st, at, lo, cur, k, share, kw - cost[adjLink[k]]);
      }
    }
  }
  // The destination absorbs what reaches it (level 0 is never popped).
  delta[t] = 0;
  if (unit) bucketHead[0] = -1;

  // Called every time, so that the call site has type feedback before a first cut.
  countCutOff(st, g, grownCount, cutOff);
  for (let i = 0; i < touchedCount; i++) delta[touched[i]] = 0;
}

/**
 * Sends `share` over adjacency entry k to its node z (whose new distance is kz) and
 * queues z. An untouched chain node (two links, one next hop) that nothing else
 * feeds passes the share straight on, so chains are walked without the queue.
 */
function send(
  st: EngineState,
  at: number,
  lo: number,
  cur: number,
  k: number,
  share: number,
  kz: number,
): void {
  const { state, stamp, queued, chain, loads, adjSlot, delta } = st;
  const { adjNode, adjLink, cost } = st.net;
  let z = adjNode[k];
  loads[lo + adjSlot[k]] += share;
  while (chain[z] === 1 && stamp[z] !== cur && queued[z] !== cur) {
    const sz = (at + z) * STRIDE;
    if (state[sz + HOPS] !== 1) break;
    const next = state[sz + HOP];
    loads[lo + adjSlot[next]] += share;
    kz -= cost[adjLink[next]];
    z = adjNode[next];
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

/** Counts the demands of nodes of S that no seed reached (lost if the node is down). */
function countCutOff(st: EngineState, g: number, grownCount: number, cutOff: boolean): void {
  if (!cutOff) return;
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
  const { n, state, hopAdj, loads, adjSlot } = st;
  const { start, source, dest } = st.matrix;
  const lo = 2 * st.vars[SLOT] * st.m;
  for (let u = 0; u < n; u++) {
    const su = (g * n + u) * STRIDE;
    const x = state[su + THROUGH];
    if (!(x > 0) || u === dest[g]) continue;
    const hops = state[su + HOPS];
    const share = x / hops;
    for (let h = 0; h < hops; h++) {
      loads[lo + adjSlot[hops === 1 ? state[su + HOP] : hopAdj[state[su + HOP] + h]]] -= share;
    }
  }
  for (let k = start[g]; k < start[g + 1]; k++) {
    if (state[(g * n + source[k]) * STRIDE] !== Infinity) countUnrouted(st, k, true);
  }
}
