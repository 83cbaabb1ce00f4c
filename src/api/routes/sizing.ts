// Circuit sizes the planning module recommends for the uplinks of one year's network.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sizeNetwork } from '../../capacity/plan.ts';
import type { ApiContext } from '../context.ts';
import { errorResponses, typedAs, WorkQuery } from '../schemas.ts';

type Sizing = ReturnType<typeof sizeNetwork>;
type SizedLink = Sizing['links'] extends Map<string, infer L> ? L : never;

const SizingSchema = typedAs<{
  network: string; year: number; links: SizedLink[]; unsized: Sizing['unsized'];
}>(z.object({
  network: z.string(),
  year: z.number().int(),
  links: z.array(z.looseObject({ link: z.string(), role: z.string(),
    size: z.looseObject({ mbps: z.number() }) })),
  unsized: z.array(z.looseObject({ link: z.string(), medium: z.string() })),
}));

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
        response: { 200: SizingSchema, ...errorResponses },
      },
    }, async (request) => {
      const loaded = ctx.loader.load(request.query);
      const sized = sizeNetwork(loaded.network);
      return {
        network: loaded.network.name,
        year: loaded.network.year,
        links: [...sized.links.values()],
        unsized: sized.unsized,
      };
    });
  };
}
