// Fuzzing the API's request bodies: malformed JSON, odd values, mutated scenarios and
// network files. Every answer is a result or a 4xx error body; never a 500.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorCode } from '../../src/api/api-error.ts';
import { buildServer } from '../../src/api/server.ts';
import { checkPrototypes, keepTallies, recordOutcome, STABLE_CODES } from './outcome.ts';
import { junk, mutated, nested, oddValue, projectPath, projectText, runs } from './mutate.ts';

keepTallies(import.meta.filename);

const CODES = new Set([...STABLE_CODES, ...Object.values(ApiErrorCode)]);
const SCENARIO = projectText('scenarios/plan-2023.yaml');
const GML = projectText('test/datasets/topologyzoo/gml/Sprint.gml');

let app: FastifyInstance;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'netsim-fuzz-api-'));
  cpSync(projectPath('scenarios'), join(dir, 'scenarios'), { recursive: true });
  cpSync(projectPath('topology'), join(dir, 'topology'), { recursive: true });
  app = await buildServer({
    logger: false, store: null,
    dirs: { scenariosDir: join(dir, 'scenarios'), topologiesDir: join(dir, 'topology') },
  });
});

afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

type Route = { method: 'POST' | 'PUT'; url: string; parser: string };
const SIMULATE: Route = { method: 'POST', url: '/api/simulate', parser: 'api simulate' };
const COMPARE: Route = { method: 'POST', url: '/api/compare', parser: 'api compare' };
const IMPORT: Route = { method: 'POST', url: '/api/topologies/import', parser: 'api import' };
const SAVE: Route = { method: 'PUT', url: '/api/scenarios/fuzz', parser: 'api scenario save' };

/**
 * Sends `payload` as JSON text and checks the answer: 2xx, or an error body of the one
 * shape under a known code with no stack trace; 400s carry their issues; never 5xx.
 */
