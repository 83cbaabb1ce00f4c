// A depth-1 sweep: each link (or each node) failed in turn, one summary per failure.
import type { FailureEngine, FailureLoads } from './failure-engine.ts';
import { peakUtilization, type PeakUtilization } from './peak-utilization.ts';

/** What fails in each step of a sweep: one link, or one node with its links. */
export type SweepKind = 'links' | 'nodes';

/** Per failure, in the order of `items`: what was left unrouted and the busiest link. */
export interface SweepSummary {
  kind: SweepKind;
  /** The failed link or node of each step. */
  items: Int32Array;
  unroutedMbps: Float64Array;
  unroutedDemands: Float64Array;
  /** Unrouted because an end is down (node sweeps). */
  lostMbps: Float64Array;
  lostDemands: Float64Array;
  /** Unrouted with both ends up: the network is cut. */
  cutMbps: Float64Array;
  cutDemands: Float64Array;
  maxUtilization: Float64Array;
  /** The busiest link, -1 when nothing is loaded, and whether its reverse direction. */
  maxLink: Int32Array;
  maxReverse: Uint8Array;
}

/** Called now and then with how many failures are done out of how many. */
export type SweepProgress = (done: number, total: number) => void;

/** An empty summary for the given failures. */
export function createSweepSummary(kind: SweepKind, items: ArrayLike<number>): SweepSummary {
  const count = items.length;
  return {
    kind,
    items: Int32Array.from(items),
    unroutedMbps: new Float64Array(count),
    unroutedDemands: new Float64Array(count),
    lostMbps: new Float64Array(count),
    lostDemands: new Float64Array(count),
    cutMbps: new Float64Array(count),
    cutDemands: new Float64Array(count),
    maxUtilization: new Float64Array(count),
    maxLink: new Int32Array(count),
    maxReverse: new Uint8Array(count),
  };
}

/** Every link (or node) of the engine's network, in index order. */
export function allItems(engine: FailureEngine, kind: SweepKind): Int32Array {
  const count = kind === 'links' ? engine.net.linkCount : engine.net.nodeCount;
  return Int32Array.from({ length: count }, (_, i) => i);
}

/**
 * Evaluates steps `from` to `to` of a sweep into `summary`. Each step starts from the
 * base state, so its figures do not depend on which steps ran before it.
 */
export function sweepRange(
  engine: FailureEngine,
  summary: SweepSummary,
  from: number,
  to: number,
  onProgress?: SweepProgress,
): void {
  const peak: PeakUtilization = { utilization: 0, link: -1, reverse: false };
  const items = summary.items.subarray(from, to);
  engine.evaluateEach(summary.kind, items, (i, loads) => {
    record(engine, summary, from + i, loads, peak);
    if (onProgress && i % 64 === 63) onProgress(i + 1, to - from);
  });
  onProgress?.(to - from, to - from);
}

/**
 * Fails each item in turn (links or nodes) and summarises each failure.
 * @example sweepFailures(createFailureEngine(net, matrix), 'links').maxUtilization
 */
export function sweepFailures(
  engine: FailureEngine,
  kind: SweepKind,
  items: ArrayLike<number> = allItems(engine, kind),
  onProgress?: SweepProgress,
): SweepSummary {
  const summary = createSweepSummary(kind, items);
  sweepRange(engine, summary, 0, summary.items.length, onProgress);
  return summary;
}

function record(
  engine: FailureEngine,
  summary: SweepSummary,
  i: number,
  loads: FailureLoads,
  peak: PeakUtilization,
): void {
  summary.unroutedMbps[i] = loads.unroutedMbps;
  summary.unroutedDemands[i] = loads.unroutedDemands;
  summary.lostMbps[i] = loads.lostMbps;
  summary.lostDemands[i] = loads.lostDemands;
  summary.cutMbps[i] = loads.cutMbps;
  summary.cutDemands[i] = loads.cutDemands;
  peakUtilization(engine.net, loads.forward, loads.reverse, peak);
  summary.maxUtilization[i] = peak.utilization;
  summary.maxLink[i] = peak.link;
  summary.maxReverse[i] = peak.reverse ? 1 : 0;
}
