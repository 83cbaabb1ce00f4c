// The child the crash test kills: saves numbered versions in a loop through the API's
// own save functions, telling each step on stdout (a pipe, written synchronously).
//   tsx test/helpers/save-loop.ts scenario|topology|runs <dir> <first> <count>
// Lines: `ready`, then per version `saving n`, (`checking n`, `checked n`), `saved n`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workspace } from '../../src/api/workspace.ts';
import type { SimulationResult } from '../../src/engine/result.ts';
import {
  BIG_SCENARIO_ID, runLabel, scenarioVersion, topologyId, topologyVersion,
} from './save-versions.ts';

const [mode, dir, firstText, countText] = process.argv.slice(2);
const first = Number(firstText);
const count = Number(countText);
if (!dir || !Number.isInteger(first) || !Number.isInteger(count) || count > 100_000) {
  throw new Error(`save-loop: expected <mode> <dir> <first> <count>, got ${process.argv}`);
}

const say = (line: string) => process.stdout.write(`${line}\n`);
const workspace = new Workspace({
  scenariosDir: join(dir, 'scenarios'), topologiesDir: join(dir, 'topology'),
});

// Each mode loads only what it uses, so that the child is ready soon after it starts.
if (mode === 'scenario') {
  const { checkScenarioDraft, saveScenario } = await import('../../src/api/save-scenario.ts');
  // Texts are built, and the loaders warmed on a small scenario, before `ready`, so
  // that the kill delays cover saving only, at the speed of a server that has run.
  const texts = Array.from({ length: count }, (_, i) => scenarioVersion(first + i));
  const { loadInput } = await import('../../src/model/read-input.ts');
  loadInput(join(dir, 'scenarios', 'plan-2023.yaml'));
  say('ready');
  for (let i = 0; i < count; i++) {
    const n = first + i;
    say(`saving ${n}`);
    await saveScenario(workspace, BIG_SCENARIO_ID, texts[i], (draft) => {
      // The real check, with markers around it: the temp file is written by now.
      say(`checking ${n}`);
      checkScenarioDraft(workspace, draft);
      say(`checked ${n}`);
    });
    say(`saved ${n}`);
  }
} else if (mode === 'topology') {
  const { saveImportedTopology } = await import('../../src/api/import-topology.ts');
  const texts = Array.from({ length: count }, (_, i) => topologyVersion(first + i));
  say('ready');
  for (let i = 0; i < count; i++) {
    const n = first + i;
    say(`saving ${n}`);
    await saveImportedTopology(workspace, topologyId(n), texts[i]);
    say(`saved ${n}`);
  }
} else if (mode === 'runs') {
  const { runFigures } = await import('../../src/store/run-figures.ts');
  const { openRunStore } = await import('../../src/store/run-store.ts');
  // The server's path: a result serialised elsewhere, stored with its figures.
  const resultJson = readFileSync(join(dir, 'result.json'), 'utf8');
  const figures = runFigures(JSON.parse(resultJson) as SimulationResult);
  const store = openRunStore(join(dir, 'runs.sqlite'));
  say('ready');
  for (let i = 0; i < count; i++) {
    const n = first + i;
    const id = store.saveSerialised(figures, resultJson, {
      source: 'api', scenarioId: 'plan-2023', request: { scenario: 'plan-2023', n },
      label: runLabel(n),
    });
    say(`saved ${n} ${id}`);
  }
  store.close();
} else {
  throw new Error(`save-loop: expected mode scenario, topology or runs, got "${mode}"`);
}
