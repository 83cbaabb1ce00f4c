// Planning: for each year of a scenario, the circuit size of every ISP uplink,
// cluster uplink and backbone link, its cost, and the roadmap events that moved it.
import { prepareWithDrc } from '../drc/failover.ts';
import { round6, simulate } from '../engine/simulate.ts';
import { runSweep } from '../failure/sweep.ts';
import { RESULT_SCHEMA_VERSION } from '../engine/result.ts';
import { allEvents, applyChanges, changesForYear } from '../model/apply-changes.ts';
import type { RoadmapEvent } from '../model/scenario-schema.ts';
import { InputError } from '../model/errors.ts';
import { resolveNetwork, type AddedDemand, type Network } from '../model/network.ts';
import type { Scenario } from '../model/scenario-schema.ts';
import type { CircuitOffer, Topology } from '../model/topology-schema.ts';
import {
  chooseSize, DEFAULT_TARGETS, type SizeChoice, type SizingTargets,
} from './circuit-sizing.ts';

export type LinkRole = 'isp-uplink' | 'cluster-uplink' | 'backbone';

export interface PlannedLink {
  link: string;
  role: LinkRole;
  medium: string;
  ends: [string, string];
  /** Capacity the network has this year before sizing. */
  currentMbps: number;
  normalLoadMbps: number;
  worstLoadMbps: number;
  /** The single failure behind worstLoadMbps; null when no failure raises the load. */
  worstFailure: string | null;
  size: SizeChoice;
  utilizationNormal: number;
  utilizationFailure: number;
  /** Capacity left over the busier of the two loads. */
  headroomMbps: number;
  /** True when the size differs from last year's (or, the first year, the current one). */
  changed: boolean;
  installIdr: number;
  /** Events of this year without which the size would differ. */
  drivenBy: string[];
}

export interface PlanYear {
  year: number;
  demand: {
    totalMbps: number;
    targetScopeMbps: number;
    targetMbps: number | null;
    byClass: Record<string, number>;
  };
  events: Array<{ name: string; ref: string | null }>;
  links: PlannedLink[];
  /** Links in the sized roles whose medium has no circuit catalogue. */
  unsized: Array<{ link: string; medium: string }>;
  monthlyIdr: number;
  installIdr: number;
}

export interface PlanResult {
  schemaVersion: number;
  kind: 'plan';
  name: string;
  targets: SizingTargets;
  years: PlanYear[];
  totalInstallIdr: number;
}

export interface PlanOptions {
  years?: number[];
  targets?: SizingTargets;
  /** Yearly growth per class, over the scenario's. */
  growth?: Record<string, number>;
  /** Label for error messages about the scenario. */
  file?: string;
  /** Demand a year adds on top of the sites' figures (the catalogue's applications). */
  addedDemand?: (topology: Topology, year: number) => AddedDemand[];
}

/** Plans every year of a scenario (by default its topology's base year to its year). */
export function planScenario(
  base: Topology,
  scenario: Scenario | null,
  options: PlanOptions = {},
): PlanResult {
  const targets = options.targets ?? DEFAULT_TARGETS;
  const lastYear = scenario?.year ?? base.baseYear;
  const years = options.years ?? range(base.baseYear, Math.max(base.baseYear, lastYear));
  const growth = { ...scenario?.growth, ...options.growth };
  const file = options.file ?? scenario?.name ?? base.name;
  const networkFor = (year: number, skipEvent?: RoadmapEvent) => {
    const changes = scenario
      ? changesForYear(scenario, year)
        .filter((c) => skipEvent === undefined || c.event !== skipEvent)
      : [];
    const topology = changes.length > 0 ? applyChanges(base, changes, file, scenario?.rules) : base;
    const addedDemand = options.addedDemand?.(topology, year);
    return resolveNetwork(topology, { year, growth, addedDemand });
  };

  const out: PlanYear[] = [];
  let previous = new Map<string, number>();
  for (const year of years) {
    const network = networkFor(year);
    const sized = sizeNetwork(network, targets);
    const demand = simulate(network).demand;

    // Counterfactuals: which of this year's events, left out, would change a size?
    const events = (scenario ? allEvents(scenario) : []).filter((e) => e.year === year);
    const drivers = new Map<string, string[]>();
    for (const e of events) {
      // An event that later changes depend on (a class they set) cannot be left out
      // alone; it is then not named as a driver.
      let withoutNetwork: Network;
      try {
        withoutNetwork = networkFor(year, e);
      } catch (err) {
        if (err instanceof InputError) continue;
        throw err;
      }
      const without = sizeNetwork(withoutNetwork, targets);
      for (const [id, link] of sized.links) {
        if (without.links.get(id)?.size.mbps !== link.size.mbps) {
          drivers.set(id, [...(drivers.get(id) ?? []), e.name]);
        }
      }
    }

    // A size counts as changed against last year's size, or last year's capacity when
    // the link was not sized then (a wireless bridge before its fibre), or the
    // capacity it has now in the first year planned.
    const first = year === years[0];
    const links: PlannedLink[] = [];
    for (const [id, link] of sized.links) {
      const before = previous.get(id) ?? link.currentMbps;
      const changed = before !== link.size.mbps;
      const reason = first ? 'the current capacity misses the targets or exceeds the need'
        : 'load change (growth, or an earlier event taking effect)';
      const drivenBy = drivers.get(id) ?? [];
      links.push({
        ...link, changed, installIdr: changed ? link.size.installIdr : 0,
        drivenBy: changed ? (drivenBy.length > 0 ? drivenBy : [reason]) : [],
      });
    }
    previous = new Map(network.links.map((l) => [l.id, l.capacityMbps]));
    for (const l of links) previous.set(l.link, l.size.mbps);
    out.push({
      year,
      demand: {
        totalMbps: demand.totalMbps, targetScopeMbps: demand.targetScopeMbps,
        targetMbps: demand.targetMbps, byClass: demand.byClass,
      },
      events: events.map((e) => ({ name: e.name, ref: e.ref ?? null })),
      links,
      unsized: sized.unsized,
      monthlyIdr: links.reduce((sum, l) => sum + l.size.monthlyIdr, 0),
      installIdr: links.reduce((sum, l) => sum + l.installIdr, 0),
    });
  }

  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    kind: 'plan',
    name: scenario?.name ?? base.name,
    targets,
    years: out,
    totalInstallIdr: out.reduce((sum, y) => sum + y.installIdr, 0),
  };
}

