// An independent, deliberately plain implementation of the `loads` rule, for tests only.
// It shares no code with src/routing or src/loads: string ids, Maps and Sets, one
// breadth-first search per destination, and the rule's own words for the split.

/** The parts of a graph the rule reads. */
export interface RefGraph {
  nodes: { id: string; population?: number }[];
  edges: { source: string; target: string }[];
}

export interface RefOptions {
  total: number;
  capacity: number;
  n1?: boolean;
  /** With `n1`, fail only these links (indices into the cleaned links). */
  n1Links?: number[];
  n1Nodes?: boolean;
}

export interface RefEdge {
  source: string;
  target: string;
  forward: number;
  reverse: number;
}

export interface RefResult {
  nodes: number;
  links: number;
  edges: RefEdge[];
  maxUtilization: number;
  linkFailures: { source: string; target: string; unroutedDemands: number;
    unroutedMbps: number; maxUtilization: number }[];
  nodeFailures: { node: string; lostMbps: number; unroutedMbps: number;
    maxUtilization: number }[];
}

type Adjacency = Map<string, Set<string>>;

/** The `loads` rule, computed from its definition. */
export function referenceLoads(graph: RefGraph, options: RefOptions): RefResult {
  const { order, links, adjacency } = clean(graph);
  const population = new Map(graph.nodes.map((node) => [node.id, node.population]));
  const usePopulation = order.every((id) => (population.get(id) ?? 0) > 0);
  const weight = new Map(order.map((id) => [
    id, usePopulation ? population.get(id)! : adjacency.get(id)!.size,
  ]));

  // The normaliser, summed pair by pair as the rule states it.
  let pairs = 0;
  for (const a of order) {
    for (const b of order) if (a !== b) pairs += weight.get(a)! * weight.get(b)!;
  }
  const demand = (s: string, t: string) =>
    pairs === 0 ? 0 : (options.total * weight.get(s)! * weight.get(t)!) / pairs;

  const utilisation = (loads: Map<string, number>) => {
    let max = 0;
    for (const x of loads.values()) max = Math.max(max, x / options.capacity);
    return max;
  };
  const base = route(order, adjacency, demand);
  const result: RefResult = {
    nodes: order.length,
    links: links.length,
    edges: links.map(([source, target]) => ({
      source, target,
      forward: base.loads.get(`${source}>${target}`) ?? 0,
      reverse: base.loads.get(`${target}>${source}`) ?? 0,
    })),
    maxUtilization: utilisation(base.loads),
    linkFailures: [],
    nodeFailures: [],
  };

  if (options.n1) {
    const chosen = options.n1Links ?? links.map((_, i) => i);
    for (const [source, target] of chosen.map((i) => links[i])) {
      const cut = copy(adjacency);
      cut.get(source)!.delete(target);
      cut.get(target)!.delete(source);
      const r = route(order, cut, demand);
      result.linkFailures.push({
        source, target, unroutedDemands: r.unroutedDemands, unroutedMbps: r.unroutedMbps,
        maxUtilization: utilisation(r.loads),
      });
    }
  }
  if (options.n1Nodes) {
    for (const node of order) {
      const cut = copy(adjacency);
      for (const other of cut.get(node)!) cut.get(other)!.delete(node);
      cut.delete(node);
      const rest = order.filter((id) => id !== node);
      let lostMbps = 0;
      for (const other of rest) lostMbps += demand(node, other) + demand(other, node);
      const r = route(rest, cut, demand);
      result.nodeFailures.push({
        node, lostMbps, unroutedMbps: r.unroutedMbps, maxUtilization: utilisation(r.loads),
      });
    }
  }
  return result;
}

/**
 * Routes every demand between `nodes`: per destination a breadth-first search, then
 * nodes from the farthest in, each splitting what it holds evenly over its
 * neighbours one hop closer. Loads are keyed `from>to`.
 */
