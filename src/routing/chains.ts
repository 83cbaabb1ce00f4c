// The chains of a network: paths whose inner nodes have no other way out than along
// the path (bar trees hanging from them). A link sweep evaluates a chain's links
// together, since they differ only in which end each inner node hangs from.
import type { CompiledNetwork } from './compiled-network.ts';
import { hangingTrees } from './hanging-trees.ts';

/** A path v0 .. vL whose inner nodes have two links each outside the hanging trees. */
export interface LinkChain {
  /** v0 .. vL; v0 and vL are junctions (they may be the same node). */
  nodes: Int32Array;
  /** links[j] joins nodes[j] and nodes[j + 1]. */
  links: Int32Array;
  /**
   * Weight of each inner node with the trees hanging from it: inner[p - 1] for
   * nodes[p], p = 1 .. L - 1.
   */
  inner: Float64Array;
  /** Weight of every node outside the chain's inner nodes and their trees. */
  outside: number;
}

/** The chains of a network, and which chain's inside each node is part of. */
export interface ChainStructure {
  chains: LinkChain[];
  /** The chain whose inner nodes (or their trees) hold the node; -1 for none. */
  regionOf: Int32Array;
}

/**
 * Finds every chain of at least `minLength` links that is not a bridge. A node's
 * tree is what hangs from it outside the 2-core; `weights` are summed over it.
 * Networks with self-loops have none, so that every inner node has two neighbours.
 */
export function findChains(
  net: CompiledNetwork,
  weights: Float64Array,
  minLength: number,
): ChainStructure {
  const n = net.nodeCount;
  const { offsets, adjNode, adjLink, linkA, linkB } = net;
  const regionOf = new Int32Array(n).fill(-1);
  const chains: LinkChain[] = [];
  for (let e = 0; e < net.linkCount; e++) {
    if (linkA[e] === linkB[e]) return { chains, regionOf };
  }

  const { inCore, coreDegree, root } = hangingTrees(net);
  const rootWeight = new Float64Array(n);
  let total = 0;
  for (let u = 0; u < n; u++) {
    rootWeight[root[u]] += weights[u];
    total += weights[u];
  }
  const bridge = findBridges(net);
  const junction = (u: number) => inCore[u] === 1 && coreDegree[u] !== 2;
  const walked = new Uint8Array(net.linkCount);

  for (let a = 0; a < n; a++) {
    if (!junction(a)) continue;
    for (let k = offsets[a]; k < offsets[a + 1]; k++) {
      if (inCore[adjNode[k]] === 0 || walked[adjLink[k]]) continue;
      const nodes = [a];
      const links: number[] = [];
      let link = adjLink[k];
      let at = adjNode[k];
      for (;;) {
        walked[link] = 1;
        links.push(link);
        nodes.push(at);
        if (junction(at)) break;
        // An inner node: leave by its other link in the core.
        let out = -1;
        for (let q = offsets[at]; q < offsets[at + 1]; q++) {
          if (inCore[adjNode[q]] === 1 && adjLink[q] !== link) out = q;
        }
        link = adjLink[out];
        at = adjNode[out];
      }
      if (links.length < minLength || bridge[links[0]]) continue;
      const region = chains.length;
      const inner = new Float64Array(links.length - 1);
      let innerSum = 0;
      for (let p = 1; p < links.length; p++) {
        inner[p - 1] = rootWeight[nodes[p]];
        innerSum += inner[p - 1];
        regionOf[nodes[p]] = region;
      }
      chains.push({
        nodes: Int32Array.from(nodes), links: Int32Array.from(links), inner,
        outside: total - innerSum,
      });
    }
  }
  for (let u = 0; u < n; u++) if (regionOf[root[u]] >= 0) regionOf[u] = regionOf[root[u]];
  return { chains, regionOf };
}

/** 1 for each link whose removal disconnects its ends (parallel links are not bridges). */
export function findBridges(net: CompiledNetwork): Uint8Array {
  const n = net.nodeCount;
  const { offsets, adjNode, adjLink } = net;
  const bridge = new Uint8Array(net.linkCount);
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  // Depth-first, iteratively: the node, the link it was entered by, its next entry.
  const stackNode = new Int32Array(n);
  const stackLink = new Int32Array(n);
  const stackNext = new Int32Array(n);
  let counter = 0;
  for (let s = 0; s < n; s++) {
    if (order[s] >= 0) continue;
    let top = 0;
    stackNode[0] = s;
    stackLink[0] = -1;
    stackNext[0] = offsets[s];
    order[s] = low[s] = counter++;
    while (top >= 0) {
      const u = stackNode[top];
      const k = stackNext[top];
      if (k < offsets[u + 1]) {
        stackNext[top] = k + 1;
        const v = adjNode[k];
        if (adjLink[k] === stackLink[top]) continue;
        if (order[v] < 0) {
          order[v] = low[v] = counter++;
          top += 1;
          stackNode[top] = v;
          stackLink[top] = adjLink[k];
          stackNext[top] = offsets[v];
        } else if (order[v] < low[u]) {
          low[u] = order[v];
        }
        continue;
      }
      top -= 1;
      if (top >= 0) {
        const parent = stackNode[top];
        if (low[u] < low[parent]) low[parent] = low[u];
        if (low[u] > order[parent]) bridge[stackLink[top + 1]] = 1;
      }
    }
  }
  return bridge;
}
