// The topology file format (YAML), as zod schemas: sites, links, clusters, uplinks,
// traffic classes and targets. Referential rules live in validate-topology.ts.
import { z } from 'zod';
import { figure } from './figure.ts';

/** Ids are short, stable, and safe in URLs and file names. */
export const Id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, {
    message: 'expected an id of letters, digits, ".", "_", ":" or "-" (at most 128)',
  });

export const SiteKind = z.enum([
  'dinas', 'badan', 'bagian', 'sekretariat', 'inspektorat', 'satpol-pp', 'rsud',
  'kecamatan', 'puskesmas', 'desa', 'upt', 'datacenter', 'drc', 'isp', 'hub',
  'command-centre', 'router', 'other',
]);
export type SiteKind = z.infer<typeof SiteKind>;

/** Kinds that count as an office (an OPD) unless a site says `office: false`. */
export const OFFICE_KINDS: ReadonlySet<SiteKind> = new Set<SiteKind>([
  'dinas', 'badan', 'bagian', 'sekretariat', 'inspektorat', 'satpol-pp', 'rsud', 'kecamatan',
]);

/**
 * Office kinds that reach the backbone over VPN and so stand outside the clusters;
 * every other office must belong to a cluster.
 */
export const CLUSTERLESS_KINDS: ReadonlySet<SiteKind> = new Set<SiteKind>([
  'kecamatan', 'puskesmas', 'desa',
]);

export const Medium = z.enum([
  'fibre', 'telkom-fo', 'metro-ethernet', 'vpn', 'wireless', 'lan', 'wan', 'internet',
]);
export type Medium = z.infer<typeof Medium>;

const positive = z.number().positive({ message: 'expected a positive number' });
const nonNegative = z.number().nonnegative({ message: 'expected a number >= 0' });
const year = z.number().int().min(1990).max(2100);

/** A class of applications at the DRC: how fast it is back and how much it can lose. */
export const RecoveryClassSchema = z.strictObject({
  id: Id,
  name: z.string().min(1),
  /** Applications of this failover priority or lower-numbered, after earlier classes. */
  maxPriority: z.number().int().min(1).max(99),
  /** From the decision to fail over until the class runs at the DRC. */
  restartMinutes: figure(nonNegative),
  /** How often its data reaches the DRC: the most it can lose. */
  replicationIntervalMinutes: figure(nonNegative),
});

/**
 * A disaster-recovery centre: the site carrying this block stands in for another site
 * (the data centre) when that one is down, with rented servers and replicated data.
 */
export const DrcSchema = z.strictObject({
  /** The site it takes over from. */
  standsInFor: Id,
  /** Traffic classes whose sink is that site; they are sent here while it is down. */
  classes: z.array(Id).min(1, { message: 'expected at least one traffic class' }),
  /** The link that joins the DRC to the network. */
  link: Id,
  /** The first year it is in service. */
  from: figure(year),
  servers: figure(z.number().int().min(1)),
  /** Logical cores (hardware threads) per server. */
  coresPerServer: figure(z.number().int().min(1)),
  memoryGiBPerServer: figure(positive),
  /** Share of each server the hypervisor keeps for itself. */
  overhead: figure(z.number().min(0).lt(1)).optional(),
  /** What an application needs at the DRC: one replica of each tier, or all of them. */
  footprint: z.enum(['one-replica', 'all-replicas']).optional(),
  /** Offices whose applications come first among applications of equal priority. */
  firstOffices: z.array(Id).optional(),
  /** From the data centre going down until the operators decide to fail over. */
  detectionMinutes: figure(nonNegative),
  /** Data-centre to DRC replication: a traffic class sized from the data change rate. */
  replication: z.strictObject({
    /** A class whose sink is the data centre; its demand at this site is computed. */
    class: Id,
    changeGiBPerDay: figure(nonNegative),
    /** The hours of the day over which the changes are written and shipped. */
    windowHours: figure(z.number().positive().max(24)),
  }),
  /** Recovery classes in increasing `maxPriority`; the last takes any priority above. */
  recovery: z.array(RecoveryClassSchema).min(1, { message: 'expected a recovery class' }),
});

export const SiteSchema = z.strictObject({
  id: Id,
  name: z.string().min(1),
  kind: SiteKind,
  cluster: Id.optional(),
  roles: z.array(z.string().min(1)).optional(),
  office: z.boolean().optional(),
  /** Peak demand by traffic class, in Mbps, in the busier direction. */
  demandMbps: z.record(Id, figure(nonNegative)).optional(),
  /** Devices by traffic class (cameras, access points): demand is units x perUnitMbps. */
  units: z.record(Id, figure(nonNegative)).optional(),
  /** Shared-risk groups this site belongs to (a power grid, a building). */
  srlg: z.array(Id).optional(),
  /** For a disaster-recovery centre: what it takes over, its capacity and recovery. */
  drc: DrcSchema.optional(),
  x: z.number().optional(),
  y: z.number().optional(),
  note: z.string().optional(),
});

