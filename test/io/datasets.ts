// Shared fixtures for the io tests: dataset paths and the Topology Zoo reference table.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The shared datasets folder (test/datasets/). */
export const DATASETS = fileURLToPath(new URL('../datasets/', import.meta.url));

/** A dataset file's text, by its path under test/datasets/. */
export function readDataset(path: string): string {
  return readFileSync(`${DATASETS}${path}`, 'utf8');
}

/** One Topology Zoo network, with the figures of test/datasets/README.md. */
export interface ZooRow {
  name: string;
  nodes: number;
  edges: number;
  parallelExtra: number;
  withoutCoordinates: number;
  hyperedgeNodes: number;
  withLinkSpeedRaw: number;
}

export const ZOO: ZooRow[] = [
  row('Aarnet', 19, 24, 0, 0, 0, 0),
  row('Arnes', 34, 47, 1, 0, 0, 44),
  row('Chinanet', 42, 66, 0, 4, 0, 0),
  row('Claranet', 15, 18, 0, 0, 0, 0),
  row('Eunetworks', 15, 19, 3, 0, 0, 0),
  row('Karen', 25, 30, 2, 2, 0, 30),
  row('Nsfcnet', 10, 10, 0, 10, 0, 0),
  row('Sanet', 43, 45, 0, 9, 1, 45),
  row('Sprint', 11, 18, 0, 0, 0, 0),
  row('Surfnet', 50, 73, 5, 0, 0, 0),
];

function row(
  name: string, nodes: number, edges: number, parallelExtra: number,
  withoutCoordinates: number, hyperedgeNodes: number, withLinkSpeedRaw: number,
): ZooRow {
  return {
    name, nodes, edges, parallelExtra, withoutCoordinates, hyperedgeNodes, withLinkSpeedRaw,
  };
}

/** Edges beyond the first between each unordered pair of nodes. */
export function parallelExtra(edges: ReadonlyArray<{ source: string; target: string }>): number {
  const pairs = new Set(edges.map((e) => [e.source, e.target].sort().join('\u0000')));
  return edges.length - pairs.size;
}

/** Runs `fn` and returns the error it throws, failing if it throws none. */
export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error, got none');
}
