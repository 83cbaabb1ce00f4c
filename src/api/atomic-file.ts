// Durable file writes: a temporary file beside the target, flushed, then renamed (or
// linked) into place, so that a crash at any moment leaves the old file or the new one
// whole, never a mix. Imports nothing of the project, so that the crash test can run
// it in a bare child process.
import { randomBytes } from 'node:crypto';
import {
  closeSync, copyFileSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync,
  renameSync, statSync, unlinkSync, writeSync,
} from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

/** Versions kept per file in a history folder, oldest dropped first. */
export const DEFAULT_KEEP_VERSIONS = 50;

/**
 * A temporary file older than this is stale whoever wrote it: it guards against a
 * dead writer's process id being reused by a live process.
 */
const STALE_AFTER_MS = 10 * 60_000;

export interface ReplaceOptions {
  /** Keep the version being replaced in this folder as `<stem>.<time><ext>`. */
  historyDir?: string;
  keepVersions?: number;
}

export interface Replaced {
  created: boolean;
  /** The kept copy of the version replaced; null for a new file or without history. */
  previous: string | null;
}

/**
 * Replaces `path` with `text` in one step, keeping the old version when asked.
 * Callers in one process serialise writes of one path (see withFileLock).
 * @example replaceFile('scenarios/a.yaml', yaml, { historyDir: 'scenarios/.history' })
 */
export function replaceFile(path: string, text: string, options: ReplaceOptions = {}): Replaced {
  return commitTemp(writeTempBeside(path, text), path, options);
}

/**
 * Writes `text` to a new temporary file in `path`'s folder, flushed to disk, and
 * returns its path. Temporary files that earlier writers of `path` left behind
 * (a process killed mid-write) are removed first.
 */
export function writeTempBeside(path: string, text: string): string {
  removeStaleTemps(path);
  const temp = tempNameFor(path);
  writeFlushed(temp, text);
  return temp;
}

/** Renames a flushed temporary file over `path`, after keeping the old version. */
export function commitTemp(temp: string, path: string, options: ReplaceOptions = {}): Replaced {
  try {
    const created = !existsSync(path);
    const previous = !created && options.historyDir
      ? keepVersion(path, options.historyDir) : null;
    // rename(2) replaces the target atomically: readers, and other processes saving
    // the same file, see the old inode or the new one.
    renameSync(temp, path);
    syncDir(dirname(path));
    if (previous && options.historyDir) {
      pruneVersions(path, options.historyDir, options.keepVersions ?? DEFAULT_KEEP_VERSIONS);
    }
    return { created, previous };
  } catch (err) {
    removeQuietly(temp);
    throw err;
  }
}

/**
 * Creates `path` with `text`; throws an error with code EEXIST when it exists, even
 * when another process creates it at the same moment (link(2) never replaces).
 */
export function createFile(path: string, text: string): void {
  const temp = writeTempBeside(path, text);
  try {
    linkSync(temp, path);
    syncDir(dirname(path));
  } finally {
    removeQuietly(temp);
  }
}

/**
 * Removes the temporary files in `path`'s folder whose writer is gone or which are too
 * old: of `path`, and of any other file there, since a writer killed mid-import leaves
 * one under a name that may never be written again.
 */
export function removeStaleTemps(path: string): number {
  const dir = dirname(path);
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m) continue;
    const file = join(dir, name);
    if (isAlive(Number(m[1])) && !isOld(file)) continue;
    if (removeQuietly(file)) removed++;
  }
  return removed;
}

/** The temporary files of `path` now in its folder (for tests and diagnostics). */
export function listTemps(path: string): string[] {
  const prefix = `.${basename(path)}.`;
  return readdirSync(dirname(path)).filter((n) => n.startsWith(prefix) && n.endsWith('.tmp'));
}

// --- helpers ----------------------------------------------------------------------

/** What tempNameFor makes: `.<name>.<pid>.<12 hex digits>.tmp`; the pid is caught. */
const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$/;

/** `.<name>.<pid>.<random>.tmp`: hidden, and the pid tells whether its writer lives. */
function tempNameFor(path: string): string {
  const suffix = `${process.pid}.${randomBytes(6).toString('hex')}`;
  return join(dirname(path), `.${basename(path)}.${suffix}.tmp`);
}

function writeFlushed(path: string, text: string): void {
  const data = Buffer.from(text, 'utf8');
  const fd = openSync(path, 'wx', 0o644);
  try {
    // writeSync may write less than asked; loop until the whole buffer is down.
    for (let at = 0; at < data.length;) at += writeSync(fd, data, at, data.length - at);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    removeQuietly(path);
    throw err;
  }
  closeSync(fd);
}

/**
 * Copies the current version into the history folder under a new name. A copy, not a
 * hard link: an editor that rewrites the live file in place must not change history.
 */
function keepVersion(path: string, historyDir: string): string {
  mkdirSync(historyDir, { recursive: true });
  const ext = extname(path);
  const stem = basename(path, ext);
  const temp = tempNameFor(join(historyDir, basename(path)));
  removeStaleTemps(join(historyDir, basename(path)));
  copyFileSync(path, temp);
  flushFile(temp);
  try {
    // link() fails on an existing name, so two processes in one millisecond both keep
    // theirs: the second takes the next counter.
    for (let n = 0; ; n++) {
      const name = `${stem}.${timestamp()}${n === 0 ? '' : `-${n}`}${ext}`;
      try {
        linkSync(temp, join(historyDir, name));
        syncDir(historyDir);
        return join(historyDir, name);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || n > 1000) throw err;
      }
    }
  } finally {
    removeQuietly(temp);
  }
}

/** Drops the oldest kept versions of `path` beyond `keep`. */
function pruneVersions(path: string, historyDir: string, keep: number): void {
  const ext = extname(path);
  const stem = basename(path, ext);
  const pattern = new RegExp(`^${escapeRegExp(stem)}\\.(\\d{8}T\\d{9})(?:-(\\d+))?` +
    `${escapeRegExp(ext)}$`);
  const versions = readdirSync(historyDir).flatMap((name) => {
    const m = pattern.exec(name);
    return m ? [{ name, stamp: m[1], n: Number(m[2] ?? 0) }] : [];
  });
  versions.sort((a, b) => a.stamp.localeCompare(b.stamp) || a.n - b.n);
  for (const v of versions.slice(0, Math.max(0, versions.length - keep))) {
    removeQuietly(join(historyDir, v.name));
  }
}

function flushFile(path: string, flags = 'r+'): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function syncDir(dir: string): void {
  // A rename is durable once its folder is flushed; some file systems refuse, harmlessly.
  try {
    flushFile(dir, 'r');
  } catch {
    /* not supported here */
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isOld(file: string): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs > STALE_AFTER_MS;
  } catch {
    return false;
  }
}

function removeQuietly(file: string): boolean {
  try {
    unlinkSync(file);
    return true;
  } catch {
    return false;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `20240131T120102345`: UTC to the millisecond, sortable as text. */
function timestamp(): string {
  return new Date().toISOString().replace(/[-:]/g, '').replace('.', '').replace('Z', '');
}
