// The figures a sweep reports for one failure, read either from a SimulationResult or
// straight from routed loads by the same rules the engine's `evaluate` applies.
import { round6, type PreparedNetwork } from '../engine/evaluate.ts';
import type { SimulationResult } from '../engine/result.ts';
import type { FailureMask } from '../routing/compiled-network.ts';
import type { RoutedLoads } from '../routing/route-demands.ts';

/** What the figures read of a routing: loads per link direction, flags per demand. */
export type CaseLoads = Pick<RoutedLoads, 'forward' | 'reverse' | 'unrouted'>;

/** What a sweep reports of one failure. */
export interface CaseFigures {
  /** Sites that lost some of their demand (the result's `cutOff`). */
  cutOff: string[];
  unroutedMbps: number;
  lostMbps: number;
  /** Unrouted plus lost. */
  unservedMbps: number;
  /** The link with the highest utilisation (the first in link order on a tie). */
  maxLink: { id: string; utilization: number } | null;
  overloaded: string[];
  backupsInUse: string[];
}

/** Per-link figures of one case, for the sweep's worst case of each link. */
export interface LinkFigures {
  utilization: Float64Array;
  overloaded: Uint8Array;
}

/** The sweep's figures of a simulation result. */
export function caseFromResult(r: SimulationResult, out?: LinkFigures): CaseFigures {
  let maxLink: CaseFigures['maxLink'] = null;
  r.links.forEach((l, e) => {
    if (maxLink === null || l.utilization > maxLink.utilization) {
      maxLink = { id: l.id, utilization: l.utilization };
    }
    if (out) {
      out.utilization[e] = l.utilization;
      out.overloaded[e] = l.overloaded ? 1 : 0;
    }
  });
  return {
    cutOff: r.cutOff,
    unroutedMbps: r.unroutedMbps,
    lostMbps: r.lostMbps,
    unservedMbps: round6(r.unroutedMbps + r.lostMbps),
    maxLink,
    overloaded: r.overloaded,
    backupsInUse: r.backupsInUse,
  };
}

/**
 * The same figures from loads, without building a result: each rule here restates one
 * of `evaluate` (rounding, what counts as lost, when a backup is in use), and the
 * sweep's tests hold the two equal for every element of the Mojokerto network.
 */
export function figuresFromLoads(
  prepared: PreparedNetwork,
  loads: CaseLoads,
  mask: FailureMask,
  out: LinkFigures,
): CaseFigures {
  const { network, compiled, demands } = prepared;

  // Demand left without a path: lost when an end is itself down.
  let unrouted = 0;
  let lost = 0;
  const hit = new Set<string>();
  for (let i = 0; i < demands.length; i++) {
    if (!loads.unrouted[i]) continue;
    const d = demands[i];
    const mbps = round6(d.mbps);
    const endDown = mask.nodeDown[compiled.nodeIndex.get(d.from)!] === 1 ||
      mask.nodeDown[compiled.nodeIndex.get(d.to)!] === 1;
    if (endDown) lost += mbps;
    else unrouted += mbps;
    hit.add(d.site);
  }

  // Utilisation is the busier direction over capacity; a backup is in use when its
  // rounded loads are not both zero.
  let maxLink: CaseFigures['maxLink'] = null;
  const overloaded: string[] = [];
  const backupsInUse: string[] = [];
  network.links.forEach((link, e) => {
    const forward = loads.forward[e];
    const reverse = loads.reverse[e];
    const busier = Math.max(forward, reverse);
    const utilization = round6(busier / link.capacityMbps);
    const over = busier > link.capacityMbps;
    out.utilization[e] = utilization;
    out.overloaded[e] = over ? 1 : 0;
    if (maxLink === null || utilization > maxLink.utilization) {
      maxLink = { id: link.id, utilization };
    }
    if (over) overloaded.push(link.id);
    if (link.backup && round6(forward) + round6(reverse) > 0) backupsInUse.push(link.id);
  });

  const unroutedMbps = round6(unrouted);
  const lostMbps = round6(lost);
  return {
    cutOff: network.sites.filter((s) => hit.has(s.id)).map((s) => s.id),
    unroutedMbps,
    lostMbps,
    unservedMbps: round6(unroutedMbps + lostMbps),
    maxLink,
    overloaded,
    backupsInUse,
  };
}

/** A pair of per-link buffers for `figuresFromLoads` and `caseFromResult`. */
export function linkFigures(linkCount: number): LinkFigures {
  return { utilization: new Float64Array(linkCount), overloaded: new Uint8Array(linkCount) };
}
