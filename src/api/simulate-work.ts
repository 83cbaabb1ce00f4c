// Runs the engine on loaded work under a failure: the same call `netsim simulate`
// makes (the DRC takes over while the data centre is down), so the figures agree.
import { simulateInput } from '../engine/simulate.ts';
import type { SimulationResult } from '../engine/result.ts';
import { resolveFailure, sharedRiskGroups } from '../failure/failure-set.ts';
import { InputError } from '../model/errors.ts';
import type { LoadedWork } from './load-work.ts';

/**
 * Simulates the work with the scenario's own failures plus `fail`. Unknown ids in
 * `fail` are refused with their place in the request (`fail[2]`).
 */
export function simulateWork(loaded: LoadedWork, fail: readonly string[] = []): SimulationResult {
  const { network, input } = loaded;
  try {
    resolveFailure(network, fail, 'request body', sharedRiskGroups(network));
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    throw new InputError(err.code, 'request body', err.issues.map((i) => ({
      ...i, path: `fail${i.path}`,
    })));
  }
  // The network, not the input's: a request's own changes are applied to it.
  return simulateInput({ ...input, network }, fail, loaded.scenarioRef);
}
