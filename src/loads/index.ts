// The `loads` rule: a fully specified load computation any other tool can reproduce.
export { cleanGraph, sortIds, type CleanGraph, type CleanLink } from './clean-graph.ts';
export {
  MAX_SWEEP_DEMANDS, baseLoads, computeLoads, prepareLoads, type LinkDirection,
  type LinkFailureLoads, type LoadsEdge, type LoadsOptions, type LoadsResult,
  type NodeFailureLoads, type PreparedLoads,
} from './compute-loads.ts';
export {
  gravityDemand, gravityMatrix, gravityModel, type GravityModel, type WeightBasis,
} from './gravity.ts';
export { loadsText, type LoadsTextOptions } from './loads-text.ts';
