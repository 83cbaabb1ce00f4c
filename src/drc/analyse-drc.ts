// The data-centre outage seen from the DRC: can its link carry the replication in normal
// operation and the failed-over traffic in an outage, which applications its servers
// hold, and how fast each class of them is back and how much data it can lose.
import { evaluate, round6, type PreparedNetwork } from '../engine/evaluate.ts';
import type { LinkLoad, SimulationResult } from '../engine/result.ts';
import { resolveFailure } from '../failure/failure-set.ts';
import type { Network } from '../model/network.ts';
import { drcsInService, drcSpecs, recoveryClassOf, type DrcSpec } from './drc-spec.ts';
import {
  failoverLabel, failoversFor, preparedWithFailover, prepareWithDrc,
} from './failover.ts';
import { fitApplications, type DrcApp } from './fit-applications.ts';
import { replicationMbps } from './replication.ts';

/** Bumped on any change to DrcResult that a reader could notice. */
export const DRC_SCHEMA_VERSION = 1;

/** The scenario around the outage, and the applications to place. */
export interface DrcAnalysisOptions {
  /** The scenario's own failures; the outage adds the data centre to them. */
  fail?: readonly string[];
  failSource?: string;
  scenario?: { name: string; file: string } | null;
  /** The applications live in the year; null when no catalogue was given. */
  applications?: readonly DrcApp[] | null;
  /** Where they came from (the catalogue file), for the report. */
  applicationsSource?: string | null;
  /** The catalogue's own count of DRC servers in the year, to compare with the topology. */
  catalogueDrcServers?: number | null;
}

/** The DRC link's figures in one simulation. */
export type DrcLink = Pick<LinkLoad, 'id' | 'capacityMbps' | 'loadMbps' | 'utilization' |
  'headroomMbps' | 'overloaded' | 'down'>;

/** One recovery class: its applications, recovery time and data loss. */
export interface RecoveryRow {
  id: string;
  name: string;
  minPriority: number;
  maxPriority: number;
  /** Applications of the class restored at the DRC, and left out; null without a catalogue. */
  applications: number | null;
  leftOut: number | null;
  detectionMinutes: number;
  restartMinutes: number;
  /** Detection plus restart: from the outage until the class runs at the DRC. */
  recoveryMinutes: number;
  /** The replication interval: the most recent data the class can lose. */
  dataLossMinutes: number;
}

/** An application at the DRC, with its place in the failover order. */
export interface DrcAppRow extends DrcApp {
  order: number;
  recoveryClass: string;
  /** Null for an application left out: it waits for the data centre. */
  recoveryMinutes: number | null;
  dataLossMinutes: number;
}

/** An application the DRC cannot hold, with what was short. */
export interface LeftOutRow extends DrcAppRow {
  short: Array<'cores' | 'memory'>;
  freeCores: number;
  freeMemoryGiB: number;
}

/** Everything `netsim drc` reports, as plain JSON. */
export interface DrcResult {
  schemaVersion: number;
  kind: 'drc';
  network: { name: string; year: number };
  scenario: { name: string; file: string } | null;
  /** Null when no DRC is in service in the year; `notice` says why. */
  drc: (Omit<DrcSpec, 'recovery' | 'replication'> & { inService: true }) | null;
  notice: string | null;
  replication: {
    class: string;
    changeGiBPerDay: number;
    windowHours: number;
    mbps: number;
    /** The DRC link in normal operation (no failure). */
    link: DrcLink;
    unroutedMbps: number;
    carried: boolean;
  } | null;
  outage: {
    failed: SimulationResult['failed'];
    failover: string[];
    /** Failed-over traffic towards the offices and towards the DRC. */
    failedOverMbps: { towardsOffices: number; towardsDrc: number };
    link: DrcLink;
    /** Failed-over traffic that found no path to the DRC. */
    failedOverUnroutedMbps: number;
    carried: boolean;
    unroutedMbps: number;
    lostMbps: number;
    cutOff: string[];
    overloaded: string[];
    backupsInUse: string[];
  } | null;
  applications: {
    source: string | null;
    considered: number;
    capacity: { cores: number; memoryGiB: number };
    used: { cores: number; memoryGiB: number };
    admitted: DrcAppRow[];
    leftOut: LeftOutRow[];
    allFit: boolean;
  } | null;
  recovery: RecoveryRow[];
  warnings: string[];
}

