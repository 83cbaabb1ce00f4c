// The data-centre outage seen from the DRC, as `netsim drc` reports it.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiContext } from '../context.ts';
import { DrcSchema } from '../response-schemas.ts';
import { errorResponses, loadResponses, sendJson, WorkQuery } from '../schemas.ts';

/** Registers GET /api/drc. */
export function drcRoutes(ctx: ApiContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get('/api/drc', {
      schema: {
        tags: ['failures'],
        summary: 'The data centre fails: can the DRC carry its traffic and applications?',
        description: 'Replication in normal operation, the failed-over traffic on the DRC ' +
          'link, which applications the DRC holds in priority order, and recovery time and ' +
          'data loss per class. A year without a DRC in service answers with a `notice`.',
        querystring: WorkQuery,
        response: { 200: DrcSchema, ...errorResponses, ...loadResponses },
      },
    }, async (request, reply) => {
      const out = await ctx.work.compute(request, reply, { kind: 'drc', work: request.query });
      return sendJson(reply, out.json);
    });
  };
}
