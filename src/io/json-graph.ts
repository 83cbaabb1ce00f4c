// JSON importer: our topology as JSON, or a node-link graph ({ nodes, links | edges }).
import { checkDataDepth } from '../model/data-depth.ts';
import { InputError, InputErrorCode, describeValue, type InputIssue } from '../model/errors.ts';
import { validateTopology } from '../model/load-topology.ts';
import { topologyToImported } from './from-topology.ts';
import {
  checkEdgeCount, checkNodeCount, edgeFromAttributes, graphName, nodeFromAttributes,
  setAttribute, withoutBom, type Attributes, type ImportedGraph, type ImportedNode,
} from './imported-graph.ts';

/**
 * Parses JSON text. An object with `sites` is a topology (validated as such); one with
 * `nodes` and `links` or `edges` is a node-link graph, as networkx and d3 write it.
 */
export function parseJsonGraph(given: string, file: string): ImportedGraph {
  const text = withoutBom(given);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError(InputErrorCode.syntax, file, [{
      code: 'json_syntax', path: jsonPosition(text, (err as Error).message),
      message: `malformed JSON: ${(err as Error).message}`,
    }]);
  }
  checkDataDepth(data, file);
  if (isRecord(data) && 'sites' in data) {
    return topologyToImported(validateTopology(data, file), 'json');
  }
  if (isRecord(data) && Array.isArray(data.nodes) &&
      (Array.isArray(data.links) || Array.isArray(data.edges))) {
    return readNodeLink(data, file);
  }
  throw new InputError(InputErrorCode.schema, file, [{
    code: 'unknown_json', path: '',
    message: 'expected a topology (with "sites") or a node-link graph (with "nodes" and ' +
      `"links"), got ${describeValue(data)}`,
  }]);
}

function readNodeLink(data: Record<string, unknown>, file: string): ImportedGraph {
  const rawNodes = data.nodes as unknown[];
  const rawEdges = (Array.isArray(data.links) ? data.links : data.edges) as unknown[];
  const field = Array.isArray(data.links) ? 'links' : 'edges';
  checkNodeCount(rawNodes.length, file);
  checkEdgeCount(rawEdges.length, file);
  const syntax: InputIssue[] = [];
  const references: InputIssue[] = [];
  const nodes: ImportedNode[] = [];
  const ids = new Set<string>();

  rawNodes.forEach((raw, i) => {
    const given = isRecord(raw) ? raw.id : raw;
    const id = isRecord(raw) ? idText(raw.id) : undefined;
    if (id === undefined) {
      syntax.push({ code: 'missing_node_id', path: `nodes[${i}].id`,
        message: `expected a node id (text or number), got ${describeValue(given)}` });
      return;
    }
    if (ids.has(id)) {
      references.push({ code: 'duplicate_node', path: `nodes[${i}].id`, received: id,
        message: `duplicate node id "${id}"` });
      return;
    }
    ids.add(id);
    nodes.push(nodeFromAttributes(id, scalars(raw as Record<string, unknown>, ['id'])));
  });

  const edges = rawEdges.flatMap((raw, i) => {
    const record = isRecord(raw) ? raw : {};
    const source = idText(record.source);
    const target = idText(record.target);
    if (source === undefined || target === undefined) {
      syntax.push({ code: 'missing_edge_end', path: `${field}[${i}]`,
        message: 'expected "source" and "target" node ids' });
      return [];
    }
    for (const [end, id] of [['source', source], ['target', target]] as const) {
      if (!ids.has(id)) {
        references.push({ code: 'unknown_node', path: `${field}[${i}].${end}`, received: id,
          message: `${end} "${id}" is not a node in this graph` });
      }
    }
    const id = idText(record.id);
    return [edgeFromAttributes(source, target, scalars(record, ['source', 'target', 'id']), id)];
  });

  if (syntax.length > 0) throw new InputError(InputErrorCode.syntax, file, syntax);
  if (references.length > 0) throw new InputError(InputErrorCode.reference, file, references);
  const attributes = isRecord(data.graph) ? scalars(data.graph, []) : {};
  const graph: ImportedGraph = {
    format: 'json', directed: data.directed === true, nodes, edges, attributes,
  };
  const name = graphName(attributes);
  if (name !== undefined) graph.name = name;
  return graph;
}

/** The text and number fields of a record, as attributes. */
function scalars(record: Record<string, unknown>, skip: string[]): Attributes {
  const out: Attributes = {};
  for (const [key, value] of Object.entries(record)) {
    if (skip.includes(key)) continue;
    if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) {
      setAttribute(out, key, value);
    }
  }
  return out;
}

function idText(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `line N, column M` of the first fault in JSON that JSON.parse refused. */
function jsonPosition(text: string, message: string): string {
  // Older V8 said "at position N"; newer V8 does not, so we find the fault ourselves.
  const given = /position (\d+)/.exec(message);
  const offset = given ? Number(given[1]) : jsonFaultOffset(text);
  if (offset === undefined) return '';
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** Scans JSON by its grammar (RFC 8259) and returns where the first fault is. */
function jsonFaultOffset(text: string): number | undefined {
  let i = 0;
  const fail = (): never => {
    throw new JsonFault(i);
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i += 1;
  };
  const string = () => {
    for (i += 1; i < text.length && text[i] !== '"'; i += 1) {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === '\\') i += 1;
    }
    if (i >= text.length) fail();
    i += 1;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i += 1;
      space();
      if (text[i] === close) {
        i += 1;
        return;
      }
      for (;;) {
        if (c === '{') {
          space();
          if (text[i] !== '"') fail();
          string();
          space();
          if (text[i] !== ':') fail();
          i += 1;
        }
        value();
        space();
        if (text[i] === ',') i += 1;
        else if (text[i] === close) break;
        else fail();
      }
      i += 1;
      return;
    }
    if (c === '"') return string();
    const literal = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
    literal.lastIndex = i;
    const match = literal.exec(text);
    if (!match) fail();
    i += match![0].length;
  };
  try {
    value();
    space();
    return i < text.length ? i : undefined;
  } catch (err) {
    if (err instanceof JsonFault) return err.offset;
    return undefined;
  }
}

class JsonFault {
  constructor(readonly offset: number) {}
}
