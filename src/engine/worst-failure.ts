// A network's worst single failure: the element whose loss leaves the most demand
// unserved, then the highest utilisation on any link (the depth-1 sweep's first case).
import { prepareWithDrc } from '../drc/failover.ts';
import { runSweep } from '../failure/sweep.ts';
import type { Network } from '../model/network.ts';
import type { WorstFailure } from './compare.ts';

/** Ranks every single link, site and group failure; null for a network with none. */
export function worstSingleFailure(network: Network): WorstFailure | null {
  const worst = runSweep(prepareWithDrc(network), { depth: 1, top: 1 }).worst[0];
  if (!worst) return null;
  return {
    failure: worst.fail.join(' + '),
    unservedMbps: worst.unservedMbps,
    maxUtilization: worst.maxLink?.utilization ?? 0,
  };
}
