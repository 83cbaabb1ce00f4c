// The bandwidth simulation as every face runs it: the network at peak hour with some
// elements failed, the DRC taking over while the site it stands in for is down, and
// the year's application servers. Pure: it reads nothing and logs nothing.
import { failoversFor, preparedWithFailover, prepareWithDrc } from '../drc/failover.ts';
import { resolveFailure } from '../failure/failure-set.ts';
import type { Network } from '../model/network.ts';
import type { LoadedInput } from '../model/read-input.ts';
import type { Catalogue } from '../servers/catalogue-schema.ts';
import { serversSummary } from '../servers/summary.ts';
import { evaluate } from './evaluate.ts';
import type { SimulationResult } from './result.ts';

export {
  evaluate, maskFor, prepareNetwork, round6, type PreparedNetwork,
} from './evaluate.ts';

export interface SimulateOptions {
  /** Link, site or group ids to fail. */
  fail?: readonly string[];
  /** Where `fail` came from, for error messages. */
  failSource?: string;
  scenario?: { name: string; file: string } | null;
  /** The application catalogue, for the result's `servers` figures. */
  catalogue?: Catalogue | null;
}

/**
 * Simulates the network at peak hour with the given elements failed. The DRC's
 * replication traffic is on the network, and while the site a DRC stands in for is
 * failed, the classes it takes over go to the DRC (the result's `failover`).
 */
export function simulate(network: Network, options: SimulateOptions = {}): SimulationResult {
  const prepared = prepareWithDrc(network);
  const failure = resolveFailure(prepared.network, options.fail ?? [], options.failSource,
    prepared.groups);
  const routed = preparedWithFailover(prepared, failure);
  const result = evaluate(routed, failure, options.scenario ?? null);
  result.failover = failoversFor(prepared.network, failure.sites);
  if (options.catalogue) result.servers = serversSummary(options.catalogue, network.year);
  return result;
}

/**
 * Simulates a loaded scenario or topology with its own failures plus `fail`, as every
 * face runs it (the command line and the API agree by construction).
 */
export function simulateInput(
  input: LoadedInput,
  fail: readonly string[] = [],
  scenario: SimulationResult['scenario'] = input.scenario
    ? { name: input.scenario.name, file: input.file } : null,
): SimulationResult {
  return simulate(input.network, {
    fail: [...input.fail, ...fail],
    scenario,
    catalogue: input.catalogue,
  });
}
