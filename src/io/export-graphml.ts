// GraphML exporter: an ImportedGraph or a topology as GraphML, in Topology Zoo's attribute names.
import type { Topology, TopologyInput } from '../model/topology-schema.ts';
import { topologyToImported } from './from-topology.ts';
import type { AttributeValue, Attributes, ImportedGraph } from './imported-graph.ts';

type Domain = 'graph' | 'node' | 'edge';

interface KeyColumn {
  id: string;
  domain: Domain;
  name: string;
  type: 'string' | 'long' | 'double';
}

const HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ' +
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
  'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns ' +
  'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">';

/**
 * Writes GraphML. Mapped fields are written as Topology Zoo does: `label`, `Longitude`
 * and `Latitude` (from x/y), `population`, and `LinkSpeedRaw` in bit/s (capacityMbps x
 * 1e6); other attributes follow under their own names. Demands have no GraphML form and
 * are left out.
 */
export function exportGraphml(source: ImportedGraph | Topology | TopologyInput): string {
  const graph = 'sites' in source ? topologyToImported(source) : source;

  // Rows of attributes, mapped fields last so that they win over raw ones.
  const graphRow: Attributes = { ...graph.attributes };
  if (graph.name !== undefined && graphRow.label === undefined) graphRow.label = graph.name;
  const nodeRows = graph.nodes.map((node) => withMapped(node.attributes, {
    label: node.label, Longitude: node.x, Latitude: node.y, population: node.population,
  }));
  const edgeRows = graph.edges.map((edge) => {
    const raw = edge.attributes.LinkSpeedRaw;
    // Keep the file's own bit/s when it still gives this capacity, to avoid rounding.
    const keepRaw = typeof raw === 'number' && edge.capacityMbps === raw / 1e6;
    const speed = edge.capacityMbps === undefined ? undefined
      : keepRaw ? raw : edge.capacityMbps * 1e6;
    return withMapped(edge.attributes, { LinkSpeedRaw: speed });
  });

  const keys = columns('graph', [graphRow], 0);
  keys.push(...columns('node', nodeRows, keys.length));
  keys.push(...columns('edge', edgeRows, keys.length));
  const byName = new Map(keys.map((k) => [`${k.domain} ${k.name}`, k]));
  const keyOf = (domain: Domain, name: string) => byName.get(`${domain} ${name}`)!;

  const out: string[] = [HEADER];
  for (const key of keys) {
    out.push(`  <key id="${key.id}" for="${key.domain}" attr.name="${escape(key.name)}" ` +
      `attr.type="${key.type}"/>`);
  }
  out.push(`  <graph id="G" edgedefault="${graph.directed ? 'directed' : 'undirected'}">`);
  out.push(...dataLines(graphRow, 'graph', keyOf, '    '));
  graph.nodes.forEach((node, i) => {
    out.push(`    <node id="${escape(node.id)}">`);
    out.push(...dataLines(nodeRows[i], 'node', keyOf, '      '));
    out.push('    </node>');
  });
  graph.edges.forEach((edge, i) => {
    const id = edge.id === undefined ? '' : ` id="${escape(edge.id)}"`;
    out.push(`    <edge${id} source="${escape(edge.source)}" target="${escape(edge.target)}">`);
    out.push(...dataLines(edgeRows[i], 'edge', keyOf, '      '));
    out.push('    </edge>');
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

/** Attributes with the mapped fields set; a raw attribute of the same name (any case) goes. */
function withMapped(
  attributes: Attributes,
  mapped: Record<string, AttributeValue | undefined>,
): Attributes {
  const row: Attributes = {};
  const names = new Set(Object.entries(mapped)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k.toLowerCase()));
  for (const [name, value] of Object.entries(attributes)) {
    if (!names.has(name.toLowerCase())) row[name] = value;
  }
  for (const [name, value] of Object.entries(mapped)) {
    if (value !== undefined) row[name] = value;
  }
  return row;
}

/** One key per attribute name, typed by its values: long, double, or string if mixed. */
function columns(domain: Domain, rows: Attributes[], offset: number): KeyColumn[] {
  const types = new Map<string, KeyColumn['type']>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) {
      const type = typeof value === 'string' ? 'string'
        : Number.isSafeInteger(value) ? 'long' : 'double';
      const seen = types.get(name);
      if (seen === undefined) types.set(name, type);
      else if (seen !== type) types.set(name, seen === 'string' || type === 'string' ? 'string'
        : 'double');
    }
  }
  return [...types].map(([name, type], i) => ({ id: `d${offset + i}`, domain, name, type }));
}

function dataLines(
  row: Attributes,
  domain: Domain,
  keyOf: (domain: Domain, name: string) => KeyColumn,
  indent: string,
): string[] {
  return Object.entries(row).map(([name, value]) =>
    `${indent}<data key="${keyOf(domain, name).id}">${escape(String(value))}</data>`);
}

// Markup characters, and the control characters XML 1.0 does not allow.
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/** Escapes text for XML content and attribute values; drops characters XML 1.0 forbids. */
function escape(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
