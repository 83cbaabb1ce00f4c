// Replication from the data centre to its DRC as traffic on the network: the day's data
// changes, shipped over the hours in which they are written.
import type { Network } from '../model/network.ts';
import { drcsInService, type DrcSpec } from './drc-spec.ts';

/** Megabits in one GiB (2^30 bytes of 8 bits). */
const MBIT_PER_GIB = (8 * 2 ** 30) / 1e6;

/**
 * The replication stream's rate: the day's changes spread evenly over the window in
 * which they are written, so the DRC is never more than one interval behind.
 * @example replicationMbps({ changeGiBPerDay: 90, windowHours: 8 }) // 26.843546
 */
export function replicationMbps(
  r: Pick<DrcSpec['replication'], 'changeGiBPerDay' | 'windowHours'>,
): number {
  return round6((r.changeGiBPerDay * MBIT_PER_GIB) / (r.windowHours * 3600));
}

/**
 * The network with each DRC in service carrying its replication demand: the DRC site's
 * figure for the replication class, whose sink is the data centre, so the stream runs
 * from the data centre to the DRC. Returns the network itself when there is none.
 */
export function withDrcTraffic(network: Network): Network {
  const rates = new Map(drcsInService(network).map((d) => [d.site, d]));
  if (rates.size === 0) return network;

  let changed = false;
  const sites = network.sites.map((site) => {
    const drc = rates.get(site.id);
    if (!drc) return site;
    const mbps = replicationMbps(drc.replication);
    if (site.demandMbps[drc.replication.class] === mbps) return site;
    changed = true;
    return { ...site, demandMbps: { ...site.demandMbps, [drc.replication.class]: mbps } };
  });
  return changed ? { ...network, sites } : network;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
