// The application catalogue format (YAML), as zod schemas: offices, applications and
// their tiers, the server spec and fleet. Referential rules live in check-catalogue.ts.
import { z } from 'zod';
import { figure, FigureSource } from '../model/figure.ts';
import { Id } from '../model/topology-schema.ts';

const positive = z.number().positive({ message: 'expected a positive number' });
const nonNegative = z.number().nonnegative({ message: 'expected a number >= 0' });
const count = z.number().int().min(1, { message: 'expected a whole number >= 1' });
const wholeNonNegative = z.number().int().nonnegative({ message: 'expected a whole number >= 0' });
const fraction = z.number().gt(0, { message: 'expected a number > 0' }).max(1);
const year = z.number().int().min(1990).max(2100);

/** Pengembangan (plan 4.1): a new application, or one developed from an existing one. */
export const Development = z.enum(['new', 'developed']);
/** Jenis (plan 4.1): `khusus` serves one sector, `umum` serves every office. */
export const AppType = z.enum(['khusus', 'umum']);
/** Fungsi (plan 4.1). */
export const AppFunction = z.enum(['administrasi', 'operasional', 'layanan-publik']);
/** A primary server holds tiers; a DRC server waits for failover. */
export const ServerRole = z.enum(['primary', 'drc']);

/**
 * Where the bare numbers of an application's tiers come from: one provenance for the
 * whole application instead of a sourced map on every figure.
 */
export const ProvenanceSchema = z
  .strictObject({
    source: FigureSource,
    rule: Id.optional(),
    ref: z.string().min(1).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.source === 'estimate' && !p.rule) {
      ctx.addIssue({ code: 'custom', path: ['rule'], input: p.rule,
        message: 'an estimate must name the rule that produced it' });
    }
    if (p.source !== 'estimate' && !p.ref) {
      ctx.addIssue({ code: 'custom', path: ['ref'], input: p.ref,
        message: `a ${p.source} figure must give its reference (plan section or file)` });
    }
  });

/** One tier of an application, its figures per replica. */
export const TierSchema = z.strictObject({
  /** Unique within its application: web, app, database, file, cache, gateway... */
  name: Id,
  /** What the tier does; defaults to its name. */
  kind: Id.optional(),
  /** The year this tier goes live; defaults to its application's. */
  live: year.optional(),
  /** Cores per replica; each is one M/M/c server for the tier's requests. */
  cores: figure(count),
  memoryGiB: figure(positive),
  storageGiB: figure(nonNegative),
  /** Copies on distinct servers (anti-affinity). */
  replicas: figure(count).optional(),
  /** Requests per second at the busiest hour, over all replicas. */
  peakRps: figure(nonNegative),
  /** Mean time one core spends on one request. */
  serviceTimeMs: figure(positive),
  note: z.string().optional(),
});

/** One application: who owns and uses it, when it goes live, its tiers. */
export const ApplicationSchema = z.strictObject({
  id: Id,
  name: z.string().min(1),
  /** The office (site id) that owns it. */
  owner: Id,
  /** Offices that use it: office ids, group ids, or `all`. */
  users: z.union([z.literal('all'), z.array(Id).min(1)]),
  development: Development,
  type: AppType,
  function: AppFunction,
  /** The plan section that names it, when it does. */
  ref: z.string().min(1).optional(),
  /** The year its first tier goes live. */
  live: year,
  /** Failover order: 1 is restored first. */
  priority: z.number().int().min(1).max(99),
  /** Peak traffic between each user office and the data centre, busier direction. */
  officeMbps: figure(nonNegative),
  /** Provenance of the tiers' bare numbers. */
  figures: ProvenanceSchema.optional(),
  note: z.string().optional(),
  tiers: z.array(TierSchema).min(1, { message: 'expected at least one tier' }),
});

/** The server every tier is placed on (one model for the whole fleet). */
export const ServerSpecSchema = z.strictObject({
  name: z.string().min(1),
  /** Physical cores per server. */
  cores: figure(count),
  /** Hardware threads per core; a tier's core is one thread. */
  threadsPerCore: figure(count).optional(),
  memoryGiB: figure(positive),
  /** Usable storage after RAID. */
  storageGiB: figure(positive),
  /** Share of every dimension the hypervisor keeps for itself. */
  overhead: figure(z.number().min(0).lt(1)),
  note: z.string().optional(),
});

/** A batch of servers at one site over a span of years. */
export const FleetEntrySchema = z.strictObject({
  id: Id,
  /** The site where these servers stand (a topology site id). */
  site: Id,
  role: ServerRole,
  count: figure(wholeNonNegative),
  /** First and last year in service; `until` open means to the end. */
  from: year,
  until: year.optional(),
  note: z.string().optional(),
});

const splitCount = figure(wholeNonNegative);

/** The plan's own totals, for the analysis to compare with. */
export const PlanFiguresSchema = z.strictObject({
  applications: splitCount.optional(),
  tiers: splitCount.optional(),
  servers: splitCount.optional(),
  tiersByYear: z.record(z.string().regex(/^\d{4}$/), splitCount).optional(),
  development: z.partialRecord(Development, splitCount).optional(),
  type: z.partialRecord(AppType, splitCount).optional(),
  function: z.partialRecord(AppFunction, splitCount).optional(),
});

/** A whole application catalogue file. */
export const CatalogueSchema = z.strictObject({
  schemaVersion: z.literal(1),
  name: z.string().min(1),
  description: z.string().optional(),
  references: z.record(z.string(), z.string()).optional(),
  /** Estimation rules, by id, that `estimate` figures name. */
  rules: z.record(Id, z.string().min(1)).optional(),
  years: z.strictObject({ first: year, last: year }),
  /** Every office that may own or use an application (topology site ids). */
  offices: z.array(Id).min(1, { message: 'expected at least one office' }),
  /** Named lists of offices that `users` may name. */
  groups: z.record(Id, z.array(Id)).optional(),
  /** The plan's own totals, to compare the catalogue with. */
  plan: PlanFiguresSchema.optional(),
  servers: z.strictObject({
    spec: ServerSpecSchema,
    fleet: z.array(FleetEntrySchema),
    /** Placement keeps each server under this share of its usable capacity. */
    targetUtilisation: figure(fraction),
    /** A server or tier above this share is reported. */
    warnUtilisation: figure(fraction),
  }),
  applications: z.array(ApplicationSchema)
    .min(1, { message: 'expected at least one application' }),
});

/** A validated catalogue. */
export type Catalogue = z.output<typeof CatalogueSchema>;
export type CatalogueInput = z.input<typeof CatalogueSchema>;
export type Application = z.output<typeof ApplicationSchema>;
export type Tier = z.output<typeof TierSchema>;
export type FleetEntry = z.output<typeof FleetEntrySchema>;
export type ServerSpec = z.output<typeof ServerSpecSchema>;
