// Run-history routes: list, open, compare two saved runs.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, ApiErrorCode } from '../api-error.ts';
import { compareResults } from '../../engine/compare-results.ts';
import type { ApiContext } from '../context.ts';
import {
  CompareRunsQuery, DiffSchema, errorResponses, RunIdParams, RunSchema, RunSummarySchema,
  RunsQuery,
} from '../schemas.ts';

/** Registers the /api/runs routes. */
export function runRoutes(ctx: ApiContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const store = () => {
      if (!ctx.store) {
        throw new ApiError(501, ApiErrorCode.notAvailable, 'this server keeps no run history');
      }
      return ctx.store;
    };
    const open = (id: number) => {
      const run = store().get(id);
      if (!run) throw new ApiError(404, ApiErrorCode.notFound, `run ${id} does not exist`);
      return run;
    };

    r.get('/api/runs', {
      schema: {
        tags: ['runs'],
        summary: 'Saved runs, newest first',
        querystring: RunsQuery,
        response: {
          200: z.object({ total: z.number().int(), runs: z.array(RunSummarySchema) }),
          ...errorResponses,
        },
      },
    }, async (request) => store().list(request.query));

    r.get('/api/runs/compare', {
      schema: {
        tags: ['runs'],
        summary: 'What changed from run a to run b',
        querystring: CompareRunsQuery,
        response: { 200: DiffSchema, ...errorResponses },
      },
    }, async (request) => {
      const a = open(request.query.a);
      const b = open(request.query.b);
      return compareResults(a.result, b.result, { a: `run ${a.id}`, b: `run ${b.id}` });
    });

    r.get('/api/runs/:id', {
      schema: {
        tags: ['runs'],
        summary: 'One saved run with its request and result',
        params: RunIdParams,
        response: { 200: RunSchema, ...errorResponses },
      },
    }, async (request) => open(request.params.id));
  };
}
