// The cleaning step of the `loads` rule: undirected, no self-loops, parallel edges
// collapsed, largest connected component only, nodes in a stated order.
import type { ImportedGraph } from '../io/imported-graph.ts';

/** A link of the cleaned graph: node indices into `CleanGraph.nodeIds`. */
export interface CleanLink {
  /** Ends as written in the file's first edge between the two nodes. */
  source: string;
  target: string;
  a: number;
  b: number;
}

/** The graph the `loads` rule routes on. */
export interface CleanGraph {
  /** Ids of the kept nodes, in node order. */
  nodeIds: string[];
  /** `population` of each kept node, where the file gives one. */
  population: (number | undefined)[];
  /** Links in the order of their first edge in the file, oriented as that edge. */
  links: CleanLink[];
  /** Distinct neighbours of each kept node. */
  degree: Int32Array;
  /** True when node order is numeric (every id is an integer). */
  numericOrder: boolean;
  dropped: { selfLoops: number; parallelEdges: number; nodes: number; edges: number };
}

const INTEGER = /^[+-]?\d+$/;

/**
 * Cleans an imported graph by the `loads` rule: direction ignored, self-loops dropped,
 * parallel edges collapsed into one link (the first, as written), and only the largest
 * connected component kept; on a tie in size, the component holding the node that
 * comes first in node order. Node order is numeric when every id is an integer, else
 * by string (UTF-16 code units).
 */
export function cleanGraph(graph: ImportedGraph): CleanGraph {
  // Every node of the file, plus any edge end the file did not declare.
  const ids = graph.nodes.map((node) => node.id);
  const population = new Map<string, number | undefined>();
  for (const node of graph.nodes) population.set(node.id, node.population);
  for (const edge of graph.edges) {
    for (const id of [edge.source, edge.target]) {
      if (!population.has(id)) {
        population.set(id, undefined);
        ids.push(id);
      }
    }
  }
  const numericOrder = ids.length > 0 && ids.every((id) => INTEGER.test(id));
  const ordered = sortIds(ids, numericOrder);
  const index = new Map<string, number>();
  ordered.forEach((id, i) => index.set(id, i));
  const n = ordered.length;

  // Collapse: one link per unordered pair, the first edge's orientation kept.
  const pairs = new Map<number, number>();
  const all: CleanLink[] = [];
  let selfLoops = 0;
  let parallelEdges = 0;
  for (const edge of graph.edges) {
    const a = index.get(edge.source)!;
    const b = index.get(edge.target)!;
    if (a === b) {
      selfLoops += 1;
      continue;
    }
    const key = Math.min(a, b) * n + Math.max(a, b);
    if (pairs.has(key)) {
      parallelEdges += 1;
      continue;
    }
    pairs.set(key, all.length);
    all.push({ source: edge.source, target: edge.target, a, b });
  }

  const component = largestComponent(n, all);
  const keep = new Int32Array(n).fill(-1);
  const nodeIds: string[] = [];
  for (let u = 0; u < n; u++) {
    if (component[u] === 1) {
      keep[u] = nodeIds.length;
      nodeIds.push(ordered[u]);
    }
  }
  const links: CleanLink[] = [];
  const degree = new Int32Array(nodeIds.length);
  for (const link of all) {
    if (keep[link.a] < 0) continue;
    const a = keep[link.a];
    const b = keep[link.b];
    links.push({ source: link.source, target: link.target, a, b });
    degree[a] += 1;
    degree[b] += 1;
  }

  return {
    nodeIds,
    population: nodeIds.map((id) => population.get(id)),
    links,
    degree,
    numericOrder,
    dropped: {
      selfLoops, parallelEdges, nodes: n - nodeIds.length, edges: all.length - links.length,
    },
  };
}

/** Sorts ids numerically (exactly, through BigInt) when `numeric`, else as strings. */
export function sortIds(ids: readonly string[], numeric: boolean): string[] {
  if (!numeric) return [...ids].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const keyed = ids.map((id) => ({ id, value: BigInt(id) }));
  keyed.sort((x, y) => {
    if (x.value !== y.value) return x.value < y.value ? -1 : 1;
    return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
  });
  return keyed.map((k) => k.id);
}

/**
 * Marks with 1 the nodes of the largest connected component. Components are found
 * from nodes in order, and only a strictly larger one replaces the best so far, so a
 * tie goes to the component holding the earliest node.
 */
function largestComponent(n: number, links: readonly CleanLink[]): Uint8Array {
  const parent = new Int32Array(n);
  for (let u = 0; u < n; u++) parent[u] = u;
  const find = (u: number): number => {
    while (parent[u] !== u) {
      parent[u] = parent[parent[u]];
      u = parent[u];
    }
    return u;
  };
  for (const { a, b } of links) {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }

  // With the smaller root kept, each root is its component's earliest node.
  const size = new Int32Array(n);
  for (let u = 0; u < n; u++) size[find(u)] += 1;
  let best = -1;
  for (let u = 0; u < n; u++) if (parent[u] === u && (best < 0 || size[u] > size[best])) best = u;
  const inBest = new Uint8Array(n);
  for (let u = 0; u < n; u++) if (find(u) === best) inBest[u] = 1;
  return inBest;
}
