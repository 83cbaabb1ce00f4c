// A thread of the task pool: its own workspace and cache of loaded networks, one task
// at a time, each answered with its output or its error as data.
import { parentPort, workerData } from 'node:worker_threads';
import { WorkLoader } from './load-work.ts';
import { runTask, type Task, type TaskOutputs } from './work-tasks.ts';
import { toWire, type WireError } from './worker-errors.ts';
import { Workspace, type WorkspaceDirs } from './workspace.ts';

export interface TaskWorkerData {
  dirs: WorkspaceDirs;
}

/** What the pool sends: one task under the id its answer carries back. */
export interface TaskMessage {
  id: number;
  task: Task;
}

export type TaskWorkerMessage =
  | { type: 'ready' }
  | { type: 'done'; id: number; ok: true; output: TaskOutputs[keyof TaskOutputs] }
  | { type: 'done'; id: number; ok: false; error: WireError };

const { dirs } = workerData as TaskWorkerData;
const workspace = new Workspace(dirs);
const ctx = { workspace, loader: new WorkLoader(workspace) };
const port = parentPort!;
const post = (message: TaskWorkerMessage) => port.postMessage(message);

port.on('message', ({ id, task }: TaskMessage) => {
  try {
    post({ type: 'done', id, ok: true, output: runTask(ctx, task) });
  } catch (err) {
    post({ type: 'done', id, ok: false, error: toWire(err) });
  }
});
post({ type: 'ready' });
