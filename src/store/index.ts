// Run history: a SQLite file of saved simulation results (data/netsim.sqlite by default).
export { migrate, SCHEMA_VERSION } from './migrations.ts';
export {
  defaultStorePath, openRunStore, RunStore,
  type RunInput, type RunStoreOptions, type RunSummary, type StoredRun,
} from './run-store.ts';
export { runFigures, type RunFigures } from './run-figures.ts';
export { saveCliRun, type CliRunInput } from './save-cli-run.ts';
