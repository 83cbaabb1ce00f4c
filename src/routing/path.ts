// One route between two sites, for the question "how does A reach B?": its hops,
// latency, and the tightest link on it under the simulated loads.
import { dijkstra } from 'graphology-shortest-path';
import { toGraph } from '../model/graph.ts';
import type { Network } from '../model/network.ts';
import type { LinkLoad } from '../engine/result.ts';

export interface PathHop {
  link: string;
  from: string;
  to: string;
  medium: string;
  capacityMbps: number;
  latencyMs: number | null;
  /** Load in the direction of travel, and its utilisation. */
  loadMbps: number;
  utilization: number;
}

export interface PathResult {
  from: string;
  to: string;
  reachable: boolean;
  hops: PathHop[];
  /** Sum of the hops' latencies; null if any hop's latency is unknown. */
  latencyMs: number | null;
  cost: number;
  /** The hop with the least headroom. */
  tightest: PathHop | null;
}

/**
 * A least-cost path from `from` to `to` (graphology's bidirectional Dijkstra), over
 * the links left up. Between two nodes joined by parallel links it takes the cheapest,
 * then the widest. `loads` gives each hop's load in the direction of travel.
 */
export function findPath(
  network: Network,
  from: string,
  to: string,
  loads: readonly LinkLoad[],
  down: { links?: readonly string[]; sites?: readonly string[] } = {},
): PathResult {
  const graph = toGraph(network, down);
  const empty: PathResult = {
    from, to, reachable: false, hops: [], latencyMs: null, cost: 0, tightest: null,
  };
  if (!graph.hasNode(from) || !graph.hasNode(to)) return empty;
  const nodes = dijkstra.bidirectional(graph, from, to, 'cost');
  if (!nodes) return empty;

  const loadById = new Map(loads.map((l) => [l.id, l]));
  const hops: PathHop[] = [];
  let cost = 0;
  for (let i = 0; i + 1 < nodes.length; i++) {
    const [u, v] = [nodes[i], nodes[i + 1]];
    const edge = graph.edges(u, v)
      .map((key) => ({ key, attrs: graph.getEdgeAttributes(key) }))
      .sort((p, q) =>
        p.attrs.cost - q.attrs.cost || q.attrs.capacityMbps - p.attrs.capacityMbps)[0];
    const load = loadById.get(edge.key);
    const forward = load?.source === u;
    const loadMbps = load ? (forward ? load.loadMbps.forward : load.loadMbps.reverse) : 0;
    cost += edge.attrs.cost;
    hops.push({
      link: edge.key, from: u, to: v, medium: edge.attrs.medium,
      capacityMbps: edge.attrs.capacityMbps, latencyMs: edge.attrs.latencyMs,
      loadMbps, utilization: loadMbps / edge.attrs.capacityMbps,
    });
  }

  const latencies = hops.map((h) => h.latencyMs);
  const latencyMs = latencies.some((l) => l === null)
    ? null
    : latencies.reduce<number>((a, b) => a + (b ?? 0), 0);
  const headroom = (h: PathHop) => h.capacityMbps - h.loadMbps;
  const tightest = hops.reduce<PathHop | null>((worst, h) =>
    (worst === null || headroom(h) < headroom(worst) ? h : worst), null);
  return { from, to, reachable: true, hops, latencyMs, cost, tightest };
}
