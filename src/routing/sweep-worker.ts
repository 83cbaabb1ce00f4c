// The worker side of a parallel sweep: adopt the engine it is handed, then claim ranges
// of a sweep's units from the shared counter until none is left, each sent back as done.
import { parentPort } from 'node:worker_threads';
import { createFailureEngine, type FailureEngine } from './failure-engine.ts';
import { createSweepSummary, planSweep, sweepUnits } from './failure-sweep.ts';
import {
  takeRows, type EngineMessage, type SweepMessage, type WorkerReply,
} from './sweep-protocol.ts';

let engine: { id: number; engine: FailureEngine } | null = null;

parentPort!.on('message', (message: EngineMessage | SweepMessage) => {
  if (message.type === 'engine') {
    const { id, net, matrix, base } = message;
    engine = { id, engine: createFailureEngine(net, matrix, { base }) };
    return;
  }
  if (engine === null || engine.id !== message.engine) {
    throw new Error(`sweep-worker: no engine ${message.engine}`);
  }
  const summary = createSweepSummary(message.kind, message.items);
  const plan = planSweep(engine.engine.net, message.kind, summary.items, message.product);
  const total = plan.unitChain.length;
  for (;;) {
    const from = Atomics.add(message.next, 0, message.chunk);
    if (from >= total) break;
    const to = Math.min(total, from + message.chunk);
    sweepUnits(engine.engine, plan, summary, from, to);
    parentPort!.postMessage(takeRows(summary, plan, plan.unitStart[from], plan.unitStart[to]));
  }
  parentPort!.postMessage({ type: 'done' } satisfies WorkerReply);
});
