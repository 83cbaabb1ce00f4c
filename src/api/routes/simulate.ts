// Simulation routes: one run (saved to the history unless told not to), and the
// comparison of two runs described inline.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { compareResults } from '../../engine/compare-results.ts';
import type { ApiContext } from '../context.ts';
import { simulateWork } from '../simulate-work.ts';
import {
  CompareBody, DiffSchema, errorResponses, SimulateBody, SimulationResultSchema,
} from '../schemas.ts';

/** Registers POST /api/simulate and POST /api/compare. */
export function simulateRoutes(ctx: ApiContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post('/api/simulate', {
      schema: {
        tags: ['simulate'],
        summary: 'Simulate a scenario or topology at peak hour, with failures and changes',
        description: 'The result equals `netsim simulate --fail` for the same input. Saved ' +
          'to the run history unless `save` is false; the run id is in `x-run-id`.',
        body: SimulateBody,
        response: { 200: SimulationResultSchema, ...errorResponses },
      },
    }, async (request, reply) => {
      const { fail = [], save = true, label, ...work } = request.body;
      const loaded = ctx.loader.load(work);
      const result = simulateWork(loaded, fail);
      if (save && ctx.store) {
        const id = ctx.store.save(result, {
          source: 'api',
          scenarioId: loaded.source.kind === 'scenario' ? loaded.source.id : null,
          topologyId: loaded.source.kind === 'topology' ? loaded.source.id : null,
          request: { ...work, fail },
          label: label ?? null,
        });
        reply.header('x-run-id', String(id)).header('location', `/api/runs/${id}`);
      }
      return result;
    });

    r.post('/api/compare', {
      schema: {
        tags: ['simulate'],
        summary: 'What changes from a to b: two scenarios, years or failure sets',
        body: CompareBody,
        response: { 200: DiffSchema, ...errorResponses },
      },
    }, async (request) => {
      const { a, b } = request.body;
      const run = (side: typeof a) => {
        const { fail = [], ...work } = side;
        const loaded = ctx.loader.load(work);
        return { loaded, result: simulateWork(loaded, fail) };
      };
      const ra = run(a);
      const rb = run(b);
      return compareResults(ra.result, rb.result, {
        a: labelOf(ra.loaded.source.id, ra.result.network.year, a.fail),
        b: labelOf(rb.loaded.source.id, rb.result.network.year, b.fail),
      });
    });
  };
}

function labelOf(id: string, year: number, fail: string[] = []): string {
  return `${id} ${year}${fail.length > 0 ? ` with ${fail.join(', ')} failed` : ''}`;
}
