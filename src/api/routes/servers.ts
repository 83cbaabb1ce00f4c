// Server load per year from the application catalogue the topology names.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiContext } from '../context.ts';
import { ServersSchema } from '../response-schemas.ts';
import { errorResponses, loadResponses, sendJson, WorkQuery } from '../schemas.ts';

/** Registers GET /api/servers. */
export function serverRoutes(ctx: ApiContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get('/api/servers', {
      schema: {
        tags: ['servers'],
        summary: 'Server load per year for the application catalogue the topology names',
        description: 'The same figures as `netsim servers`; `year` limits them to one year.',
        querystring: WorkQuery,
        response: { 200: ServersSchema, ...errorResponses, ...loadResponses },
      },
    }, async (request, reply) => {
      const { year, ...work } = request.query;
      const out = await ctx.work.compute(request, reply, { kind: 'servers', work, year });
      return sendJson(reply, out.json);
    });
  };
}
