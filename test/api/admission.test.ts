// The admission gate and the per-client rate, on their own: slots, queue places, waits,
// refusals with their codes and Retry-After, and the bucket's refill by the clock.
import { describe, expect, it } from 'vitest';
import { Gate } from '../../src/api/admission.ts';
import { ApiError } from '../../src/api/api-error.ts';
import type { GateLimits } from '../../src/api/limits.ts';
import { RateLimiter } from '../../src/api/rate-limit.ts';

const limits = (over: Partial<GateLimits> = {}): GateLimits => ({
  concurrent: 1, queued: 1, queueWaitMs: 10_000, retryAfterS: 7, timeoutMs: 1000, ...over,
});
const never = () => new AbortController().signal;

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  if (!(err instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(err)}`);
  return err;
}

describe('Gate', () => {
  it('runs `concurrent` at once, queues `queued`, and refuses the next with 503', async () => {
    const gate = new Gate('compute', limits({ concurrent: 2, queued: 1 }));
    const first = await gate.acquire(never());
    await gate.acquire(never());
    const waiting = gate.acquire(never());
    expect(gate.active).toBe(2);
    expect(gate.queued).toBe(1);

    const err = await refusal(gate.acquire(never()));
    expect(err.statusCode).toBe(503);
    expect(err.code).toBe('E_OVERLOADED');
    expect(err.headers['retry-after']).toBe('7');
    expect(err.message).toContain('all 2 slots and 1 queue places are taken');

    // A released slot goes to the one waiting: the count stays at two.
    first();
    await waiting;
    expect(gate.active).toBe(2);
    expect(gate.queued).toBe(0);
  });

  it('hands slots to waiters in the order they came', async () => {
    const gate = new Gate('compute', limits({ queued: 3 }));
    const release = await gate.acquire(never());
    const order: number[] = [];
    const waits = [1, 2, 3].map((n) => gate.acquire(never()).then((free) => {
      order.push(n);
      free();
    }));
    release();
    await Promise.all(waits);
    expect(order).toEqual([1, 2, 3]);
    expect(gate.active).toBe(0);
  });

  it('refuses a request that waited longer than queueWaitMs with 503', async () => {
    const gate = new Gate('sweep', limits({ queueWaitMs: 50, retryAfterS: 10 }));
    await gate.acquire(never());
    const err = await refusal(gate.acquire(never()));
    expect(err.code).toBe('E_OVERLOADED');
    expect(err.headers['retry-after']).toBe('10');
    expect(err.message).toBe('sweeps: no slot came free within 50 ms; retry in 10 s');
    expect(gate.queued).toBe(0);
  });

  it('lets a waiter leave with its signal\'s reason, freeing its queue place', async () => {
    const gate = new Gate('compute', limits());
    await gate.acquire(never());
    const controller = new AbortController();
    const waiting = gate.acquire(controller.signal);
    controller.abort(new ApiError(499, 'E_CANCELLED', 'gone'));
    expect((await refusal(waiting)).code).toBe('E_CANCELLED');
    expect(gate.queued).toBe(0);
  });

  it('refuses waiters and new requests once closed, with 503 E_SHUTTING_DOWN', async () => {
    const gate = new Gate('compute', limits());
    const release = await gate.acquire(never());
    const waiting = gate.acquire(never());
    gate.close();
    expect((await refusal(waiting)).code).toBe('E_SHUTTING_DOWN');
    expect((await refusal(gate.acquire(never()))).code).toBe('E_SHUTTING_DOWN');
    release();
    expect(gate.active).toBe(0);
  });
});

describe('RateLimiter', () => {
  it('takes a minute\'s allowance at once, then one more every 60/rate seconds', () => {
    let now = 1_000_000;
    const rate = new RateLimiter(3, () => now);
    for (let i = 0; i < 3; i++) rate.take('127.0.0.1');
    let err: unknown = null;
    try {
      rate.take('127.0.0.1');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).statusCode).toBe(429);
    expect((err as ApiError).code).toBe('E_RATE_LIMITED');
    // One token comes back every 20 s at 3 a minute.
    expect((err as ApiError).headers['retry-after']).toBe('20');

    now += 5_000;
    expect(() => rate.take('127.0.0.1')).toThrow(/retry in 15 s/);
    now += 15_000;
    expect(() => rate.take('127.0.0.1')).not.toThrow();
    // Another client has its own allowance.
    expect(() => rate.take('127.0.0.2')).not.toThrow();
  });

  it('takes everything when the rate is 0', () => {
    const rate = new RateLimiter(0, () => 0);
    for (let i = 0; i < 1000; i++) rate.take('127.0.0.1');
  });
});
