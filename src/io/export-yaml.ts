// YAML exporter: topology data as a readable topology file, one line per site and link.
import { Document, isMap, isScalar, isSeq } from 'yaml';
import type { Topology, TopologyInput } from '../model/topology-schema.ts';

/** Options of `exportTopologyYaml`. */
export interface YamlExportOptions {
  /** A comment written above the document, such as where the data came from. */
  comment?: string;
}

// Lists whose items are short maps, written in flow style so each item reads as a row.
const ROW_LISTS = ['sites', 'links', 'clusters', 'uplinks', 'trafficClasses', 'groups'];
// An item whose one-line form would pass 100 columns (after "  - ") is written as a block,
// its figures still one per line.
const ROW_WIDTH = 96;

/**
 * Writes topology data as YAML that `parseTopology` reads back to the same data.
 * @example exportTopologyYaml(importedToTopology(graph, { fileName }).topology)
 */
export function exportTopologyYaml(
  topology: Topology | TopologyInput,
  options: YamlExportOptions = {},
): string {
  const doc = new Document(topology);
  const data = topology as Record<string, unknown>;
  for (const field of ROW_LISTS) {
    const list = doc.get(field, true);
    const rows = data[field];
    if (!isSeq(list) || !Array.isArray(rows)) continue;
    list.items.forEach((item, i) => fitRows(item, rows[i], ROW_WIDTH));
  }
  if (options.comment) {
    doc.commentBefore = options.comment.split('\n').map((line) => ` ${line}`).join('\n');
  }
  // No folding: a row stays on one line, and long text stays whole.
  return doc.toString({ lineWidth: 0 });
}

/**
 * Writes a map on one line when it fits in `width`, else as a block whose maps are
 * fitted in turn, two columns further in (a site's demands by class, say, one per line,
 * each figure on its line).
 */
function fitRows(node: unknown, value: unknown, width: number): void {
  if (!isMap(node) || value === null || typeof value !== 'object') return;
  if (flowWidth(value) <= width) {
    node.flow = true;
    return;
  }
  const data = value as Record<string, unknown>;
  for (const pair of node.items) {
    const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
    fitRows(pair.value, data[key], width - 2 - key.length - 2);
  }
}

/** About how wide a value is in YAML flow style: its JSON without quotes, spaced out. */
function flowWidth(value: unknown): number {
  const json = JSON.stringify(value);
  let width = 0;
  for (const c of json) {
    if (c === '"') continue;
    width += c === ',' || c === ':' ? 2 : c === '{' || c === '}' ? 2 : 1;
  }
  return width;
}
