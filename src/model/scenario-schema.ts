// The scenario file format (YAML): a topology, a year, and changes over it.
import { z } from 'zod';
import { figure } from './figure.ts';
import {
  ClusterSchema, Id, LinkSchema, Medium, SiteSchema, TrafficClassSchema,
} from './topology-schema.ts';

const nonNegative = z.number().nonnegative({ message: 'expected a number >= 0' });
const positive = z.number().positive({ message: 'expected a positive number' });

/** One change to a topology. Changes apply in order; the result is validated again. */
export const ChangeSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('add-site'), site: SiteSchema }),
  z.strictObject({ op: z.literal('remove-site'), id: Id }),
  z.strictObject({ op: z.literal('add-link'), link: LinkSchema }),
  z.strictObject({ op: z.literal('remove-link'), id: Id }),
  z.strictObject({
    op: z.literal('set-link'),
    id: Id,
    medium: Medium.optional(),
    capacityMbps: figure(positive).optional(),
    latencyMs: figure(nonNegative).optional(),
    metric: z.number().int().min(1).optional(),
    monthlyCostIdr: figure(nonNegative).optional(),
    backup: z.boolean().optional(),
  }),
  z.strictObject({
    op: z.literal('set-site'),
    id: Id,
    cluster: Id.optional(),
    demandMbps: z.record(Id, figure(nonNegative)).optional(),
    units: z.record(Id, figure(nonNegative)).optional(),
  }),
  z.strictObject({
    op: z.literal('scale-demand'),
    factor: nonNegative,
    sites: z.array(Id).optional(),
    classes: z.array(Id).optional(),
  }),
  z.strictObject({ op: z.literal('add-class'), class: TrafficClassSchema }),
  z.strictObject({
    op: z.literal('set-class'),
    id: Id,
    perUnitMbps: figure(nonNegative).optional(),
    upstreamRatio: figure(nonNegative).optional(),
    growthPerYear: figure(z.number().min(-0.99).max(10)).optional(),
  }),
  z.strictObject({ op: z.literal('add-cluster'), cluster: ClusterSchema }),
  z.strictObject({
    op: z.literal('set-cluster'), id: Id, hub: Id.optional(), uplink: Id.optional(),
  }),
  /** Brings back links or sites as the topology file wrote them (after a removal). */
  z.strictObject({ op: z.literal('restore'), ids: z.array(Id).min(1) }),
]);
export type Change = z.infer<typeof ChangeSchema>;

/** A dated event on the roadmap: its changes apply from its year on. */
export const EventSchema = z.strictObject({
  year: z.number().int().min(1990).max(2100),
  name: z.string().min(1),
  ref: z.string().optional(),
  changes: z.array(ChangeSchema).default([]),
});
export type RoadmapEvent = z.infer<typeof EventSchema>;

export const ScenarioSchema = z.strictObject({
  schemaVersion: z.literal(1),
  name: z.string().min(1),
  description: z.string().optional(),
  /** Path to the topology file, relative to the scenario file. */
  topology: z.string().min(1).optional(),
  /**
   * Another scenario this one builds on, relative to this file: its topology, changes,
   * events and growth come first, then this file's.
   */
  extends: z.string().min(1).optional(),
  /** Estimation rules that this scenario's figures name, added to the topology's. */
  rules: z.record(Id, z.string().min(1)).optional(),
  year: z.number().int().min(1990).max(2100).optional(),
  /** Yearly growth per traffic class, overriding the topology's. */
  growth: z.record(Id, z.number().min(-0.99).max(10)).optional(),
  changes: z.array(ChangeSchema).default([]),
  events: z.array(EventSchema).default([]),
  /** Elements failed in this scenario: link, site or shared-risk group ids. */
  fail: z.array(z.string().min(1)).optional(),
}).refine((s) => s.topology !== undefined || s.extends !== undefined, {
  message: 'expected a "topology" path or an "extends" path',
  path: ['topology'],
});
/**
 * A scenario as loaded: with `base`, the scenario it extends (itself loaded), whose
 * changes and events apply first in every year.
 */
export type Scenario = z.output<typeof ScenarioSchema> & { base?: Scenario };
