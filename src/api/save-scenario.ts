// Saves a scenario edited in the page: validated whole first, written to a temporary
// file and renamed over the old one, the old one kept in `.history/`. Saves of one
// scenario run one at a time.
import { randomBytes } from 'node:crypto';
import {
  closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync,
  unlinkSync, writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError, InputErrorCode, type InputIssue } from '../model/errors.ts';
import { looksLikeScenario, validateScenario } from '../model/load-scenario.ts';
import { loadInput } from '../model/read-input.ts';
import { parseYamlText } from '../model/yaml-text.ts';
import { isInside, type Workspace } from './workspace.ts';

/** Where previous versions go, inside the scenarios folder. */
export const HISTORY_DIR = '.history';

export interface SavedScenario {
  id: string;
  file: string;
  created: boolean;
  /** The previous version's copy, relative to the scenarios folder; null for a new file. */
  previous: string | null;
}

const queues = new Map<string, Promise<unknown>>();

/**
 * Validates `yaml` as scenario `id` (syntax, schema, the topology and `extends` it names,
 * every year of its roadmap) and saves it. Nothing is written when it is refused.
 */
export function saveScenario(
  workspace: Workspace, id: string, yaml: string,
): Promise<SavedScenario> {
  const path = workspace.pathOf('scenario', id);
  const run = (queues.get(path) ?? Promise.resolve())
    .catch(() => undefined)
    .then(() => saveNow(workspace, id, path, yaml));
  queues.set(path, run);
  void run.finally(() => {
    if (queues.get(path) === run) queues.delete(path);
  }).catch(() => undefined);
  return run;
}

function saveNow(workspace: Workspace, id: string, path: string, yaml: string): SavedScenario {
  const name = `${id}.yaml`;
  const dir = workspace.dirs.scenariosDir;
  const scenario = validateScenario(checkIsScenario(parseYamlText(yaml, name), name), name);
  checkPaths(workspace, path, name, scenario.topology, scenario.extends);

  // Validate the file where it will live, so that relative paths resolve as they will.
  const temp = join(dir, `.${id}.yaml.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  writeDurably(temp, yaml);
  try {
    const years = [scenario.year, ...scenario.events.map((e) => e.year)]
      .filter((y): y is number => y !== undefined);
    for (const year of new Set([undefined, ...years])) loadAs(temp, name, year);

    const created = !existsSync(path);
    let previous: string | null = null;
    if (!created) {
      const historyDir = join(dir, HISTORY_DIR);
      mkdirSync(historyDir, { recursive: true });
      previous = join(HISTORY_DIR, `${id}.${timestamp()}.yaml`);
      copyFileSync(path, join(dir, previous));
    }
    renameSync(temp, path);
    syncDir(dir);
    return { id, file: name, created, previous };
  } catch (err) {
    if (existsSync(temp)) unlinkSync(temp);
    throw err;
  }
}

function checkIsScenario(data: unknown, name: string): unknown {
  if (data !== null && typeof data === 'object' && 'sites' in data && !looksLikeScenario(data)) {
    throw new InputError(InputErrorCode.schema, name, [{
      code: 'not_a_scenario', path: '',
      message: 'expected a scenario (with "topology" or "extends"), got a topology',
    }]);
  }
  return data;
}

/**
 * The scenario's `topology` must lie in the topology or scenarios folder and its
 * `extends` in the scenarios folder, never elsewhere on the server; and the chain it
 * extends must not lead back to the file being saved.
 */
function checkPaths(
  workspace: Workspace, path: string, name: string, topology?: string, extendsPath?: string,
): void {
  const { scenariosDir, topologiesDir } = workspace.dirs;
  const issues: InputIssue[] = [];
  if (topology !== undefined) {
    const to = resolve(scenariosDir, topology);
    if (!isInside(topologiesDir, to) && !isInside(scenariosDir, to)) {
      issues.push({
        code: 'outside_workspace', path: 'topology', received: topology,
        message: `expected a file in the topology folder, got "${topology}"`,
      });
    }
  }
  if (extendsPath !== undefined) {
    const to = resolve(scenariosDir, extendsPath);
    if (!isInside(scenariosDir, to)) {
      issues.push({
        code: 'outside_workspace', path: 'extends', received: extendsPath,
        message: `expected a file in the scenarios folder, got "${extendsPath}"`,
      });
    } else if (leadsBack(to, path)) {
      issues.push({
        code: 'extends_cycle', path: 'extends', received: extendsPath,
        message: `"${extendsPath}" leads back to ${name} itself`,
      });
    }
  }
  if (issues.length > 0) throw new InputError(InputErrorCode.reference, name, issues);
}

/** Follows `extends` from `start`; true when the chain reaches `target`. */
function leadsBack(start: string, target: string): boolean {
  const seen = new Set<string>();
  let at: string | undefined = start;
  while (at !== undefined && !seen.has(at)) {
    if (at === target) return true;
    seen.add(at);
    try {
      const data = parseYamlText(readFileSync(at, 'utf8'), at) as { extends?: unknown };
      at = typeof data?.extends === 'string' ? resolve(dirname(at), data.extends) : undefined;
    } catch {
      // A broken link of the chain is reported by the full load that follows.
      return false;
    }
  }
  return false;
}

function loadAs(temp: string, name: string, year: number | undefined): void {
  try {
    loadInput(temp, { year });
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    // Errors of the file itself name it as the user does, not by its temporary name.
    const file = err.file.replace(basename(temp), name);
    throw new InputError(err.code, file, err.issues);
  }
}

function writeDurably(path: string, text: string): void {
  const fd = openSync(path, 'wx', 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function syncDir(dir: string): void {
  // A rename is durable once its folder is flushed; some file systems refuse, harmlessly.
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* not supported here */
  }
}

/** `20240131T120102345` plus a counter, so that two saves in one millisecond differ. */
let lastStamp = '';
let sameStampCount = 0;
function timestamp(): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('.', '').replace('Z', '');
  sameStampCount = stamp === lastStamp ? sameStampCount + 1 : 0;
  lastStamp = stamp;
  return sameStampCount === 0 ? stamp : `${stamp}-${sameStampCount}`;
}
