// Safe by default: the bind address, security headers, body limits, error bodies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody } from '../../src/api/error-handler.ts';
import { listenOptions } from '../../src/api/listen-options.ts';
import { expectErrorBody, testServer, type TestServer } from './helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await testServer();
});
afterAll(() => server.close());

describe('safe by default', () => {
  it('listens on 127.0.0.1:8080 unless HOST and PORT say otherwise', () => {
    expect(listenOptions({})).toEqual({ host: '127.0.0.1', port: 8080 });
    expect(listenOptions({ HOST: '0.0.0.0', PORT: '9000' }))
      .toEqual({ host: '0.0.0.0', port: 9000 });
    expect(() => listenOptions({ PORT: 'http' })).toThrow(/expected a port number/);
  });

  it('sends a content-security policy and security headers with page and API', async () => {
    for (const url of ['/', '/api/health', '/app.js', '/api/nowhere']) {
      const res = await server.app.inject(url);
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('answers an unknown route with the error body', async () => {
    const res = await server.app.inject('/api/nowhere');
    expectErrorBody(res.json(), 404, 'E_NOT_FOUND');
    expect(res.json().message).toBe('no route GET /api/nowhere');
  });

  it('refuses a body that is not JSON, and one over the size limit', async () => {
    const bad = await server.app.inject({ method: 'POST', url: '/api/simulate',
      headers: { 'content-type': 'application/json' }, payload: '{"scenario": ' });
    expectErrorBody(bad.json(), 400, 'E_INPUT_SYNTAX');
    const big = await server.app.inject({ method: 'POST', url: '/api/simulate',
      payload: { scenario: 'plan-2023', label: 'x'.repeat(1_100_000) } });
    expectErrorBody(big.json(), 413, 'E_PAYLOAD_TOO_LARGE');
    const text = await server.app.inject({ method: 'POST', url: '/api/simulate',
      headers: { 'content-type': 'text/plain' }, payload: 'plan-2023' });
    expectErrorBody(text.json(), 415, 'E_UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses __proto__ and constructor.prototype keys by name, and an empty body', async () => {
    const post = (payload: string) => server.app.inject({ method: 'POST', url: '/api/simulate',
      headers: { 'content-type': 'application/json' }, payload });
    const proto = await post('{"scenario": "plan-2023", "__proto__": {"polluted": 1}}');
    expectErrorBody(proto.json(), 400, 'E_INPUT_SYNTAX');
    expect(proto.json().message).toBe('request body: a key named "__proto__" is not ' +
      'accepted: it could change the prototype of the objects read');
    const ctor = await post('{"scenario": "x", "constructor": {"prototype": {"a": 1}}}');
    expect(ctor.json().message).toMatch(/a key named "constructor\.prototype" is not accepted/);
    const empty = await post(' ');
    expect(empty.json().message).toBe('request body: expected a JSON body, got nothing');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('words validation faults as the model does: path, what was expected, what came', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/simulate',
      payload: { scenario: 'plan-2023', year: 'next', colour: 'red' } });
    expectErrorBody(res.json(), 400, 'E_INPUT_SCHEMA');
    expect(res.json().issues).toEqual(expect.arrayContaining([
      { path: 'year', code: 'invalid_type', message: 'expected a number, got string' },
      { path: '', code: 'unrecognized_keys', message: 'unknown field "colour"' },
    ]));
  });

  it('never puts a stack trace or an internal message in an error body', () => {
    const internal = new Error('secret detail at /home/x/y.ts:12');
    const body = errorBody(internal);
    expect(body).toEqual({ statusCode: 500, code: 'E_INTERNAL', error: 'Internal Server Error',
      message: 'internal error; the server log has the details' });
  });
});
