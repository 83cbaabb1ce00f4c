// The worker side of sweepInParallel: one engine, then ranges of steps claimed from the
// shared counter until none is left, each sent back as it is done.
import { parentPort, workerData } from 'node:worker_threads';
import { createFailureEngine } from './failure-engine.ts';
import { createSweepSummary, planSweep, sweepUnits } from './failure-sweep.ts';
import { takeRows, type SweepWorkerData } from './parallel-sweep.ts';

const data = workerData as SweepWorkerData;
const summary = createSweepSummary(data.kind, data.items);
const engine = createFailureEngine(data.net, data.matrix, data.engine);
const plan = planSweep(data.net, data.kind, summary.items, data.product);
const total = plan.unitChain.length;

for (;;) {
  const from = Atomics.add(data.next, 0, data.chunk);
  if (from >= total) break;
  const to = Math.min(total, from + data.chunk);
  sweepUnits(engine, plan, summary, from, to);
  parentPort!.postMessage(takeRows(summary, plan, plan.unitStart[from], plan.unitStart[to]));
}
parentPort!.postMessage('done');
