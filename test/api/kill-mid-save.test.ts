// Nothing lost: a child saving large scenarios, imported topologies and runs is killed
// with SIGKILL at seeded moments spread over each save, and every file is then whole.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTemps } from '../../src/api/atomic-file.ts';
import { saveImportedTopology } from '../../src/api/import-topology.ts';
import {
  checkScenarioDraft, HISTORY_DIR, saveScenario, type ScenarioCheck,
} from '../../src/api/save-scenario.ts';
import { Workspace } from '../../src/api/workspace.ts';
import { testServer } from './helpers.ts';
import {
  median, numbersOf, type SaveChild, seededRandom, sleep, startSaveChild, stepTimes,
} from '../helpers/kill-child.ts';
import {
  BIG_SCENARIO_ID, scenarioVersion, topologyId, topologyVersion,
} from '../helpers/save-versions.ts';

const SEED = 0x5eed8;
const SCENARIO_KILLS = 30;
const TOPOLOGY_KILLS = 12;
/** A kill lands this far past the step's usual length at most, so some land after it. */
const OVERSHOOT = 1.25;
/** A bound against a hang only: each kill costs a child's start, about a second. */
const KILLS_TIMEOUT_MS = 240_000;
const VERSION_FILE = /^big-edit\.(\d{8}T\d{9})(?:-(\d+))?\.yaml$/;
const IMPORT_TEMP = /^\.imported-\d+\.yaml\.\d+\.[0-9a-f]{12}\.tmp$/;
const tempOf = (name: string) =>
  new RegExp(`^\\.${name.replace(/[.-]/g, '\\$&')}\\.\\d+\\.[0-9a-f]{12}\\.tmp$`);

let dir: string;
let workspace: Workspace;
let scenariosDir: string;
let topologiesDir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'netsim-kill-'));
  scenariosDir = join(dir, 'scenarios');
  topologiesDir = join(dir, 'topology');
  cpSync('scenarios', scenariosDir, { recursive: true });
  cpSync('topology', topologiesDir, { recursive: true });
  workspace = new Workspace({ scenariosDir, topologiesDir });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const digest = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const scenarioDigests = new Map<number, string>();

/** The version a scenario file holds byte for byte, or null when it is no whole version. */
function scenarioVersionIn(file: string): number | null {
  const bytes = readFileSync(file);
  const m = /^# Crash-test scenario, version (\d+)\.\n/.exec(bytes.subarray(0, 64).toString());
  if (!m) return null;
  const n = Number(m[1]);
  if (!scenarioDigests.has(n)) scenarioDigests.set(n, digest(scenarioVersion(n)));
  return scenarioDigests.get(n) === digest(bytes) ? n : null;
}

/**
 * The versions kept in history, oldest first (by time, then the counter that tells
 * apart two in one millisecond); fails on anything there that is no version or temp.
 */
function keptVersions(root = scenariosDir): number[] {
  const historyDir = join(root, HISTORY_DIR);
  if (!existsSync(historyDir)) return [];
  const kept: { n: number; stamp: string; counter: number }[] = [];
  for (const name of readdirSync(historyDir)) {
    if (name.startsWith(`${BIG_SCENARIO_ID}.`)) {
      const m = VERSION_FILE.exec(name);
      expect(m, `${name} is not named as a kept version`).not.toBeNull();
      const n = scenarioVersionIn(join(historyDir, name));
      expect(n, `${name} is not one whole version`).not.toBeNull();
      kept.push({ n: n!, stamp: m![1], counter: Number(m![2] ?? 0) });
    } else if (name.includes(BIG_SCENARIO_ID)) {
      expect(name).toMatch(tempOf(`${BIG_SCENARIO_ID}.yaml`));
    }
  }
  kept.sort((a, b) => a.stamp.localeCompare(b.stamp) || a.counter - b.counter);
  return kept.map((k) => k.n);
}

async function killed(child: SaveChild): Promise<void> {
  const end = await child.kill();
  if (end.signal !== 'SIGKILL' && end.code !== 0) {
    throw new Error(`save-loop failed (${end.code}):\n${end.stderr}`);
  }
}

const last = (values: number[], otherwise: number) =>
  values.length === 0 ? otherwise : Math.max(...values);

