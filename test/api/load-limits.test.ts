// Under load: expensive work on the task pool behind its gates. A full gate answers 503
// with Retry-After at once, a client over its rate 429, a task over its time 503
// E_TIMEOUT (and the next one works), the server keeps answering cheap reads meanwhile,
// and the pool's answers are the inline answers byte for byte.
import { request as httpRequest, type ClientRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkLoader } from '../../src/api/load-work.ts';
import { SimulationResultSchema } from '../../src/api/schemas.ts';
import { simulateWork } from '../../src/api/simulate-work.ts';
import { Workspace } from '../../src/api/workspace.ts';
import { syntheticTopology } from '../web/synthetic.ts';
import { expectErrorBody, testServer, type TestServer } from './helpers.ts';

// About 2,100 sites: sizing takes seconds (every link's worst single failure).
const SLOW = { slow: syntheticTopology(16, 10, 12) };
// About 1,000 sites: a depth-2 sweep has half a million pairs, minutes of work.
const WIDE = { wide: syntheticTopology(10, 9, 10) };
const SLOW_SIZING = '/api/sizing?topology=slow';
const SIMULATE = { scenario: 'plan-2023', fail: ['fo-c4'], save: false };

/** Resolves with the value and the time it took, or fails past `ms`. */
async function within<T>(ms: number, what: string, work: Promise<T>) {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  try {
    const value = await Promise.race([work, late]);
    return { value, ms: Date.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

const delay = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Waits (bounded) until a compute probe is refused as overloaded: the gate is full. */
async function untilComputeBusy(base: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const res = await fetch(`${base}/api/drc?topology=no-such-topology`);
    const body = await res.json() as { code: string };
    if (res.status === 503 && body.code === 'E_OVERLOADED') return;
    await delay(50);
  }
  throw new Error('the slow task never took the compute slot');
}

describe('with one computation at a time and one waiting', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await testServer({
      topologies: SLOW, threads: 1,
      limits: { compute: { concurrent: 1, queued: 1, timeoutMs: 3000, retryAfterS: 5 } },
    });
  });
  afterAll(() => server.close());

  it('refuses a third simultaneous request at once with 503 and Retry-After, times ' +
    'out the slow ones with 503 E_TIMEOUT, and then answers the next', async () => {
    const started = Date.now();
    const answers = await Promise.all([0, 1, 2].map(() =>
      server.app.inject(SLOW_SIZING).then((res) => ({ res, ms: Date.now() - started }))));

    const refused = answers.filter((a) => a.res.json().code === 'E_OVERLOADED');
    const timedOut = answers.filter((a) => a.res.json().code === 'E_TIMEOUT');
    expect(refused).toHaveLength(1);
    expect(timedOut).toHaveLength(2);
    expectErrorBody(refused[0].res.json(), 503, 'E_OVERLOADED');
    expect(refused[0].res.headers['retry-after']).toBe('5');
    // Refused on arrival, not after waiting for anything to time out.
    expect(refused[0].ms).toBeLessThan(Math.min(...timedOut.map((a) => a.ms)));
    for (const { res } of timedOut) {
      expectErrorBody(res.json(), 503, 'E_TIMEOUT');
      expect(res.json().message).toMatch(/^the sizing request took longer than 3 s/);
    }

    // The timed-out thread was replaced: the next request is answered in full.
    const next = await server.app.inject({ method: 'POST', url: '/api/simulate',
      payload: SIMULATE });
    expect(next.statusCode).toBe(200);
    expect(next.json().failed.links).toEqual(['fo-c4']);
  });
});

