// The sweep route: every single (or double) failure of a network, its worst cases
// ranked, with progress streamed as server-sent events when the client asks for them.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ElementKind } from '../../failure/sweep-elements.ts';
import type { ApiContext } from '../context.ts';
import { errorBody } from '../error-handler.ts';
import { runSweep, type SweepAnswer, type SweepRequest } from '../run-sweep.ts';
import { errorResponses, loadResponses, SweepQuery } from '../schemas.ts';
import { securityHeaders } from '../security-headers.ts';

/** Progress events at most this often, so that a fast sweep does not flood the client. */
const PROGRESS_INTERVAL_MS = 100;

const SweepSchema = z.looseObject({
  kind: z.literal('sweep'),
  depth: z.number().int(),
  counts: z.looseObject({ cases: z.number().int() }),
  worst: z.array(z.looseObject({
    fail: z.array(z.string()), cutOff: z.array(z.string()), unservedMbps: z.number(),
  })),
  links: z.array(z.looseObject({ id: z.string(), worstUtilization: z.number() })),
  casesOmitted: z.boolean(),
}).describe('the SweepResult of src/failure/sweep.ts') as unknown as z.ZodType<SweepAnswer>;

/** Registers GET /api/sweep. */
export function sweepRoutes(ctx: ApiContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get('/api/sweep', {
      schema: {
        tags: ['failures'],
        summary: 'Fail every element (or pair) in turn and rank the worst cases',
        description: 'The same sweep as `netsim sweep`. With `Accept: text/event-stream` ' +
          'the answer streams `progress` events ({done, total}), then one `result` event ' +
          '(the JSON below) or one `error` event (an error body). Closing the stream ' +
          'cancels the sweep.',
        querystring: SweepQuery,
        response: { 200: SweepSchema, ...errorResponses, ...loadResponses },
      },
    }, async (request, reply) => {
      const { depth = '1', elements = 'links,sites,groups', top = 10, fail = '', cases,
        ...work } = request.query;
      const controller = new AbortController();
      // A client that closes the connection before the answer cancels the sweep.
      reply.raw.once('close', () => {
        if (!reply.raw.writableFinished) controller.abort();
      });
      // Admitted before the stream opens, so that a refusal is a plain 429 or 503.
      const job = await ctx.work.admit('sweep', request, 'the sweep', controller.signal);
      let loaded;
      try {
        loaded = ctx.loader.load(work);
      } catch (err) {
        job.finish();
        throw err;
      }
      const sweep = (onProgress: SweepRequest['onProgress']) =>
        runSweep(loaded, {
          depth: depth === '2' ? 2 : 1,
          kinds: [...new Set(elements.split(',').map((e) => e.replace(/s$/, '') as ElementKind))],
          fail: fail.split(',').map((f) => f.trim()).filter(Boolean),
          top, allCases: cases === 'all', signal: job.signal, onProgress,
        });

      if (!(request.headers.accept ?? '').includes('text/event-stream')) {
        try {
          return await sweep(() => undefined);
        } finally {
          job.finish();
        }
      }

      // Server-sent events: fastify hands the socket over, so headers are ours to write.
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        ...securityHeaders(request.url),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
      });
      const send = (event: string, data: unknown) => {
        if (!res.writableEnded) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      };
      request.raw.on('close', () => controller.abort());
      controller.signal.addEventListener('abort', () => res.end());

      let last = 0;
      const started = Date.now();
      try {
        const result = await sweep((done, total) => {
          const now = Date.now();
          if (now - last < PROGRESS_INTERVAL_MS && done < total) return;
          last = now;
          send('progress', { done, total });
        });
        send('result', result);
        request.log.info({ cases: result.counts.cases, ms: Date.now() - started }, 'sweep done');
      } catch (err) {
        if (controller.signal.aborted) {
          request.log.info({ ms: Date.now() - started }, 'sweep cancelled');
        } else {
          const body = errorBody(err);
          if (body.statusCode >= 500) request.log.error({ err }, 'sweep failed');
          send('error', body);
        }
      } finally {
        job.finish();
        res.end();
      }
    });
  };
}
