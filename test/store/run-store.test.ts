// The SQLite run history: schema, WAL, round trips, and `netsim simulate --save`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.ts';
import { loadInput } from '../../src/model/read-input.ts';
import { SCHEMA_VERSION } from '../../src/store/migrations.ts';
import { openRunStore } from '../../src/store/run-store.ts';
import { netsim } from '../helpers/cli.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'netsim-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const result = (fail: string[] = []) =>
  simulate(loadInput('scenarios/plan-2023.yaml').network, { fail });

describe('the run store', () => {
  it('creates its file, folder and schema on first open, in WAL mode', () => {
    const file = join(dir, 'nested', 'runs.sqlite');
    const store = openRunStore(file);
    store.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'runs'")
      .get()).toEqual({ name: 'runs' });
    db.close();
  });

  it('round-trips a result with its inputs and time, across a reopen', () => {
    const file = join(dir, 'runs.sqlite');
    const times = ['2024-01-01T08:00:00.000Z', '2024-01-01T09:00:00.000Z'];
    const store = openRunStore(file, { now: () => new Date(times.shift()!) });
    const intact = result();
    const cut = result(['fo-c4']);
    const a = store.save(intact,
      { source: 'api', scenarioId: 'plan-2023', request: { year: 2023 } });
    const b = store.save(cut, { source: 'cli', request: { fail: ['fo-c4'] }, label: 'cut' });
    store.close();

    const again = openRunStore(file);
    expect(again.get(a)!.result).toEqual(intact);
    expect(again.get(b)).toMatchObject({
      id: b, source: 'cli', createdAt: '2024-01-01T09:00:00.000Z', label: 'cut',
      failed: ['fo-c4'], request: { fail: ['fo-c4'] }, totalMbps: cut.demand.totalMbps,
    });
    const listed = again.list();
    expect(listed.total).toBe(2);
    expect(listed.runs.map((r) => r.id)).toEqual([b, a]);
    expect(again.list({ limit: 1, offset: 1 }).runs.map((r) => r.id)).toEqual([a]);
    expect(again.get(999)).toBeUndefined();
    again.close();
  });

  it('runs each migration once, and refuses a file from a newer version', () => {
    const file = join(dir, 'runs.sqlite');
    openRunStore(file).close();
    openRunStore(file).close();
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openRunStore(file)).toThrow(/newer than this program's/);
  });
});

describe('netsim simulate --save', () => {
  it('stores the run in the history NETSIM_DB names, and keeps stdout one JSON object', () => {
    const file = join(dir, 'cli.sqlite');
    const run = netsimWithEnv({ NETSIM_DB: file },
      'simulate', 'scenarios/plan-2023.yaml', '--fail', 'fo-c4', '--save', '--json');
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/saved as run 1 in /);
    const printed = JSON.parse(run.stdout);
    const store = openRunStore(file);
    const saved = store.get(1)!;
    expect(saved).toMatchObject({ source: 'cli', scenarioId: 'plan-2023', failed: ['fo-c4'],
      request: { file: 'scenarios/plan-2023.yaml', year: null, fail: ['fo-c4'] } });
    expect(saved.result).toEqual(printed);
    store.close();
  });
});

function netsimWithEnv(env: Record<string, string>, ...args: string[]) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return netsim(...args);
  } finally {
    process.env = saved;
  }
}
