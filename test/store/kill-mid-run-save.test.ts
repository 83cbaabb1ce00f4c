// The run store under a crash: WAL mode, and a child killed while it saves runs leaves
// a file that opens, passes SQLite's integrity check and holds every run it confirmed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.ts';
import type { SimulationResult } from '../../src/engine/result.ts';
import { loadInput } from '../../src/model/read-input.ts';
import { openRunStore } from '../../src/store/run-store.ts';
import { seededRandom, sleep, startSaveChild } from '../helpers/kill-child.ts';
import { runLabel } from '../helpers/save-versions.ts';

const SEED = 0x5eed9;
const KILLS = 6;
/** Runs a child may save; it is killed long before, about halfway at most. */
const RUNS_PER_CHILD = 400;
/** A bound against a hang only. */
const KILLS_TIMEOUT_MS = 120_000;

let dir: string;
let result: SimulationResult;
let resultJson: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'netsim-kill-store-'));
  result = simulate(loadInput('scenarios/plan-2023.yaml').network);
  resultJson = JSON.stringify(result);
  writeFileSync(join(dir, 'result.json'), resultJson);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The `saved n id` lines of a child: run n was committed as row id. */
function confirmedRuns(lines: { text: string }[]): Map<number, number> {
  const runs = new Map<number, number>();
  for (const { text } of lines) {
    const [word, n, id] = text.split(' ');
    if (word === 'saved') runs.set(Number(n), Number(id));
  }
  return runs;
}

describe('the run store killed mid-save', () => {
  it('is in WAL mode, and keeps every confirmed run whole across kills', async () => {
    const file = join(dir, 'runs.sqlite');
    const rng = seededRandom(SEED);

    // A whole child first, to time one save.
    const warm = startSaveChild('runs', dir, 1, 100);
    expect((await warm.ended()).code).toBe(0);
    const saves = warm.lines.filter((l) => l.text.startsWith('saved '));
    const saveMs = (saves[saves.length - 1].at - saves[0].at) / (saves.length - 1);

    const confirmed = confirmedRuns(warm.lines);
    // Run n of a round may be committed without its line reaching us: at most one a round.
    const maybe = new Set<number>();
    let next = 101;
    let midRun = 0;
    for (let k = 0; k < KILLS; k++) {
      const child = startSaveChild('runs', dir, next, RUNS_PER_CHILD);
      await child.waitFor('ready');
      await sleep(rng() * saveMs * RUNS_PER_CHILD / 2);
      const end = await child.kill();
      if (end.signal !== 'SIGKILL' && end.code !== 0) {
        throw new Error(`runs child failed (${end.code}):\n${end.stderr}`);
      }
      const round = confirmedRuns(child.lines);
      for (const [n, id] of round) confirmed.set(n, id);
      const lastConfirmed = Math.max(next - 1, ...round.keys());
      maybe.add(lastConfirmed + 1);
      if (round.size < RUNS_PER_CHILD) midRun++;
      next = lastConfirmed + 2;

      const where = `kill ${k} (seed ${SEED})`;
      const store = openRunStore(file);
      expect(store.durability(), where).toEqual({ journalMode: 'wal', synchronous: 'NORMAL' });
      store.close();
      const db = new Database(file, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true }), where).toBe('ok');
      const rows = db.prepare('SELECT id, label, result = ? AS same FROM runs')
        .all(resultJson) as { id: number; label: string; same: number }[];
      db.close();
      const byLabel = new Map(rows.map((r) => [r.label, r]));
      for (const [n, id] of confirmed) {
        expect(byLabel.get(runLabel(n))?.id, `${where}: run ${n}`).toBe(id);
      }
      // Any other row is the one run a killed child committed but could not confirm.
      const unconfirmed = rows.map((r) => Number(/^run (\d+)$/.exec(r.label)?.[1]))
        .filter((n) => !confirmed.has(n));
      expect(unconfirmed.every((n) => maybe.has(n)), `${where}: ${unconfirmed}`).toBe(true);
      expect(rows.every((r) => r.same === 1), `${where}: every result whole`).toBe(true);
      expect(rows.length - confirmed.size, where).toBeLessThanOrEqual(k + 1);
    }
    // The kills must land while the child saves, or the test proved little.
    expect(midRun).toBeGreaterThanOrEqual(KILLS / 2);

    // The newest confirmed run reads back as the result it was given.
    const store = openRunStore(file);
    const newest = Math.max(...confirmed.values());
    expect(store.get(newest)!.result).toEqual(result);
    expect(store.list().total).toBeGreaterThanOrEqual(confirmed.size);
    store.close();
  }, KILLS_TIMEOUT_MS);
});
