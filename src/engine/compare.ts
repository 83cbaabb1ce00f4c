// What changed between two networks on the same work: demand, every link's load and
// utilisation (largest change first), offices that gain or lose service, circuit
// sizes and cost, and each one's worst single failure.
import { sizeNetwork } from '../capacity/plan.ts';
import type { SizingTargets } from '../capacity/circuit-sizing.ts';
import type { Network } from '../model/network.ts';
import type { SimulationResult } from './result.ts';
import { RESULT_SCHEMA_VERSION } from './result.ts';
import { round6, simulate } from './simulate.ts';

export interface LinkChange {
  id: string;
  status: 'same' | 'changed' | 'added' | 'removed';
  /** Busier-direction load in each network; 0 where the link is absent. */
  loadA: number;
  loadB: number;
  utilizationA: number | null;
  utilizationB: number | null;
  utilizationChange: number;
  loadChange: number;
}

export interface WorstFailure {
  failure: string;
  unservedMbps: number;
  maxUtilization: number;
}

export interface ScenarioDiff {
  schemaVersion: number;
  kind: 'diff';
  a: { label: string; year: number };
  b: { label: string; year: number };
  demand: { a: number; b: number };
  unrouted: { a: number; b: number };
  links: LinkChange[];
  offices: { lost: string[]; gained: string[] };
  sizes: Array<{ link: string; a: number | null; b: number | null }>;
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
  const ra = simulate(a.network, { fail: a.fail });
  const rb = simulate(b.network, { fail: b.fail });
  const links = compareLinks(ra, rb);
  const sa = sizeNetwork(a.network, options.targets).links;
  const sb = sizeNetwork(b.network, options.targets).links;
  const sizeIds = [...new Set([...sa.keys(), ...sb.keys()])].sort();
  const sizes = sizeIds.map((link) => ({
    link, a: sa.get(link)?.size.mbps ?? null, b: sb.get(link)?.size.mbps ?? null,
  }));
  const cost = (m: typeof sa) => [...m.values()].reduce((s, l) => s + l.size.monthlyIdr, 0);

  const cutA = new Set(ra.cutOff);
  const cutB = new Set(rb.cutOff);
  const officesA = new Set(ra.demand.sites.filter((s) => s.office).map((s) => s.id));
  const officesB = new Set(rb.demand.sites.filter((s) => s.office).map((s) => s.id));
  const served = (ids: Set<string>, cut: Set<string>, id: string) => ids.has(id) && !cut.has(id);
  const all = [...new Set([...officesA, ...officesB])].sort();
  const lost = all.filter((id) => served(officesA, cutA, id) && !served(officesB, cutB, id));
  const gained = all.filter((id) => !served(officesA, cutA, id) && served(officesB, cutB, id));

  const worst = {
    a: options.worstFailure?.(a.network) ?? null,
    b: options.worstFailure?.(b.network) ?? null,
  };
  const diff: Omit<ScenarioDiff, 'identical'> = {
    schemaVersion: RESULT_SCHEMA_VERSION,
    kind: 'diff',
    a: { label: a.label, year: a.network.year },
    b: { label: b.label, year: b.network.year },
    demand: { a: ra.demand.totalMbps, b: rb.demand.totalMbps },
    unrouted: { a: ra.unroutedMbps + ra.lostMbps, b: rb.unroutedMbps + rb.lostMbps },
    links,
    offices: { lost, gained },
    sizes,
    cost: { a: cost(sa), b: cost(sb) },
    worst,
  };
  const identical = diff.demand.a === diff.demand.b && diff.unrouted.a === diff.unrouted.b &&
    links.every((l) => l.status === 'same') && lost.length === 0 && gained.length === 0 &&
    sizes.every((s) => s.a === s.b) &&
    JSON.stringify(worst.a) === JSON.stringify(worst.b);
  return { ...diff, identical };
}

/** Every link of either result, the largest change in utilisation first. */
export function compareLinks(a: SimulationResult, b: SimulationResult): LinkChange[] {
  const byId = (r: SimulationResult) => new Map(r.links.map((l) => [l.id, l]));
  const la = byId(a);
  const lb = byId(b);
  const ids = [...new Set([...la.keys(), ...lb.keys()])];
  const busier = (l: SimulationResult['links'][number] | undefined) =>
    l ? Math.max(l.loadMbps.forward, l.loadMbps.reverse) : 0;

  const out = ids.map((id): LinkChange => {
    const x = la.get(id);
    const y = lb.get(id);
    const loadA = busier(x);
    const loadB = busier(y);
    const utilizationA = x ? x.utilization : null;
    const utilizationB = y ? y.utilization : null;
    const status = !x ? 'added' : !y ? 'removed'
      : x.loadMbps.forward === y.loadMbps.forward && x.loadMbps.reverse === y.loadMbps.reverse &&
        x.capacityMbps === y.capacityMbps && x.down === y.down ? 'same' : 'changed';
    return {
      id, status, loadA, loadB, utilizationA, utilizationB,
      utilizationChange: round6((utilizationB ?? 0) - (utilizationA ?? 0)),
      loadChange: round6(loadB - loadA),
    };
  });
  return out.sort((p, q) =>
    Math.abs(q.utilizationChange) - Math.abs(p.utilizationChange) ||
    Math.abs(q.loadChange) - Math.abs(p.loadChange) || p.id.localeCompare(q.id));
}
