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
import { installErrorHandlers } from './error-handler.ts';
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
import { DEFAULT_DIRS, Workspace, type WorkspaceDirs } from './workspace.ts';

/** Largest request body by default; routes that take files set their own. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

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
  });
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  // Bodies are JSON only; anything else is refused with 415 before it is read.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const ownsStore = options.store === undefined || typeof options.store === 'string';
  const store = options.store === null ? null
    : typeof options.store === 'object' ? options.store
      : openRunStore(options.store);
  const workspace = new Workspace(options.dirs ?? DEFAULT_DIRS);
  const ctx: ApiContext = {
    workspace,
    loader: new WorkLoader(workspace),
    store,
    inFlight: new Set(),
  };

  installErrorHandlers(app);
  installSecurityHeaders(app);
  app.addHook('preClose', async () => {
    for (const controller of ctx.inFlight) controller.abort();
  });
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
