// The scenario routes: listing, reading, the year's network, and ids that cannot escape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadInput } from '../../src/model/read-input.ts';
import { expectErrorBody, testServer, type TestServer } from './helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await testServer();
});
afterAll(() => server.close());

describe('GET /api/scenarios', () => {
  it('lists every scenario file with its name and the years it covers', async () => {
    const res = await server.app.inject('/api/scenarios');
    expect(res.statusCode).toBe(200);
    const ids = res.json().scenarios.map((s: { id: string }) => s.id);
    expect(ids).toContain('baseline-2019');
    expect(ids).toContain('plan-2023');
    const plan = res.json().scenarios.find((s: { id: string }) => s.id === 'plan-2023');
    expect(plan).toMatchObject({ name: 'Plan 2023', year: 2023, years: { min: 2019, max: 2023 },
      error: null });
  });
});

describe('GET /api/scenarios/:id', () => {
  it('returns the scenario parsed and its YAML as written', async () => {
    const res = await server.app.inject('/api/scenarios/plan-2023');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.yaml).toContain('extends: baseline-2019.yaml');
    expect(body.scenario.extends).toBe('baseline-2019.yaml');
    expect(body.scenario.events.length).toBeGreaterThan(0);
  });

  it('answers 404 for an unknown scenario', async () => {
    const res = await server.app.inject('/api/scenarios/no-such-scenario');
    expect(res.statusCode).toBe(404);
    expectErrorBody(res.json(), 404, 'E_NOT_FOUND');
  });

  it('never reads outside the scenarios folder, whatever the id', async () => {
    for (const id of ['..%2Ftopology%2Fmojokerto', '..%2F..%2Fetc%2Fpasswd', 'plan-2023.yaml',
      '.history', '%2Fetc%2Fpasswd', 'a%00b']) {
      const res = await server.app.inject(`/api/scenarios/${id}`);
      expect([400, 404]).toContain(res.statusCode);
      expect(res.body).not.toContain('sites:');
      expect(res.body).not.toContain('root:');
    }
  });
});

describe('GET /api/scenarios/:id/network', () => {
  it('gives the sites, links, clusters and groups of the year as the engine does', async () => {
    const res = await server.app.inject('/api/scenarios/plan-2023/network?year=2021');
    expect(res.statusCode).toBe(200);
    const view = res.json();
    const input = loadInput('scenarios/plan-2023.yaml', { year: 2021 });
    expect(view.year).toBe(2021);
    expect(view.sites.map((s: { id: string }) => s.id))
      .toEqual(input.network.sites.map((s) => s.id));
    expect(view.links.map((l: { id: string }) => l.id))
      .toEqual(input.network.links.map((l) => l.id));
    expect(view.clusters).toHaveLength(5);
    expect(view.groups.map((g: { id: string }) => g.id)).toContain('via:telkom');
  });

  it('refuses a year that is not a year', async () => {
    const res = await server.app.inject('/api/scenarios/plan-2023/network?year=20x3');
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].path).toBe('year');
  });
});
