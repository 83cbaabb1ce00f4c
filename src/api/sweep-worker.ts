// The API's sweep, on a worker thread: the event loop stays free for other requests
// and for shutdown, and a cancel is a terminate(). Progress and the result go back
// as messages; an input error goes back as data, to be thrown again as one.
import { parentPort, workerData } from 'node:worker_threads';
import { prepareWithDrc } from '../drc/failover.ts';
import {
  assembleSweep, caseCount, planSweep, runSweepRange, type SweepOptions, type SweepPart,
} from '../failure/sweep.ts';
import { InputError } from '../model/errors.ts';
import type { Network } from '../model/network.ts';

export interface SweepWorkerData {
  network: Network;
  options: Omit<SweepOptions, 'onProgress'>;
}

export type SweepWorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'result'; result: ReturnType<typeof assembleSweep> }
  | { type: 'input-error'; code: InputError['code']; file: string; issues: InputError['issues'] };

/** Cases evaluated between two progress messages. */
const SLICE = 64;

const { network, options } = workerData as SweepWorkerData;
const post = (message: SweepWorkerMessage) => parentPort!.postMessage(message);
try {
  const prepared = prepareWithDrc(network);
  const plan = planSweep(prepared, options);
  const total = caseCount(plan);
  const parts: SweepPart[] = [];
  post({ type: 'progress', done: 0, total });
  for (let from = 0; from < total; from += SLICE) {
    const to = Math.min(total, from + SLICE);
    parts.push(runSweepRange(prepared, plan, from, to));
    post({ type: 'progress', done: to, total });
  }
  post({ type: 'result', result: assembleSweep(prepared, plan, parts, options) });
} catch (err) {
  if (!(err instanceof InputError)) throw err;
  post({ type: 'input-error', code: err.code, file: err.file, issues: err.issues });
}
