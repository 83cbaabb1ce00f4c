// The server's limits in one place: how much expensive work runs at once, how much
// waits, how long each kind may take, request body sizes. The README states them.
import { availableParallelism } from 'node:os';
import { InputError, InputErrorCode } from '../model/errors.ts';

/** The two kinds of expensive work, each behind its own admission gate. */
export type WorkKind = 'compute' | 'sweep';

export interface GateLimits {
  /** Requests of this kind worked on at once. */
  concurrent: number;
  /** Requests waiting for a slot beyond those; one more is refused with 503. */
  queued: number;
  /** Longest wait for a slot before the request is refused with 503. */
  queueWaitMs: number;
  /** The `Retry-After` a refused request is sent, in seconds. */
  retryAfterS: number;
  /** Longest time one request may work; then it is stopped with 503 E_TIMEOUT. */
  timeoutMs: number;
}

export interface ServerLimits {
  /** simulate, compare, drc, sizing, servers, import, scenario saves. */
  compute: GateLimits;
  /** Failure sweeps: each runs on a thread of its own for seconds to minutes. */
  sweep: GateLimits;
  /** Expensive requests per minute per client address; 0 for no limit. */
  ratePerMinute: number;
  /** On shutdown, how long computations in flight may finish before they are stopped. */
  drainMs: number;
}

/** Request body limits in bytes; over them the answer is 413 E_PAYLOAD_TOO_LARGE. */
export const BODY_LIMITS = {
  default: 1024 * 1024,
  scenario: 2 * 1024 * 1024,
  /** A network file sent as JSON text; the importers hold the file itself to 16 MiB. */
  import: 32 * 1024 * 1024,
} as const;

/** Time to receive a whole request (headers and body) before the socket is closed. */
export const REQUEST_TIMEOUT_MS = 60_000;

/**
 * The defaults for a machine with `cores` cores: one compute thread per core with a
 * queue four times as deep, and one sweep per two cores.
 */
export function defaultLimits(cores: number = availableParallelism()): ServerLimits {
  const threads = Math.max(1, cores);
  return {
    compute: {
      concurrent: threads, queued: 4 * threads, queueWaitMs: 10_000, retryAfterS: 1,
      timeoutMs: 30_000,
    },
    sweep: {
      concurrent: Math.max(1, Math.floor(threads / 2)), queued: 2, queueWaitMs: 30_000,
      retryAfterS: 10, timeoutMs: 120_000,
    },
    ratePerMinute: 0,
    drainMs: 5_000,
  };
}

/** Limits with some fields replaced; gates are merged field by field. */
export type LimitsOverride = {
  compute?: Partial<GateLimits>;
  sweep?: Partial<GateLimits>;
  ratePerMinute?: number;
  drainMs?: number;
};

export function mergeLimits(base: ServerLimits, over: LimitsOverride = {}): ServerLimits {
  return {
    compute: { ...base.compute, ...over.compute },
    sweep: { ...base.sweep, ...over.sweep },
    ratePerMinute: over.ratePerMinute ?? base.ratePerMinute,
    drainMs: over.drainMs ?? base.drainMs,
  };
}

/** Environment variables of `netsim serve` and the field each sets. */
const ENV_FIELDS: Array<[string, (o: LimitsOverride, n: number) => void, number]> = [
  ['NETSIM_WORKERS', (o, n) => { o.compute = { ...o.compute, concurrent: n }; }, 1],
  ['NETSIM_QUEUE', (o, n) => { o.compute = { ...o.compute, queued: n }; }, 0],
  ['NETSIM_TIMEOUT_S', (o, n) => { o.compute = { ...o.compute, timeoutMs: n * 1000 }; }, 1],
  ['NETSIM_SWEEPS', (o, n) => { o.sweep = { ...o.sweep, concurrent: n }; }, 1],
  ['NETSIM_SWEEP_TIMEOUT_S', (o, n) => { o.sweep = { ...o.sweep, timeoutMs: n * 1000 }; }, 1],
  ['NETSIM_RATE_LIMIT', (o, n) => { o.ratePerMinute = n; }, 0],
];

/** Reads the limits `netsim serve` takes from its environment; refuses a bad number. */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): LimitsOverride {
  const out: LimitsOverride = {};
  for (const [name, set, min] of ENV_FIELDS) {
    const text = env[name]?.trim();
    if (!text) continue;
    const n = Number(text);
    if (!Number.isInteger(n) || n < min || n > 1_000_000) {
      throw new InputError(InputErrorCode.schema, name, [{
        code: 'invalid_limit', path: '', received: text,
        message: `expected a whole number from ${min} to 1000000, got "${text}"`,
      }]);
    }
    set(out, n);
  }
  return out;
}
