// Server load year by year: which tiers are live, where their replicas go, how busy
// each server is, the M/M/c response time of each tier, and when the fleet runs out.
import { valueOf } from '../model/figure.ts';
import type { Catalogue } from './catalogue-schema.ts';
import { mmc } from './erlang-c.ts';
import {
  countServersNeeded, DIMENSIONS, placeReplicas,
  type Dimension, type PlacementItem, type PlacementServer, type Resources, type UnplacedItem,
} from './placement.ts';
import { listTiers, type TierFigures } from './tiers.ts';

/** What to analyse beyond the catalogue's own settings. */
export interface AnalyseOptions {
  /** Report only this year (the run-out years still look at every year). */
  year?: number;
  /** Overrides the catalogue's target utilisation. */
  targetUtilisation?: number;
}

/** Everything `servers` reports, as plain JSON. */
export interface ServersResult {
  schemaVersion: 1;
  catalogue: string;
  server: {
    name: string;
    /** Logical cores: physical cores times threads per core. */
    cores: number;
    memoryGiB: number;
    storageGiB: number;
    overhead: number;
    /** What tiers may use after the hypervisor's share. */
    usable: Resources;
  };
  targetUtilisation: number;
  warnUtilisation: number;
  /** The plan's server count (5.2), when the catalogue gives it. */
  planServers: number | null;
  /** First year more servers than the plan's are needed to stay under target. */
  planRunsOutYear: number | null;
  /** First year the year's own primary fleet is too small to stay under target. */
  fleetShortYear: number | null;
  planCheck: PlanCheck[];
  years: YearLoad[];
}

/** One of the plan's figures beside what the catalogue holds. */
export interface PlanCheck {
  figure: string;
  plan: number;
  catalogue: number;
}

/** One year: tiers live, placement, utilisation, queueing, warnings. */
export interface YearLoad {
  year: number;
  tiersNew: number;
  tiersLive: number;
  applicationsNew: number;
  applicationsLive: number;
  replicasLive: number;
  /** What the live replicas ask for, and their offered load in erlangs. */
  demand: Resources & { offeredLoadErlangs: number };
  fleet: { primary: number; drc: number; sites: Array<{ site: string; role: string;
    servers: number }> };
  /** Smallest primary fleet that holds every live replica under the target; null if none. */
  serversNeeded: number | null;
  /** What plain first-fit-decreasing would open, for comparison. */
  serversNeededFirstFit: number;
  /** No fleet under the target can be smaller than this. */
  serversLowerBound: number;
  /** Servers missing from this year's primary fleet to stay under the target. */
  fleetShort: number;
  /** Allotted over usable, over the whole primary fleet. */
  utilisation: Record<Dimension, number>;
  servers: ServerUse[];
  unplaced: UnplacedItem[];
  /** Replicas placed past the target because nothing under it had room. */
  overTarget: string[];
  tiers: TierLoad[];
  /** The live tier with the longest mean response (null ms: unstable). */
  worstResponse: { tier: string; meanResponseMs: number | null } | null;
  /** The live tier with the longest mean wait in its queue. */
  worstWait: { tier: string; meanWaitMs: number | null } | null;
  warnings: Warning[];
  /** Per application, for failover: priority and what its live tiers hold. */
  applications: AppFootprint[];
}

/** One primary server in one year: what it holds and how full it is. */
export interface ServerUse {
  id: string;
  site: string;
  used: Resources;
  utilisation: Record<Dimension, number>;
  replicas: string[];
}

/** One live tier in one year: its M/M/c figures and where its replicas stand. */
export interface TierLoad {
  id: string;
  app: string;
  tier: string;
  live: number;
  replicas: number;
  /** c of the M/M/c model: replicas times cores per replica. */
  servers: number;
  peakRps: number;
  serviceTimeMs: number;
  utilisation: number;
  stable: boolean;
  waitProbability: number;
  /** null when the tier is unstable (utilisation >= 1). */
  meanWaitMs: number | null;
  meanResponseMs: number | null;
  placedOn: string[];
}

/** Something past a threshold, or that does not fit. */
export interface Warning {
  code: 'server-utilisation' | 'tier-utilisation' | 'tier-unstable' | 'unplaced'
    | 'too-large' | 'over-target' | 'fleet-short';
  subject: string;
  value?: number;
  message: string;
}

/** What one application needs in one year, for failover planning. */
export interface AppFootprint {
  id: string;
  name: string;
  owner: string;
  priority: number;
  live: number;
  tiersLive: number;
  /** Every live replica. */
  cores: number;
  memoryGiB: number;
  storageGiB: number;
  /** One replica of each live tier: the least it can run on. */
  minimum: Resources;
}

/**
 * Analyses the catalogue's server load for each of its years.
 * @example analyseServers(parseCatalogue(text, 'apps.yaml')).planRunsOutYear
 */
