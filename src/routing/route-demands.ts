// Demands onto links: shortest paths per destination with equal-cost multipath
// splitting at every node, accumulated in one pass over each destination's DAG.
import type { CompiledNetwork, FailureMask } from './compiled-network.ts';
import { emptyMask } from './compiled-network.ts';
import { createScratch, searchToTarget, type SearchScratch } from './distances.ts';

/** Demands grouped by destination: group g sends to dest[g] from entries start[g]..start[g+1). */
export interface DemandMatrix {
  readonly dest: Int32Array;
  readonly start: Int32Array;
  readonly source: Int32Array;
  readonly mbps: Float64Array;
  /** For entry i, the index of the demand it came from in the caller's list. */
  readonly origin: Int32Array;
  /** How many demands the caller gave, self-demands included. */
  readonly demandCount: number;
}

export interface NodeDemand {
  from: number;
  to: number;
  mbps: number;
}

/** Loads per link direction, and what could not be routed. */
export interface RoutedLoads {
  /** Mbps from linkA to linkB. */
  forward: Float64Array;
  /** Mbps from linkB to linkA. */
  reverse: Float64Array;
  /** 1 for each demand (in the caller's order) that found no path. */
  unrouted: Uint8Array;
  unroutedMbps: number;
}

/** Groups demands by destination. Demands from a node to itself are left out. */
export function groupByDestination(
  nodeCount: number,
  demands: readonly NodeDemand[],
): DemandMatrix {
  const counts = new Int32Array(nodeCount);
  for (const d of demands) if (d.from !== d.to) counts[d.to] += 1;

  const dests: number[] = [];
  for (let t = 0; t < nodeCount; t++) if (counts[t] > 0) dests.push(t);
  const start = new Int32Array(dests.length + 1);
  const slot = new Int32Array(nodeCount);
  dests.forEach((t, g) => {
    start[g + 1] = start[g] + counts[t];
    slot[t] = start[g];
  });

  const total = start[dests.length];
  const source = new Int32Array(total);
  const mbps = new Float64Array(total);
  const origin = new Int32Array(total);
  demands.forEach((d, i) => {
    if (d.from === d.to) return;
    const k = slot[d.to]++;
    source[k] = d.from;
    mbps[k] = d.mbps;
    origin[k] = i;
  });
  return {
    dest: Int32Array.from(dests), start, source, mbps, origin, demandCount: demands.length,
  };
}

/**
 * Routes every demand. At each node the traffic for a destination (what the node
 * sends plus what reaches it) is split evenly over its next hops, the neighbours
 * one link closer on a shortest path; a path's share is the product of those splits.
 * Nodes are visited farthest first, so each one's traffic is complete when split.
 */
export function routeDemands(
  net: CompiledNetwork,
  matrix: DemandMatrix,
  mask: FailureMask = emptyMask(net),
): RoutedLoads {
  const forward = new Float64Array(net.linkCount);
  const reverse = new Float64Array(net.linkCount);
  const unrouted = new Uint8Array(matrix.demandCount);
  const scratch = createScratch(net);
  const inflow = new Float64Array(net.nodeCount);
  let unroutedMbps = 0;

  for (let g = 0; g < matrix.dest.length; g++) {
    const t = matrix.dest[g];
    searchToTarget(net, t, mask, scratch);

    for (let k = matrix.start[g]; k < matrix.start[g + 1]; k++) {
      const s = matrix.source[k];
      if (scratch.dist[s] === Infinity || mask.nodeDown[s]) {
        unrouted[matrix.origin[k]] = 1;
        unroutedMbps += matrix.mbps[k];
      } else {
        inflow[s] += matrix.mbps[k];
      }
    }
    pushDown(net, mask, scratch, inflow, forward, reverse);
  }
  return { forward, reverse, unrouted, unroutedMbps };
}

/**
 * Splits each node's inflow over its next hops, farthest node first, adding the
 * shares to link loads. Leaves `inflow` zeroed for the next destination.
 */
export function pushDown(
  net: CompiledNetwork,
  mask: FailureMask,
  s: SearchScratch,
  inflow: Float64Array,
  forward: Float64Array,
  reverse: Float64Array,
): void {
  const { offsets, adjNode, adjLink, cost, linkA } = net;
  const { dist, order } = s;
  for (let i = s.settled - 1; i > 0; i--) {
    const u = order[i];
    const x = inflow[u];
    if (x === 0) continue;
    inflow[u] = 0;

    const du = dist[u];
    let nextHops = 0;
    for (let k = offsets[u]; k < offsets[u + 1]; k++) {
      const e = adjLink[k];
      if (!mask.linkDown[e] && dist[adjNode[k]] + cost[e] === du) nextHops += 1;
    }
    const share = x / nextHops;
    for (let k = offsets[u]; k < offsets[u + 1]; k++) {
      const e = adjLink[k];
      const v = adjNode[k];
      if (mask.linkDown[e] || dist[v] + cost[e] !== du) continue;
      if (linkA[e] === u) forward[e] += share;
      else reverse[e] += share;
      inflow[v] += share;
    }
  }
  // The destination absorbs what reached it.
  if (s.settled > 0) inflow[order[0]] = 0;
}
