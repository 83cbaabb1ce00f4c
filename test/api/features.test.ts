// Sweep, servers, sizing and DRC routes: the same figures as their own commands give.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sizeNetwork } from '../../src/capacity/plan.ts';
import { analyseServers } from '../../src/servers/analyse.ts';
import { loadInput } from '../../src/model/read-input.ts';
import { netsim } from '../helpers/cli.ts';
import { expectErrorBody, testServer, type TestServer } from './helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await testServer();
});
afterAll(() => server.close());

describe('GET /api/sweep', () => {
  it('ranks the same worst cases as `netsim sweep --json`', async () => {
    const res = await server.app.inject('/api/sweep?scenario=plan-2023');
    expect(res.statusCode).toBe(200);
    const sweep = res.json();
    const cli = JSON.parse(netsim('sweep', 'scenarios/plan-2023.yaml', '--json').stdout);
    expect(sweep.worst).toEqual(cli.worst);
    expect(sweep.links).toEqual(cli.links);
    expect(sweep.counts).toEqual(cli.counts);
    expect(sweep.casesOmitted).toBe(true);
    expect(sweep.cases).toEqual(sweep.worst);
  });

  it('streams progress and then the result as server-sent events', async () => {
    const res = await server.app.inject({ url: '/api/sweep?scenario=plan-2023&elements=links',
      headers: { accept: 'text/event-stream' } });
    expect(res.headers['content-type']).toContain('text/event-stream');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    const events = res.body.trim().split('\n\n').map((block) => {
      const [event, data] = block.split('\n');
      return { event: event.replace('event: ', ''), data: JSON.parse(data.replace('data: ', '')) };
    });
    expect(events.at(-1)!.event).toBe('result');
    expect(events.at(-1)!.data.kinds).toEqual(['link']);
    const progress = events.filter((e) => e.event === 'progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)!.data.done).toBe(progress.at(-1)!.data.total);
  });

  it('sends an error event when the sweep is refused mid-stream', async () => {
    const res = await server.app.inject({ url: '/api/sweep?scenario=plan-2023&fail=nowhere',
      headers: { accept: 'text/event-stream' } });
    expect(res.body).toContain('event: error');
    expect(res.body).toContain('E_NOT_FOUND');
  });

  it('refuses a depth other than 1 or 2', async () => {
    const res = await server.app.inject('/api/sweep?depth=3');
    expectErrorBody(res.json(), 400, 'E_INPUT_SCHEMA');
    expect(res.json().issues[0].path).toBe('depth');
  });
});

describe('GET /api/servers', () => {
  it('gives the servers module\'s figures for the catalogue the topology names', async () => {
    const res = await server.app.inject('/api/servers?scenario=plan-2023');
    expect(res.statusCode).toBe(200);
    const input = loadInput('scenarios/plan-2023.yaml');
    expect(res.json()).toEqual(JSON.parse(JSON.stringify(analyseServers(input.catalogue!))));
    expect(res.json().years.map((y: { year: number }) => y.year))
      .toEqual([2019, 2020, 2021, 2022, 2023]);
  });

  it('limits the figures to one year, and refuses a year outside the catalogue', async () => {
    const one = await server.app.inject('/api/servers?scenario=plan-2023&year=2021');
    expect(one.json().years.map((y: { year: number }) => y.year)).toEqual([2021]);
    const outside = await server.app.inject('/api/servers?scenario=plan-2023&year=2030');
    expectErrorBody(outside.json(), 400, 'E_INPUT_SCHEMA');
  });
});

describe('GET /api/sizing and /api/drc', () => {
  it('recommends the planning module\'s circuit sizes for the year', async () => {
    const res = await server.app.inject('/api/sizing?scenario=plan-2023&year=2023');
    expect(res.statusCode).toBe(200);
    const network = loadInput('scenarios/plan-2023.yaml').network;
    const expected = [...sizeNetwork(network).links.values()];
    expect(res.json().links).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(res.json().links.some((l: { role: string }) => l.role === 'cluster-uplink')).toBe(true);
  });

  it('analyses the data-centre outage as `netsim drc` does', async () => {
    const res = await server.app.inject('/api/drc?scenario=plan-2023');
    expect(res.statusCode).toBe(200);
    const cli = JSON.parse(netsim('drc', 'scenarios/plan-2023.yaml', '--json').stdout);
    const api = res.json();
    expect(api.outage).toEqual(cli.outage);
    expect(api.replication).toEqual(cli.replication);
    expect(api.recovery).toEqual(cli.recovery);
    expect(api.applications.admitted).toEqual(cli.applications.admitted);
  });

  it('says so when the year has no DRC in service', async () => {
    const res = await server.app.inject('/api/drc?scenario=baseline-2019');
    expect(res.json().drc).toBeNull();
    expect(res.json().notice).toEqual(expect.any(String));
  });
});
