// Failures: failure sets and shared-risk groups, and sweeps over every single or double
// failure, in this thread or on worker threads.
export {
  resolveFailure, sharedRiskGroups, type ResolvedFailure, type SharedRiskGroup,
} from './failure-set.ts';
export {
  addToMask, effectOf, ELEMENT_KINDS, sweepElements, type ElementKind, type SweepElement,
} from './sweep-elements.ts';
export {
  caseFromResult, figuresFromLoads, linkFigures,
  type CaseFigures, type CaseLoads, type LinkFigures,
} from './case-figures.ts';
export {
  assembleSweep, caseCount, planSweep, runSweep, runSweepRange, SWEEP_SCHEMA_VERSION,
  type SweepCase, type SweepLink, type SweepOptions, type SweepPart, type SweepPlan,
  type SweepResult,
} from './sweep.ts';
export { autoWorkers, runSweepParallel, type ParallelSweepOptions } from './parallel-sweep.ts';