/**
 * Analyses the first DRC in service: replication in normal operation, the outage of the
 * site it stands in for (on top of the scenario's failures), application fit and
 * recovery by class.
 * @example analyseDrc(network, { applications: drcApplications(catalogue, 2023) })
 */
export function analyseDrc(network: Network, options: DrcAnalysisOptions = {}): DrcResult {
  const prepared = prepareWithDrc(network);
  const head = {
    schemaVersion: DRC_SCHEMA_VERSION,
    kind: 'drc' as const,
    network: { name: network.name, year: network.year },
    scenario: options.scenario ?? null,
  };
  const active = drcsInService(prepared.network);
  if (active.length === 0) {
    return {
      ...head, drc: null, notice: noDrcNotice(network), replication: null, outage: null,
      applications: null, recovery: [], warnings: [],
    };
  }

  const spec = active[0];
  const warnings: string[] = [];
  if (active.length > 1) {
    warnings.push(`${active.length} DRCs are in service; this reports the first, ` +
      `${spec.site}`);
  }
  const normal = evaluate(prepared, resolveFailure(prepared.network, [], 'drc', prepared.groups));
  const replication = replicationFigures(spec, normal);
  const outage = outageFigures(prepared, spec, options);
  const applications = applicationFigures(spec, options);
  const recovery = recoveryRows(spec, applications);

  if (!replication.carried) {
    warnings.push(`the DRC link ${spec.link} cannot carry the ${fixed(replication.mbps)} Mbps ` +
      'replication stream in normal operation');
  }
  if (!outage.carried) {
    warnings.push(`in the outage the DRC link ${spec.link} is at ` +
      `${percent(outage.link.utilization)} of its ${outage.link.capacityMbps} Mbps`);
  }
  if (applications && !applications.allFit) {
    warnings.push(`${applications.leftOut.length} of ${applications.considered} applications ` +
      `do not fit the DRC's ${spec.capacity.cores} cores and ${spec.capacity.memoryGiB} GiB`);
  }
  const own = options.catalogueDrcServers;
  if (own !== undefined && own !== null && own !== spec.servers) {
    warnings.push(`the topology rents ${spec.servers} DRC servers, the catalogue's fleet ` +
      `has ${own}`);
  }

  const { recovery: _recovery, replication: _replication, ...drc } = spec;
  return {
    ...head,
    drc: { ...drc, inService: true },
    notice: null,
    replication,
    outage,
    applications,
    recovery,
    warnings,
  };
}

function replicationFigures(spec: DrcSpec, normal: SimulationResult) {
  const cls = spec.replication.class;
  const unroutedMbps = round6(normal.unrouted.filter((u) => u.class === cls)
    .reduce((s, u) => s + u.mbps, 0));
  const link = drcLink(normal, spec.link);
  return {
    ...spec.replication,
    mbps: replicationMbps(spec.replication),
    link,
    unroutedMbps,
    carried: unroutedMbps === 0 && !link.overloaded,
  };
}

