// A failure sweep for the API: the failure module's plan, evaluated in slices between
// which the event loop runs (progress goes out, other requests are served, a cancel
// is seen), then assembled exactly as `netsim sweep` assembles it.
import {
  assembleSweep, caseCount, planSweep, runSweepRange,
  type SweepPart, type SweepResult,
} from '../failure/sweep.ts';
import type { ElementKind } from '../failure/sweep-elements.ts';
import { ApiError } from './api-error.ts';
import type { LoadedWork } from './load-work.ts';

export interface SweepRequest {
  depth: 1 | 2;
  kinds: ElementKind[];
  /** Failures in force in every case, on top of the scenario's own. */
  fail: string[];
  top: number;
  /** Keep every case in the answer (by default only the worst). */
  allCases: boolean;
  onProgress: (done: number, total: number) => void;
  signal: AbortSignal;
}

/** The sweep module's result; `cases` holds only the worst unless all were asked for. */
export type SweepAnswer = SweepResult & { casesOmitted: boolean };

/** Aim for slices of about this long, so the server keeps answering meanwhile. */
const SLICE_MS = 40;

/** Runs the sweep; rejects with a 499 ApiError when the signal aborts. */
export async function runSweep(loaded: LoadedWork, request: SweepRequest): Promise<SweepAnswer> {
  const prepared = loaded.prepared();
  const options = {
    depth: request.depth, kinds: request.kinds, top: request.top,
    baseFail: [...loaded.input.fail, ...request.fail], scenario: loaded.scenarioRef,
  };
  const plan = planSweep(prepared, options);
  const total = caseCount(plan);
  const parts: SweepPart[] = [];
  let size = 16;
  for (let from = 0; from < total;) {
    if (request.signal.aborted) throw new ApiError(499, 'E_CANCELLED', 'the sweep was cancelled');
    const to = Math.min(total, from + size);
    const started = performance.now();
    parts.push(runSweepRange(prepared, plan, from, to));
    const ms = performance.now() - started;
    // Grow or shrink the next slice towards SLICE_MS.
    size = Math.max(1, Math.round(size * Math.min(4, Math.max(0.25, SLICE_MS / Math.max(ms, 1)))));
    from = to;
    request.onProgress(from, total);
    await new Promise((resolve) => setImmediate(resolve));
  }
  const result = assembleSweep(prepared, plan, parts, options);
  return request.allCases ? { ...result, casesOmitted: false }
    : { ...result, cases: result.worst, casesOmitted: true };
}