export const LinkSchema = z.strictObject({
  id: Id,
  a: Id,
  b: Id,
  medium: Medium,
  /** Capacity in each direction (full duplex). Defaults to the medium's. */
  capacityMbps: figure(positive).optional(),
  latencyMs: figure(nonNegative).optional(),
  /** Routing cost, a positive integer like an OSPF cost; 1 makes routing hop count. */
  metric: z.number().int().min(1).max(1_000_000).optional(),
  monthlyCostIdr: figure(nonNegative).optional(),
  srlg: z.array(Id).optional(),
  /** A backup link carries traffic only when no path without backups exists. */
  backup: z.boolean().optional(),
  /** For a VPN: the ISP uplink it rides; it fails with that uplink. */
  via: Id.optional(),
  note: z.string().optional(),
});

export const ClusterSchema = z.strictObject({
  id: Id,
  name: z.string().min(1),
  /** The site where the cluster's offices meet. */
  hub: Id,
  /** The link that carries the cluster to the backbone. */
  uplink: Id,
  note: z.string().optional(),
});

export const TrafficClassSchema = z.strictObject({
  id: Id,
  name: z.string().min(1),
  /** Where this class of traffic goes: a site id. */
  sink: Id,
  /**
   * The busier direction, which the demand figures give: `office` (downloads, the
   * default) or `sink` (camera streams to a command centre).
   */
  towards: z.enum(['office', 'sink']).optional(),
  /** Traffic the other way, as a share of the figure in the busier direction. */
  upstreamRatio: figure(nonNegative).optional(),
  /** Mbps per device, for sites that give their demand as `units`. */
  perUnitMbps: figure(nonNegative).optional(),
  /** Yearly growth as a fraction (0.2 is 20% a year), compounded from baseYear. */
  growthPerYear: figure(z.number().min(-0.99).max(10)).optional(),
});

export const UplinkSchema = z.strictObject({
  id: Id,
  link: Id,
  isp: z.string().min(1),
});

export const MediumDefaultsSchema = z.strictObject({
  capacityMbps: figure(positive).optional(),
  latencyMs: figure(nonNegative).optional(),
});

/** One size a provider sells for a medium, with its prices in rupiah. */
export const CircuitSizeSchema = z.strictObject({
  mbps: positive,
  monthlyIdr: figure(nonNegative),
  installIdr: figure(nonNegative),
});

/** The sizes sold for one medium; planning picks the smallest that meets the targets. */
export const CircuitOfferSchema = z.strictObject({
  medium: Medium,
  provider: z.string().min(1).optional(),
  sizes: z.array(CircuitSizeSchema).min(1),
});
export type CircuitOffer = z.output<typeof CircuitOfferSchema>;

export const GroupSchema = z.strictObject({
  id: Id,
  name: z.string().min(1),
  note: z.string().optional(),
});

export const TopologySchema = z.strictObject({
  schemaVersion: z.literal(1),
  name: z.string().min(1),
  description: z.string().optional(),
  baseYear: year,
  /** The site every cluster uplink meets: the backbone. */
  backbone: Id.optional(),
  references: z.record(z.string(), z.string()).optional(),
  /** Estimation rules, by id, that `estimate` figures name. */
  rules: z.record(Id, z.string().min(1)).optional(),
  /** How the model settles places where the source disagrees with itself. */
  resolutions: z.array(z.strictObject({ topic: z.string(), resolution: z.string() })).optional(),
  targets: z
    .strictObject({
      totalDemandMbps: figure(positive).optional(),
      /** The traffic classes the demand target counts; all classes when absent. */
      classes: z.array(Id).optional(),
      offices: z.number().int().nonnegative().optional(),
      utilisation: z.number().positive().max(1).optional(),
    })
    .optional(),
  media: z.partialRecord(Medium, MediumDefaultsSchema).optional(),
  /**
   * The application catalogue (a path relative to this file) and the traffic class its
   * applications' traffic joins: new applications add their traffic year by year.
   */
  applications: z.strictObject({ catalogue: z.string().min(1), class: Id }).optional(),
  /** What providers sell, per medium: the catalogue that circuit sizing picks from. */
  circuits: z.array(CircuitOfferSchema).optional(),
  trafficClasses: z.array(TrafficClassSchema).default([]),
  clusters: z.array(ClusterSchema).default([]),
  sites: z.array(SiteSchema).min(1, { message: 'expected at least one site' }),
  links: z.array(LinkSchema).default([]),
  uplinks: z.array(UplinkSchema).default([]),
  groups: z.array(GroupSchema).optional(),
});

export type TopologyInput = z.input<typeof TopologySchema>;
export type Topology = z.output<typeof TopologySchema>;
export type Site = z.output<typeof SiteSchema>;
export type Link = z.output<typeof LinkSchema>;
export type Cluster = z.output<typeof ClusterSchema>;
export type TrafficClass = z.output<typeof TrafficClassSchema>;
export type Drc = z.output<typeof DrcSchema>;
