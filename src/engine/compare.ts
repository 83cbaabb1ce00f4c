// What a proposed change does: two networks simulated on the same work, compared
// result by result (compare-results.ts), plus what planning makes of each: circuit
// sizes, monthly cost and the worst single failure.
import { sizeNetwork } from '../capacity/plan.ts';
import type { SizingTargets } from '../capacity/circuit-sizing.ts';
import type { Network } from '../model/network.ts';
import { compareResults, type ResultDiff } from './compare-results.ts';
import { simulate } from './simulate.ts';

export interface WorstFailure {
  failure: string;
  unservedMbps: number;
  maxUtilization: number;
}

export interface ScenarioDiff extends ResultDiff {
  /** Circuit sizes of the sized links on each side; null where a side has no such link. */
  sizes: Array<{ link: string; a: number | null; b: number | null }>;
  /** Monthly rent of those sizes. */
  cost: { a: number; b: number };
  worst: { a: WorstFailure | null; b: WorstFailure | null };
  /** True when nothing above differs. */
  identical: boolean;
}

export interface CompareSide {
  label: string;
  network: Network;
  fail?: readonly string[];
}

export interface CompareOptions {
  targets?: SizingTargets;
  /** Finds a network's worst single failure; left out, `worst` stays null. */
  worstFailure?: (network: Network) => WorstFailure | null;
}

/** Compares two networks, each simulated with its own failures. */
export function compareNetworks(
  a: CompareSide,
  b: CompareSide,
  options: CompareOptions = {},
): ScenarioDiff {
  const diff = compareResults(simulate(a.network, { fail: a.fail }),
    simulate(b.network, { fail: b.fail }), { a: a.label, b: b.label });

  const sa = sizeNetwork(a.network, options.targets).links;
  const sb = sizeNetwork(b.network, options.targets).links;
  const sizeIds = [...new Set([...sa.keys(), ...sb.keys()])].sort();
  const sizes = sizeIds.map((link) => ({
    link, a: sa.get(link)?.size.mbps ?? null, b: sb.get(link)?.size.mbps ?? null,
  }));
  const cost = (m: typeof sa) => [...m.values()].reduce((s, l) => s + l.size.monthlyIdr, 0);
  const worst = {
    a: options.worstFailure?.(a.network) ?? null,
    b: options.worstFailure?.(b.network) ?? null,
  };

  const identical = diff.links.length === 0 && diff.demand.totalMbps.delta === 0 &&
    diff.unroutedMbps.delta === 0 && diff.lostMbps.delta === 0 &&
    diff.offices.lostService.length === 0 && diff.offices.regainedService.length === 0 &&
    sizes.every((s) => s.a === s.b) && JSON.stringify(worst.a) === JSON.stringify(worst.b);
  return { ...diff, sizes, cost: { a: cost(sa), b: cost(sb) }, worst, identical };
}
