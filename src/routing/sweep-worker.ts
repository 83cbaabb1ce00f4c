// The worker side of sweepInParallel: one engine, then ranges of steps on request.
import { parentPort, workerData } from 'node:worker_threads';
import { createFailureEngine } from './failure-engine.ts';
import { createSweepSummary, sweepRange } from './failure-sweep.ts';
import { SUMMARY_FIELDS, type SweepChunk, type SweepWorkerData } from './parallel-sweep.ts';

const data = workerData as SweepWorkerData;
const summary = createSweepSummary(data.kind, data.items);
parentPort!.postMessage('ready');
const engine = createFailureEngine(data.net, data.matrix, data.engine);

parentPort!.on('message', ([from, to]: [number, number]) => {
  sweepRange(engine, summary, from, to);
  const part: Partial<SweepChunk['part']> = {};
  for (const field of SUMMARY_FIELDS) {
    Object.assign(part, { [field]: summary[field].slice(from, to) });
  }
  const chunk: SweepChunk = { from, to, part: part as SweepChunk['part'] };
  parentPort!.postMessage(chunk);
});
