// Saving a scenario from the page: validated whole, written atomically, old versions kept.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorBody, testServer, type TestServer } from './helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await testServer({ copy: true });
});
afterAll(() => server.close());

const put = (id: string, yaml: string) =>
  server.app.inject({ method: 'PUT', url: `/api/scenarios/${id}`, payload: { yaml } });
const file = (id: string) => join(server.dirs.scenariosDir, `${id}.yaml`);
const history = () => {
  const dir = join(server.dirs.scenariosDir, '.history');
  return existsSync(dir) ? readdirSync(dir).sort() : [];
};

const cutC4 = `schemaVersion: 1
name: Cluster 4 fibre cut
extends: plan-2023.yaml
fail: [fo-c4]
`;

describe('PUT /api/scenarios/:id', () => {
  it('creates a new scenario next to the others, and the list then shows it', async () => {
    const res = await put('cut-c4', cutC4);
    expect(res.statusCode).toBe(201);
    expect(res.json())
      .toEqual({ id: 'cut-c4', file: 'cut-c4.yaml', created: true, previous: null });
    expect(readFileSync(file('cut-c4'), 'utf8')).toBe(cutC4);
    const sim = await server.app.inject({ method: 'POST', url: '/api/simulate',
      payload: { scenario: 'cut-c4', save: false } });
    expect(sim.json().failed.links).toEqual(['fo-c4']);
  });

  it('keeps the previous version when it saves over a scenario', async () => {
    const before = readFileSync(file('plan-2023'), 'utf8');
    const edited = before.replace('name: Plan 2023', 'name: Plan 2023 (edited)');
    const res = await put('plan-2023', edited);
    expect(res.statusCode).toBe(200);
    expect(res.json().previous).toMatch(/^\.history\/plan-2023\.\d{8}T\d{9}(-\d+)?\.yaml$/);
    expect(readFileSync(file('plan-2023'), 'utf8')).toBe(edited);
    expect(readFileSync(join(server.dirs.scenariosDir, res.json().previous), 'utf8')).toBe(before);
    const listed = (await server.app.inject('/api/scenarios/plan-2023')).json();
    expect(listed.name).toBe('Plan 2023 (edited)');
  });

  it('refuses a broken file and leaves the old one as it was', async () => {
    const before = readFileSync(file('baseline-2019'), 'utf8');
    const versions = history();
    const syntax = await put('baseline-2019', 'schemaVersion: 1\nname: [unclosed\n');
    expect(syntax.statusCode).toBe(400);
    expectErrorBody(syntax.json(), 400, 'E_INPUT_SYNTAX');

    const schema = await put('baseline-2019', 'schemaVersion: 1\nname: x\ntopology: ' +
      '../topology/mojokerto.yaml\nyear: 1800\n');
    expectErrorBody(schema.json(), 400, 'E_INPUT_SCHEMA');
    expect(schema.json().issues[0].path).toBe('year');

    const reference = await put('baseline-2019', 'schemaVersion: 1\nname: x\ntopology: ' +
      '../topology/mojokerto.yaml\nchanges:\n  - { op: remove-link, id: fo-c99 }\n');
    expectErrorBody(reference.json(), 422, 'E_INPUT_REFERENCE');
    expect(reference.json().message).toContain('baseline-2019.yaml');
    expect(reference.json().message).not.toContain('.tmp');

    expect(readFileSync(file('baseline-2019'), 'utf8')).toBe(before);
    expect(history()).toEqual(versions);
    expect(readdirSync(server.dirs.scenariosDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a topology or extends path outside the project folders, and a cycle', async () => {
    const outside = await put('escape', 'schemaVersion: 1\nname: x\ntopology: /etc/passwd\n');
    expectErrorBody(outside.json(), 422, 'E_INPUT_REFERENCE');
    expect(outside.json().issues[0].path).toBe('topology');
    const cycle = await put('baseline-2019',
      'schemaVersion: 1\nname: x\nextends: plan-2023.yaml\n');
    expect(cycle.json().issues[0].code).toBe('extends_cycle');
    expect(existsSync(file('escape'))).toBe(false);
  });

  it('refuses an id that is not a plain file name', async () => {
    for (const id of ['..%2Fevil', 'a.b', '-lead']) {
      const res = await put(id, cutC4);
      expect([400, 404]).toContain(res.statusCode);
    }
    expect(readdirSync(server.dirs.scenariosDir).filter((f) => f.includes('evil'))).toEqual([]);
  });

  it('runs concurrent saves of one scenario one at a time, keeping every version', async () => {
    const versions = history().length;
    const texts = [1, 2, 3, 4].map((n) => cutC4.replace('Cluster 4 fibre cut', `Cut ${n}`));
    const answers = await Promise.all(texts.map((t) => put('cut-c4', t)));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200]);
    expect(history().length).toBe(versions + 4);
    const final = readFileSync(file('cut-c4'), 'utf8');
    expect(texts).toContain(final);
    // Every version kept is one whole file that was saved, never a mix of two.
    const kept = history().filter((f) => f.startsWith('cut-c4.')).map((f) =>
      readFileSync(join(server.dirs.scenariosDir, '.history', f), 'utf8'));
    for (const text of kept) expect([cutC4, ...texts]).toContain(text);
  });

  it('refuses a body over its size limit with 413', async () => {
    const res = await put('big', `# ${'x'.repeat(2_200_000)}\n`);
    expectErrorBody(res.json(), 413, 'E_PAYLOAD_TOO_LARGE');
  });
});
