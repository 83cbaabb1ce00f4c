// The figures a run's row keeps beside its result, so that the history lists runs
// without reading whole results. Pure: it can run on the thread that simulated.
import type { SimulationResult } from '../engine/result.ts';

export interface RunFigures {
  scenarioName: string | null;
  networkName: string;
  year: number;
  failed: string[];
  totalMbps: number;
  unroutedMbps: number;
  lostMbps: number;
  overloaded: number;
  cutOff: number;
  resultSchema: number;
}

/** A result's figures at a glance. */
export function runFigures(result: SimulationResult): RunFigures {
  return {
    scenarioName: result.scenario?.name ?? null,
    networkName: result.network.name,
    year: result.network.year,
    failed: result.failed.elements.map((e) => e.id),
    totalMbps: result.demand.totalMbps,
    unroutedMbps: result.unroutedMbps,
    lostMbps: result.lostMbps,
    overloaded: result.overloaded.length,
    cutOff: result.cutOff.length,
    resultSchema: result.schemaVersion,
  };
}
