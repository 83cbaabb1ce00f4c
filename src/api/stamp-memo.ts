// A value computed from the workspace's files, kept until one of them changes.
import type { Workspace } from './workspace.ts';

/**
 * Wraps `compute` so that it runs again only when the workspace's change stamp moves:
 * the listings parse every file, and the page asks for them on every load.
 * @example const listScenarios = memoOnStamp(workspace, () => summariseAll());
 */
export function memoOnStamp<T>(workspace: Workspace, compute: () => T): () => T {
  let stamp: string | null = null;
  let value: T;
  return () => {
    const now = workspace.stamp();
    if (now !== stamp) {
      value = compute();
      stamp = now;
    }
    return value;
  };
}
