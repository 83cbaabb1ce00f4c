// A depth-1 sweep spread over worker threads and the calling thread; the figures do not
// depend on how many threads share the work.
import { Worker } from 'node:worker_threads';
import type { CompiledNetwork } from './compiled-network.ts';
import { createFailureEngine, type FailureEngineOptions } from './failure-engine.ts';
import {
  createSweepSummary, planSweep, sweepUnits, type ProductDemand, type SweepKind,
  type SweepPlan, type SweepProgress, type SweepSummary,
} from './failure-sweep.ts';
import type { DemandMatrix } from './route-demands.ts';

/** Options of `sweepInParallel`. */
export interface ParallelSweepOptions {
  /** Threads in all, the calling one included; 1 (or fewer) starts no worker. */
  threads: number;
  engine?: FailureEngineOptions;
  onProgress?: SweepProgress;
  /** The demand in product form, if it is (see `sweepFailures`). */
  product?: ProductDemand | null;
}

/** What a worker needs to build its own engine and claim ranges of steps. */
export interface SweepWorkerData {
  /** The module the boot script runs: sweep-worker.ts. */
  entry: string;
  net: CompiledNetwork;
  matrix: DemandMatrix;
  engine: FailureEngineOptions;
  kind: SweepKind;
  items: Int32Array;
  product: ProductDemand | null;
  /** The first unit of the plan no thread has claimed yet, shared by every thread. */
  next: Int32Array;
  /** Units a thread claims at a time. */
  chunk: number;
}

/** The per-step arrays of a summary. */
export const SUMMARY_FIELDS = [
  'unroutedMbps', 'unroutedDemands', 'lostMbps', 'lostDemands', 'cutMbps', 'cutDemands',
  'maxUtilization', 'maxLink', 'maxReverse',
] as const;

/**
 * A finished range of units, as a worker sends it back: its arrays hold the steps of
 * the plan's rows from..to, in that order.
 */
export interface SweepChunk {
  from: number;
  to: number;
  part: Pick<SweepSummary, (typeof SUMMARY_FIELDS)[number]>;
}

/** The summary's figures of the plan's rows from..to, in that order. */
export function takeRows(
  summary: SweepSummary,
  plan: SweepPlan,
  from: number,
  to: number,
): SweepChunk {
  const part: Partial<SweepChunk['part']> = {};
  for (const field of SUMMARY_FIELDS) {
    const values = summary[field].slice(0, to - from);
    for (let r = from; r < to; r++) values[r - from] = summary[field][plan.rows[r]];
    Object.assign(part, { [field]: values });
  }
  return { from, to, part: part as SweepChunk['part'] };
}

// Workers load TypeScript through the boot script, which registers tsx there.
const BOOT = new URL('../worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./sweep-worker.ts', import.meta.url).href;

// Ranges small enough to balance the threads at the end, large enough that the
// messages carrying them back cost little.
const CHUNKS_PER_THREAD = 16;
const MIN_CHUNK = 8;

/**
 * Sweeps `items` (links or nodes, each failed alone) on `threads` threads: the calling
 * thread and workers each build the same engine and claim ranges of steps from one
 * shared counter, so that no thread waits for another to hand it work. Every step
 * starts from the base state, so the summary is the same whatever the number of
 * threads.
 */
export async function sweepInParallel(
  net: CompiledNetwork,
  matrix: DemandMatrix,
  kind: SweepKind,
  items: ArrayLike<number>,
  options: ParallelSweepOptions,
): Promise<SweepSummary> {
  const summary = createSweepSummary(kind, items);
  const product = options.product ?? null;
  const plan = planSweep(net, kind, summary.items, product);
  const total = plan.unitChain.length;
  const threads = Math.max(1, Math.min(Math.floor(options.threads),
    Math.ceil(total / MIN_CHUNK)));
  const chunk = Math.max(MIN_CHUNK, Math.ceil(total / (threads * CHUNKS_PER_THREAD)));
  const next = new Int32Array(new SharedArrayBuffer(4));
  let done = 0;
  const finished = (count: number) => {
    done += count;
    options.onProgress?.(done, summary.items.length);
  };

  // Workers start first: they boot while this thread builds its engine.
  const data: SweepWorkerData = {
    entry: ENTRY, net, matrix, engine: options.engine ?? {}, kind, items: summary.items,
    product, next, chunk,
  };
  const pool: Worker[] = [];
  const workersDone: Promise<void>[] = [];
  for (let w = 1; w < threads; w++) {
    const worker = new Worker(BOOT, { workerData: data });
    pool.push(worker);
    workersDone.push(new Promise<void>((resolve, reject) => {
      worker.on('message', (message: SweepChunk | 'done') => {
        if (message === 'done') {
          resolve();
          return;
        }
        for (const field of SUMMARY_FIELDS) {
          const values = message.part[field];
          for (let r = message.from; r < message.to; r++) {
            summary[field][plan.rows[r]] = values[r - message.from];
          }
        }
        finished(message.to - message.from);
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        reject(new Error(`sweepInParallel: a worker stopped with code ${code}`));
      });
    }));
  }

  try {
    const engine = createFailureEngine(net, matrix, options.engine);
    for (;;) {
      const from = Atomics.add(next, 0, chunk);
      if (from >= total) break;
      const to = Math.min(total, from + chunk);
      sweepUnits(engine, plan, summary, from, to);
      finished(plan.unitStart[to] - plan.unitStart[from]);
      // Let workers' messages (and their progress) in between ranges.
      if (pool.length > 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(workersDone);
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  return summary;
}
