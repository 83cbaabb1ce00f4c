// What every route plugin shares: the workspace, the work loader, the run store and the
// way into expensive work (which also ends work in flight on shutdown).
import type { RunStore } from '../store/run-store.ts';
import type { ExpensiveWork } from './expensive-work.ts';
import type { WorkLoader } from './load-work.ts';
import type { Workspace } from './workspace.ts';

export interface ApiContext {
  workspace: Workspace;
  /** The main thread's loader, for the cheap reads (network views, listings). */
  loader: WorkLoader;
  /** Null when the server runs without a run history. */
  store: RunStore | null;
  /** Rate, gates, time limits and threads for the expensive routes. */
  work: ExpensiveWork;
}
