// POST /api/simulate and POST /api/compare: the engine's result, and refusals with paths.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulationResult } from '../../src/engine/result.ts';
import { netsim } from '../helpers/cli.ts';
import { expectErrorBody, testServer, type TestServer } from './helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await testServer();
});
afterAll(() => server.close());

const post = (payload: unknown) =>
  server.app.inject({ method: 'POST', url: '/api/simulate', payload: payload as object });

describe('POST /api/simulate', () => {
  it('returns the result of `netsim simulate --fail fo-c4 --json` for plan-2023', async () => {
    const res = await post({ scenario: 'plan-2023', fail: ['fo-c4'], save: false });
    expect(res.statusCode).toBe(200);
    const cli = netsim('simulate', 'scenarios/plan-2023.yaml', '--fail', 'fo-c4', '--json');
    expect(cli.status).toBe(0);
    expect(res.json()).toEqual(JSON.parse(cli.stdout));
  });

  it('simulates the baseline when the body names nothing', async () => {
    const res = await post({ save: false });
    const cli = JSON.parse(netsim('simulate', '--json').stdout) as SimulationResult;
    expect(res.json()).toEqual(cli);
  });

  it('takes a year and a topology instead of a scenario', async () => {
    const res = await post({ topology: 'mojokerto', year: 2021, save: false });
    expect(res.statusCode).toBe(200);
    const r = res.json() as SimulationResult;
    expect(r.network.year).toBe(2021);
    expect(r.scenario).toBeNull();
  });

  it('applies changes on top of the scenario, as a scenario file would', async () => {
    const res = await post({
      scenario: 'plan-2023', save: false,
      changes: [{ op: 'set-link', id: 'fo-c4', capacityMbps: 10000 }],
    });
    expect(res.statusCode).toBe(200);
    const link = (res.json() as SimulationResult).links.find((l) => l.id === 'fo-c4')!;
    expect(link.capacityMbps).toBe(10000);
  });

  it('refuses a malformed body with 400 and the path of each fault', async () => {
    const res = await post({ scenario: 'plan-2023', fail: ['fo-c4', 7], year: 'soon' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expectErrorBody(body, 400, 'E_INPUT_SCHEMA');
    const paths = body.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual(['fail[1]', 'year']);
    for (const issue of body.issues) {
      expect(Object.keys(issue).sort()).toEqual(['code', 'message', 'path']);
    }
  });

  it('names the path inside a change and refuses unknown fields', async () => {
    const bad = await post({ changes: [{ op: 'set-link', id: 'fo-c4', capacityMbps: -5 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].path).toMatch(/^changes\[0\]\.capacityMbps/);
    const extra = await post({ scenario: 'plan-2023', failures: ['fo-c4'] });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().issues[0].code).toBe('unrecognized_keys');
  });

  it('refuses a scenario and a topology together', async () => {
    const res = await post({ scenario: 'plan-2023', topology: 'mojokerto' });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].path).toBe('topology');
  });

  it('answers 404 for an unknown scenario and an unknown failure id, with its place', async () => {
    const scenario = await post({ scenario: 'no-such-scenario' });
    expectErrorBody(scenario.json(), 404, 'E_NOT_FOUND');
    const fail = await post({ scenario: 'plan-2023', fail: ['fo-c4', 'fo-c9'] });
    expect(fail.statusCode).toBe(404);
    expectErrorBody(fail.json(), 404, 'E_NOT_FOUND');
    expect(fail.json().issues).toEqual([{
      path: 'fail[1]', code: 'unknown',
      message: 'expected a link, site or shared-risk group id, got "fo-c9"',
    }]);
  });

  it('answers 422 for a change that names a link the network does not have', async () => {
    const res = await post({ changes: [{ op: 'remove-link', id: 'no-such-link' }] });
    expect(res.statusCode).toBe(422);
    expectErrorBody(res.json(), 422, 'E_INPUT_REFERENCE');
    expect(res.json().issues[0].path).toBe('changes[0].id');
  });

  it('saves the run unless told not to, and says where', async () => {
    const saved = await post({ scenario: 'plan-2023', fail: ['fo-c4'] });
    const id = saved.headers['x-run-id'];
    expect(id).toMatch(/^\d+$/);
    expect(saved.headers.location).toBe(`/api/runs/${id}`);
    const run = await server.app.inject(`/api/runs/${id}`);
    expect(run.json().result).toEqual(saved.json());

    const unsaved = await post({ scenario: 'plan-2023', save: false });
    expect(unsaved.headers['x-run-id']).toBeUndefined();
  });
});

describe('POST /api/compare', () => {
  it('reports the failed fibre and the backup that takes its traffic', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/compare', payload: {
      a: { scenario: 'plan-2023' }, b: { scenario: 'plan-2023', fail: ['fo-c4'] },
    } });
    expect(res.statusCode).toBe(200);
    const diff = res.json();
    expect(diff.kind).toBe('diff');
    expect(diff.links[0].id).toBe('backup-rsud-soekandar');
    expect(diff.links[0].loadMbps.delta).toBeGreaterThan(0);
    const fibre = diff.links.find((l: { id: string }) => l.id === 'fo-c4');
    expect(fibre.down).toEqual({ a: false, b: true });
    expect(diff.backupsInUse.added).toEqual(['backup-rsud-soekandar']);
  });

  it('finds nothing changed between a scenario and itself', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/compare', payload: {
      a: { scenario: 'baseline-2019' }, b: { scenario: 'baseline-2019' },
    } });
    const diff = res.json();
    expect(diff.links).toEqual([]);
    expect(diff.demand.totalMbps.delta).toBe(0);
    expect(diff.offices).toEqual({ lostService: [], regainedService: [] });
  });
});
