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
  targets: { totalDemandMbps: number | null; offices: number | null };
  /** The topology it was resolved from, for faces that show provenance. */
  topology: Topology;
}

export interface ResolveOptions {
  year?: number;
  /** Growth per class overriding the topology's, as a fraction a year. */
  growth?: Record<string, number>;
}

/** Resolves a topology into the network of one year (the base year by default). */
export function resolveNetwork(topology: Topology, options: ResolveOptions = {}): Network {
  const year = options.year ?? topology.baseYear;
  const elapsed = Math.max(0, year - topology.baseYear);

  const classes: NetworkClass[] = topology.trafficClasses.map((c) => ({
    id: c.id,
    name: c.name,
    sink: c.sink,
    upstreamRatio: valueOf(c.upstreamRatio) ?? 0,
    growthPerYear: options.growth?.[c.id] ?? valueOf(c.growthPerYear) ?? 0,
  }));
  const factor = new Map(classes.map((c) => [c.id, (1 + c.growthPerYear) ** elapsed]));

  const sites: NetworkSite[] = topology.sites.map((s) => ({
    id: s.id,
    name: s.name,
    kind: s.kind,
    cluster: s.cluster ?? null,
    roles: s.roles ?? [],
    office: isOffice(s),
    demandMbps: Object.fromEntries(
      Object.entries(s.demandMbps ?? {}).map(([cls, f]) => [cls, valueOf(f) * (factor.get(cls) ?? 1)]),
    ),
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
      offices: topology.targets?.offices ?? null,
    },
    topology,
  };
}