describe('with a rate of 2 expensive requests a minute per client', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await testServer({ threads: 1, limits: { ratePerMinute: 2 } });
  });
  afterAll(() => server.close());

  it('answers the third expensive request with 429 and the wait, cheap ones still', async () => {
    const drc = () => server.app.inject('/api/drc?scenario=plan-2023');
    expect((await drc()).statusCode).toBe(200);
    expect((await drc()).statusCode).toBe(200);
    const third = await drc();
    expectErrorBody(third.json(), 429, 'E_RATE_LIMITED');
    // One request comes back every 30 s at 2 a minute; a little has passed already.
    expect([29, 30]).toContain(Number(third.headers['retry-after']));
    const health = await server.app.inject('/api/health');
    expect(health.statusCode).toBe(200);
  });
});

describe('on a listening server', () => {
  let server: TestServer;
  let base: string;
  beforeAll(async () => {
    server = await testServer({
      topologies: { ...SLOW, ...WIDE }, threads: 1,
      limits: {
        compute: { concurrent: 1, queued: 0, timeoutMs: 4000 },
        sweep: { concurrent: 1, queued: 0, retryAfterS: 10, timeoutMs: 120_000 },
      },
    });
    await server.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  it('answers health and a cheap read within 2 s while a depth-2 sweep runs, refuses ' +
    'a second sweep with 503, and frees the slot when the client goes', async () => {
    // The read's own first load (the scenario's network, on this thread) happens before,
    // so that what is bounded below is the wait the sweep adds.
    const scenario = `${base}/api/scenarios/plan-2023`;
    expect((await fetch(scenario)).status).toBe(200);
    const { req, progressed } = openSweepStream(base, '/api/sweep?topology=wide&depth=2');
    try {
      await within(60_000, 'the first progress event', progressed);
      const health = await within(2000, 'health', fetch(`${base}/api/health`));
      expect(health.value.status).toBe(200);
      const read = await within(2000, 'a scenario read', fetch(scenario));
      expect(read.value.status).toBe(200);

      const second = await fetch(`${base}/api/sweep?scenario=plan-2023`);
      expect(second.status).toBe(503);
      expect(second.headers.get('retry-after')).toBe('10');
      expectErrorBody(await second.json(), 503, 'E_OVERLOADED');
    } finally {
      req.destroy();
    }

    // The client went away: the sweep is stopped and its slot comes free (bounded wait).
    let status = 0;
    for (let i = 0; i < 100 && status !== 200; i++) {
      status = (await fetch(`${base}/api/sweep?scenario=plan-2023&elements=links`)).status;
      if (status !== 200) await delay(100);
    }
    expect(status).toBe(200);
  });

  it('answers health within 2 s while a slow computation holds the only thread', async () => {
    const slow = fetch(`${base}${SLOW_SIZING}`);
    await untilComputeBusy(base);
    const health = await within(2000, 'health', fetch(`${base}/api/health`));
    expect(health.value.status).toBe(200);
    const res = await slow;
    expect(res.status).toBe(503);
    expectErrorBody(await res.json(), 503, 'E_TIMEOUT');
  });
});

describe('a sweep past its time', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await testServer({
      topologies: WIDE, limits: { sweep: { concurrent: 1, queued: 0, timeoutMs: 1500 } },
    });
  });
  afterAll(() => server.close());

  it('is stopped with 503 E_TIMEOUT and gives its slot back', async () => {
    const url = '/api/sweep?topology=wide&depth=2';
    const first = await server.app.inject(url);
    expectErrorBody(first.json(), 503, 'E_TIMEOUT');
    expect(first.json().message).toMatch(/^the sweep took longer than 1.5 s/);
    // Not E_OVERLOADED: the slot of the stopped sweep is free again.
    const again = await server.app.inject(url);
    expectErrorBody(again.json(), 503, 'E_TIMEOUT');
  });
});

