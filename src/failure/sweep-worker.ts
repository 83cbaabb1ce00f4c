// The body of a sweep worker thread: evaluates its range of cases and posts it back.
import { parentPort, workerData } from 'node:worker_threads';
import { prepareWithDrc } from '../drc/failover.ts';
import type { Network } from '../model/network.ts';
import { sweepElements } from './sweep-elements.ts';
import { runSweepRange, type SweepPart, type SweepPlan } from './sweep.ts';

/** What the parent sends: the network, the plan without its elements, and a range. */
export interface SweepWorkerInput {
  network: Network;
  plan: Omit<SweepPlan, 'elements'>;
  from: number;
  to: number;
}

/** What the worker posts: progress now and then, and its part at the end. */
export type SweepWorkerMessage =
  | { type: 'progress'; done: number }
  | { type: 'done'; part: SweepPart };

const input = workerData as SweepWorkerInput;
const port = parentPort!;
// Elements are rebuilt here rather than sent: they follow from the network alone.
const prepared = prepareWithDrc(input.network);
const plan: SweepPlan = { ...input.plan, elements: sweepElements(prepared, input.plan.kinds) };
const part = runSweepRange(prepared, plan, input.from, input.to,
  (done) => port.postMessage({ type: 'progress', done } satisfies SweepWorkerMessage));
port.postMessage({ type: 'done', part } satisfies SweepWorkerMessage);
