// Server load per year from the application catalogue the topology names.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { analyseServers, type ServersResult } from '../../servers/analyse.ts';
import { ApiError, ApiErrorCode } from '../api-error.ts';
import type { ApiContext } from '../context.ts';
import { errorResponses, WorkQuery } from '../schemas.ts';

const ServersSchema = z.looseObject({
  catalogue: z.string(),
  planServers: z.number().nullable(),
  years: z.array(z.looseObject({ year: z.number().int(), tiersLive: z.number().int() })),
}).describe('the ServersResult of src/servers/analyse.ts') as unknown as z.ZodType<ServersResult>;

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
        response: { 200: ServersSchema, ...errorResponses },
      },
    }, async (request) => {
      const { year, ...work } = request.query;
      const loaded = ctx.loader.load(work);
      const catalogue = loaded.input.catalogue;
      if (!catalogue) {
        throw new ApiError(404, ApiErrorCode.notFound, `${loaded.source.kind} ` +
          `"${loaded.source.id}" names no application catalogue (the topology's "applications")`);
      }
      const { first, last } = catalogue.years;
      if (year !== undefined && (year < first || year > last)) {
        throw new ApiError(400, 'E_INPUT_SCHEMA',
          `year: expected ${first} to ${last}, got ${year}`,
          [{ path: 'year', code: 'out_of_range',
            message: `expected a year of the catalogue, ${first} to ${last}, got ${year}` }]);
      }
      return analyseServers(catalogue, { year });
    });
  };
}
