// The topology routes: listing, reading, the network view, and importing a file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorBody, testServer, type TestServer } from './helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await testServer({ copy: true });
});
afterAll(() => server.close());

describe('GET /api/topologies', () => {
  it('lists the topologies and leaves out the application catalogue beside them', async () => {
    const res = await server.app.inject('/api/topologies');
    expect(res.statusCode).toBe(200);
    const list = res.json().topologies;
    expect(list.map((t: { id: string }) => t.id)).toEqual(['mojokerto']);
    expect(list[0]).toMatchObject({ name: 'Kabupaten Mojokerto', error: null });
    expect(list[0].sites).toBeGreaterThan(70);
  });

  it('returns one topology validated, with its YAML, and 404 for an unknown one', async () => {
    const res = await server.app.inject('/api/topologies/mojokerto');
    expect(res.statusCode).toBe(200);
    expect(res.json().topology.backbone).toBe('diskominfo');
    expect(res.json().yaml).toBe(readFileSync(join(server.dirs.topologiesDir, 'mojokerto.yaml'),
      'utf8'));
    expectErrorBody((await server.app.inject('/api/topologies/nowhere')).json(), 404,
      'E_NOT_FOUND');
    expect((await server.app.inject('/api/topologies/mojokerto-apps')).statusCode).toBe(404);
  });

  it('gives the network of a topology in its base year', async () => {
    const res = await server.app.inject('/api/topologies/mojokerto/network');
    expect(res.json().year).toBe(2019);
    expect(res.json().backbone).toBe('diskominfo');
  });
});

describe('POST /api/topologies/import', () => {
  const gml = `graph [
  label "Triangle"
  node [ id 0 label "A" Longitude 112.4 Latitude -7.5 ]
  node [ id 1 label "B" Longitude 112.5 Latitude -7.4 ]
  node [ id 2 label "C" Longitude 112.6 Latitude -7.5 ]
  edge [ source 0 target 1 ]
  edge [ source 1 target 2 ]
  edge [ source 2 target 0 ]
]`;

  it('converts a GML file and saves it as a topology the list then shows', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/topologies/import',
      payload: { fileName: 'triangle.gml', text: gml, id: 'triangle' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ id: 'triangle', sites: 3, links: 3 });
    const view = (await server.app.inject('/api/topologies/triangle/network')).json();
    expect(view.sites).toHaveLength(3);
    expect(view.sites[0].x).toBe(112.4);
  });

  it('refuses to overwrite a topology that exists', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/topologies/import',
      payload: { fileName: 'triangle.gml', text: gml, id: 'mojokerto' } });
    expectErrorBody(res.json(), 409, 'E_CONFLICT');
  });

  it('refuses a broken file with the place of the fault', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/topologies/import',
      payload: { fileName: 'broken.gml', text: 'graph [ node [ id 0 ' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('E_INPUT_SYNTAX');
    expect(res.json().issues.length).toBeGreaterThan(0);
  });
});