describe('a scenario save killed at any moment', () => {
  it('leaves the file whole, old or new, and every kept version whole', async () => {
    const rng = seededRandom(SEED);
    const path = join(scenariosDir, `${BIG_SCENARIO_ID}.yaml`);
    const listed = [...workspace.list('scenario').map((f) => f.id), BIG_SCENARIO_ID].sort();

    // Three whole saves first, to time the steps: temp write, validation, commit.
    const warm = startSaveChild('scenario', dir, 1, 3);
    expect((await warm.ended()).code).toBe(0);
    const stepMs = {
      saving: median(stepTimes(warm, 'saving', 'checking')),
      checking: median(stepTimes(warm, 'checking', 'checked')),
      checked: median(stepTimes(warm, 'checked', 'saved')),
    };
    expect(scenarioVersionIn(path)).toBe(3);

    let current = 3;
    let next = 4;
    let midSave = 0;
    const marks = ['saving', 'checking', 'checked'] as const;
    for (let k = 0; k < SCENARIO_KILLS; k++) {
      // Kill in the first or second save of this child, somewhere in one step of it.
      const mark = marks[k % marks.length];
      const target = next + Math.floor(rng() * 2);
      const delayMs = rng() * stepMs[mark] * OVERSHOOT;
      const child = startSaveChild('scenario', dir, next, 2);
      await child.waitFor(`${mark} ${target}`);
      await sleep(delayMs);
      await killed(child);

      const started = last(numbersOf(child, 'saving'), current);
      const confirmed = numbersOf(child, 'saved');
      const saved = last(confirmed, current);
      const where = `kill ${k} (seed ${SEED}): ${mark} ${target} + ${delayMs.toFixed(1)} ms`;
      const found = scenarioVersionIn(path);
      expect(started > saved ? [saved, started] : [saved], where).toContain(found);
      if (started > saved) midSave++;

      // The listing shows the scenarios and no temporary file.
      expect(workspace.list('scenario').map((f) => f.id).sort(), where).toEqual(listed);
      for (const name of readdirSync(scenariosDir)) {
        if (name.endsWith('.yaml') || name === HISTORY_DIR) continue;
        expect(name, where).toMatch(tempOf(`${BIG_SCENARIO_ID}.yaml`));
      }
      expect(workspace.parseScenarioFile(workspace.find('scenario', BIG_SCENARIO_ID))
        .scenario?.name).toBe(`Big edit ${found}`);

      // Each confirmed save kept the version it replaced, whole.
      const kept = keptVersions();
      expect(kept.every((n) => n <= started), where).toBe(true);
      const replaced = confirmed.map((n, i) => (i === 0 ? current : confirmed[i - 1]));
      for (const n of replaced) expect(kept, where).toContain(n);

      current = found!;
      next = started + 1;
    }
    // Most kills must have met a save under way, or the test proved little.
    expect(midSave).toBeGreaterThanOrEqual(SCENARIO_KILLS / 4);

    // The next save sweeps away what the killed writers left.
    await saveScenario(workspace, BIG_SCENARIO_ID, scenarioVersion(next));
    expect(scenarioVersionIn(path)).toBe(next);
    expect(listTemps(path)).toEqual([]);
    expect(listTemps(join(scenariosDir, HISTORY_DIR, `${BIG_SCENARIO_ID}.yaml`))).toEqual([]);
    expect(keptVersions()).toContain(current);
  }, KILLS_TIMEOUT_MS);
});

