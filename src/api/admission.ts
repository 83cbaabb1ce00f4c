// Admission of expensive work: per kind, a few run at once and a few wait; past that,
// or after waiting too long, the answer is 503 with Retry-After at once, so that an
// overloaded server says so instead of letting requests time out.
import { overloaded, shuttingDown } from './api-error.ts';
import type { GateLimits, WorkKind } from './limits.ts';

interface Waiter {
  grant: () => void;
  refuse: (err: unknown) => void;
}

/** Slots for one kind of work: at most `concurrent` held, at most `queued` waiting. */
export class Gate {
  private running = 0;
  private readonly waiting: Waiter[] = [];
  private closed = false;

  constructor(readonly kind: WorkKind, readonly limits: GateLimits) {}

  /** Slots held now. */
  get active(): number {
    return this.running;
  }

  /** Requests waiting for a slot now. */
  get queued(): number {
    return this.waiting.length;
  }

  /**
   * A slot: resolves with its release (call it once the work is over), or rejects with
   * 503 E_OVERLOADED when the queue is full or the wait too long, with the signal's
   * reason when it aborts while waiting, and with 503 E_SHUTTING_DOWN once closed.
   */
  acquire(signal: AbortSignal): Promise<() => void> {
    const { concurrent, queued, queueWaitMs, retryAfterS } = this.limits;
    if (this.closed) return Promise.reject(shuttingDown());
    if (signal.aborted) return Promise.reject(signal.reason);
    if (this.running < concurrent) {
      this.running += 1;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= queued) {
      return Promise.reject(overloaded(`${this.describe()}: all ${concurrent} slots and ` +
        `${queued} queue places are taken; retry in ${retryAfterS} s`, retryAfterS));
    }

    return new Promise((resolve, reject) => {
      const leave = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        const at = this.waiting.indexOf(waiter);
        if (at >= 0) this.waiting.splice(at, 1);
      };
      const waiter: Waiter = {
        grant: () => {
          leave();
          resolve(this.releaser());
        },
        refuse: (err) => {
          leave();
          reject(err);
        },
      };
      const onAbort = () => waiter.refuse(signal.reason);
      const timer = setTimeout(() => waiter.refuse(overloaded(`${this.describe()}: no slot ` +
        `came free within ${queueWaitMs} ms; retry in ${retryAfterS} s`, retryAfterS)),
      queueWaitMs);
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
    });
  }

  /** Refuses every waiting request and any new one; slots held stay until released. */
  close(): void {
    this.closed = true;
    for (const waiter of [...this.waiting]) waiter.refuse(shuttingDown());
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting[0];
      // The slot passes straight to the first in line, so the count never dips.
      if (next && !this.closed) next.grant();
      else this.running -= 1;
    };
  }

  private describe(): string {
    return this.kind === 'sweep' ? 'sweeps' : 'computations';
  }
}
