// A depth-1 sweep: each link (or each node) failed in turn, one summary per failure.
import type { FailureEngine, FailureLoads, FailureSet } from './failure-engine.ts';
import { peakUtilization, type PeakUtilization } from './peak-utilization.ts';
import {
  chainFailureSets, combineChainFailure, planSweep, type DirectedLoads, type ProductDemand,
  type SweepKind, type SweepPlan,
} from './sweep-plan.ts';

export type { ProductDemand, SweepKind, SweepPlan } from './sweep-plan.ts';
export { planSweep } from './sweep-plan.ts';

/** Options of `sweepFailures`. */
export interface SweepOptions {
  onProgress?: SweepProgress;
  /** The engine's demand in product form, if it is: chains are then evaluated whole. */
  product?: ProductDemand | null;
}

// Evaluations passed to the engine at once: a few of its batches, so that the end
// links' loads a chain keeps for its inner failures stay few.
const GROUP_SETS = 64;

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
 * Evaluates units `from` to `to` of `plan` into `summary`. Each step starts from the
 * base state, so its figures do not depend on which steps ran before it or with it.
 */
export function sweepUnits(
  engine: FailureEngine,
  plan: SweepPlan,
  summary: SweepSummary,
  from: number,
  to: number,
  onProgress?: SweepProgress,
): void {
  const { net } = engine;
  const m = net.linkCount;
  const peak: PeakUtilization = { utilization: 0, link: -1, reverse: false };
  const total = plan.unitStart[to] - plan.unitStart[from];
  const out = emptyLoads(m);
  let done = 0;
  const stepDone = () => {
    done += 1;
    if (onProgress && done % 64 === 0) onProgress(done, total);
  };

  for (let u = from; u < to;) {
    const sets: FailureSet[] = [];
    // For each set: its unit, and -1 for a step alone, else its role in the chain
    // (0 and 1 the end links outside, 2 + i link i inside).
    const setUnit: number[] = [];
    const setRole: number[] = [];
    const ends = new Map<number, { first: DirectedLoads; last: DirectedLoads }>();
    for (; u < to && sets.length < GROUP_SETS; u++) {
      const c = plan.unitChain[u];
      if (c < 0) {
        const item = summary.items[plan.rows[plan.unitStart[u]]];
        sets.push(plan.kind === 'links' ? { links: [item] } : { nodes: [item] });
        setUnit.push(u);
        setRole.push(-1);
        continue;
      }
      const chainSets = chainFailureSets(plan.chains!, c);
      chainSets.forEach((set, role) => {
        sets.push(set);
        setUnit.push(u);
        setRole.push(role);
      });
      ends.set(u, { first: emptyLoads(m), last: emptyLoads(m) });
    }
    engine.evaluateMany(sets, (index, loads) => {
      const unit = setUnit[index];
      const role = setRole[index];
      const row = plan.rows[plan.unitStart[unit] + Math.max(0, role - 2)];
      if (role < 0) {
        record(engine, summary, row, loads, peak);
        stepDone();
        return;
      }
      const kept = ends.get(unit)!;
      if (role < 2) {
        const into = role === 0 ? kept.first : kept.last;
        into.forward.set(loads.forward);
        into.reverse.set(loads.reverse);
        return;
      }
      const chain = plan.chains!.chains[plan.unitChain[unit]];
      combineChainFailure(net, chain, plan.product!.scale, role - 2, engine.base, kept.first,
        kept.last, loads, out);
      // Nothing is cut outside the chain (it is no bridge): the inside part's counts hold.
      out.unroutedMbps = loads.unroutedMbps;
      out.unroutedDemands = loads.unroutedDemands;
      out.lostMbps = loads.lostMbps;
      out.lostDemands = loads.lostDemands;
      out.cutMbps = loads.cutMbps;
      out.cutDemands = loads.cutDemands;
      record(engine, summary, row, out, peak);
      stepDone();
    });
  }
  onProgress?.(total, total);
}

/**
 * Fails each item in turn (links or nodes) and summarises each failure.
 * @example sweepFailures(createFailureEngine(net, matrix), 'links').maxUtilization
 */
export function sweepFailures(
  engine: FailureEngine,
  kind: SweepKind,
  items: ArrayLike<number> = allItems(engine, kind),
  options: SweepOptions = {},
): SweepSummary {
  const summary = createSweepSummary(kind, items);
  const plan = planSweep(engine.net, kind, summary.items, options.product ?? null);
  sweepUnits(engine, plan, summary, 0, plan.unitChain.length, options.onProgress);
  return summary;
}

function emptyLoads(m: number): FailureLoads {
  return {
    forward: new Float64Array(m), reverse: new Float64Array(m), unroutedMbps: 0,
    unroutedDemands: 0, lostMbps: 0, lostDemands: 0, cutMbps: 0, cutDemands: 0,
    unrouted: null,
  };
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
