// One writer at a time per file in this process: work on one path waits for the work
// before it, whatever that work's outcome; work on other paths runs freely.
import { resolve } from 'node:path';

/** The last queued work per path; it never rejects, so that a failure frees the lock. */
const tails = new Map<string, Promise<unknown>>();

/**
 * Runs `work` once every earlier work on `path` has settled.
 * @example await withFileLock(file, () => replaceFile(file, text))
 */
export function withFileLock<T>(path: string, work: () => T | Promise<T>): Promise<T> {
  const key = resolve(path);
  const before = tails.get(key) ?? Promise.resolve();
  const run = before.then(() => work());
  const tail = run.then(() => undefined, () => undefined);
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return run;
}

/** Paths with work queued or running (for tests). */
export function lockedPaths(): number {
  return tails.size;
}
