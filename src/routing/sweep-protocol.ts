// What the threads of a parallel sweep say to each other: the calling thread hands each
// worker an engine's base routing once, then sweeps; workers send back finished rows.
import type { CompiledNetwork } from './compiled-network.ts';
import type { EngineBase } from './engine-state.ts';
import type { ProductDemand, SweepKind, SweepPlan, SweepSummary } from './failure-sweep.ts';
import type { DemandMatrix } from './route-demands.ts';

/** The per-step arrays of a summary. */
export const SUMMARY_FIELDS = [
  'unroutedMbps', 'unroutedDemands', 'lostMbps', 'lostDemands', 'cutMbps', 'cutDemands',
  'maxUtilization', 'maxLink', 'maxReverse',
] as const;

/** To a worker: adopt this engine (its base routing is in shared memory). */
export interface EngineMessage {
  type: 'engine';
  id: number;
  net: CompiledNetwork;
  matrix: DemandMatrix;
  base: EngineBase;
}

/** To a worker: claim units of this sweep from `next` until none is left. */
export interface SweepMessage {
  type: 'sweep';
  engine: number;
  kind: SweepKind;
  items: Int32Array;
  product: ProductDemand | null;
  /** The first unit of the plan no thread has claimed yet, shared by every thread. */
  next: Int32Array;
  /** Units a thread claims at a time. */
  chunk: number;
}

/**
 * From a worker: a finished range of units, its arrays holding the steps of the plan's
 * rows from..to in that order; or the end of its part of a sweep.
 */
export type WorkerReply =
  | { type: 'rows'; from: number; to: number; part: Pick<SweepSummary, SummaryField> }
  | { type: 'done' };

type SummaryField = (typeof SUMMARY_FIELDS)[number];

/** The summary's figures of the plan's rows from..to, in that order. */
export function takeRows(
  summary: SweepSummary,
  plan: SweepPlan,
  from: number,
  to: number,
): WorkerReply {
  const part: Partial<Pick<SweepSummary, SummaryField>> = {};
  for (const field of SUMMARY_FIELDS) {
    const values = summary[field].slice(0, to - from);
    for (let r = from; r < to; r++) values[r - from] = summary[field][plan.rows[r]];
    Object.assign(part, { [field]: values });
  }
  return { type: 'rows', from, to, part: part as Pick<SweepSummary, SummaryField> };
}

/** Writes a worker's rows into the summary. */
export function putRows(
  summary: SweepSummary,
  plan: SweepPlan,
  reply: Extract<WorkerReply, { type: 'rows' }>,
): void {
  for (const field of SUMMARY_FIELDS) {
    const values = reply.part[field];
    for (let r = reply.from; r < reply.to; r++) {
      summary[field][plan.rows[r]] = values[r - reply.from];
    }
  }
}
