// A depth-1 sweep spread over worker threads and the calling thread; the figures do not
// depend on how many threads share the work.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CompiledNetwork } from './compiled-network.ts';
import { createFailureEngine, type FailureEngineOptions } from './failure-engine.ts';
import {
  createSweepSummary, sweepRange, type SweepKind, type SweepProgress, type SweepSummary,
} from './failure-sweep.ts';
import type { DemandMatrix } from './route-demands.ts';

/** Options of `sweepInParallel`. */
export interface ParallelSweepOptions {
  /** Threads in all, the calling one included; 1 (or fewer) starts no worker. */
  threads: number;
  engine?: FailureEngineOptions;
  onProgress?: SweepProgress;
}

/** What a worker needs to build its own engine. */
export interface SweepWorkerData {
  net: CompiledNetwork;
  matrix: DemandMatrix;
  engine: FailureEngineOptions;
  kind: SweepKind;
  items: Int32Array;
}

/** The per-step arrays of a summary. */
export const SUMMARY_FIELDS = [
  'unroutedMbps', 'unroutedDemands', 'lostMbps', 'lostDemands', 'cutMbps', 'cutDemands',
  'maxUtilization', 'maxLink', 'maxReverse',
] as const;

/** A finished range of steps, as a worker sends it back: arrays hold steps from..to. */
export interface SweepChunk {
  from: number;
  to: number;
  part: Pick<SweepSummary, (typeof SUMMARY_FIELDS)[number]>;
}

// Ranges small enough to balance the threads, large enough that messages cost little.
const CHUNKS_PER_THREAD = 8;
const MIN_CHUNK = 16;

/**
 * Sweeps `items` (links or nodes, each failed alone) on `threads` threads: the calling
 * thread and workers each build the same engine and take ranges of steps from one
 * queue. Every step starts from the base state, so the summary is the same whatever
 * the number of threads.
 */
export async function sweepInParallel(
  net: CompiledNetwork,
  matrix: DemandMatrix,
  kind: SweepKind,
  items: ArrayLike<number>,
  options: ParallelSweepOptions,
): Promise<SweepSummary> {
  const summary = createSweepSummary(kind, items);
  const total = summary.items.length;
  const threads = Math.max(1, Math.min(Math.floor(options.threads), Math.ceil(total / MIN_CHUNK)));
  const chunk = Math.max(MIN_CHUNK, Math.ceil(total / (threads * CHUNKS_PER_THREAD)));
  let next = 0;
  let done = 0;
  const take = (): [number, number] | null => {
    if (next >= total) return null;
    const from = next;
    next = Math.min(total, next + chunk);
    return [from, next];
  };
  const finished = (count: number) => {
    done += count;
    options.onProgress?.(done, total);
  };

  // Workers start first: they boot while this thread builds its engine.
  const data: SweepWorkerData = {
    net, matrix, engine: options.engine ?? {}, kind, items: summary.items,
  };
  const pool: Worker[] = [];
  const workersDone: Promise<void>[] = [];
  for (let w = 1; w < threads; w++) {
    const worker = startWorker(data);
    pool.push(worker);
    workersDone.push(new Promise<void>((resolve, reject) => {
      const dispatch = () => {
        const range = take();
        if (range) worker.postMessage(range);
        else resolve();
      };
      worker.on('message', (message: SweepChunk | 'ready') => {
        if (message !== 'ready') {
          for (const field of SUMMARY_FIELDS) summary[field].set(message.part[field], message.from);
          finished(message.to - message.from);
        }
        dispatch();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (code !== 0) reject(new Error(`sweepInParallel: a worker stopped with code ${code}`));
      });
    }));
  }

  try {
    const engine = createFailureEngine(net, matrix, options.engine);
    for (let range = take(); range; range = take()) {
      sweepRange(engine, summary, range[0], range[1]);
      finished(range[1] - range[0]);
      // Let workers' messages in between ranges.
      if (pool.length > 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(workersDone);
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  return summary;
}

/** Starts a worker on sweep-worker.ts, loading TypeScript through tsx's API. */
function startWorker(data: SweepWorkerData): Worker {
  const target = new URL('./sweep-worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsxApiUrl())})` +
    `.then((api) => api.tsImport(${JSON.stringify(target)}, ${JSON.stringify(target)}))`;
  return new Worker(code, { eval: true, workerData: data });
}

let tsxApi: string | undefined;

// A worker does not inherit the parent's module hooks, so it registers tsx itself.
function tsxApiUrl(): string {
  if (tsxApi === undefined) {
    const resolved = createRequire(import.meta.url).resolve('tsx/esm/api');
    tsxApi = pathToFileURL(resolved.replace(/index\.cjs$/, 'index.mjs')).href;
  }
  return tsxApi;
}
