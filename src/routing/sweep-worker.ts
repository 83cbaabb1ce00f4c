// The worker side of sweepInParallel: one engine, then ranges of steps on request.
import { parentPort, workerData } from 'node:worker_threads';
import { createFailureEngine } from './failure-engine.ts';
import { createSweepSummary, sweepRange } from './failure-sweep.ts';
import { SUMMARY_FIELDS, type SweepChunk, type SweepWorkerData } from './parallel-sweep.ts';

const data = workerData as SweepWorkerData;
const engine = createFailureEngine(data.net, data.matrix, data.engine);
const summary = createSweepSummary(data.kind, data.items);

parentPort!.on('message', ({ from, to }: { from: number; to: number }) => {
  sweepRange(engine, summary, from, to);
  const part = {} as SweepChunk['part'];
  for (const field of SUMMARY_FIELDS) {
    (part as Record<string, ArrayLike<number>>)[field] = summary[field].slice(from, to);
  }
  const chunk: SweepChunk = { from, to, part };
  parentPort!.postMessage(chunk);
});
parentPort!.postMessage('ready');
