// Saves one command-line simulation into the run history (`netsim simulate --save`).
import { basename, dirname, resolve } from 'node:path';
import type { SimulationResult } from '../engine/result.ts';
import { PROJECT_ROOT } from '../model/read-input.ts';
import { defaultStorePath, openRunStore } from './run-store.ts';

export interface CliRunInput {
  /** The scenario or topology file as given on the command line (absent: the default). */
  file?: string;
  year?: number;
  /** Ids given to `--fail`. */
  fail: string[];
}

/**
 * Stores the result in the run history; returns the run id and the store's file.
 * Scenario and topology ids are set when the file lies in the project's own folders.
 */
export function saveCliRun(
  result: SimulationResult, input: CliRunInput, file = defaultStorePath(),
) {
  const store = openRunStore(file);
  try {
    const id = store.save(result, {
      source: 'cli',
      scenarioId: idIn(input.file, 'scenarios') ?? (input.file ? null : 'baseline-2019'),
      topologyId: idIn(input.file, 'topology'),
      request: { file: input.file ?? null, year: input.year ?? null, fail: input.fail },
    });
    return { id, file: store.file };
  } finally {
    store.close();
  }
}

/** `plan-2023` for scenarios/plan-2023.yaml; null for a file outside `folder`. */
function idIn(file: string | undefined, folder: string): string | null {
  if (!file) return null;
  const path = resolve(file);
  if (dirname(path) !== resolve(PROJECT_ROOT, folder)) return null;
  return basename(path).replace(/\.ya?ml$/, '');
}