export function analyseServers(catalogue: Catalogue, options: AnalyseOptions = {}): ServersResult {
  const { first, last } = catalogue.years;
  if (options.year !== undefined && (options.year < first || options.year > last)) {
    throw new RangeError(`analyseServers: expected a year from ${first} to ${last}, ` +
      `got ${options.year}`);
  }
  const spec = catalogue.servers.spec;
  const overhead = valueOf(spec.overhead);
  const cores = valueOf(spec.cores) * (valueOf(spec.threadsPerCore) ?? 1);
  const usable: Resources = {
    cores: cores * (1 - overhead),
    memoryGiB: valueOf(spec.memoryGiB) * (1 - overhead),
    storageGiB: valueOf(spec.storageGiB) * (1 - overhead),
  };
  const target = options.targetUtilisation ?? valueOf(catalogue.servers.targetUtilisation);
  if (!(target > 0 && target <= 1)) {
    throw new RangeError(`analyseServers: expected a target utilisation in (0, 1], got ${target}`);
  }
  const warn = valueOf(catalogue.servers.warnUtilisation);
  const planServers = valueOf(catalogue.plan?.servers) ?? null;
  const tiers = listTiers(catalogue);

  const all: YearLoad[] = [];
  for (let year = first; year <= last; year++) {
    all.push(analyseYear(catalogue, tiers, year, { usable, target, warn }));
  }
  const firstYear = (short: (y: YearLoad) => boolean) => all.find(short)?.year ?? null;

  return {
    schemaVersion: 1,
    catalogue: catalogue.name,
    server: {
      name: spec.name,
      cores,
      memoryGiB: valueOf(spec.memoryGiB),
      storageGiB: valueOf(spec.storageGiB),
      overhead,
      usable: roundResources(usable),
    },
    targetUtilisation: target,
    warnUtilisation: warn,
    planServers,
    planRunsOutYear: planServers === null ? null
      : firstYear((y) => y.serversNeeded === null || y.serversNeeded > planServers),
    fleetShortYear: firstYear((y) => y.serversNeeded === null || y.fleetShort > 0),
    planCheck: checkAgainstPlan(catalogue, tiers),
    years: options.year === undefined ? all : all.filter((y) => y.year === options.year),
  };
}

interface Limits {
  usable: Resources;
  target: number;
  warn: number;
}

function analyseYear(
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

/**
 * The tier as one M/M/c queue: its replicas share the peak requests (a load balancer in
 * front), and each core of each replica is one server, so c = replicas x cores,
 * lambda = peakRps and mu = 1000 / serviceTimeMs. Separate queues per replica would wait
 * longer; this is the optimistic bound.
 */
function tierLoad(t: TierFigures, placedOn: string[]): TierLoad {
  const c = t.replicas * t.cores;
  const q = mmc(t.peakRps, 1000 / t.serviceTimeMs, c);
  return {
    id: t.id,
    app: t.app,
    tier: t.tier,
    live: t.live,
    replicas: t.replicas,
    servers: c,
    peakRps: t.peakRps,
    serviceTimeMs: t.serviceTimeMs,
    utilisation: round6(q.utilisation),
    stable: q.stable,
    waitProbability: round6(q.waitProbability),
    meanWaitMs: q.stable ? round6(q.meanWait * 1000) : null,
    meanResponseMs: q.stable ? round6(q.meanResponse * 1000) : null,
    placedOn,
  };
}

/** The tier with the largest value of a time; an unstable tier (null) counts as endless. */
function worst<K extends 'meanResponseMs' | 'meanWaitMs'>(tiers: readonly TierLoad[], key: K)
  : ({ tier: string } & Record<K, number | null>) | null {
  let top: TierLoad | null = null;
  for (const t of tiers) {
    if (top === null || (t[key] ?? Infinity) > (top[key] ?? Infinity)) top = t;
  }
  if (top === null) return null;
  return { tier: top.id, [key]: top[key] } as { tier: string } & Record<K, number | null>;
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

function checkAgainstPlan(catalogue: Catalogue, tiers: readonly TierFigures[]): PlanCheck[] {
  const plan = catalogue.plan;
  if (!plan) return [];
  const out: PlanCheck[] = [];
  const add = (figure: string, planned: number | undefined, actual: number) => {
    if (planned !== undefined) out.push({ figure, plan: planned, catalogue: actual });
  };
  const apps = catalogue.applications;
  add('applications', valueOf(plan.applications), apps.length);
  add('tiers', valueOf(plan.tiers), tiers.length);
  for (const [year, f] of Object.entries(plan.tiersByYear ?? {})) {
    add(`tiers live in ${year}`, valueOf(f), tiers.filter((t) => t.live === Number(year)).length);
  }
  for (const key of ['development', 'type', 'function'] as const) {
    for (const [value, f] of Object.entries(plan[key] ?? {})) {
      add(`${key} ${value}`, valueOf(f), apps.filter((a) => a[key] === value).length);
    }
  }
  return out;
}

function sumResources(items: readonly Resources[]): Resources {
  return items.reduce((s, r) => ({
    cores: s.cores + r.cores,
    memoryGiB: s.memoryGiB + r.memoryGiB,
    storageGiB: s.storageGiB + r.storageGiB,
  }), { cores: 0, memoryGiB: 0, storageGiB: 0 });
}

function roundResources(r: Resources): Resources {
  return { cores: round6(r.cores), memoryGiB: round6(r.memoryGiB),
    storageGiB: round6(r.storageGiB) };
}

function roundShares(u: Record<Dimension, number>): Record<Dimension, number> {
  return { cores: round6(u.cores), memory: round6(u.memory), storage: round6(u.storage) };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
