// The run-history routes: list, open and compare saved runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorBody, testServer, type TestServer } from './helpers.ts';

let server: TestServer;
let intact: number;
let cut: number;
beforeAll(async () => {
  server = await testServer();
  const run = async (payload: object) => Number((await server.app.inject({
    method: 'POST', url: '/api/simulate', payload,
  })).headers['x-run-id']);
  intact = await run({ scenario: 'plan-2023', label: 'intact' });
  cut = await run({ scenario: 'plan-2023', fail: ['fo-c4'] });
});
afterAll(() => server.close());

describe('the run history', () => {
  it('lists saved runs newest first with their figures at a glance', async () => {
    const res = await server.app.inject('/api/runs');
    expect(res.statusCode).toBe(200);
    const { total, runs } = res.json();
    expect(total).toBe(2);
    expect(runs.map((r: { id: number }) => r.id)).toEqual([cut, intact]);
    expect(runs[0]).toMatchObject({ source: 'api', scenarioId: 'plan-2023', year: 2023,
      failed: ['fo-c4'] });
    expect(runs[1].label).toBe('intact');
  });

  it('opens a run with the request that made it', async () => {
    const res = await server.app.inject(`/api/runs/${cut}`);
    expect(res.json().request).toEqual({ scenario: 'plan-2023', fail: ['fo-c4'] });
    expect(res.json().result.failed.links).toEqual(['fo-c4']);
  });

  it('compares two runs: the fibre goes down and the backup takes over', async () => {
    const res = await server.app.inject(`/api/runs/compare?a=${intact}&b=${cut}`);
    expect(res.statusCode).toBe(200);
    const diff = res.json();
    expect(diff.a.label).toBe(`run ${intact}`);
    expect(diff.links[0].id).toBe('backup-rsud-soekandar');
    expect(diff.backupsInUse.added).toEqual(['backup-rsud-soekandar']);
  });

  it('answers 404 for a run that does not exist and 400 for an id that is not one', async () => {
    expectErrorBody((await server.app.inject('/api/runs/9999')).json(), 404, 'E_NOT_FOUND');
    const bad = await server.app.inject('/api/runs/abc');
    expectErrorBody(bad.json(), 400, 'E_INPUT_SCHEMA');
    expect(bad.json().issues[0].path).toBe('id');
    const missing = await server.app.inject(`/api/runs/compare?a=${intact}`);
    expect(missing.json().issues[0].path).toBe('b');
  });
});
