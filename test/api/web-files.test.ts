// The page's files and d3, all served by the server itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { d3DistDir } from '../../src/api/routes/web.ts';
import { testServer, type TestServer } from './helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await testServer();
});
afterAll(() => server.close());

describe('the page and its scripts', () => {
  it('serves the page, which names only scripts and styles of this server', async () => {
    const res = await server.app.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<script type="module" src="/app.js">');
    expect(res.body).not.toMatch(/(src|href)="https?:/);
  });

  it('serves d3 from its own package, next to the module import.meta.resolve names', async () => {
    const res = await server.app.inject('/vendor/d3.min.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('javascript');
    expect(res.body).toBe(readFileSync(join(d3DistDir(), 'd3.min.js'), 'utf8'));
    const shim = await server.app.inject('/vendor/d3.js');
    expect(shim.body).toContain("import './d3.min.js'");
  });

  it('serves every module the page imports', async () => {
    const app = await server.app.inject('/app.js');
    const imports = [...app.body.matchAll(/from '\.\/(js\/[\w/-]+\.js)'/g)].map((m) => m[1]);
    expect(imports.length).toBeGreaterThan(10);
    for (const path of imports) {
      expect((await server.app.inject(`/${path}`)).statusCode, path).toBe(200);
    }
  });
});