export function route(
  nodes: string[],
  adjacency: Adjacency,
  demand: (s: string, t: string) => number,
): { loads: Map<string, number>; unroutedDemands: number; unroutedMbps: number } {
  const loads = new Map<string, number>();
  let unroutedDemands = 0;
  let unroutedMbps = 0;
  for (const t of nodes) {
    const dist = distancesTo(t, adjacency);
    const held = new Map<string, number>();
    for (const s of nodes) {
      if (s === t) continue;
      if (!dist.has(s)) {
        unroutedDemands += 1;
        unroutedMbps += demand(s, t);
      } else {
        held.set(s, demand(s, t));
      }
    }
    const farthestFirst = [...dist.keys()].sort((a, b) => dist.get(b)! - dist.get(a)!);
    for (const u of farthestFirst) {
      if (u === t) continue;
      const amount = held.get(u) ?? 0;
      const closer = [...adjacency.get(u)!].filter((v) => dist.get(v) === dist.get(u)! - 1);
      for (const v of closer) {
        const key = `${u}>${v}`;
        loads.set(key, (loads.get(key) ?? 0) + amount / closer.length);
        held.set(v, (held.get(v) ?? 0) + amount / closer.length);
      }
    }
  }
  return { loads, unroutedDemands, unroutedMbps };
}

/**
 * The share of traffic from s to t that crosses each directed link, by enumerating
 * every shortest path: a path's share is the product of 1/(next hops) along it.
 * Exponential in general; for small graphs only.
 */
export function pathShares(adjacency: Adjacency, s: string, t: string): Map<string, number> {
  const dist = distancesTo(t, adjacency);
  const shares = new Map<string, number>();
  const walk = (u: string, share: number, path: string[]) => {
    if (u === t) {
      for (const key of path) shares.set(key, (shares.get(key) ?? 0) + share);
      return;
    }
    const closer = [...adjacency.get(u)!].filter((v) => dist.get(v) === dist.get(u)! - 1);
    for (const v of closer) walk(v, share / closer.length, [...path, `${u}>${v}`]);
  };
  if (dist.has(s)) walk(s, 1, []);
  return shares;
}

/** Hop counts to t over the adjacency; unreachable nodes are absent. */
function distancesTo(t: string, adjacency: Adjacency): Map<string, number> {
  const dist = new Map<string, number>([[t, 0]]);
  const queue = [t];
  for (let i = 0; i < queue.length; i++) {
    for (const v of adjacency.get(queue[i]) ?? []) {
      if (dist.has(v)) continue;
      dist.set(v, dist.get(queue[i])! + 1);
      queue.push(v);
    }
  }
  return dist;
}

/**
 * Undirected simple graph of the largest component: self-loops dropped, one link per
 * pair of nodes (ends as the first edge between them gives them), and ids in node
 * order (numeric when every id is an integer, else by string).
 */
export function clean(graph: RefGraph): {
  order: string[];
  links: [string, string][];
  adjacency: Adjacency;
} {
  const ids: string[] = [];
  const seen = new Set<string>();
  const named = [
    ...graph.nodes.map((n) => n.id),
    ...graph.edges.flatMap((e) => [e.source, e.target]),
  ];
  for (const id of named) {
    if (!seen.has(id)) {
      seen.add(id);
      ids.push(id);
    }
  }
  const numeric = ids.length > 0 && ids.every((id) => /^[-+]?[0-9]+$/.test(id));
  const order = [...ids].sort((a, b) => {
    if (numeric) {
      const x = BigInt(a);
      const y = BigInt(b);
      if (x !== y) return x < y ? -1 : 1;
    }
    return a < b ? -1 : a > b ? 1 : 0;
  });

  const adjacency: Adjacency = new Map(order.map((id) => [id, new Set<string>()]));
  const links: [string, string][] = [];
  for (const { source, target } of graph.edges) {
    if (source === target || adjacency.get(source)!.has(target)) continue;
    adjacency.get(source)!.add(target);
    adjacency.get(target)!.add(source);
    links.push([source, target]);
  }

  // Largest component; a tie goes to the one found first, walking nodes in order.
  let best = new Set<string>();
  const placed = new Set<string>();
  for (const id of order) {
    if (placed.has(id)) continue;
    const component = new Set<string>([id]);
    const stack = [id];
    while (stack.length > 0) {
      for (const v of adjacency.get(stack.pop()!)!) {
        if (!component.has(v)) {
          component.add(v);
          stack.push(v);
        }
      }
    }
    for (const v of component) placed.add(v);
    if (component.size > best.size) best = component;
  }

  const kept = order.filter((id) => best.has(id));
  const keptAdjacency: Adjacency = new Map(kept.map((id) => [id, new Set(adjacency.get(id))]));
  return {
    order: kept,
    links: links.filter(([a]) => best.has(a)),
    adjacency: keptAdjacency,
  };
}

function copy(adjacency: Adjacency): Adjacency {
  return new Map([...adjacency].map(([id, set]) => [id, new Set(set)]));
}