function outageFigures(prepared: PreparedNetwork, spec: DrcSpec, options: DrcAnalysisOptions) {
  const { network, groups } = prepared;
  const own = options.fail ?? [];
  const already = resolveFailure(network, own, options.failSource ?? 'fail', groups);
  const failure = already.sites.includes(spec.standsInFor)
    ? already
    : resolveFailure(network, [...own, `site:${spec.standsInFor}`], 'drc', groups);
  const variant = preparedWithFailover(prepared, failure);
  const r = evaluate(variant, failure, options.scenario ?? null);

  const moved = new Set(failoversFor(network, failure.sites)
    .filter((f) => f.to === spec.site).map((f) => f.class));
  let towardsOffices = 0;
  let towardsDrc = 0;
  for (const d of variant.demands) {
    if (!moved.has(d.class)) continue;
    if (d.from === spec.site) towardsOffices += d.mbps;
    else towardsDrc += d.mbps;
  }
  const failedOverUnroutedMbps = round6(r.unrouted.filter((u) => moved.has(u.class))
    .reduce((s, u) => s + u.mbps, 0));
  const link = drcLink(r, spec.link);
  return {
    failed: r.failed,
    failover: failoversFor(network, failure.sites).map(failoverLabel),
    failedOverMbps: { towardsOffices: round6(towardsOffices), towardsDrc: round6(towardsDrc) },
    link,
    failedOverUnroutedMbps,
    carried: moved.size > 0 && failedOverUnroutedMbps === 0 && !link.overloaded,
    unroutedMbps: r.unroutedMbps,
    lostMbps: r.lostMbps,
    cutOff: r.cutOff,
    overloaded: r.overloaded,
    backupsInUse: r.backupsInUse,
  };
}

function applicationFigures(spec: DrcSpec, options: DrcAnalysisOptions) {
  const apps = options.applications;
  if (!apps) return null;
  const fit = fitApplications(apps, spec.capacity, spec.firstOffices);
  const row = (app: DrcApp, order: number, admitted: boolean): DrcAppRow => {
    const cls = recoveryClassOf(spec, app.priority);
    return {
      ...app,
      order,
      recoveryClass: cls.id,
      recoveryMinutes: admitted ? spec.detectionMinutes + cls.restartMinutes : null,
      dataLossMinutes: cls.replicationIntervalMinutes,
    };
  };
  return {
    source: options.applicationsSource ?? null,
    considered: apps.length,
    capacity: fit.capacity,
    used: fit.used,
    admitted: fit.admitted.map((a) => row(a, a.order, true)),
    leftOut: fit.leftOut.map((a) => ({
      ...row(a, a.order, false), short: a.short, freeCores: a.freeCores,
      freeMemoryGiB: a.freeMemoryGiB,
    })),
    allFit: fit.leftOut.length === 0,
  };
}

function recoveryRows(
  spec: DrcSpec,
  applications: ReturnType<typeof applicationFigures>,
): RecoveryRow[] {
  return spec.recovery.map((cls) => ({
    id: cls.id,
    name: cls.name,
    minPriority: cls.minPriority,
    maxPriority: cls.maxPriority,
    applications: applications
      ? applications.admitted.filter((a) => a.recoveryClass === cls.id).length : null,
    leftOut: applications
      ? applications.leftOut.filter((a) => a.recoveryClass === cls.id).length : null,
    detectionMinutes: spec.detectionMinutes,
    restartMinutes: cls.restartMinutes,
    recoveryMinutes: spec.detectionMinutes + cls.restartMinutes,
    dataLossMinutes: cls.replicationIntervalMinutes,
  }));
}

function drcLink(r: SimulationResult, id: string): DrcLink {
  const l = r.links.find((x) => x.id === id)!;
  return {
    id: l.id, capacityMbps: l.capacityMbps, loadMbps: l.loadMbps, utilization: l.utilization,
    headroomMbps: l.headroomMbps, overloaded: l.overloaded, down: l.down,
  };
}

function noDrcNotice(network: Network): string {
  const later = drcSpecs(network).filter((d) => d.from > network.year);
  if (later.length > 0) {
    return `no DRC in service in ${network.year}: ${later[0].site} serves from ` +
      `${later[0].from}`;
  }
  return `no DRC in this network in ${network.year} (no site has a drc block)`;
}

function fixed(x: number): string {
  return x.toFixed(1);
}

function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
