// Failure sweeps: every single element, or every pair, failed on top of a scenario's
// own failures, each summarised (offices cut off, unserved Mbps, the busiest link,
// overloads, backups in use), then ranked, with each link's worst case.
import { evaluate, type PreparedNetwork } from '../engine/evaluate.ts';
import {
  failoverLabel, failoversFor, preparedWithFailover, prepareWithDrc, type Failover,
} from '../drc/failover.ts';
import { drcsInService } from '../drc/drc-spec.ts';
import { withDrcTraffic } from '../drc/replication.ts';
import { emptyMask, type FailureMask } from '../routing/compiled-network.ts';
import { createFailureEngine, type FailureEngine } from '../routing/failure-engine.ts';
import {
  caseFromResult, figuresFromLoads, linkFigures, type CaseFigures, type LinkFigures,
} from './case-figures.ts';
import { resolveFailure, type ResolvedFailure } from './failure-set.ts';
import {
  addToMask, effectOf, ELEMENT_KINDS, sweepElements, type ElementKind, type SweepElement,
} from './sweep-elements.ts';

/** Bumped on any change to SweepResult that a reader could notice. */
export const SWEEP_SCHEMA_VERSION = 1;

/** How many worst cases a sweep ranks unless told otherwise. */
const DEFAULT_TOP = 10;

/** How often, in cases, a sweep reports progress. */
const PROGRESS_EVERY = 256;

/** What to sweep, on top of which failures, and how to report. */
export interface SweepOptions {
  /** 1: every single element; 2: every pair of elements. */
  depth: 1 | 2;
  /** The kinds of element to fail; all by default. */
  kinds?: readonly ElementKind[];
  /** Failures in force in every case: the scenario's own. */
  baseFail?: readonly string[];
  /** How many of the worst cases to rank. */
  top?: number;
  scenario?: { name: string; file: string } | null;
  /** Called now and then with the cases done and the total. */
  onProgress?: (done: number, total: number) => void;
}

/** One failure case of a sweep and its figures. */
export interface SweepCase extends CaseFigures {
  index: number;
  /** The elements it fails, as `kind:id`, on top of the base failures. */
  fail: string[];
  /** How many more pairs fail exactly the same links and sites (counted here once). */
  duplicates: number;
  /** Traffic classes sent to a DRC, as `class:from>to`. */
  failover: string[];
}

/** A link's worst case over the sweep. */
export interface SweepLink {
  id: string;
  capacityMbps: number;
  baseUtilization: number;
  worstUtilization: number;
  /** The case that causes it; null when no case raises it above the base. */
  worstCase: number | null;
  worstFail: string[] | null;
  /** In how many cases the link is overloaded. */
  overloadedIn: number;
}

/** A whole sweep as plain JSON: cases, the worst of them, each link's worst. */
export interface SweepResult {
  schemaVersion: number;
  kind: 'sweep';
  network: { name: string; year: number; sites: number; links: number };
  scenario: { name: string; file: string } | null;
  depth: 1 | 2;
  kinds: ElementKind[];
  baseFail: string[];
  counts: {
    elements: number;
    /** Single elements, or pairs of elements, before removing duplicates. */
    combinations: number;
    cases: number;
    duplicates: number;
  };
  /** The figures with only the base failures. */
  baseline: CaseFigures & { failover: string[] };
  cases: SweepCase[];
  /** The worst cases: most unserved Mbps, then highest utilisation, then sweep order. */
  worst: SweepCase[];
  links: SweepLink[];
}

/** The cases of a sweep, before any is evaluated. */
export interface SweepPlan {
  depth: 1 | 2;
  kinds: ElementKind[];
  baseFail: string[];
  elements: SweepElement[];
  /** `depth` element indices per case. */
  members: Int32Array;
  duplicates: Int32Array;
  combinations: number;
}

/** What evaluating a range of cases returns, ready to merge with other ranges. */
export interface SweepPart {
  from: number;
  cases: SweepCase[];
  /** Per link: its highest utilisation in the range, and the first case reaching it. */
  worstUtilization: Float64Array;
  worstCase: Int32Array;
  overloadedIn: Int32Array;
}

/**
 * Lists a sweep's cases. At depth 2, pairs that take down the same links and sites
 * (a group and one of its members, a site and one of its links) are one case.
 */
