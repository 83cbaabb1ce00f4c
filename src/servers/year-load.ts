// One year of server load: the fleet, where replicas go, how full servers are, warnings.
import { valueOf } from '../model/figure.ts';
import type { AppFootprint, ServerUse, TierLoad, Warning, YearLoad } from './analyse.ts';
import type { Catalogue } from './catalogue-schema.ts';
import {
  countServersNeeded, DIMENSIONS, placeReplicas,
  type Dimension, type PlacementItem, type PlacementServer, type Resources, type UnplacedItem,
} from './placement.ts';
import { round6, tierLoad, worst } from './tier-load.ts';
import type { TierFigures } from './tiers.ts';

/** The usable resources of one server, the target and the warning threshold. */
export interface Limits {
  usable: Resources;
  target: number;
  warn: number;
}

/** Places one year's live replicas on its primary fleet and measures the outcome. */
export function analyseYear(
  catalogue: Catalogue,
  allTiers: readonly TierFigures[],
  year: number,
  limits: Limits,
): YearLoad {
  const tiers = allTiers.filter((t) => t.live <= year);
  const apps = catalogue.applications.filter((a) => a.live <= year);
  const items = tiers.flatMap(replicasOf);

  // This year's fleet: primary servers hold the tiers, DRC servers wait for failover.
  const fleet = catalogue.servers.fleet
    .filter((f) => f.from <= year && (f.until === undefined || year <= f.until))
    .sort((a, b) => a.from - b.from);
  const primary: Array<PlacementServer & { site: string }> = fleet
    .filter((f) => f.role === 'primary')
    .flatMap((f) => Array.from({ length: valueOf(f.count) }, (_, k) => ({
      id: `${f.id}-${String(k + 1).padStart(2, '0')}`, site: f.site, ...limits.usable,
    })));
  const drc = fleet.filter((f) => f.role === 'drc').reduce((n, f) => n + valueOf(f.count), 0);

  const placement = placeReplicas(items, primary, { softLimit: limits.target });
  const needed = countServersNeeded(items, limits.usable, limits.target);
  const serversNeeded = needed.unplaceable.length > 0 ? null : needed.servers;

  const placedOn = new Map<string, string[]>();
  for (const [item, server] of Object.entries(placement.assignment)) {
    const group = item.slice(0, item.lastIndexOf('#'));
    placedOn.set(group, [...(placedOn.get(group) ?? []), server]);
  }
  const tierLoads = tiers.map((t) => tierLoad(t, placedOn.get(t.id) ?? []));
  const servers: ServerUse[] = placement.servers.map((s, i) => ({
    id: s.id,
    site: primary[i].site,
    used: roundResources(s.used),
    utilisation: roundShares(s.utilisation),
    replicas: s.items,
  }));

  const demand = sumResources(items);
  const capacity = { cores: limits.usable.cores * primary.length,
    memoryGiB: limits.usable.memoryGiB * primary.length,
    storageGiB: limits.usable.storageGiB * primary.length };
  const share = (used: number, cap: number) => (cap > 0 ? round6(used / cap) : 0);

  return {
    year,
    tiersNew: tiers.filter((t) => t.live === year).length,
    tiersLive: tiers.length,
    applicationsNew: apps.filter((a) => a.live === year).length,
    applicationsLive: apps.length,
    replicasLive: items.length,
    demand: {
      ...roundResources(demand),
      offeredLoadErlangs: round6(tiers.reduce((n, t) =>
        n + (t.peakRps * t.serviceTimeMs) / 1000, 0)),
    },
    fleet: {
      primary: primary.length,
      drc,
      sites: fleet.map((f) => ({ site: f.site, role: f.role, servers: valueOf(f.count) })),
    },
    serversNeeded,
    serversNeededFirstFit: needed.firstFit,
    serversLowerBound: needed.lowerBound,
    fleetShort: serversNeeded === null ? 0 : Math.max(0, serversNeeded - primary.length),
    utilisation: {
      cores: share(demand.cores, capacity.cores),
      memory: share(demand.memoryGiB, capacity.memoryGiB),
      storage: share(demand.storageGiB, capacity.storageGiB),
    },
    servers,
    unplaced: placement.unplaced,
    overTarget: placement.overLimit,
    tiers: tierLoads,
    worstResponse: worst(tierLoads, 'meanResponseMs'),
    worstWait: worst(tierLoads, 'meanWaitMs'),
    warnings: warningsOf(year, servers, tierLoads, placement, needed.unplaceable,
      serversNeeded, primary.length, limits),
    applications: apps.map((a) => footprint(a, tiers.filter((t) => t.app === a.id))),
  };
}

