// About the server: liveness, and the Result schema version it writes.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RESULT_SCHEMA_VERSION } from '../../engine/result.ts';
import type { ApiContext } from '../context.ts';

/** Registers GET /api/health. */
export function metaRoutes(ctx: ApiContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get('/api/health', {
      schema: {
        tags: ['meta'],
        summary: 'Liveness, the Result schema version, and whether runs are kept',
        response: { 200: z.object({ status: z.literal('ok'), resultSchemaVersion: z.number(),
          runHistory: z.boolean() }) },
      },
    }, async () => ({
      status: 'ok' as const, resultSchemaVersion: RESULT_SCHEMA_VERSION,
      runHistory: ctx.store !== null,
    }));
  };
}
