// The data-centre outage seen from the DRC, as `netsim drc` reports it.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DrcResult } from '../../drc/analyse-drc.ts';
import { analyseDrcInput } from '../../drc/analyse-input.ts';
import type { ApiContext } from '../context.ts';
import { errorResponses, WorkQuery } from '../schemas.ts';

const DrcSchema = z.looseObject({
  kind: z.literal('drc'),
  notice: z.string().nullable(),
  recovery: z.array(z.looseObject({ id: z.string(), recoveryMinutes: z.number() })),
}).describe('the DrcResult of src/drc/analyse-drc.ts') as unknown as z.ZodType<DrcResult>;

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
        response: { 200: DrcSchema, ...errorResponses },
      },
    }, async (request) => {
      const loaded = ctx.loader.load(request.query);
      const { input, network } = loaded;
      return analyseDrcInput({
        network,
        year: input.year,
        fail: input.fail,
        scenario: loaded.scenarioRef,
        catalogue: input.catalogue && input.topology.applications
          ? { file: input.topology.applications.catalogue, data: input.catalogue } : null,
      });
    });
  };
}
