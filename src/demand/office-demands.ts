// Who sends how much to whom: each site's demand per traffic class becomes a flow in
// the class's busier direction (sink to site, or site to sink for `towards: sink`)
// and one the other way, scaled by the class's upstream ratio.
import type { Network } from '../model/network.ts';

export interface Demand {
  site: string;
  class: string;
  /** `down` runs from the sink to the site; `up` from the site to the sink. */
  direction: 'down' | 'up';
  /** True for the busier direction, the one the site's figure gives. */
  primary: boolean;
  from: string;
  to: string;
  mbps: number;
}

/** Flows for every site demand in the network; zero flows are left out. */
export function officeDemands(network: Network): Demand[] {
  const classes = new Map(network.classes.map((c) => [c.id, c]));
  const out: Demand[] = [];
  for (const site of network.sites) {
    for (const [classId, mbps] of Object.entries(site.demandMbps)) {
      const cls = classes.get(classId);
      if (!cls || mbps <= 0 || cls.sink === site.id) continue;
      const down = cls.towards === 'office' ? mbps : mbps * cls.upstreamRatio;
      const up = cls.towards === 'office' ? mbps * cls.upstreamRatio : mbps;
      const primary = cls.towards === 'office' ? 'down' : 'up';
      if (down > 0) {
        out.push({
          site: site.id, class: classId, direction: 'down', primary: primary === 'down',
          from: cls.sink, to: site.id, mbps: down,
        });
      }
      if (up > 0) {
        out.push({
          site: site.id, class: classId, direction: 'up', primary: primary === 'up',
          from: site.id, to: cls.sink, mbps: up,
        });
      }
    }
  }
  return out;
}

/** Total demand of a site over its classes, in the busier direction. */
export function siteDemandMbps(site: { demandMbps: Record<string, number> }): number {
  let total = 0;
  for (const mbps of Object.values(site.demandMbps)) total += mbps;
  return total;
}
