// The network for one year: a validated topology with every figure resolved to a
// number, media defaults filled in and demand grown to the year.
import { valueOf } from './figure.ts';
import type { Cluster, Medium, SiteKind, Topology } from './topology-schema.ts';
import { isOffice } from './validate-topology.ts';

export interface NetworkSite {
  id: string;
  name: string;
  kind: SiteKind;
  cluster: string | null;
  roles: string[];
  office: boolean;
  /** Peak Mbps by traffic class in the busier direction, grown to the year. */
  demandMbps: Record<string, number>;
  srlg: string[];
  x: number | null;
  y: number | null;
}

export interface NetworkLink {
  id: string;
  a: string;
  b: string;
  medium: Medium;
  capacityMbps: number;
  /** One-way latency; null where neither the link nor its medium gives one. */
  latencyMs: number | null;
  metric: number;
  monthlyCostIdr: number | null;
  srlg: string[];
  backup: boolean;
  via: string | null;
}

export interface NetworkClass {
  id: string;
  name: string;
  sink: string;
  /** The busier direction, which the demand figures give. */
  towards: 'office' | 'sink';
  upstreamRatio: number;
  growthPerYear: number;
}

export interface Network {
  name: string;
  year: number;
  baseYear: number;
  backbone: string | null;
  sites: NetworkSite[];
  links: NetworkLink[];
  clusters: Cluster[];
  classes: NetworkClass[];
  uplinks: Array<{ id: string; link: string; isp: string }>;
  targets: {
    totalDemandMbps: number | null;
    /** The classes the demand target counts; null for all. */
    classes: string[] | null;
    offices: number | null;
  };
  /** The topology it was resolved from, for faces that show provenance. */
  topology: Topology;
}

/** Demand on top of the sites' own figures, for one year (application roll-out). */
export interface AddedDemand {
  site: string;
  class: string;
  mbps: number;
}

export interface ResolveOptions {
  year?: number;
  /** Demand added as given (not grown): traffic of applications live by the year. */
  addedDemand?: readonly AddedDemand[];
  /** Growth per class overriding the topology's, as a fraction a year. */
  growth?: Record<string, number>;
}

/**
 * A site's demand per class: its Mbps figures, plus units x the class's Mbps per
 * unit, grown to the year.
 */
function siteDemand(
  site: Topology['sites'][number],
  perUnit: Map<string, number>,
  factor: Map<string, number>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [cls, f] of Object.entries(site.demandMbps ?? {})) out[cls] = valueOf(f);
  for (const [cls, f] of Object.entries(site.units ?? {})) {
    out[cls] = (out[cls] ?? 0) + valueOf(f) * (perUnit.get(cls) ?? 0);
  }
  for (const cls of Object.keys(out)) out[cls] *= factor.get(cls) ?? 1;
  return out;
}

function addTo(demand: Record<string, number>, extra: Record<string, number> | undefined) {
  for (const [cls, mbps] of Object.entries(extra ?? {})) demand[cls] = (demand[cls] ?? 0) + mbps;
  return demand;
}

/** Resolves a topology into the network of one year (the base year by default). */
export function resolveNetwork(topology: Topology, options: ResolveOptions = {}): Network {
  const year = options.year ?? topology.baseYear;
  const elapsed = Math.max(0, year - topology.baseYear);

  const classes: NetworkClass[] = topology.trafficClasses.map((c) => ({
    id: c.id,
    name: c.name,
    sink: c.sink,
    towards: c.towards ?? 'office',
    upstreamRatio: valueOf(c.upstreamRatio) ?? 0,
    growthPerYear: options.growth?.[c.id] ?? valueOf(c.growthPerYear) ?? 0,
  }));
  const factor = new Map(classes.map((c) => [c.id, (1 + c.growthPerYear) ** elapsed]));
  const perUnit = new Map(topology.trafficClasses.map((c) => [c.id, valueOf(c.perUnitMbps) ?? 0]));

  const added = new Map<string, Record<string, number>>();
  for (const d of options.addedDemand ?? []) {
    const bySite = added.get(d.site) ?? {};
    bySite[d.class] = (bySite[d.class] ?? 0) + d.mbps;
    added.set(d.site, bySite);
  }
  const sites: NetworkSite[] = topology.sites.map((s) => ({
    id: s.id,
    name: s.name,
    kind: s.kind,
    cluster: s.cluster ?? null,
    roles: s.roles ?? [],
    office: isOffice(s),
    demandMbps: addTo(siteDemand(s, perUnit, factor), added.get(s.id)),
    srlg: s.srlg ?? [],
    x: s.x ?? null,
    y: s.y ?? null,
  }));

  const links: NetworkLink[] = topology.links.map((l) => {
    const media = topology.media?.[l.medium];
    return {
      id: l.id,
      a: l.a,
      b: l.b,
      medium: l.medium,
      // The loader guarantees a capacity on the link or its medium.
      capacityMbps: valueOf(l.capacityMbps ?? media?.capacityMbps)!,
      latencyMs: valueOf(l.latencyMs ?? media?.latencyMs) ?? null,
      metric: l.metric ?? 1,
      monthlyCostIdr: valueOf(l.monthlyCostIdr) ?? null,
      srlg: l.srlg ?? [],
      backup: l.backup ?? false,
      via: l.via ?? null,
    };
  });

  return {
    name: topology.name,
    year,
    baseYear: topology.baseYear,
    backbone: topology.backbone ?? null,
    sites,
    links,
    clusters: topology.clusters,
    classes,
    uplinks: topology.uplinks,
    targets: {
      totalDemandMbps: valueOf(topology.targets?.totalDemandMbps) ?? null,
      classes: topology.targets?.classes ?? null,
      offices: topology.targets?.offices ?? null,
    },
    topology,
  };
}
