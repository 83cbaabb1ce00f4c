// The worker side of sweepInParallel: one engine, then ranges of steps claimed from the
// shared counter until none is left, each sent back as it is done.
import { parentPort, workerData } from 'node:worker_threads';
import { createFailureEngine } from './failure-engine.ts';
import { createSweepSummary, sweepRange } from './failure-sweep.ts';
import { SUMMARY_FIELDS, type SweepChunk, type SweepWorkerData } from './parallel-sweep.ts';

const data = workerData as SweepWorkerData;
const summary = createSweepSummary(data.kind, data.items);
const engine = createFailureEngine(data.net, data.matrix, data.engine);
const total = summary.items.length;

for (;;) {
  const from = Atomics.add(data.next, 0, data.chunk);
  if (from >= total) break;
  const to = Math.min(total, from + data.chunk);
  sweepRange(engine, summary, from, to);
  const part: Partial<SweepChunk['part']> = {};
  for (const field of SUMMARY_FIELDS) {
    Object.assign(part, { [field]: summary[field].slice(from, to) });
  }
  const chunk: SweepChunk = { from, to, part: part as SweepChunk['part'] };
  parentPort!.postMessage(chunk);
}
parentPort!.postMessage('done');
