// The OpenAPI document at /docs/json and Swagger UI at /docs.
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.ts';

const routes: RouteOptions[] = [];
let app: Awaited<ReturnType<typeof buildServer>>;
beforeAll(async () => {
  app = await buildServer({ store: null, logger: false, onRoute: (r) => routes.push(r) });
});
afterAll(() => app.close());

/** `GET /api/runs/:id` as OpenAPI writes it: `get /api/runs/{id}`. */
const openApiKey = (method: string, url: string) =>
  `${method.toLowerCase()} ${url.replace(/:([A-Za-z]+)/g, '{$1}')}`;

describe('the OpenAPI document at /docs/json', () => {
  it('lists every API route the server has, and nothing else', async () => {
    const doc = (await app.inject('/docs/json')).json();
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths as Record<string, object>)
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`)).sort();
    const served = routes.filter((r) => r.url.startsWith('/api/'))
      .flatMap((r) => [r.method].flat().filter((m) => m !== 'HEAD')
        .map((m) => openApiKey(m, r.url))).sort();
    expect(documented).toEqual([...new Set(served)]);
    expect(documented).toEqual(expect.arrayContaining([
      'get /api/topologies', 'get /api/topologies/{id}', 'get /api/scenarios',
      'get /api/scenarios/{id}', 'put /api/scenarios/{id}', 'post /api/simulate',
      'get /api/sweep', 'get /api/servers', 'get /api/runs', 'get /api/runs/{id}',
      'get /api/runs/compare', 'post /api/compare', 'get /api/drc', 'get /api/sizing',
    ]));
  });

  it('describes the simulate body from the same zod schema that validates it', async () => {
    const doc = (await app.inject('/docs/json')).json();
    const body = doc.paths['/api/simulate'].post.requestBody.content['application/json'].schema;
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(
      ['scenario', 'topology', 'year', 'fail', 'changes', 'save']));
    expect(body.additionalProperties).toBe(false);
    expect(doc.paths['/api/simulate'].post.responses['400']).toBeDefined();
  });

  it('serves Swagger UI from the package itself, loading nothing from elsewhere', async () => {
    const page = await app.inject('/docs/');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger-ui-bundle.js');
    expect(page.body).not.toMatch(/https?:\/\//);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    const bundle = await app.inject('/docs/static/swagger-ui-bundle.js');
    expect(bundle.statusCode).toBe(200);
  });
});
