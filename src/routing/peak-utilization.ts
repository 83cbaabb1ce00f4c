// The most utilised link direction of a set of loads, with a stable rule for ties.
import type { CompiledNetwork } from './compiled-network.ts';

/** Values within this relative distance of the maximum count as tied. */
export const PEAK_TIE_TOLERANCE = 1e-9;

/** The busiest link direction. */
export interface PeakUtilization {
  /** Load over capacity; 0 when nothing is loaded. */
  utilization: number;
  /** The link, or -1 when nothing is loaded. */
  link: number;
  /** True when the busiest direction runs from linkB to linkA. */
  reverse: boolean;
}

/**
 * Finds the highest load over capacity over both directions of every link. Of the
 * directions within PEAK_TIE_TOLERANCE of it, the lowest link wins, forward before
 * reverse, so that rounding in the last bits does not change which link is named.
 */
export function peakUtilization(
  net: CompiledNetwork,
  forward: Float64Array,
  reverse: Float64Array,
  out: PeakUtilization = { utilization: 0, link: -1, reverse: false },
): PeakUtilization {
  const { capacity } = net;
  let max = 0;
  for (let e = 0; e < net.linkCount; e++) {
    const busier = forward[e] > reverse[e] ? forward[e] : reverse[e];
    const u = busier / capacity[e];
    if (u > max) max = u;
  }
  out.utilization = max;
  out.link = -1;
  out.reverse = false;
  if (!(max > 0)) return out;

  const floor = max * (1 - PEAK_TIE_TOLERANCE);
  for (let e = 0; e < net.linkCount; e++) {
    if (forward[e] / capacity[e] >= floor) {
      out.link = e;
      return out;
    }
    if (reverse[e] / capacity[e] >= floor) {
      out.link = e;
      out.reverse = true;
      return out;
    }
  }
  return out;
}
