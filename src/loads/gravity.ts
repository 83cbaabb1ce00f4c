// The demand of the `loads` rule: a gravity model over every ordered pair of nodes.
import type { DemandMatrix } from '../routing/route-demands.ts';
import type { CleanGraph } from './clean-graph.ts';

/** What a node's gravity weight is. */
export type WeightBasis = 'population' | 'degree';

/** Gravity weights and the normaliser that makes all demands add up to the total. */
export interface GravityModel {
  basis: WeightBasis;
  weights: Float64Array;
  /** Sum over ordered pairs a != b of w(a) * w(b); 0 when there is no pair. */
  pairSum: number;
  totalMbps: number;
}

/**
 * Weights by the `loads` rule: each node's `population` if every node has one above
 * 0, else its degree in the cleaned graph.
 */
export function gravityModel(clean: CleanGraph, totalMbps: number): GravityModel {
  const n = clean.nodeIds.length;
  const usePopulation = n > 0 && clean.population.every((p) => p !== undefined && p > 0);
  const weights = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    weights[u] = usePopulation ? (clean.population[u] as number) : clean.degree[u];
  }
  // Sum of w(a) * (W - w(a)) rather than W^2 - sum w^2, which can cancel.
  let total = 0;
  for (let u = 0; u < n; u++) total += weights[u];
  let pairSum = 0;
  for (let u = 0; u < n; u++) pairSum += weights[u] * (total - weights[u]);
  return { basis: usePopulation ? 'population' : 'degree', weights, pairSum, totalMbps };
}

/** The demand from s to t (s != t): total * w(s) * w(t) / pairSum. */
export function gravityDemand(model: GravityModel, s: number, t: number): number {
  if (model.pairSum === 0) return 0;
  return (model.totalMbps * model.weights[s] * model.weights[t]) / model.pairSum;
}

/**
 * Every ordered pair's demand, grouped by destination in node order: group t holds
 * the sources 0..n-1 except t, and demand k of the caller's list is entry k.
 */
export function gravityMatrix(model: GravityModel): DemandMatrix {
  const n = model.weights.length;
  const groups = n > 1 ? n : 0;
  const count = groups * (n - 1);
  const dest = new Int32Array(groups);
  const start = new Int32Array(groups + 1);
  const source = new Int32Array(count);
  const mbps = new Float64Array(count);
  const origin = new Int32Array(count);
  let k = 0;
  for (let t = 0; t < groups; t++) {
    dest[t] = t;
    for (let s = 0; s < n; s++) {
      if (s === t) continue;
      source[k] = s;
      mbps[k] = gravityDemand(model, s, t);
      origin[k] = k;
      k += 1;
    }
    start[t + 1] = k;
  }
  return { dest, start, source, mbps, origin, demandCount: count };
}
