// Server load year by year: the result's types, and the loop over the catalogue's years.
import { valueOf } from '../model/figure.ts';
import type { Catalogue } from './catalogue-schema.ts';
import type { Dimension, Resources, UnplacedItem } from './placement.ts';
import { listTiers, type TierFigures } from './tiers.ts';
import { analyseYear, roundResources } from './year-load.ts';

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
