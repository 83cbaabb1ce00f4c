// A network's worst single failure: the element whose loss leaves the most demand
// unserved, then the highest utilisation on any link.
import { singleFailureIds } from '../capacity/worst-case-loads.ts';
import { resolveFailure } from '../failure/failure-set.ts';
import type { Network } from '../model/network.ts';
import type { WorstFailure } from './compare.ts';
import { evaluate, prepareNetwork } from './simulate.ts';

/** Ranks every single link, site and group failure; null for a network with none. */
export function worstSingleFailure(network: Network): WorstFailure | null {
  const prepared = prepareNetwork(network);
  let worst: WorstFailure | null = null;
  for (const id of singleFailureIds(prepared)) {
    const r = evaluate(prepared, resolveFailure(network, [id], 'worst case', prepared.groups));
    const unservedMbps = r.unroutedMbps + r.lostMbps;
    const maxUtilization = Math.max(0, ...r.links.map((l) => l.utilization));
    if (worst === null || unservedMbps > worst.unservedMbps + 1e-9 ||
        (Math.abs(unservedMbps - worst.unservedMbps) <= 1e-9 && maxUtilization > worst.maxUtilization + 1e-9)) {
      worst = { failure: id, unservedMbps, maxUtilization };
    }
  }
  return worst;
}
