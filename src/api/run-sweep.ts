// A failure sweep for the API: the failure module's plan, evaluated on a worker thread
// (so the server keeps answering, and a cancel or a shutdown stops it at once), then
// assembled exactly as `netsim sweep` assembles it.
import type { SweepResult } from '../failure/sweep.ts';
import type { ElementKind } from '../failure/sweep-elements.ts';
import { InputError } from '../model/errors.ts';
import { bundled, startWorker } from '../worker-bundle.ts';
import { ApiError } from './api-error.ts';
import type { LoadedWork } from './load-work.ts';
import type { SweepWorkerData, SweepWorkerMessage } from './sweep-worker.ts';

const ENTRY = new URL('./sweep-worker.ts', import.meta.url);

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

/**
 * Runs the sweep; when the signal aborts, the worker is ended and the promise rejects
 * with the signal's reason if that is an ApiError (503 E_TIMEOUT, E_SHUTTING_DOWN), else
 * with 499 E_CANCELLED.
 */
export async function runSweep(
  loaded: LoadedWork,
  request: SweepRequest,
): Promise<SweepAnswer> {
  const data: SweepWorkerData = {
    network: loaded.network,
    options: {
      depth: request.depth, kinds: request.kinds, top: request.top,
      baseFail: [...loaded.input.fail, ...request.fail], scenario: loaded.scenarioRef,
    },
  };
  await bundled(ENTRY);
  return new Promise((resolve, reject) => {
    const cancelled = () => (request.signal.reason instanceof ApiError ? request.signal.reason
      : new ApiError(499, 'E_CANCELLED', 'the sweep was cancelled'));
    if (request.signal.aborted) return reject(cancelled());
    const worker = startWorker(ENTRY, { workerData: data });
    const stop = () => {
      void worker.terminate();
      reject(cancelled());
    };
    request.signal.addEventListener('abort', stop, { once: true });
    const settle = () => request.signal.removeEventListener('abort', stop);

    worker.on('message', (message: SweepWorkerMessage) => {
      if (message.type === 'progress') {
        request.onProgress(message.done, message.total);
        return;
      }
      settle();
      void worker.terminate();
      if (message.type === 'input-error') {
        reject(new InputError(message.code, message.file, message.issues));
      } else {
        const result = message.result;
        resolve(request.allCases ? { ...result, casesOmitted: false }
          : { ...result, cases: result.worst, casesOmitted: true });
      }
    });
    worker.once('error', (err) => {
      settle();
      reject(err);
    });
    worker.once('exit', (code) => {
      settle();
      reject(new Error(`sweep worker stopped (exit code ${code}) before its result`));
    });
  });
}