/** A tier's replicas as placement items: `app/tier#1`, `app/tier#2`... */
function replicasOf(t: TierFigures): PlacementItem[] {
  return Array.from({ length: t.replicas }, (_, k) => ({
    id: `${t.id}#${k + 1}`, group: t.id,
    cores: t.cores, memoryGiB: t.memoryGiB, storageGiB: t.storageGiB,
  }));
}

function warningsOf(
  year: number,
  servers: readonly ServerUse[],
  tiers: readonly TierLoad[],
  placement: { unplaced: readonly UnplacedItem[]; overLimit: readonly string[] },
  tooLarge: readonly UnplacedItem[],
  serversNeeded: number | null,
  fleet: number,
  limits: Limits,
): Warning[] {
  const out: Warning[] = [];
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  for (const s of servers) {
    for (const d of DIMENSIONS) {
      const u = s.utilisation[d];
      if (u > limits.warn) {
        out.push({ code: 'server-utilisation', subject: s.id, value: u,
          message: `${s.id}: ${d} at ${pct(u)}, above the ${pct(limits.warn)} threshold` });
      }
    }
  }
  for (const t of tiers) {
    if (!t.stable) {
      out.push({ code: 'tier-unstable', subject: t.id, value: t.utilisation,
        message: `${t.id}: offered ${pct(t.utilisation)} of its ${t.servers} core(s); ` +
          'the queue grows without bound' });
    } else if (t.utilisation > limits.warn) {
      out.push({ code: 'tier-utilisation', subject: t.id, value: t.utilisation,
        message: `${t.id}: cores busy ${pct(t.utilisation)} at peak, above ` +
          `${pct(limits.warn)}` });
    }
  }
  for (const u of placement.unplaced) {
    out.push({ code: 'unplaced', subject: u.id, message: `${u.id}: not placed: ${u.reason}` });
  }
  for (const u of tooLarge) {
    out.push({ code: 'too-large', subject: u.id,
      message: `${u.id}: cannot stay under the target on any server: ${u.reason}` });
  }
  const overTarget = placement.overLimit;
  if (overTarget.length > 0) {
    out.push({ code: 'over-target', subject: String(year), value: overTarget.length,
      message: `${overTarget.length} replica(s) placed past the ` +
        `${pct(limits.target)} target for want of room under it` });
  }
  if (serversNeeded !== null && serversNeeded > fleet) {
    out.push({ code: 'fleet-short', subject: String(year), value: serversNeeded - fleet,
      message: `${year}: ${serversNeeded} servers needed to stay under ` +
        `${pct(limits.target)}, ${fleet} in the fleet` });
  }
  return out;
}

function footprint(app: Catalogue['applications'][number], tiers: readonly TierFigures[])
  : AppFootprint {
  const all = sumResources(tiers.flatMap(replicasOf));
  const one = sumResources(tiers);
  return {
    id: app.id,
    name: app.name,
    owner: app.owner,
    priority: app.priority,
    live: app.live,
    tiersLive: tiers.length,
    ...roundResources(all),
    minimum: roundResources(one),
  };
}

function sumResources(items: readonly Resources[]): Resources {
  return items.reduce((s, r) => ({
    cores: s.cores + r.cores,
    memoryGiB: s.memoryGiB + r.memoryGiB,
    storageGiB: s.storageGiB + r.storageGiB,
  }), { cores: 0, memoryGiB: 0, storageGiB: 0 });
}

export function roundResources(r: Resources): Resources {
  return { cores: round6(r.cores), memoryGiB: round6(r.memoryGiB),
    storageGiB: round6(r.storageGiB) };
}

function roundShares(u: Record<Dimension, number>): Record<Dimension, number> {
  return { cores: round6(u.cores), memory: round6(u.memory), storage: round6(u.storage) };
}
