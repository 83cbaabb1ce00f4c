// Each link's heaviest load over every single failure (one link, one site or one
// shared-risk group down), and the failure that causes it.
import { maskFor, type PreparedNetwork } from '../engine/simulate.ts';
import { resolveFailure } from '../failure/failure-set.ts';
import { routeDemands } from '../routing/route-demands.ts';

export interface WorstLoad {
  /** Busier direction's load under the worst failure, in Mbps. */
  loadMbps: number;
  /** The failure that causes it: `link:x`, `site:x` or `group:x`; null when none raises it. */
  failure: string | null;
}

/** The single failures a planner sizes against: every link, site and group. */
export function singleFailureIds(prepared: PreparedNetwork): string[] {
  const { network, groups } = prepared;
  return [
    ...network.links.map((l) => `link:${l.id}`),
    ...network.sites.map((s) => `site:${s.id}`),
    ...groups.map((g) => `group:${g.id}`),
  ];
}

/**
 * For each link, the highest busier-direction load with any single element failed,
 * starting from its normal load: a failure is named only when it raises the load.
 * Ties keep the first failure in the order links, sites, groups.
 */
export function worstCaseLoads(prepared: PreparedNetwork): Map<string, WorstLoad> {
  const { network, compiled, matrix } = prepared;
  const base = routeDemands(compiled, matrix);
  const worst = new Map<string, WorstLoad>();
  network.links.forEach((link, e) => {
    worst.set(link.id, { loadMbps: Math.max(base.forward[e], base.reverse[e]), failure: null });
  });

  for (const id of singleFailureIds(prepared)) {
    const failure = resolveFailure(network, [id], 'worst case', prepared.groups);
    const mask = maskFor(compiled, failure);
    const loads = routeDemands(compiled, matrix, mask);
    for (let e = 0; e < compiled.linkCount; e++) {
      if (mask.linkDown[e]) continue;
      const load = Math.max(loads.forward[e], loads.reverse[e]);
      const entry = worst.get(compiled.linkIds[e])!;
      if (load > entry.loadMbps + 1e-9) {
        entry.loadMbps = load;
        entry.failure = id;
      }
    }
  }
  return worst;
}
