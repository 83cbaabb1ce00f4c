// A depth-1 sweep spread over worker threads; the figures do not depend on how many.
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
  /** Worker threads to use; 1 (or fewer) sweeps on the calling thread. */
  workers: number;
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

/** A finished range of steps, as a worker sends it back: arrays hold steps from..to. */
export interface SweepChunk {
  from: number;
  to: number;
  part: Pick<SweepSummary, SummaryField>;
}

/** The per-step arrays of a summary. */
export const SUMMARY_FIELDS = [
  'unroutedMbps', 'unroutedDemands', 'lostMbps', 'lostDemands', 'cutMbps', 'cutDemands',
  'maxUtilization', 'maxLink', 'maxReverse',
] as const;
type SummaryField = (typeof SUMMARY_FIELDS)[number];

// Ranges small enough to balance the load, large enough that messages cost little.
const CHUNKS_PER_WORKER = 16;
const MIN_CHUNK = 8;

/**
 * Sweeps `items` (links or nodes, each failed alone) on `workers` threads. Each
 * worker builds the same engine from the same data and every step starts from the
 * base state, so the summary is the same whatever the number of workers.
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
  const workers = Math.max(1, Math.min(Math.floor(options.workers), Math.ceil(total / MIN_CHUNK)));
  if (workers <= 1 || total === 0) {
    const engine = createFailureEngine(net, matrix, options.engine);
    sweepRange(engine, summary, 0, total, options.onProgress);
    return summary;
  }

  const chunk = Math.max(MIN_CHUNK, Math.ceil(total / (workers * CHUNKS_PER_WORKER)));
  const data: SweepWorkerData = {
    net, matrix, engine: options.engine ?? {}, kind, items: summary.items,
  };
  let next = 0;
  let done = 0;
  const pool: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let running = 0;
      const dispatch = (worker: Worker) => {
        if (next >= total) {
          if (--running === 0) resolve();
          return;
        }
        const from = next;
        next = Math.min(total, next + chunk);
        worker.postMessage({ from, to: next });
      };
      for (let w = 0; w < workers; w++) {
        const worker = startWorker(data);
        pool.push(worker);
        running += 1;
        worker.on('message', (message: SweepChunk | 'ready') => {
          if (message !== 'ready') {
            copyChunk(summary, message);
            done += message.to - message.from;
            options.onProgress?.(done, total);
          }
          dispatch(worker);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (code !== 0) reject(new Error(`sweepInParallel: a worker stopped with code ${code}`));
        });
      }
    });
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

function copyChunk(summary: SweepSummary, { from, part }: SweepChunk): void {
  for (const field of SUMMARY_FIELDS) summary[field].set(part[field], from);
}
