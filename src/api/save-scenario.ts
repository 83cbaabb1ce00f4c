// Saves a scenario edited in the page: validated whole first, written to a temporary
// file and renamed over the old one, the old one kept in `.history/`. Saves of one
// scenario run one at a time.
import { readFileSync, unlinkSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError, InputErrorCode, type InputIssue } from '../model/errors.ts';
import { looksLikeScenario, validateScenario } from '../model/load-scenario.ts';
import { loadInput } from '../model/read-input.ts';
import { parseYamlText } from '../model/yaml-text.ts';
import { commitTemp, writeTempBeside } from './atomic-file.ts';
import { withFileLock } from './file-lock.ts';
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

/** What a check is given: the text under a temporary name beside its final place. */
export interface ScenarioDraft {
  temp: string;
  path: string;
  name: string;
}

/** Validates a draft in full, throwing its InputError; the server runs it on a worker. */
export type ScenarioCheck = (draft: ScenarioDraft) => void | Promise<void>;

/**
 * Validates `yaml` as scenario `id` (syntax, schema, the topology and `extends` it names,
 * every year of its roadmap) and saves it. Nothing is written when it is refused.
 */
export function saveScenario(
  workspace: Workspace, id: string, yaml: string,
  check: ScenarioCheck = (draft) => checkScenarioDraft(workspace, draft),
): Promise<SavedScenario> {
  const path = workspace.pathOf('scenario', id);
  return withFileLock(path, () => saveNow(workspace, id, path, yaml, check));
}

/**
 * Parses and validates the draft, checks where its `topology` and `extends` lead, and
 * loads it in every year it names, as `netsim simulate` would. Errors name the file as
 * the user does, not by its temporary name.
 */
export function checkScenarioDraft(workspace: Workspace, draft: ScenarioDraft): void {
  const { temp, path, name } = draft;
  const data = parseYamlText(readFileSync(temp, 'utf8'), name);
  const scenario = validateScenario(checkIsScenario(data, name), name);
  checkPaths(workspace, path, name, scenario.topology, scenario.extends);
  const years = [scenario.year, ...scenario.events.map((e) => e.year)]
    .filter((y): y is number => y !== undefined);
  for (const year of new Set([undefined, ...years])) {
    try {
      loadInput(temp, { year });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      throw new InputError(err.code, err.file.replace(basename(temp), name), err.issues);
    }
  }
}

async function saveNow(
  workspace: Workspace, id: string, path: string, yaml: string, check: ScenarioCheck,
): Promise<SavedScenario> {
  const name = `${id}.yaml`;
  // Validate the file where it will live, so that relative paths resolve as they will.
  const temp = writeTempBeside(path, yaml);
  let committed = false;
  try {
    await check({ temp, path, name });
    const historyDir = join(workspace.dirs.scenariosDir, HISTORY_DIR);
    const saved = commitTemp(temp, path, { historyDir });
    committed = true;
    const previous = saved.previous === null ? null : join(HISTORY_DIR, basename(saved.previous));
    return { id, file: name, created: saved.created, previous };
  } finally {
    if (!committed) removeTemp(temp);
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

function removeTemp(temp: string): void {
  try {
    unlinkSync(temp);
  } catch {
    // commitTemp removes it itself when the rename fails.
  }
}
