// The page: web/ served as static files, and d3 from its own package (dist/d3.min.js)
// so that nothing is loaded from outside this server.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { PROJECT_ROOT } from '../../model/read-input.ts';

/** The page's folder in the project. */
export const WEB_DIR = resolve(PROJECT_ROOT, 'web');

/** d3's dist folder: next to the module `import.meta.resolve('d3')` names. */
export function d3DistDir(): string {
  let entry: string;
  try {
    entry = fileURLToPath(import.meta.resolve('d3'));
  } catch {
    // Some loaders (test runners) do not offer import.meta.resolve; require's answer agrees.
    entry = createRequire(import.meta.url).resolve('d3');
  }
  return dirname(entry);
}

/**
 * d3's UMD build sets globalThis.d3 when run as a module; this shim lets the page's
 * modules `import d3 from '/vendor/d3.js'`.
 */
const D3_MODULE = "import './d3.min.js';\nexport default globalThis.d3;\n";

/** Registers the page and its vendor scripts. */
export function webRoutes(webDir: string = WEB_DIR) {
  return async (app: FastifyInstance) => {
    const d3Source = readFileSync(join(d3DistDir(), 'd3.min.js'));
    const script = 'text/javascript; charset=utf-8';

    app.get('/vendor/d3.min.js', { schema: { hide: true } }, async (_request, reply) =>
      reply.type(script).header('cache-control', 'public, max-age=86400').send(d3Source));
    app.get('/vendor/d3.js', { schema: { hide: true } }, async (_request, reply) =>
      reply.type(script).header('cache-control', 'public, max-age=86400').send(D3_MODULE));

    await app.register(fastifyStatic, {
      root: webDir,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      // The page is small and changes with the code: always revalidate.
      cacheControl: true,
      maxAge: 0,
    });
  };
}
