// Zod schemas of the API's requests and responses: the validation at the HTTP edge and
// the source of the OpenAPI document. Responses are loose: fields the engine adds later
// pass through, and those named here are checked.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { SimulationResult } from '../engine/result.ts';
import { ChangeSchema } from '../model/scenario-schema.ts';
import type { RunSummary, StoredRun } from '../store/run-store.ts';
import type { ResultDiff } from '../engine/compare-results.ts';
import type { NetworkView } from './network-view.ts';
import { SAFE_ID } from './workspace.ts';

/**
 * A loose response schema typed as the engine's own type. At run time it checks the
 * fields it names and lets the rest through; for the compiler it is exactly `T`, since
 * a loose schema's inferred type (with an index signature) does not accept interfaces.
 */
export function typedAs<T>(schema: z.ZodType): z.ZodType<T> {
  return schema as unknown as z.ZodType<T>;
}

const idMessage = 'expected an id of letters, digits, "_" or "-" (at most 64)';

/** A scenario or topology id: its file name without `.yaml`. */
export const FileId = z.string().regex(SAFE_ID, { message: idMessage });

export const Year = z.number().int().min(1990).max(2100);
const YearText = z.coerce.number().int().min(1990).max(2100);

/** Failure ids as on the command line: links, sites, groups, optionally prefixed. */
export const FailIds = z.array(z.string().min(1).max(200)).max(10_000)
  .describe('link, site or shared-risk group ids to fail (prefix link:, site:, group:)');

const workShape = {
  scenario: FileId.optional().describe('a scenario id (default: baseline-2019)'),
  topology: FileId.optional().describe('a topology id, instead of a scenario'),
  year: Year.optional().describe('the year to simulate (default: the scenario\'s)'),
  changes: z.array(ChangeSchema).max(10_000).optional()
    .describe('changes on top of the scenario, as in a scenario file'),
};
const oneSource = (w: { scenario?: string; topology?: string }) =>
  w.scenario === undefined || w.topology === undefined;
const oneSourceIssue = {
  message: 'expected a scenario or a topology, not both', path: ['topology'],
};

/** What to simulate. */
export const WorkSchema = z.strictObject(workShape).refine(oneSource, oneSourceIssue);

export const SimulateBody = z.strictObject({
  ...workShape,
  fail: FailIds.optional(),
  save: z.boolean().optional().describe('store the run in the history (default: true)'),
  label: z.string().max(200).optional().describe('a note stored with the run'),
}).refine(oneSource, oneSourceIssue);
export type SimulateBody = z.infer<typeof SimulateBody>;

const SideSchema = z.strictObject({ ...workShape, fail: FailIds.optional() })
  .refine(oneSource, oneSourceIssue);

export const CompareBody = z.strictObject({ a: SideSchema, b: SideSchema });

export const IdParams = z.strictObject({ id: FileId });
export const RunIdParams = z.strictObject({ id: z.coerce.number().int().positive() });
export const YearQuery = z.strictObject({ year: YearText.optional() });
export const RunsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});
export const CompareRunsQuery = z.strictObject({
  a: z.coerce.number().int().positive(),
  b: z.coerce.number().int().positive(),
});

export const PutScenarioBody = z.strictObject({
  yaml: z.string().min(1).max(1_000_000).describe('the scenario file, as YAML text'),
});

/** Work named in a query string (GET routes). */
export const WorkQuery = z.strictObject({
  scenario: FileId.optional(),
  topology: FileId.optional(),
  year: YearText.optional(),
}).refine(oneSource, oneSourceIssue);

export const SweepQuery = z.strictObject({
  scenario: FileId.optional(),
  topology: FileId.optional(),
  year: YearText.optional(),
  depth: z.enum(['1', '2']).optional().describe('1: every single failure; 2: every pair'),
  elements: z.string().regex(/^(links?|sites?|groups?)(,(links?|sites?|groups?))*$/, {
    message: 'expected a comma-separated list of links, sites, groups',
  }).optional(),
  fail: z.string().max(10_000).optional()
    .describe('failures in force in every case, comma-separated'),
  top: z.coerce.number().int().min(1).max(1000).optional(),
  cases: z.enum(['worst', 'all']).optional().describe('every case, or the worst (default)'),
}).refine(oneSource, oneSourceIssue);

export const ImportBody = z.strictObject({
  fileName: z.string().min(1).max(200).describe('the file name; its extension names the format'),
  text: z.string().min(1).describe('the file: GraphML, GML, SNDlib, YAML or JSON'),
  id: FileId.optional().describe('save as topology/<id>.yaml (default: do not save)'),
});

