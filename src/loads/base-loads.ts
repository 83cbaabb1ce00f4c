// The base loads of the `loads` rule, with nothing failed. Trees hanging from the 2-core
// need no routing: a tree link carries, each way, the demand between the two sides it
// separates. Their traffic enters the core at their roots, so the core is routed alone
// with each tree's weight on its root.
import { compileNetwork, type CompiledNetwork } from '../routing/compiled-network.ts';
import { hangingTrees } from '../routing/hanging-trees.ts';
import { routeByHops } from '../routing/hop-routing.ts';
import type { GravityModel } from './gravity.ts';

/** Loads by link: forward runs linkA to linkB. */
export interface BaseLoads {
  forward: Float64Array;
  reverse: Float64Array;
}

/**
 * Routes gravity demand by hop count on a connected network (the cleaned graph is),
 * one destination at a time straight from the weights, with no demand list, so that
 * memory stays linear in the network. Equal to the failure engine's base loads to
 * rounding.
 */
export function gravityBaseLoads(net: CompiledNetwork, gravity: GravityModel): BaseLoads {
  const n = net.nodeCount;
  const forward = new Float64Array(net.linkCount);
  const reverse = new Float64Array(net.linkCount);
  if (n < 2 || gravity.pairSum === 0) return { forward, reverse };
  const { weights, totalMbps, pairSum } = gravity;
  const scale = totalMbps / pairSum;
  let total = 0;
  for (let u = 0; u < n; u++) total += weights[u];

  // Each node's weight with all that hangs below it; a root ends with its tree's.
  const { root, parentLink, order } = hangingTrees(net);
  const carried = Float64Array.from(weights);
  for (let i = order.length - 1; i >= 0; i--) {
    const v = order[i];
    const e = parentLink[v];
    const parent = net.linkA[e] === v ? net.linkB[e] : net.linkA[e];
    carried[parent] += carried[v];
    forward[e] = scale * carried[v] * (total - carried[v]);
    reverse[e] = forward[e];
  }

  const roots: number[] = [];
  for (let u = 0; u < n; u++) if (root[u] === u) roots.push(u);
  if (roots.length < 2) return { forward, reverse };
  const isTreeLink = new Uint8Array(net.linkCount);
  for (const v of order) isTreeLink[parentLink[v]] = 1;
  const coreLinks: number[] = [];
  for (let e = 0; e < net.linkCount; e++) if (!isTreeLink[e]) coreLinks.push(e);
  const core = compileNetwork(roots.map((u) => net.nodeIds[u]), coreLinks.map((e) => ({
    id: String(e), a: net.nodeIds[net.linkA[e]], b: net.nodeIds[net.linkB[e]],
    capacityMbps: net.capacity[e], metric: 1,
  })));
  const coreWeight = Float64Array.from(roots, (u) => carried[u]);
  const coreForward = new Float64Array(core.linkCount);
  const coreReverse = new Float64Array(core.linkCount);
  const destinations = Int32Array.from(roots, (_, r) => r);
  routeByHops(core, destinations, (r, inflow) => {
    const f = scale * coreWeight[r];
    for (let x = 0; x < roots.length; x++) inflow[x] = f * coreWeight[x];
    inflow[r] = 0;
  }, coreForward, coreReverse);
  coreLinks.forEach((e, i) => {
    forward[e] = coreForward[i];
    reverse[e] = coreReverse[i];
  });
  return { forward, reverse };
}