export function planSweep(prepared: PreparedNetwork, options: SweepOptions): SweepPlan {
  const kinds = ELEMENT_KINDS.filter((k) => (options.kinds ?? ELEMENT_KINDS).includes(k));
  const baseFail = [...(options.baseFail ?? [])];
  const elements = sweepElements(prepared, kinds);
  const n = elements.length;

  if (options.depth === 1) {
    return {
      depth: 1, kinds, baseFail, elements,
      members: Int32Array.from(elements, (_, i) => i),
      duplicates: new Int32Array(n),
      combinations: n,
    };
  }

  const base = effectOf(prepared.compiled, baseFailure(prepared, baseFail));
  const firstOf = new Map<string, number>();
  const members: number[] = [];
  const duplicates: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const key = effectKey(base, elements[i], elements[j]);
      const seen = firstOf.get(key);
      if (seen !== undefined) {
        duplicates[seen] += 1;
        continue;
      }
      firstOf.set(key, duplicates.length);
      members.push(i, j);
      duplicates.push(0);
    }
  }
  return {
    depth: 2, kinds, baseFail, elements,
    members: Int32Array.from(members),
    duplicates: Int32Array.from(duplicates),
    combinations: (n * (n - 1)) / 2,
  };
}

/** How many cases a plan holds. */
export function caseCount(plan: Pick<SweepPlan, 'members' | 'depth'>): number {
  return plan.members.length / plan.depth;
}

/**
 * Evaluates cases `from` .. `to` of a plan with the incremental failure engine, which
 * re-routes only the part of each destination's DAG a failure changes. A failure that
 * sets off a failover (the data centre down) changes the demands themselves: it gets
 * an engine of its own over the failed-over demands, built once per failover.
 */
export function runSweepRange(
  prepared: PreparedNetwork,
  plan: SweepPlan,
  from: number,
  to: number,
  onProgress?: (done: number) => void,
): SweepPart {
  const { network, compiled } = prepared;
  const m = compiled.linkCount;
  const base = baseFailure(prepared, plan.baseFail);
  const baseMask = maskOf(prepared, effectOf(compiled, base));
  const drcs = drcsInService(network);
  const standIns = drcs.map((d) => compiled.nodeIndex.get(d.standsInFor)!);
  const engines = new Map<string, { prepared: PreparedNetwork; engine: FailureEngine }>();
  const engineFor = (failover: readonly Failover[]) => {
    const key = failover.map(failoverLabel).join(',');
    let hit = engines.get(key);
    if (!hit) {
      const variant = preparedWithFailover(prepared, { sites: failover.map((f) => f.from) });
      const engine = createFailureEngine(variant.compiled, variant.matrix, { perDemand: true });
      engines.set(key, (hit = { prepared: variant, engine }));
    }
    return hit;
  };
  const baseFailover = failoversFor(network, base.sites, drcs);
  const perLink = linkFigures(m);

  const part: SweepPart = {
    from,
    cases: [],
    worstUtilization: new Float64Array(m).fill(-Infinity),
    worstCase: new Int32Array(m).fill(-1),
    overloadedIn: new Int32Array(m),
  };
  const mask = emptyMask(compiled);
  for (let c = from; c < to; c++) {
    const chosen = Array.from(plan.members.subarray(c * plan.depth, (c + 1) * plan.depth),
      (i) => plan.elements[i]);
    mask.linkDown.set(baseMask.linkDown);
    mask.nodeDown.set(baseMask.nodeDown);
    for (const element of chosen) addToMask(mask, element);

    // Only a data centre with a DRC going down can change where traffic goes.
    const failover = standIns.some((u) => mask.nodeDown[u])
      ? failoversFor(network, sitesDownIn(mask, compiled.nodeIds), drcs)
      : baseFailover;
    const { prepared: routed, engine } = engineFor(failover);
    const loads = engine.evaluate(mask);
    const figures = figuresFromLoads(routed, { ...loads, unrouted: loads.unrouted! }, mask,
      perLink);

    part.cases.push({
      index: c, fail: chosen.map((el) => el.ref), duplicates: plan.duplicates[c],
      failover: failover.map(failoverLabel), ...figures,
    });
    for (let e = 0; e < m; e++) {
      if (perLink.utilization[e] > part.worstUtilization[e]) {
        part.worstUtilization[e] = perLink.utilization[e];
        part.worstCase[e] = c;
      }
      part.overloadedIn[e] += perLink.overloaded[e];
    }
    if (onProgress && (c - from + 1) % PROGRESS_EVERY === 0) onProgress(c - from + 1);
  }
  onProgress?.(to - from);
  return part;
}

