// Circuit sizes the planning module recommends for the uplinks of one year's network.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiContext } from '../context.ts';
import { SizingSchema } from '../response-schemas.ts';
import { errorResponses, loadResponses, sendJson, WorkQuery } from '../schemas.ts';

/** Registers GET /api/sizing. */
export function sizingRoutes(ctx: ApiContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get('/api/sizing', {
      schema: {
        tags: ['planning'],
        summary: 'Recommended circuit sizes of the ISP, cluster and backbone links',
        description: 'One year of `netsim plan`: the smallest catalogue size of each link ' +
          'within the utilisation targets, normally and under its worst single failure.',
        querystring: WorkQuery,
        response: { 200: SizingSchema, ...errorResponses, ...loadResponses },
      },
    }, async (request, reply) => {
      const out = await ctx.work.compute(request, reply,
        { kind: 'sizing', work: request.query });
      return sendJson(reply, out.json);
    });
  };
}
