// A binary min-heap of node indices keyed by numbers, held in preallocated typed arrays.

/**
 * A min-heap for searches that run many times on one network: no allocation after
 * construction. The same node may be pushed more than once (lazy deletion); the
 * caller skips stale entries.
 */
export class KeyHeap {
  private nodes: Int32Array;
  private keys: Float64Array;
  /** How many entries the heap holds. */
  size = 0;

  constructor(capacity: number) {
    this.nodes = new Int32Array(Math.max(1, capacity));
    this.keys = new Float64Array(Math.max(1, capacity));
  }

  /** Adds `node` with `key`; grows the arrays if they are full. */
  push(node: number, key: number): void {
    if (this.size === this.nodes.length) this.grow();
    const { nodes, keys } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] <= key) break;
      nodes[i] = nodes[parent];
      keys[i] = keys[parent];
      i = parent;
    }
    nodes[i] = node;
    keys[i] = key;
  }

  /** The smallest key held; only valid when `size > 0`. */
  topKey(): number {
    return this.keys[0];
  }

  /** Removes and returns the node with the smallest key. */
  pop(): number {
    const { nodes, keys } = this;
    const top = nodes[0];
    const size = --this.size;
    const lastNode = nodes[size];
    const lastKey = keys[size];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && keys[child + 1] < keys[child]) child += 1;
      if (keys[child] >= lastKey) break;
      nodes[i] = nodes[child];
      keys[i] = keys[child];
      i = child;
    }
    nodes[i] = lastNode;
    keys[i] = lastKey;
    return top;
  }

  private grow(): void {
    const nodes = new Int32Array(this.nodes.length * 2);
    const keys = new Float64Array(this.keys.length * 2);
    nodes.set(this.nodes);
    keys.set(this.keys);
    this.nodes = nodes;
    this.keys = keys;
  }
}