// --- Responses -------------------------------------------------------------------

const Issue = z.object({ path: z.string(), code: z.string(), message: z.string() });

/** The body of every error. */
export const ErrorBody = z.object({
  statusCode: z.number().int(),
  code: z.string(),
  error: z.string(),
  message: z.string(),
  issues: z.array(Issue).optional(),
});

const Flow = z.object({ forward: z.number(), reverse: z.number() });

export const SimulationResultSchema = typedAs<SimulationResult>(z.looseObject({
  schemaVersion: z.number().int(),
  kind: z.literal('simulation'),
  network: z.looseObject({ name: z.string(), year: z.number(), sites: z.number() }),
  scenario: z.looseObject({ name: z.string(), file: z.string() }).nullable(),
  failed: z.looseObject({ links: z.array(z.string()), sites: z.array(z.string()) }),
  demand: z.looseObject({
    totalMbps: z.number(),
    targetMbps: z.number().nullable(),
    sites: z.array(z.looseObject({
      id: z.string(), demandMbps: z.number(), servedMbps: z.number(), cutOff: z.boolean(),
    })),
  }),
  clusters: z.array(z.looseObject({
    id: z.string(), uplink: z.looseObject({ link: z.string() }),
  })),
  links: z.array(z.looseObject({
    id: z.string(), capacityMbps: z.number(), loadMbps: Flow, utilization: z.number(),
    down: z.boolean(),
  })),
  overloaded: z.array(z.string()),
  cutOff: z.array(z.string()),
  unroutedMbps: z.number(),
  lostMbps: z.number(),
}).describe('the SimulationResult of src/engine/result.ts'));

const Change = z.object({ a: z.number().nullable(), b: z.number().nullable(), delta: z.number() });

export const DiffSchema = typedAs<ResultDiff>(z.looseObject({
  kind: z.literal('diff'),
  demand: z.looseObject({ totalMbps: Change }),
  links: z.array(z.looseObject({ id: z.string(), utilization: Change, loadMbps: Change })),
  offices: z.looseObject({ lostService: z.array(z.looseObject({ id: z.string() })),
    regainedService: z.array(z.looseObject({ id: z.string() })) }),
}).describe('what changed from a to b, largest link change first'));

const Years = z.object({ min: z.number().int(), max: z.number().int() });

export const ScenarioSummary = z.looseObject({
  id: z.string(),
  file: z.string(),
  name: z.string().nullable(),
  description: z.string().nullable(),
  year: z.number().nullable(),
  years: Years.nullable(),
  error: ErrorBody.nullable(),
});

export const ScenarioDetail = ScenarioSummary.extend({
  yaml: z.string(),
  scenario: z.record(z.string(), z.unknown()).nullable(),
});

export const TopologySummary = z.looseObject({
  id: z.string(),
  file: z.string(),
  name: z.string().nullable(),
  sites: z.number().int(),
  links: z.number().int(),
  error: ErrorBody.nullable(),
});

export const NetworkViewSchema = typedAs<NetworkView>(z.looseObject({
  name: z.string(),
  year: z.number(),
  years: Years,
  sites: z.array(z.looseObject({ id: z.string(), name: z.string(), kind: z.string() })),
  links: z.array(z.looseObject({ id: z.string(), a: z.string(), b: z.string() })),
  clusters: z.array(z.looseObject({ id: z.string(), hub: z.string(), uplink: z.string() })),
  groups: z.array(z.looseObject({ id: z.string(), links: z.array(z.string()) })),
}));

const runSummaryShape = {
  id: z.number().int(),
  createdAt: z.string(),
  source: z.enum(['api', 'cli']),
  networkName: z.string(),
  year: z.number().int(),
  failed: z.array(z.string()),
  totalMbps: z.number(),
};

export const RunSummarySchema = typedAs<RunSummary>(z.looseObject(runSummaryShape));

export const RunSchema = typedAs<StoredRun>(z.looseObject({
  ...runSummaryShape,
  request: z.record(z.string(), z.unknown()),
  result: SimulationResultSchema,
}));

/** The error responses every route may give. */
export const errorResponses = {
  400: ErrorBody, 404: ErrorBody, 422: ErrorBody, 500: ErrorBody,
} as const;

/** What an expensive route may answer besides: 429 rate limited, 503 overloaded. */
export const loadResponses = { 429: ErrorBody, 503: ErrorBody } as const;

/**
 * Sends a body that is JSON text already (written on a worker by the route's own
 * schema): fastify passes a string with a JSON content type through unserialised.
 */
export function sendJson(reply: FastifyReply, json: string): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(json);
}
