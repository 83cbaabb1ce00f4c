// Scenario routes: list, read (parsed and raw YAML), save an edited file, and the
// network of a scenario's year as the page draws it.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError } from '../../model/errors.ts';
import type { ApiContext } from '../context.ts';
import { errorBody } from '../error-handler.ts';
import { BODY_LIMITS } from '../limits.ts';
import { networkView } from '../network-view.ts';
import { saveScenario } from '../save-scenario.ts';
import {
  errorResponses, IdParams, loadResponses, NetworkViewSchema, PutScenarioBody, ScenarioDetail,
  ScenarioSummary, YearQuery,
} from '../schemas.ts';
import { memoOnStamp } from '../stamp-memo.ts';
import type { WorkspaceFile } from '../workspace.ts';

/** Registers the /api/scenarios routes. */
export function scenarioRoutes(ctx: ApiContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const listScenarios = memoOnStamp(ctx.workspace, () => ({
      scenarios: ctx.workspace.list('scenario').map((file) => summarise(ctx, file)),
    }));

    r.get('/api/scenarios', {
      schema: {
        tags: ['scenarios'],
        summary: 'Every scenario in the scenarios folder, with its years',
        response: { 200: z.object({ scenarios: z.array(ScenarioSummary) }) },
      },
    }, async () => listScenarios());

    r.get('/api/scenarios/:id', {
      schema: {
        tags: ['scenarios'],
        summary: 'One scenario: parsed, and its YAML as written',
        params: IdParams,
        response: { 200: ScenarioDetail, ...errorResponses },
      },
    }, async (request) => {
      const file = ctx.workspace.find('scenario', request.params.id);
      const { scenario } = ctx.workspace.parseScenarioFile(file);
      return {
        ...summarise(ctx, file),
        yaml: ctx.workspace.readText(file),
        scenario: scenario as Record<string, unknown> | null,
      };
    });

    r.put('/api/scenarios/:id', {
      bodyLimit: BODY_LIMITS.scenario,
      schema: {
        tags: ['scenarios'],
        summary: 'Save a scenario (validated whole; the previous version is kept)',
        params: IdParams,
        body: PutScenarioBody,
        response: {
          200: z.object({ id: z.string(), file: z.string(), created: z.boolean(),
            previous: z.string().nullable() }),
          201: z.object({ id: z.string(), file: z.string(), created: z.boolean(),
            previous: z.string().nullable() }),
          ...errorResponses,
          ...loadResponses,
        },
      },
    }, async (request, reply) => {
      // The full check (every year loaded) runs as a task; the rename happens here.
      const saved = await saveScenario(ctx.workspace, request.params.id, request.body.yaml,
        async (draft) => {
          await ctx.work.compute(request, reply, { kind: 'check-scenario', draft });
        });
      request.log.info({ scenario: saved.id, previous: saved.previous }, 'scenario saved');
      return reply.code(saved.created ? 201 : 200).send(saved);
    });

    r.get('/api/scenarios/:id/network', {
      schema: {
        tags: ['scenarios'],
        summary: 'The network of a scenario in a year: sites, links, clusters, groups',
        params: IdParams,
        querystring: YearQuery,
        response: { 200: NetworkViewSchema, ...errorResponses },
      },
    }, async (request) => networkView(ctx.loader.load({
      scenario: request.params.id, year: request.query.year,
    })));
  };
}

/** A scenario's name and years, or the error that keeps it from loading. */
function summarise(ctx: ApiContext, file: WorkspaceFile) {
  const { scenario, error } = ctx.workspace.parseScenarioFile(file);
  let years: { min: number; max: number } | null = null;
  let loadError: InputError | null = error;
  if (scenario) {
    try {
      years = ctx.loader.load({ scenario: file.id }).years;
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      loadError = err;
    }
  }
  return {
    id: file.id,
    file: file.file,
    name: scenario?.name ?? null,
    description: scenario?.description ?? null,
    year: scenario?.year ?? null,
    years,
    error: loadError ? errorBody(loadError) : null,
  };
}
