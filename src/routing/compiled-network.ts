// The compiled routing view: nodes and links as typed arrays, adjacency in CSR form.
// Built once per network; a failure is a mask over it, never a copied graph.

/** What the compiler needs of a link. */
export interface LinkSpec {
  id: string;
  a: string;
  b: string;
  capacityMbps: number;
  /** Positive integer routing cost. */
  metric: number;
  /** Backup links carry traffic only when no path without them exists. */
  backup?: boolean;
}

export interface CompiledNetwork {
  readonly nodeCount: number;
  readonly linkCount: number;
  readonly nodeIds: readonly string[];
  readonly nodeIndex: ReadonlyMap<string, number>;
  readonly linkIds: readonly string[];
  readonly linkIndex: ReadonlyMap<string, number>;
  /** Link ends; a load "forward" runs from linkA to linkB. */
  readonly linkA: Int32Array;
  readonly linkB: Int32Array;
  readonly capacity: Float64Array;
  /** Effective routing cost; backups are priced above every primary path. */
  readonly cost: Float64Array;
  readonly isBackup: Uint8Array;
  /** True when every link costs 1, so breadth-first search gives distances. */
  readonly unitCost: boolean;
  /** CSR adjacency: the neighbours of node u are adjNode[offsets[u] .. offsets[u+1]). */
  readonly offsets: Int32Array;
  readonly adjNode: Int32Array;
  readonly adjLink: Int32Array;
}

/**
 * Compiles nodes and links into arrays. Parallel links stay distinct. A backup link
 * costs more than the sum of all primary costs, so a shortest path takes one only
 * when no path of primaries remains (the floating-static-route rule).
 */
export function compileNetwork(
  nodeIds: readonly string[],
  links: readonly LinkSpec[],
): CompiledNetwork {
  const n = nodeIds.length;
  const m = links.length;
  const nodeIndex = new Map<string, number>();
  nodeIds.forEach((id, i) => nodeIndex.set(id, i));

  const linkA = new Int32Array(m);
  const linkB = new Int32Array(m);
  const capacity = new Float64Array(m);
  const cost = new Float64Array(m);
  const isBackup = new Uint8Array(m);
  const degree = new Int32Array(n + 1);
  let primaryCostSum = 0;

  links.forEach((link, e) => {
    const a = nodeIndex.get(link.a);
    const b = nodeIndex.get(link.b);
    if (a === undefined || b === undefined) {
      throw new Error(`compileNetwork: link "${link.id}" has an end that is not a node`);
    }
    linkA[e] = a;
    linkB[e] = b;
    capacity[e] = link.capacityMbps;
    cost[e] = link.metric;
    isBackup[e] = link.backup ? 1 : 0;
    if (!link.backup) primaryCostSum += link.metric;
    degree[a] += 1;
    degree[b] += 1;
  });

  let unitCost = true;
  for (let e = 0; e < m; e++) {
    if (isBackup[e]) cost[e] = (primaryCostSum + 1) * cost[e];
    if (cost[e] !== 1) unitCost = false;
  }

  const offsets = new Int32Array(n + 1);
  for (let u = 0; u < n; u++) offsets[u + 1] = offsets[u] + degree[u];
  const fill = offsets.slice(0, n);
  const adjNode = new Int32Array(2 * m);
  const adjLink = new Int32Array(2 * m);
  for (let e = 0; e < m; e++) {
    const a = linkA[e];
    const b = linkB[e];
    adjNode[fill[a]] = b;
    adjLink[fill[a]++] = e;
    adjNode[fill[b]] = a;
    adjLink[fill[b]++] = e;
  }

  const linkIds = links.map((l) => l.id);
  const linkIndex = new Map<string, number>();
  linkIds.forEach((id, e) => linkIndex.set(id, e));

  return {
    nodeCount: n, linkCount: m, nodeIds: [...nodeIds], nodeIndex, linkIds, linkIndex,
    linkA, linkB, capacity, cost, isBackup, unitCost, offsets, adjNode, adjLink,
  };
}

/** Which links and nodes are down. A down node takes its links with it. */
export interface FailureMask {
  readonly linkDown: Uint8Array;
  readonly nodeDown: Uint8Array;
}

/** A mask with nothing down. */
export function emptyMask(net: CompiledNetwork): FailureMask {
  return { linkDown: new Uint8Array(net.linkCount), nodeDown: new Uint8Array(net.nodeCount) };
}
