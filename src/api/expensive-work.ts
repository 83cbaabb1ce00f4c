// The one way into expensive work for the routes: the client's rate, its kind's gate,
// its time limit, its cancellation when the client goes, and the drain on shutdown.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { cancelled, shuttingDown, timedOut } from './api-error.ts';
import { Gate } from './admission.ts';
import type { ServerLimits, WorkKind } from './limits.ts';
import { RateLimiter } from './rate-limit.ts';
import type { TaskRunner } from './task-pool.ts';
import type { Task, TaskKind, TaskOutputs } from './work-tasks.ts';

/** Admitted work: its signal aborts on timeout, cancellation or shutdown. */
export interface Admitted {
  signal: AbortSignal;
  /** Gives the slot back; call once the work is over, however it ended. */
  finish: () => void;
}

export class ExpensiveWork {
  readonly limits: ServerLimits;
  private readonly gates: Record<WorkKind, Gate>;
  private readonly rate: RateLimiter;
  private readonly jobs = new Set<AbortController>();
  private closing = false;

  constructor(limits: ServerLimits, private readonly runner: TaskRunner, now?: () => number) {
    this.limits = limits;
    this.gates = {
      compute: new Gate('compute', limits.compute), sweep: new Gate('sweep', limits.sweep),
    };
    this.rate = new RateLimiter(limits.ratePerMinute, now);
  }

  /** Whether the server has stopped taking work. */
  get stopping(): boolean {
    return this.closing;
  }

  /** Work in flight now (slots held) and waiting, per kind. */
  load(kind: WorkKind): { active: number; queued: number } {
    return { active: this.gates[kind].active, queued: this.gates[kind].queued };
  }

  /**
   * Admits work of `kind` for `request`: throws 429, 503 or 499 as it must. `outer` (the
   * client's own cancel) aborts the work too. The kind's time limit runs from admission
   * unless `timed` is false (the task pool times its tasks from their start on a thread).
   */
  async admit(
    kind: WorkKind, request: FastifyRequest, what: string, outer?: AbortSignal, timed = true,
  ): Promise<Admitted> {
    if (this.closing) throw shuttingDown();
    this.rate.take(request.ip);
    const controller = new AbortController();
    const onOuter = () => controller.abort(cancelled(what));
    if (outer?.aborted) throw cancelled(what);
    outer?.addEventListener('abort', onOuter, { once: true });
    const unlink = () => outer?.removeEventListener('abort', onOuter);

    let release: () => void;
    try {
      release = await this.gates[kind].acquire(controller.signal);
    } catch (err) {
      unlink();
      throw err;
    }
    const { timeoutMs } = this.limits[kind];
    const timer = timed
      ? setTimeout(() => controller.abort(timedOut(what, timeoutMs)), timeoutMs) : null;
    this.jobs.add(controller);
    let finished = false;
    return {
      signal: controller.signal,
      finish: () => {
        if (finished) return;
        finished = true;
        if (timer) clearTimeout(timer);
        unlink();
        this.jobs.delete(controller);
        release();
      },
    };
  }

  /**
   * Runs a task through the compute gate on the task runner. The task is cancelled when
   * the client closes the connection before its answer.
   */
  async compute<K extends TaskKind>(
    request: FastifyRequest, reply: FastifyReply, task: Task<K>,
  ): Promise<TaskOutputs[K]> {
    const gone = new AbortController();
    const onClose = () => {
      if (!reply.raw.writableFinished) gone.abort();
    };
    reply.raw.once('close', onClose);
    const what = `the ${task.kind} request`;
    const job = await this.admit('compute', request, what, gone.signal, false);
    try {
      return await this.runner.run(task,
        { signal: job.signal, timeoutMs: this.limits.compute.timeoutMs, what });
    } finally {
      job.finish();
      reply.raw.removeListener('close', onClose);
    }
  }

  /**
   * Stops taking work (503 E_SHUTTING_DOWN), lets work in flight finish for up to
   * `drainMs`, then aborts what is left and ends the runner's threads.
   */
  async close(): Promise<void> {
    this.closing = true;
    for (const gate of Object.values(this.gates)) gate.close();
    const deadline = Date.now() + this.limits.drainMs;
    while (this.jobs.size > 0 && Date.now() < deadline) {
      await new Promise((done) => setTimeout(done, Math.min(50, deadline - Date.now())));
    }
    for (const controller of [...this.jobs]) controller.abort(shuttingDown());
    await this.runner.close();
  }
}
