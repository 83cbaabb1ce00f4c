// Simulation routes: one run (saved to the history unless told not to), and the
// comparison of two runs described inline.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiContext } from '../context.ts';
import {
  CompareBody, DiffSchema, errorResponses, loadResponses, sendJson, SimulateBody,
  SimulationResultSchema,
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
        response: { 200: SimulationResultSchema, ...errorResponses, ...loadResponses },
      },
    }, async (request, reply) => {
      const { fail = [], save = true, label, ...work } = request.body;
      const store = save ? ctx.store : null;
      const out = await ctx.work.compute(request, reply,
        { kind: 'simulate', work, fail, keep: store !== null });
      // The store is written here, on the main thread: one connection, one writer.
      if (store && out.saved) {
        const { source } = out;
        const id = store.saveSerialised(out.saved.figures, out.saved.resultJson, {
          source: 'api',
          scenarioId: source.kind === 'scenario' ? source.id : null,
          topologyId: source.kind === 'topology' ? source.id : null,
          request: { ...work, fail },
          label: label ?? null,
        });
        reply.header('x-run-id', String(id)).header('location', `/api/runs/${id}`);
      }
      return sendJson(reply, out.json);
    });

    r.post('/api/compare', {
      schema: {
        tags: ['simulate'],
        summary: 'What changes from a to b: two scenarios, years or failure sets',
        body: CompareBody,
        response: { 200: DiffSchema, ...errorResponses, ...loadResponses },
      },
    }, async (request, reply) => {
      const { a, b } = request.body;
      const out = await ctx.work.compute(request, reply, { kind: 'compare', a, b });
      return sendJson(reply, out.json);
    });
  };
}