type SizedLink = Omit<PlannedLink, 'changed' | 'installIdr' | 'drivenBy'>;

/** Sizes the ISP uplinks, cluster uplinks and backbone links of one network. */
export function sizeNetwork(
  network: Network,
  targets: SizingTargets = DEFAULT_TARGETS,
): { links: Map<string, SizedLink>; unsized: Array<{ link: string; medium: string }> } {
  // Each link's load in normal operation, and its worst over every single failure (the
  // depth-1 sweep, DRC failover and replication included).
  const base = simulate(network);
  const sweep = new Map(runSweep(prepareWithDrc(network), { depth: 1, top: 0 }).links
    .map((l) => [l.id, l]));
  const offers = new Map<string, CircuitOffer>(
    (network.topology.circuits ?? []).map((o) => [o.medium, o]));
  const links = new Map<string, SizedLink>();
  const unsized: Array<{ link: string; medium: string }> = [];

  for (const [id, role] of linkRoles(network)) {
    const link = network.links.find((l) => l.id === id)!;
    const offer = offers.get(link.medium);
    if (!offer) {
      unsized.push({ link: id, medium: link.medium });
      continue;
    }
    const load = base.links.find((l) => l.id === id)!;
    const normalLoadMbps = Math.max(load.loadMbps.forward, load.loadMbps.reverse);
    const w = sweep.get(id)!;
    const worstLoadMbps = w.worstFail === null ? normalLoadMbps
      : Math.max(normalLoadMbps, round6(w.worstUtilization * link.capacityMbps));
    const size = chooseSize(offer, normalLoadMbps, worstLoadMbps, targets);
    links.set(id, {
      link: id, role, medium: link.medium, ends: [link.a, link.b], currentMbps: link.capacityMbps,
      normalLoadMbps, worstLoadMbps, worstFailure: w.worstFail?.join(' + ') ?? null, size,
      utilizationNormal: normalLoadMbps / size.mbps,
      utilizationFailure: worstLoadMbps / size.mbps,
      headroomMbps: size.mbps - Math.max(normalLoadMbps, worstLoadMbps),
    });
  }
  return { links, unsized };
}

/**
 * The links planning sizes, in a stable order: ISP uplinks, cluster uplinks, then
 * the other links at the backbone site that are not backups.
 */
export function linkRoles(network: Network): Map<string, LinkRole> {
  const present = new Set(network.links.map((l) => l.id));
  const roles = new Map<string, LinkRole>();
  for (const u of network.uplinks) if (present.has(u.link)) roles.set(u.link, 'isp-uplink');
  for (const c of network.clusters) {
    if (present.has(c.uplink) && !roles.has(c.uplink)) roles.set(c.uplink, 'cluster-uplink');
  }
  if (network.backbone) {
    for (const l of network.links) {
      const atBackbone = l.a === network.backbone || l.b === network.backbone;
      if (atBackbone && !l.backup && !roles.has(l.id)) roles.set(l.id, 'backbone');
    }
  }
  return roles;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}