describe('answers through the pool', () => {
  let pooled: TestServer;
  let inline: TestServer;
  beforeAll(async () => {
    pooled = await testServer({ threads: 2, store: false });
    inline = await testServer({ threads: 0, store: false });
  });
  afterAll(async () => {
    await pooled.close();
    await inline.close();
  });

  it('simulate with a failure: the bytes the route\'s serializer writes for the engine\'s ' +
    'result', async () => {
    const res = await pooled.app.inject({ method: 'POST', url: '/api/simulate',
      payload: SIMULATE });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');

    // The same computation on this thread, serialised by the zod type provider itself.
    const workspace = new Workspace(pooled.dirs);
    const result = simulateWork(new WorkLoader(workspace).load({ scenario: 'plan-2023' }),
      ['fo-c4']);
    const serialise = serializerCompiler({ schema: SimulationResultSchema, method: 'POST',
      url: '/api/simulate', httpStatus: '200' } as never) as (data: unknown) => string;
    expect(res.body).toBe(serialise(result));
  });

  it('equal the inline answers exactly, for every expensive route', async () => {
    const requests = [
      { method: 'POST' as const, url: '/api/simulate',
        payload: { scenario: 'dc-outage-2023', fail: ['fo-c2'], save: false } },
      { method: 'POST' as const, url: '/api/compare',
        payload: { a: { scenario: 'plan-2023' }, b: { scenario: 'plan-2023', fail: ['fo-c4'] } } },
      { method: 'GET' as const, url: '/api/drc?scenario=plan-2023' },
      { method: 'GET' as const, url: '/api/sizing?scenario=plan-2023' },
      { method: 'GET' as const, url: '/api/servers?scenario=plan-2023&year=2021' },
      { method: 'POST' as const, url: '/api/simulate',
        payload: { scenario: 'plan-2023', fail: ['fo-c9'], save: false } },
    ];
    for (const request of requests) {
      const [a, b] = await Promise.all([pooled.app.inject(request), inline.app.inject(request)]);
      expect(a.statusCode, request.url).toBe(b.statusCode);
      expect(a.headers['content-type']).toBe(b.headers['content-type']);
      expect(a.body === b.body, request.url).toBe(true);
    }
  });
});

describe('on close', () => {
  it('refuses new work with 503 E_SHUTTING_DOWN and stops what outlives the drain',
    async () => {
      const server = await testServer({
        topologies: SLOW, threads: 1,
        limits: { compute: { concurrent: 1, queued: 0 }, drainMs: 1000 },
      });
      await server.app.listen({ host: '127.0.0.1', port: 0 });
      const base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
      const slow = fetch(`${base}${SLOW_SIZING}`);
      await untilComputeBusy(base);

      const started = Date.now();
      const closing = server.close();
      const health = await fetch(`${base}/api/health`);
      expect(health.status).toBe(503);
      expect(health.headers.get('connection')).toBe('close');
      expectErrorBody(await health.json(), 503, 'E_SHUTTING_DOWN');

      const res = await slow;
      expectErrorBody(await res.json(), 503, 'E_SHUTTING_DOWN');
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
      await within(10_000, 'close', closing);
    });

  it('lets work in flight finish within the drain', async () => {
    const server = await testServer({
      topologies: WIDE, threads: 1,
      limits: { compute: { concurrent: 1, queued: 0 }, drainMs: 30_000 },
    });
    await server.app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
    const sizing = fetch(`${base}/api/sizing?topology=wide`);
    await untilComputeBusy(base);
    const closing = server.close();
    const res = await sizing;
    expect(res.status).toBe(200);
    const body = await res.json() as { network: string };
    expect(body.network).toBe('Synthetic regency (1001 sites)');
    await within(10_000, 'close', closing);
  });
});

/** A sweep as server-sent events; `progressed` resolves on its first progress event. */
function openSweepStream(base: string, path: string) {
  let req!: ClientRequest;
  const progressed = new Promise<void>((done, fail) => {
    req = httpRequest(`${base}${path}`, { headers: { accept: 'text/event-stream' } }, (res) => {
      let text = '';
      res.on('data', (chunk) => {
        text += String(chunk);
        if (text.includes('event: progress')) done();
      });
      res.on('error', () => undefined);
    });
    req.on('error', (err) => fail(err));
    req.end();
  });
  progressed.catch(() => undefined);
  return { req, progressed };
}