async function send(route: Route, payload: string, contentType = 'application/json') {
  const start = performance.now();
  const res = await app.inject({
    method: route.method, url: route.url, payload, headers: { 'content-type': contentType },
  });
  const ms = performance.now() - start;
  checkPrototypes();
  if (res.statusCode < 300) {
    recordOutcome(route.parser, 'loaded', ms);
    return res;
  }
  const body = res.json() as Record<string, unknown>;
  const fault = (what: string) =>
    new Error(`${route.url}: ${what}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  if (res.statusCode >= 500) throw fault('a server error');
  if (body.statusCode !== res.statusCode || typeof body.code !== 'string' ||
      !CODES.has(body.code) || typeof body.error !== 'string' ||
      typeof body.message !== 'string') throw fault('not the error shape');
  if (res.statusCode === 400 && !Array.isArray(body.issues)) throw fault('a 400 without issues');
  if (res.body.includes('    at ') || /\.ts:\d+/.test(res.body)) throw fault('a stack trace');
  recordOutcome(route.parser, body.code, ms);
  return res;
}

const VALID: Array<[Route, string]> = [
  [SIMULATE, '{"scenario":"baseline-2019","save":false,"fail":["fo-c2"]}'],
  [SIMULATE,
    '{"topology":"mojokerto","year":2021,"changes":[{"op":"remove-link","id":"fo-c3"}]}'],
  [COMPARE,
    '{"a":{"scenario":"baseline-2019"},"b":{"scenario":"baseline-2019","fail":["fo-c2"]}}'],
  [IMPORT, JSON.stringify({ fileName: 'Sprint.gml', text: GML })],
  [SAVE, JSON.stringify({ yaml: SCENARIO })],
];
const JSON_WORDS = ['{', '}', '[', ']', ',', ':', '"', 'null', '1e400', '-1', '"__proto__":',
  '"constructor":{"prototype":{"polluted":1}},', '"x":1,', '\\u0000', '"fail":', '"year":'];
const FIELDS = ['scenario', 'topology', 'year', 'changes', 'fail', 'save', 'label', 'a', 'b',
  'yaml', 'fileName', 'text', 'id', '__proto__', 'constructor', 'prototype'];
const jsonish: fc.Arbitrary<unknown> = fc.oneof(oddValue, fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom('baseline-2019', 'mojokerto', '../topology/mojokerto', 'fo-c2', 2019));

describe('the API on malformed bodies', () => {
  it('answers every mutation of a valid body with a result or a 4xx error body', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom(...VALID).chain(([route, body]) =>
      mutated(body, JSON_WORDS).map((text) => [route, text] as const)),
    async ([route, text]) => { await send(route, text); }), runs(100));
  });

  it('answers bodies of random fields and odd values with a result or a 4xx', async () => {
    const body = fc.dictionary(fc.constantFrom(...FIELDS), jsonish, { maxKeys: 5 });
    await fc.assert(fc.asyncProperty(fc.constantFrom(SIMULATE, COMPARE, IMPORT, SAVE), body,
      async (route, value) => { await send(route, JSON.stringify(value)); }), runs(150));
  });

  it('answers junk under any content type with a 4xx', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom(SIMULATE, IMPORT, SAVE), junk,
      fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded',
        'application/json; charset=latin1', 'multipart/form-data'),
      async (route, text, type) => {
        const res = await send(route, text, type);
        expect(res.statusCode).toBeGreaterThanOrEqual(400);
      }), runs(150));
  });

  it('answers mutated scenario YAML and network files with a result or a 4xx', async () => {
    const yaml = mutated(SCENARIO).map((t) => [SAVE, JSON.stringify({ yaml: t })] as const);
    const file = mutated(GML).map((t) =>
      [IMPORT, JSON.stringify({ fileName: 'Sprint.gml', text: t })] as const);
    await fc.assert(fc.asyncProperty(fc.oneof(yaml, file),
      async ([route, body]) => { await send(route, body); }), runs(80));
  });

  const laughs = Array.from({ length: 9 }, (_, i) => `${'bcdefghij'[i]}: &${'bcdefghij'[i]} [${
    Array(9).fill(`*${'abcdefghij'[i]}`).join(',')}]`);
  const adversarial: Array<[string, Route, string, number, string | null]> = [
    ['deep JSON', SIMULATE, nested('{"a":', '1', '}', 100_000), 400, 'E_INPUT_LIMIT'],
    ['deep changes', SIMULATE, `{"changes":${nested('[', '', ']', 10_000)}}`, 400,
      'E_INPUT_LIMIT'],
    ['__proto__ pollution', SIMULATE, '{"__proto__":{"polluted":1},"save":false}', 400, null],
    ['constructor pollution', SIMULATE, '{"constructor":{"prototype":{"polluted":1}}}', 400,
      null],
    ['a BOM', SIMULATE, '\uFEFF{"save":false}', 200, null],
    ['an empty body', SIMULATE, '', 400, 'E_INPUT_SYNTAX'],
    ['a huge number', SIMULATE, '{"year":1e400}', 400, 'E_INPUT_SCHEMA'],
    ['a path as id', SIMULATE, '{"scenario":"../../etc/passwd"}', 400, 'E_INPUT_SCHEMA'],
    ['billion laughs YAML', SAVE, JSON.stringify({
      yaml: `a: &a [x,x,x,x,x,x,x,x,x]\n${laughs.join('\n')}\n` }), 400, 'E_INPUT_LIMIT'],
    ['deep YAML', SAVE, JSON.stringify({ yaml: nested('[', '', ']', 50_000) }), 400,
      'E_INPUT_LIMIT'],
    ['XML entity expansion', IMPORT, JSON.stringify({ fileName: 'x.graphml', text:
      '<!DOCTYPE g [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>' +
      '<graphml><graph><node id="&b;"/></graph></graphml>' }), 400, 'E_INPUT_SYNTAX'],
    ['a file name with a path', IMPORT, JSON.stringify({ fileName: '../../x.gml', text: GML }),
      200, null],
    ['a file of no format', IMPORT, JSON.stringify({ fileName: 'x.bin', text: '\u0000\u0001' }),
      400, 'E_INPUT_SYNTAX'],
  ];

  it.each(adversarial)('answers %s with its status and code',
    async (_name, route, body, status, code) => {
      const res = await send(route, body);
      expect(res.statusCode).toBe(status);
      if (code !== null) expect(res.json().code).toBe(code);
    });
});
