// The 2-core of a network and the trees hanging from it. A tree link is a bridge whose
// loads under gravity demand follow from weights alone, and a tree's traffic enters
// the core at its root, so routing can run on the core with the trees' weights there.
import type { CompiledNetwork } from './compiled-network.ts';

/** The core, and how every other node hangs from it. */
export interface HangingTrees {
  /** 1 for a node of the 2-core (what is left after peeling nodes of degree below 2). */
  inCore: Uint8Array;
  /** A core node's degree within the core. */
  coreDegree: Int32Array;
  /**
   * The node each node's tree hangs from: a core node, itself on the core, or the
   * first node of a component without a core (a tree alone).
   */
  root: Int32Array;
  /** For a node off the core and not a root: the link toward its root; else -1. */
  parentLink: Int32Array;
  /** The nodes that are not roots, each after the node it hangs from. */
  order: Int32Array;
}

/** Peels the network to its 2-core and roots the trees that hang from it. */
export function hangingTrees(net: CompiledNetwork): HangingTrees {
  const n = net.nodeCount;
  const { offsets, adjNode, adjLink } = net;
  const inCore = new Uint8Array(n).fill(1);
  const coreDegree = new Int32Array(n);
  const stack = new Int32Array(n);
  let top = 0;
  for (let u = 0; u < n; u++) {
    coreDegree[u] = offsets[u + 1] - offsets[u];
    if (coreDegree[u] < 2) {
      inCore[u] = 0;
      stack[top++] = u;
    }
  }
  while (top > 0) {
    const u = stack[--top];
    for (let k = offsets[u]; k < offsets[u + 1]; k++) {
      const v = adjNode[k];
      coreDegree[v] -= 1;
      if (inCore[v] === 1 && coreDegree[v] < 2) {
        inCore[v] = 0;
        stack[top++] = v;
      }
    }
  }

  // Breadth-first out of the core; a component the core misses starts at its first node.
  const root = new Int32Array(n).fill(-1);
  const parentLink = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const order = new Int32Array(n);
  let tail = 0;
  let placed = 0;
  const grow = (from: number) => {
    for (let head = from; head < tail; head++) {
      const u = queue[head];
      for (let k = offsets[u]; k < offsets[u + 1]; k++) {
        const v = adjNode[k];
        if (root[v] >= 0) continue;
        root[v] = root[u];
        parentLink[v] = adjLink[k];
        order[placed++] = v;
        queue[tail++] = v;
      }
    }
  };
  for (let u = 0; u < n; u++) {
    if (inCore[u] === 1) {
      root[u] = u;
      queue[tail++] = u;
    }
  }
  grow(0);
  for (let u = 0; u < n; u++) {
    if (root[u] >= 0) continue;
    root[u] = u;
    queue[tail++] = u;
    grow(tail - 1);
  }
  return { inCore, coreDegree, root, parentLink, order: order.slice(0, placed) };
}
