// Unrouted demand tallies, and the full re-route of a destination that keeps no state.
import { searchToTarget } from './distances.ts';
import {
  CUT_DEMANDS, CUT_MBPS, FAIL_COUNT, FAIL_FROM, FLAGGED, FLAGGING, LOST_DEMANDS, LOST_MBPS,
  SLOT, type EngineState,
} from './engine-state.ts';
import { spread } from './base-routing.ts';

/** Adds demand entry k to the current slot's unrouted tally (and its flag). */
export function countUnrouted(st: EngineState, k: number, lost: boolean): void {
  const at = 4 * st.vars[SLOT];
  st.tally[at + (lost ? LOST_MBPS : CUT_MBPS)] += st.matrix.mbps[k];
  st.tally[at + (lost ? LOST_DEMANDS : CUT_DEMANDS)] += 1;
  if (st.vars[FLAGGING] === 1 && st.unrouted !== null) {
    const i = st.matrix.origin[k];
    st.unrouted[i] = 1;
    st.flagged[st.vars[FLAGGED]++] = i;
  }
}


/** Re-routes an uncached destination in full: base split out, new split in. */
export function rerouteDestination(st: EngineState, g: number): void {
  const { net, baseScratch, scratch, inflow, nodeDown, failList, vars } = st;
  const { start, source, mbps } = st.matrix;
  const { linkA, linkB, cost } = net;
  const t = st.matrix.dest[g];
  const lo = 2 * vars[SLOT] * st.m;
  searchToTarget(net, t, st.intact, baseScratch);
  const bd = baseScratch.dist;
  let hit = nodeDown[t] === 1;
  const failEnd = vars[FAIL_FROM] + vars[FAIL_COUNT];
  for (let i = vars[FAIL_FROM]; i < failEnd && !hit; i++) {
    const e = failList[i];
    const da = bd[linkA[e]];
    const db = bd[linkB[e]];
    hit = (da !== Infinity && da === db + cost[e]) || (db !== Infinity && db === da + cost[e]);
  }
  if (!hit) return;

  for (let k = start[g]; k < start[g + 1]; k++) {
    if (bd[source[k]] !== Infinity) inflow[source[k]] += mbps[k];
  }
  spread(net, baseScratch, inflow, null, st.loads, lo, -1, -1, null, null);
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
  spread(net, scratch, inflow, st.failMask, st.loads, lo, 1, -1, null, null);
}
