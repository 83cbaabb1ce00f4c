// Arrays the failure engine derives from a network or a demand matrix once: the twin of
// each adjacency entry, its direction slot, demands ordered by source, a growable list.
import type { CompiledNetwork } from './compiled-network.ts';
import type { DemandMatrix } from './route-demands.ts';

/** For each adjacency entry, the entry of the same link at its other end. */
export function twinEntries(net: CompiledNetwork): Int32Array {
  const { offsets, adjLink } = net;
  const twin = new Int32Array(adjLink.length);
  const first = new Int32Array(net.linkCount).fill(-1);
  for (let u = 0; u < net.nodeCount; u++) {
    for (let k = offsets[u]; k < offsets[u + 1]; k++) {
      const e = adjLink[k];
      if (first[e] < 0) {
        first[e] = k;
      } else {
        twin[k] = first[e];
        twin[first[e]] = k;
      }
    }
  }
  return twin;
}

/** The direction slot of each adjacency entry: 2e leaving linkA, 2e + 1 leaving linkB. */
export function directionSlots(net: CompiledNetwork): Int32Array {
  const { offsets, adjLink, linkA } = net;
  const slots = new Int32Array(adjLink.length);
  for (let u = 0; u < net.nodeCount; u++) {
    for (let k = offsets[u]; k < offsets[u + 1]; k++) {
      slots[k] = 2 * adjLink[k] + (linkA[adjLink[k]] === u ? 0 : 1);
    }
  }
  return slots;
}

/** A list of integers that grows as needed. */
export class GrowableList {
  private items = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.items.length) {
      const bigger = new Int32Array(this.items.length * 2);
      bigger.set(this.items);
      this.items = bigger;
    }
    this.items[this.length++] = value;
  }

  at(index: number): number {
    return this.items[index];
  }

  set(index: number, value: number): void {
    this.items[index] = value;
  }

  toArray(): Int32Array {
    return this.items.slice(0, this.length);
  }
}

/**
 * Orders the entries of each of the first `groups` destinations by source, so that a
 * cut-off node's demands are found by bisection rather than by a scan of its group.
 */
export function sortBySource(
  matrix: DemandMatrix,
  groups: number,
): { source: Int32Array; entry: Int32Array } {
  const { source, start } = matrix;
  const end = start[groups];
  const sortedSource = source.slice(0, end);
  const sortedEntry = new Int32Array(end);
  for (let k = 0; k < end; k++) sortedEntry[k] = k;
  for (let g = 0; g < groups; g++) {
    const from = start[g];
    const to = start[g + 1];
    let sorted = true;
    for (let k = from + 1; k < to && sorted; k++) sorted = source[k - 1] <= source[k];
    if (sorted) continue;
    const entries = Array.from({ length: to - from }, (_, i) => from + i);
    entries.sort((x, y) => source[x] - source[y] || x - y);
    entries.forEach((k, i) => {
      sortedEntry[from + i] = k;
      sortedSource[from + i] = source[k];
    });
  }
  return { source: sortedSource, entry: sortedEntry };
}
