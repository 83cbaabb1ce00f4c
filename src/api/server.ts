// Builds the fastify server: zod-typed routes, the OpenAPI document at /docs, the
// page, security headers, one error shape, and the run history.
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyInstance, type FastifyServerOptions, type RouteOptions,
} from 'fastify';
import {
  jsonSchemaTransform, serializerCompiler, validatorCompiler,
} from 'fastify-type-provider-zod';
import { openRunStore, type RunStore } from '../store/run-store.ts';
import type { ApiContext } from './context.ts';
import { shuttingDown } from './api-error.ts';
import { installErrorHandlers } from './error-handler.ts';
import { parseJsonBody } from './json-body.ts';
import { ExpensiveWork } from './expensive-work.ts';
import {
  BODY_LIMITS, defaultLimits, type LimitsOverride, mergeLimits, REQUEST_TIMEOUT_MS,
} from './limits.ts';
import { WorkLoader } from './load-work.ts';
import { drcRoutes } from './routes/drc.ts';
import { metaRoutes } from './routes/meta.ts';
import { runRoutes } from './routes/runs.ts';
import { scenarioRoutes } from './routes/scenarios.ts';
import { serverRoutes } from './routes/servers.ts';
import { simulateRoutes } from './routes/simulate.ts';
import { sizingRoutes } from './routes/sizing.ts';
import { sweepRoutes } from './routes/sweep.ts';
import { topologyRoutes } from './routes/topologies.ts';
import { WEB_DIR, webRoutes } from './routes/web.ts';
import { installSecurityHeaders } from './security-headers.ts';
import { InlineRunner, TaskPool } from './task-pool.ts';
import { DEFAULT_DIRS, Workspace, type WorkspaceDirs } from './workspace.ts';

/** Largest request body by default; routes that take files set their own. */
export const DEFAULT_BODY_LIMIT = BODY_LIMITS.default;

export interface ServerOptions {
  /** Scenario and topology folders (default: the project's). */
  dirs?: WorkspaceDirs;
  /** The run history: a store, a file to open, or null for none (default: data/netsim.sqlite). */
  store?: RunStore | string | null;
  /** The page's folder (default: web/). */
  webDir?: string;
  /** fastify's logger option: false in tests, pino options when serving. */
  logger?: FastifyServerOptions['logger'];
  bodyLimit?: number;
  /** Sees every route as it is added (tests check the OpenAPI document against them). */
  onRoute?: (route: RouteOptions) => void;
  /** Limits on expensive work, over the defaults for this machine (limits.ts). */
  limits?: LimitsOverride;
  /**
   * Worker threads for computations (default: the compute gate's `concurrent`); 0 runs
   * them on the event loop, without time limits (for tests only).
   */
  threads?: number;
}

/**
 * A ready-to-listen server. The caller owns it: `listen()` to serve, `inject()` in
 * tests, `close()` to stop (which also closes a store the server opened).
 * @example const app = await buildServer({ logger: false }); await app.inject('/api/health');
 */
export async function buildServer(options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // Ids in URLs are matched exactly; no `//` or trailing-slash aliases.
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 200 },
    requestTimeout: REQUEST_TIMEOUT_MS,
    // While closing, new requests get our own 503 body (below), not fastify's.
    return503OnClosing: false,
  });
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  // Bodies are JSON only; anything else is refused with 415 before it is read.
  app.removeContentTypeParser('text/plain');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, parseJsonBody);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const ownsStore = options.store === undefined || typeof options.store === 'string';
  const store = options.store === null ? null
    : typeof options.store === 'object' ? options.store
      : openRunStore(options.store);
  const workspace = new Workspace(options.dirs ?? DEFAULT_DIRS);
  const loader = new WorkLoader(workspace);
  const limits = mergeLimits(defaultLimits(), options.limits);
  const threads = options.threads ?? limits.compute.concurrent;
  const runner = threads === 0 ? new InlineRunner({ workspace, loader })
    : new TaskPool(threads, workspace.dirs);
  const ctx: ApiContext = {
    workspace, loader, store, work: new ExpensiveWork(limits, runner),
  };

  installErrorHandlers(app);
  installSecurityHeaders(app);
  // A listening server boots its threads now (a second or so each), not on first use.
  app.addHook('onListen', async () => runner.warm());
  app.addHook('onRequest', async () => {
    if (ctx.work.stopping) throw shuttingDown();
  });
  // Drain: no new work, work in flight gets `drainMs` to finish, then all is stopped.
  app.addHook('preClose', async () => ctx.work.close());
  app.addHook('onClose', async () => {
    if (ownsStore) store?.close();
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'spbe-netsim API',
        description: 'Network capacity simulation for SPBE e-government networks: ' +
          'scenarios, simulation with failures, sweeps, server load and run history.',
        version: '1.0.0',
      },
      tags: [
        { name: 'scenarios' }, { name: 'topologies' }, { name: 'simulate' },
        { name: 'failures' }, { name: 'runs' }, { name: 'servers' }, { name: 'planning' },
        { name: 'meta' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', uiConfig: { validatorUrl: null } });

  await app.register(metaRoutes(ctx));
  await app.register(topologyRoutes(ctx));
  await app.register(scenarioRoutes(ctx));
  await app.register(simulateRoutes(ctx));
  await app.register(runRoutes(ctx));
  await app.register(sweepRoutes(ctx));
  await app.register(serverRoutes(ctx));
  await app.register(sizingRoutes(ctx));
  await app.register(drcRoutes(ctx));
  await app.register(webRoutes(options.webDir ?? WEB_DIR));
  await app.ready();
  return app;
}