describe('a topology import killed at any moment', () => {
  it('leaves each imported file whole or absent, and lists no temporary file', async () => {
    const rng = seededRandom(SEED + 1);
    const base = workspace.list('topology').map((f) => f.id);
    const warm = startSaveChild('topology', dir, 1, 3);
    expect((await warm.ended()).code).toBe(0);
    const saveMs = median(stepTimes(warm, 'saving', 'saved'));
    const present = new Set([1, 2, 3]);

    let next = 4;
    let midSave = 0;
    for (let k = 0; k < TOPOLOGY_KILLS; k++) {
      const target = next + Math.floor(rng() * 3);
      const delayMs = rng() * saveMs * OVERSHOOT;
      const child = startSaveChild('topology', dir, next, 3);
      await child.waitFor(`saving ${target}`);
      await sleep(delayMs);
      await killed(child);

      const where = `kill ${k} (seed ${SEED + 1}): saving ${target} + ${delayMs.toFixed(1)} ms`;
      const started = last(numbersOf(child, 'saving'), next - 1);
      for (const n of numbersOf(child, 'saved')) present.add(n);
      const file = join(topologiesDir, `${topologyId(started)}.yaml`);
      if (!present.has(started)) {
        midSave++;
        if (existsSync(file)) present.add(started);
      }
      for (const n of present) {
        const text = readFileSync(join(topologiesDir, `${topologyId(n)}.yaml`), 'utf8');
        expect(text === topologyVersion(n), `${where}: ${topologyId(n)} whole`).toBe(true);
      }
      const ids = [...base, ...[...present].map(topologyId)].sort();
      expect(workspace.list('topology').map((f) => f.id).sort(), where).toEqual(ids);
      for (const name of readdirSync(topologiesDir)) {
        if (!name.endsWith('.yaml')) expect(name, where).toMatch(IMPORT_TEMP);
      }
      next = started + 1;
    }
    expect(midSave).toBeGreaterThanOrEqual(TOPOLOGY_KILLS / 4);

    // The next import sweeps away the temporary files of every killed one, whatever
    // name each was writing (those names are never written again).
    await saveImportedTopology(workspace, topologyId(next), topologyVersion(next));
    expect(readdirSync(topologiesDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, KILLS_TIMEOUT_MS);
});

describe('concurrent saves of one scenario', () => {
  it('commit one at a time in the order called, though their checks end in any order',
    async () => {
      const root = join(dir, 'concurrent');
      cpSync('scenarios', join(root, 'scenarios'), { recursive: true });
      cpSync('topology', join(root, 'topology'), { recursive: true });
      const space = new Workspace({
        scenariosDir: join(root, 'scenarios'), topologiesDir: join(root, 'topology'),
      });
      // The real check, then a wait of its own length, as on a worker under load.
      const rng = seededRandom(SEED + 2);
      const check: ScenarioCheck = async (draft) => {
        checkScenarioDraft(space, draft);
        await sleep(rng() * 50);
      };
      const versions = Array.from({ length: 20 }, (_, i) => 2000 + i);
      const saved = await Promise.all(versions.map((n) =>
        saveScenario(space, BIG_SCENARIO_ID, scenarioVersion(n), check)));
      expect(saved.map((s) => s.created)).toEqual(versions.map((_, i) => i === 0));

      // Each save kept the one before it, whole, and the last called is in place.
      const path = join(space.dirs.scenariosDir, `${BIG_SCENARIO_ID}.yaml`);
      expect(scenarioVersionIn(path)).toBe(versions[19]);
      expect(keptVersions(space.dirs.scenariosDir)).toEqual(versions.slice(0, 19));
    }, KILLS_TIMEOUT_MS);

  it('through the API: the file is one saved text and each kept version another', async () => {
    const server = await testServer({ copy: true });
    try {
      const root = server.dirs.scenariosDir;
      const versions = Array.from({ length: 20 }, (_, i) => 1000 + i);
      const answers = await Promise.all(versions.map((n) => server.app.inject({
        method: 'PUT', url: `/api/scenarios/${BIG_SCENARIO_ID}`,
        payload: { yaml: scenarioVersion(n) },
      })));
      // Admission control may refuse some with 503 or 429; those must write nothing.
      const codes = answers.map((a) => a.statusCode);
      expect(codes.every((c) => [200, 201, 429, 503].includes(c)), `${codes}`).toBe(true);
      expect(codes.filter((c) => c === 201)).toEqual([201]);
      const accepted = versions.filter((_, i) => codes[i] < 300);

      // One whole version in place, and every other accepted one kept once: two saves
      // that overlapped would keep one version twice and lose another.
      const final = scenarioVersionIn(join(root, `${BIG_SCENARIO_ID}.yaml`));
      expect(accepted).toContain(final);
      const kept = keptVersions(root);
      expect([...kept, final].sort()).toEqual([...accepted].sort());
    } finally {
      await server.close();
    }
  });
});
