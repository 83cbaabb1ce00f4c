// Depth-1 sweeps spread over worker threads and the calling thread. The calling thread
// builds the engine in shared memory and each worker adopts it; every thread claims
// ranges of the sweep's units from one shared counter, so that none waits for another
// to hand it work. The figures do not depend on how many threads share the work.
import type { Worker } from 'node:worker_threads';
import { bundled, startWorker } from '../worker-bundle.ts';
import type { CompiledNetwork } from './compiled-network.ts';
import {
  createFailureEngine, type FailureEngine, type FailureEngineOptions,
} from './failure-engine.ts';
import {
  createSweepSummary, planSweep, sweepFailures, sweepUnits, type ProductDemand, type SweepKind,
  type SweepProgress, type SweepSummary,
} from './failure-sweep.ts';
import type { DemandMatrix } from './route-demands.ts';
import {
  putRows, type EngineMessage, type SweepMessage, type WorkerReply,
} from './sweep-protocol.ts';

export { SUMMARY_FIELDS } from './sweep-protocol.ts';

/** Options of a parallel sweep. */
export interface ParallelSweepOptions {
  /** Threads in all, the calling one included; 1 (or fewer) starts no worker. */
  threads: number;
  engine?: FailureEngineOptions;
  onProgress?: SweepProgress;
  /** The demand in product form, if it is (see `sweepFailures`). */
  product?: ProductDemand | null;
}

const ENTRY = new URL('./sweep-worker.ts', import.meta.url);

// Ranges small enough to balance the threads at the end, large enough that the
// messages carrying them back cost little.
const CHUNKS_PER_THREAD = 16;
const MIN_CHUNK = 8;

/**
 * Worker threads for sweeps, started at once so that they boot while the calling
 * thread prepares the engine, and kept for every sweep until `close`.
 * @example
 * const pool = SweepPool.start(1);
 * await pool.sweep(engine, 'links', items);
 * await pool.close();
 */
export class SweepPool {
  private readonly workers: Promise<Worker[]>;
  private readonly engineIds = new WeakMap<FailureEngine, number>();
  private engineCount = 0;

  private constructor(workers: Promise<Worker[]>) {
    this.workers = workers;
  }

  /** Starts `count` workers. */
  static start(count: number): SweepPool {
    const workers = bundled(ENTRY)
      .then(() => Array.from({ length: count }, () => startWorker(ENTRY)));
    // A failed start is reported by `sweep`; `close` must still find nothing to end.
    workers.catch(() => {});
    return new SweepPool(workers);
  }

  /**
   * Sweeps `items` with `engine` (built `shareable`) on the calling thread and every
   * worker, and summarises each failure as `sweepFailures` does.
   */
  async sweep(
    engine: FailureEngine,
    kind: SweepKind,
    items: ArrayLike<number>,
    options: { product?: ProductDemand | null; onProgress?: SweepProgress } = {},
  ): Promise<SweepSummary> {
    const workers = await this.workers;
    const product = options.product ?? null;
    const summary = createSweepSummary(kind, items);
    const plan = planSweep(engine.net, kind, summary.items, product);
    const total = plan.unitChain.length;
    const chunk = Math.max(MIN_CHUNK,
      Math.ceil(total / ((workers.length + 1) * CHUNKS_PER_THREAD)));
    const next = new Int32Array(new SharedArrayBuffer(4));
    let done = 0;
    const finished = (count: number) => {
      done += count;
      options.onProgress?.(done, summary.items.length);
    };

    let id = this.engineIds.get(engine);
    if (id === undefined) {
      id = ++this.engineCount;
      this.engineIds.set(engine, id);
      const message: EngineMessage = {
        type: 'engine', id, net: engine.net, matrix: engine.matrix, base: engine.routing,
      };
      for (const worker of workers) worker.postMessage(message);
    }
    const job: SweepMessage = {
      type: 'sweep', engine: id, kind, items: summary.items, product, next, chunk,
    };
    const workersDone = workers.map((worker) => new Promise<void>((resolve, reject) => {
      const stop = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (reply: WorkerReply) => {
        if (reply.type === 'done') {
          stop();
          resolve();
          return;
        }
        putRows(summary, plan, reply);
        finished(reply.to - reply.from);
      };
      const onError = (error: Error) => {
        stop();
        reject(error);
      };
      const onExit = (code: number) => {
        stop();
        reject(new Error(`SweepPool: a worker stopped with code ${code}`));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(job);
    }));

    for (;;) {
      const from = Atomics.add(next, 0, chunk);
      if (from >= total) break;
      const to = Math.min(total, from + chunk);
      sweepUnits(engine, plan, summary, from, to);
      finished(plan.unitStart[to] - plan.unitStart[from]);
      // Let workers' messages (and their progress) in between ranges.
      if (workers.length > 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(workersDone);
    return summary;
  }

  /** Ends the workers. */
  async close(): Promise<void> {
    const workers = await this.workers.catch((): Worker[] => []);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/**
 * Sweeps `items` (links or nodes, each failed alone) on `threads` threads with an engine
 * of its own. Every step starts from the base state, so the summary is the same
 * whatever the number of threads.
 */
export async function sweepInParallel(
  net: CompiledNetwork,
  matrix: DemandMatrix,
  kind: SweepKind,
  items: ArrayLike<number>,
  options: ParallelSweepOptions,
): Promise<SweepSummary> {
  const workers = Math.max(0, Math.floor(options.threads) - 1);
  const sweepOptions = { product: options.product ?? null, onProgress: options.onProgress };
  if (workers === 0) {
    return sweepFailures(createFailureEngine(net, matrix, options.engine), kind, items,
      sweepOptions);
  }
  const pool = SweepPool.start(workers);
  try {
    const engine = createFailureEngine(net, matrix, { ...options.engine, shareable: true });
    return await pool.sweep(engine, kind, items, sweepOptions);
  } finally {
    await pool.close();
  }
}
