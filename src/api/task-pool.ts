// Runs the API's tasks on a few worker threads, one task per thread at a time, so that
// the event loop only relays. A task whose signal aborts (its time ran out, its client
// went away, the server stops) takes its thread down with it: the thread is ended and a
// fresh one started in its place, since a computation cannot be interrupted otherwise.
import type { Worker } from 'node:worker_threads';
import { bundled, startWorker } from '../worker-bundle.ts';
import { shuttingDown, timedOut } from './api-error.ts';
import type { WorkLoader } from './load-work.ts';
import type { TaskMessage, TaskWorkerData, TaskWorkerMessage } from './task-worker.ts';
import { runTask, type Task, type TaskKind, type TaskOutputs } from './work-tasks.ts';
import { fromWire } from './worker-errors.ts';
import type { Workspace, WorkspaceDirs } from './workspace.ts';

/** How one task may run: its cancel, and its time on a thread. */
export interface RunOptions {
  signal: AbortSignal;
  /** From the moment a ready thread takes the task; then 503 E_TIMEOUT. */
  timeoutMs: number;
  /** The task as the timeout message names it. */
  what: string;
}

/** What the routes hand their tasks to: a pool of threads, or the event loop itself. */
export interface TaskRunner {
  /** The task's output; rejects with the signal's reason when it aborts. */
  run<K extends TaskKind>(task: Task<K>, options: RunOptions): Promise<TaskOutputs[K]>;
  /** Starts the threads before the first task needs them. */
  warm(): void;
  /** Ends every thread; tasks still running or waiting reject. */
  close(): Promise<void>;
}

interface Pending {
  id: number;
  task: Task;
  options: RunOptions;
  resolve: (output: never) => void;
  reject: (err: unknown) => void;
  onAbort: () => void;
  timer: NodeJS.Timeout | null;
}

interface Thread {
  worker: Worker;
  ready: boolean;
  job: Pending | null;
}

const ENTRY = new URL('./task-worker.ts', import.meta.url);

/**
 * A pool of `threads` workers, started as work arrives and kept afterwards. Tasks wait
 * in order of arrival for a thread; how many may wait is the admission gate's business.
 */
export class TaskPool implements TaskRunner {
  private readonly threads: Thread[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly size: number, private readonly dirs: WorkspaceDirs) {
    if (!Number.isInteger(size) || size < 1) {
      throw new RangeError(`TaskPool: expected at least one thread, got ${size}`);
    }
  }

  /** Threads started (booting or ready). */
  get threadCount(): number {
    return this.threads.length;
  }

  run<K extends TaskKind>(task: Task<K>, options: RunOptions): Promise<TaskOutputs[K]> {
    const { signal } = options;
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(shuttingDown());
      if (signal.aborted) return reject(signal.reason);
      const job: Pending = {
        id: this.nextId++, task: task as Task, options, reject,
        resolve: resolve as (output: never) => void,
        onAbort: () => this.abort(job, signal.reason),
        timer: null,
      };
      signal.addEventListener('abort', job.onAbort, { once: true });
      this.queue.push(job);
      this.pump();
    });
  }

  warm(): void {
    // Once the threads' bundle is built, so that they start from it.
    void bundled(ENTRY).then(() => {
      while (!this.closed && this.threads.length < this.size) this.start();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) this.settle(job, null, shuttingDown());
    const ending = this.threads.splice(0).map((thread) => {
      if (thread.job) this.settle(thread.job, null, shuttingDown());
      return thread.worker.terminate();
    });
    await Promise.all(ending);
  }

  /** Hands waiting tasks to idle ready threads, starting threads while some are missing. */
  private pump(): void {
    if (this.closed) return;
    const free = this.threads.filter((t) => t.job === null).length;
    for (let n = free; n < this.queue.length && this.threads.length < this.size; n++) {
      this.start();
    }
    for (const thread of this.threads) {
      if (this.queue.length === 0) break;
      if (!thread.ready || thread.job !== null) continue;
      const job = this.queue.shift()!;
      thread.job = job;
      thread.worker.ref();
      const { timeoutMs, what } = job.options;
      job.timer = setTimeout(() => this.abort(job, timedOut(what, timeoutMs)), timeoutMs);
      thread.worker.postMessage({ id: job.id, task: job.task } satisfies TaskMessage);
    }
  }

  private start(): Thread {
    const data: TaskWorkerData = { dirs: this.dirs };
    const worker = startWorker(ENTRY, { workerData: data });
    // An idle thread does not keep the process alive; a busy one does.
    worker.unref();
    const thread: Thread = { worker, ready: false, job: null };
    this.threads.push(thread);

    worker.on('message', (message: TaskWorkerMessage) => {
      if (message.type === 'ready') {
        thread.ready = true;
      } else if (thread.job?.id === message.id) {
        const job = thread.job;
        thread.job = null;
        worker.unref();
        if (message.ok) this.settle(job, message.output, null);
        else this.settle(job, null, fromWire(message.error));
      }
      this.pump();
    });
    worker.on('error', (err) => this.lose(thread, err));
    worker.on('exit', (code) => {
      this.lose(thread, new Error(`task worker stopped (exit code ${code}) before its answer`));
    });
    return thread;
  }

  /** A thread that died by itself: its task fails, and the next task gets a new thread. */
  private lose(thread: Thread, err: unknown): void {
    const at = this.threads.indexOf(thread);
    if (at < 0) return;
    this.threads.splice(at, 1);
    if (thread.job) this.settle(thread.job, null, err);
    thread.job = null;
    if (!thread.ready) {
      // It died booting: starting another for the same queue would loop. The waiting
      // tasks fail with the cause; a later task tries a fresh thread.
      const cause = err instanceof Error ? err.message : String(err);
      for (const job of this.queue.splice(0)) {
        this.settle(job, null, new Error(`task worker failed to start: ${cause}`));
      }
      return;
    }
    this.pump();
  }

  private abort(job: Pending, reason: unknown): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
    } else {
      const thread = this.threads.find((t) => t.job === job);
      if (thread) {
        // The work cannot be interrupted: end the thread and start its replacement now,
        // so that the next task does not wait for a boot.
        this.threads.splice(this.threads.indexOf(thread), 1);
        thread.job = null;
        void thread.worker.terminate();
        if (!this.closed) this.start();
      }
    }
    this.settle(job, null, reason);
    this.pump();
  }

  private settle(job: Pending, output: unknown, err: unknown): void {
    if (job.timer) clearTimeout(job.timer);
    job.options.signal.removeEventListener('abort', job.onAbort);
    if (err !== null) job.reject(err);
    else job.resolve(output as never);
  }
}

/** Runs tasks on the event loop itself (tests; no thread to stop, so no time limit). */
export class InlineRunner implements TaskRunner {
  constructor(private readonly ctx: { workspace: Workspace; loader: WorkLoader }) {}

  async run<K extends TaskKind>(task: Task<K>, options: RunOptions): Promise<TaskOutputs[K]> {
    if (options.signal.aborted) throw options.signal.reason;
    return runTask(this.ctx, task);
  }

  warm(): void {}

  async close(): Promise<void> {}
}
