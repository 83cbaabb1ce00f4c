// Application traffic between the offices and the data centre, from the catalogue, for
// applications that go live after the year whose demand the topology measured.
import { valueOf } from '../model/figure.ts';
import type { Catalogue } from './catalogue-schema.ts';
import { usersOf } from './tiers.ts';

/** Peak Mbps one office exchanges with the data centre for one application. */
export interface AppTraffic {
  site: string;
  app: string;
  mbps: number;
}

/**
 * The peak traffic each user office adds for every application live by `year` that
 * was not yet live in `baseYear` (those are already in the measured demand). Sorted by
 * site, then application.
 * @example applicationTraffic(catalogue, 2021, 2019) // [{ site: 'bapenda', app: ... }]
 */
export function applicationTraffic(
  catalogue: Catalogue,
  year: number,
  baseYear: number,
): AppTraffic[] {
  const out: AppTraffic[] = [];
  for (const app of catalogue.applications) {
    if (app.live <= baseYear || app.live > year) continue;
    const mbps = valueOf(app.officeMbps);
    if (mbps === 0) continue;
    for (const site of usersOf(app, catalogue)) out.push({ site, app: app.id, mbps });
  }
  return out.sort((a, b) => compare(a.site, b.site) || compare(a.app, b.app));
}

/** Sums application traffic per office. */
export function trafficBySite(traffic: readonly AppTraffic[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of traffic) out.set(t.site, (out.get(t.site) ?? 0) + t.mbps);
  return out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
