// What every route plugin shares: the workspace, the work loader, the run store and
// the sweeps in flight (cancelled on shutdown).
import type { RunStore } from '../store/run-store.ts';
import type { WorkLoader } from './load-work.ts';
import type { Workspace } from './workspace.ts';

export interface ApiContext {
  workspace: Workspace;
  loader: WorkLoader;
  /** Null when the server runs without a run history. */
  store: RunStore | null;
  /** Aborted when the server closes, so that streams end and the process can exit. */
  inFlight: Set<AbortController>;
}
