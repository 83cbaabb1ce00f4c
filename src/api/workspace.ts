// The API's file edge: scenario and topology ids to files inside their own folders,
// listings, and raw reads. Ids are checked by a strict pattern and never leave the folder.
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../model/errors.ts';
import { looksLikeScenario, validateScenario } from '../model/load-scenario.ts';
import { PROJECT_ROOT } from '../model/read-input.ts';
import type { Scenario } from '../model/scenario-schema.ts';
import { parseYamlText } from '../model/yaml-text.ts';
import { notFound } from './api-error.ts';

/** Scenario and topology ids: a file name without its `.yaml`, no dots, no slashes. */
export const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** Where the API reads and writes its YAML files. */
export interface WorkspaceDirs {
  scenariosDir: string;
  topologiesDir: string;
}

/** The project's own scenarios/ and topology/ folders. */
export const DEFAULT_DIRS: WorkspaceDirs = {
  scenariosDir: resolve(PROJECT_ROOT, 'scenarios'),
  topologiesDir: resolve(PROJECT_ROOT, 'topology'),
};

export type FileKind = 'scenario' | 'topology';

/** A YAML file of the workspace with what its first parse tells. */
export interface WorkspaceFile {
  id: string;
  kind: FileKind;
  path: string;
  /** The path as shown to users: relative to the working folder when inside it. */
  file: string;
  mtimeMs: number;
}

/** Ids, files and raw reads for one pair of scenario and topology folders. */
export class Workspace {
  readonly dirs: WorkspaceDirs;

  constructor(dirs: WorkspaceDirs = DEFAULT_DIRS) {
    this.dirs = {
      scenariosDir: resolve(dirs.scenariosDir), topologiesDir: resolve(dirs.topologiesDir),
    };
  }

  /** The folder of a kind of file. */
  dirOf(kind: FileKind): string {
    return kind === 'scenario' ? this.dirs.scenariosDir : this.dirs.topologiesDir;
  }

  /**
   * The path of `<id>.yaml` in the kind's folder, whether or not it exists. Refuses an
   * id outside the pattern, and a file that resolves (through links) outside the folder.
   */
  pathOf(kind: FileKind, id: string): string {
    if (!SAFE_ID.test(id)) throw notFound(kind, id);
    const dir = this.dirOf(kind);
    const path = join(dir, `${id}.yaml`);
    let real: string;
    try {
      real = realpathSync(path);
    } catch {
      return path;
    }
    if (!isInside(realpathSync(dir), real)) throw notFound(kind, id);
    return path;
  }

  /** The file of an existing scenario or topology; 404 when there is none. */
  find(kind: FileKind, id: string): WorkspaceFile {
    const path = this.pathOf(kind, id);
    let mtimeMs: number;
    try {
      const info = statSync(path);
      if (!info.isFile()) throw new Error('not a file');
      mtimeMs = info.mtimeMs;
    } catch {
      throw notFound(kind, id);
    }
    return { id, kind, path, file: displayName(path), mtimeMs };
  }

  /** Every `<id>.yaml` in the kind's folder, sorted by id. */
  list(kind: FileKind): WorkspaceFile[] {
    let names: string[];
    try {
      names = readdirSync(this.dirOf(kind));
    } catch {
      return [];
    }
    const out: WorkspaceFile[] = [];
    for (const name of names.sort()) {
      const id = name.replace(/\.yaml$/, '');
      if (id === name || !SAFE_ID.test(id)) continue;
      try {
        out.push(this.find(kind, id));
      } catch {
        // A dangling link or a path that leads outside the folder: not listed.
      }
    }
    return out;
  }

  /** The file's text. */
  readText(file: WorkspaceFile): string {
    return readFileSync(file.path, 'utf8');
  }

  /**
   * A change stamp over both folders: any edit, addition or removal of a YAML file
   * changes it, so that caches keyed on it never serve a stale network.
   */
  stamp(): string {
    const parts: string[] = [];
    for (const kind of ['scenario', 'topology'] as const) {
      for (const f of this.list(kind)) parts.push(`${kind}:${f.id}:${f.mtimeMs}`);
    }
    return parts.join('|');
  }

  /** A scenario file parsed on its own (no `extends` followed); null data if refused. */
  parseScenarioFile(file: WorkspaceFile): { scenario: Scenario | null; error: InputError | null } {
    try {
      const data = parseYamlText(this.readText(file), file.file);
      return { scenario: validateScenario(data, file.file), error: null };
    } catch (err) {
      if (err instanceof InputError) return { scenario: null, error: err };
      throw err;
    }
  }

  /** Whether a topology-folder file holds a topology (not an application catalogue). */
  isTopologyFile(file: WorkspaceFile): boolean {
    try {
      const data = parseYamlText(this.readText(file), file.file);
      return data !== null && typeof data === 'object' && 'sites' in data &&
        !looksLikeScenario(data);
    } catch {
      // A broken file is still listed, so that the page can say what is wrong with it.
      return true;
    }
  }

  /** The id of a file when it lies in the kind's folder, else null. */
  idOfPath(kind: FileKind, path: string): string | null {
    const abs = resolve(path);
    const rel = relative(this.dirOf(kind), abs);
    if (rel.includes(sep) || rel.startsWith('..') || !rel.endsWith('.yaml')) return null;
    const id = rel.slice(0, -'.yaml'.length);
    return SAFE_ID.test(id) ? id : null;
  }
}

/** Whether `path` lies strictly inside `dir`. */
export function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !isAbsolute(rel) && rel.split(sep)[0] !== '..';
}

/** The same rule loadInput uses for file names in results and errors. */
function displayName(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}