/**
 * Puts evaluated ranges (in any order, covering the plan once) together: the cases in
 * sweep order, the worst ranked, each link's worst case. The outcome depends only on
 * the cases, never on how they were split.
 */
export function assembleSweep(
  prepared: PreparedNetwork,
  plan: SweepPlan,
  parts: readonly SweepPart[],
  options: Pick<SweepOptions, 'top' | 'scenario'> = {},
): SweepResult {
  const { network } = prepared;
  const ordered = [...parts].sort((p, q) => p.from - q.from);
  const cases = ordered.flatMap((p) => p.cases);

  const base = baseFailure(prepared, plan.baseFail);
  const baseLinks = linkFigures(network.links.length);
  const baseResult = evaluate(preparedWithFailover(prepared, base), base);
  const baseline = {
    ...caseFromResult(baseResult, baseLinks),
    failover: failoversFor(network, base.sites).map(failoverLabel),
  };

  const links: SweepLink[] = network.links.map((link, e) => {
    let worst = baseLinks.utilization[e];
    let worstCase = -1;
    let overloadedIn = 0;
    for (const part of ordered) {
      if (part.worstUtilization[e] > worst) {
        worst = part.worstUtilization[e];
        worstCase = part.worstCase[e];
      }
      overloadedIn += part.overloadedIn[e];
    }
    return {
      id: link.id,
      capacityMbps: link.capacityMbps,
      baseUtilization: baseLinks.utilization[e],
      worstUtilization: worst,
      worstCase: worstCase < 0 ? null : worstCase,
      worstFail: worstCase < 0 ? null : cases[worstCase].fail,
      overloadedIn,
    };
  });

  const worst = [...cases]
    .sort((a, b) => b.unservedMbps - a.unservedMbps ||
      (b.maxLink?.utilization ?? 0) - (a.maxLink?.utilization ?? 0) || a.index - b.index)
    .slice(0, options.top ?? DEFAULT_TOP);

  return {
    schemaVersion: SWEEP_SCHEMA_VERSION,
    kind: 'sweep',
    network: {
      name: network.name, year: network.year,
      sites: network.sites.length, links: network.links.length,
    },
    scenario: options.scenario ?? null,
    depth: plan.depth,
    kinds: plan.kinds,
    baseFail: plan.baseFail,
    counts: {
      elements: plan.elements.length,
      combinations: plan.combinations,
      cases: cases.length,
      duplicates: plan.combinations - cases.length,
    },
    baseline,
    cases,
    worst,
    links,
  };
}

/**
 * Runs a whole sweep in this thread. `prepared` should come from `prepareWithDrc`; a
 * network without its DRC traffic is prepared again so the figures match `simulate`.
 * @example runSweep(prepareWithDrc(network), { depth: 2 }).worst[0]
 */
export function runSweep(prepared: PreparedNetwork, options: SweepOptions): SweepResult {
  const ready = withDrcTraffic(prepared.network) === prepared.network
    ? prepared
    : prepareWithDrc(prepared.network);
  const plan = planSweep(ready, options);
  const total = caseCount(plan);
  const part = runSweepRange(ready, plan, 0, total,
    options.onProgress && ((done) => options.onProgress!(done, total)));
  return assembleSweep(ready, plan, [part], options);
}

/** The base failures resolved; a bad id is refused naming the scenario's `fail`. */
function baseFailure(prepared: PreparedNetwork, ids: readonly string[]): ResolvedFailure {
  return resolveFailure(prepared.network, ids, 'fail', prepared.groups);
}

function sitesDownIn(mask: FailureMask, nodeIds: readonly string[]): string[] {
  const out: string[] = [];
  for (let u = 0; u < nodeIds.length; u++) if (mask.nodeDown[u]) out.push(nodeIds[u]);
  return out;
}

function maskOf(
  prepared: PreparedNetwork,
  effect: { links: Int32Array; sites: Int32Array },
): FailureMask {
  const mask = emptyMask(prepared.compiled);
  addToMask(mask, effect);
  return mask;
}

/** The links and sites down with the base and two elements failed, as a string. */
function effectKey(
  base: { links: Int32Array; sites: Int32Array },
  a: SweepElement,
  b: SweepElement,
): string {
  const union = (x: Int32Array, y: Int32Array, z: Int32Array) =>
    [...new Set([...x, ...y, ...z])].sort((p, q) => p - q).join(',');
  return `${union(base.links, a.links, b.links)}|${union(base.sites, a.sites, b.sites)}`;
}
