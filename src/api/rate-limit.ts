// A per-client rate of expensive requests: a token bucket per address that holds a
// minute's allowance and refills evenly, so that a burst up to the allowance passes
// and a steady stream beyond it gets 429 with the wait until the next token.
import { ApiError, ApiErrorCode } from './api-error.ts';

/** Clients remembered at most; past this, those whose bucket is full are forgotten. */
const MAX_CLIENTS = 10_000;

interface Bucket {
  tokens: number;
  atMs: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  /** `ratePerMinute` 0 takes every request. `now` is the clock (tests pass their own). */
  constructor(readonly ratePerMinute: number, private readonly now: () => number = Date.now) {
    this.perMs = ratePerMinute / 60_000;
  }

  /** Takes one token for `client`, or throws 429 E_RATE_LIMITED with Retry-After. */
  take(client: string): void {
    if (this.ratePerMinute <= 0) return;
    const now = this.now();
    const bucket = this.refill(client, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return;
    }
    const waitS = Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
    throw new ApiError(429, ApiErrorCode.rateLimited,
      `client ${client}: expected at most ${this.ratePerMinute} expensive requests a ` +
      `minute, got more; retry in ${waitS} s`, undefined, { 'retry-after': String(waitS) });
  }

  private refill(client: string, now: number): Bucket {
    let bucket = this.buckets.get(client);
    if (!bucket) {
      if (this.buckets.size >= MAX_CLIENTS) this.forgetFull(now);
      // Still full: the oldest entry goes, which errs towards letting a request through.
      if (this.buckets.size >= MAX_CLIENTS) this.buckets.delete(this.buckets.keys().next().value!);
      bucket = { tokens: this.ratePerMinute, atMs: now };
      this.buckets.set(client, bucket);
      return bucket;
    }
    const elapsed = Math.max(0, now - bucket.atMs);
    bucket.tokens = Math.min(this.ratePerMinute, bucket.tokens + elapsed * this.perMs);
    bucket.atMs = now;
    return bucket;
  }

  /** Drops clients whose allowance has come back whole: forgetting them changes nothing. */
  private forgetFull(now: number): void {
    for (const [client, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.atMs) * this.perMs >= this.ratePerMinute) {
        this.buckets.delete(client);
      }
    }
  }
}
