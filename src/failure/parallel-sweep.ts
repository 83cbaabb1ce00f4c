// Sweeps on worker threads: the cases split into contiguous ranges, one per worker,
// merged in sweep order, so the result is the same whatever the number of workers.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { PreparedNetwork } from '../engine/evaluate.ts';
import { prepareWithDrc } from '../drc/failover.ts';
import { withDrcTraffic } from '../drc/replication.ts';
import { bundled, startWorker } from '../worker-bundle.ts';
import type { SweepWorkerInput, SweepWorkerMessage } from './sweep-worker.ts';
import {
  assembleSweep, caseCount, planSweep, runSweepRange,
  type SweepOptions, type SweepPart, type SweepPlan, type SweepResult,
} from './sweep.ts';

/**
 * Work (cases x (sites + links)) worth one more thread. Each worker starts, loads its
 * modules and prepares the network again: Mojokerto's depth-2 sweep (12,909 cases x
 * 158), as a whole `netsim sweep`, took 1.17 s on one thread and 1.39 s on two workers,
 * so it stays on one.
 */
const WORK_PER_WORKER = 20_000_000;

/** At most this many workers unless asked for more. */
const MAX_AUTO_WORKERS = 4;

const ENTRY = new URL('./sweep-worker.ts', import.meta.url);

/** A sweep's options, and how many threads to run it on. */
export interface ParallelSweepOptions extends SweepOptions {
  /** Worker threads; 1 runs in this thread. By default by the size of the work, up to 4. */
  workers?: number;
}

/**
 * Runs a sweep over worker threads and returns what `runSweep` would.
 * @example await runSweepParallel(prepareWithDrc(network), { depth: 2, workers: 2 })
 */
export async function runSweepParallel(
  prepared: PreparedNetwork,
  options: ParallelSweepOptions,
): Promise<SweepResult> {
  const ready = withDrcTraffic(prepared.network) === prepared.network
    ? prepared
    : prepareWithDrc(prepared.network);
  const plan = planSweep(ready, options);
  const total = caseCount(plan);
  const size = ready.compiled.nodeCount + ready.compiled.linkCount;
  const workers = Math.max(1, Math.min(options.workers ?? autoWorkers(total, size), total));

  if (workers === 1) {
    const part = runSweepRange(ready, plan, 0, total,
      options.onProgress && ((done) => options.onProgress!(done, total)));
    return assembleSweep(ready, plan, [part], options);
  }

  const done = new Array<number>(workers).fill(0);
  const report = () => options.onProgress?.(done.reduce((a, b) => a + b, 0), total);
  const ranges = Array.from({ length: workers }, (_, w) =>
    [Math.floor((total * w) / workers), Math.floor((total * (w + 1)) / workers)] as const);
  const threads: Worker[] = [];
  await bundled(ENTRY);
  try {
    const parts = await Promise.all(ranges.map(([from, to], w) => {
      const worker = startSweepWorker(ready, plan, from, to);
      threads.push(worker);
      return collect(worker, (n) => {
        done[w] = n;
        report();
      });
    }));
    return assembleSweep(ready, plan, parts, options);
  } finally {
    await Promise.all(threads.map((t) => t.terminate()));
  }
}

/** The workers a sweep gets when the caller does not say: by cases x (sites + links). */
export function autoWorkers(cases: number, size: number): number {
  return Math.max(1, Math.min(availableParallelism(), MAX_AUTO_WORKERS,
    Math.floor((cases * size) / WORK_PER_WORKER)));
}

function startSweepWorker(prepared: PreparedNetwork, plan: SweepPlan, from: number, to: number) {
  const { elements: _elements, ...rest } = plan;
  const input: SweepWorkerInput = { network: prepared.network, plan: rest, from, to };
  return startWorker(ENTRY, { workerData: input });
}

function collect(worker: Worker, onProgress: (done: number) => void): Promise<SweepPart> {
  return new Promise((resolve, reject) => {
    worker.on('message', (message: SweepWorkerMessage) => {
      if (message.type === 'progress') onProgress(message.done);
      else resolve(message.part);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      reject(new Error(`runSweepParallel: a worker stopped (exit code ${code}) before its part`));
    });
  });
}
