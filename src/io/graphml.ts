// GraphML importer: a streaming read with saxes; Topology Zoo attributes mapped to fields.
import { InputError, InputErrorCode, type InputIssue } from '../model/errors.ts';
import {
  checkEdgeCount, checkNodeCount, edgeFromAttributes, graphName, nodeFromAttributes,
  numberOrUndefined, setAttribute, type Attributes, type ImportedEdge, type ImportedGraph,
  type ImportedNode,
} from './imported-graph.ts';
import { createXmlReader, type XmlElement } from './xml-reader.ts';

/** A `<key>` declaration: the attribute name and type that `<data key=...>` refers to. */
interface KeyDeclaration {
  name: string;
  domain: string;
  type: string;
  defaultText?: string;
}

const NUMERIC_TYPES = new Set(['int', 'long', 'float', 'double']);

/** A GraphML parser fed in chunks, so that large files need not be held twice. */
export interface GraphmlParser {
  write(chunk: string): void;
  close(): ImportedGraph;
}

/** Parses GraphML text. Throws InputError listing every fault it can find. */
export function parseGraphml(text: string, file: string): ImportedGraph {
  const parser = createGraphmlParser(file);
  parser.write(text);
  return parser.close();
}

/**
 * Creates a streaming GraphML parser. Nodes and edges keep the order of the file;
 * parallel edges and self-loops are kept as written.
 */
export function createGraphmlParser(file: string): GraphmlParser {
  const keys = new Map<string, KeyDeclaration>();
  const nodes: ImportedNode[] = [];
  const edges: Array<{ edge: ImportedEdge; index: number; line: number }> = [];
  const syntax: InputIssue[] = [];
  // Attributes of the graph, node or edge whose <data> children are being read.
  const owners: Attributes[] = [];
  const graphAttributes: Attributes = {};
  let directed: boolean | undefined;
  let graphCount = 0;
  let nodeIndex = 0;
  let edgeIndex = 0;
  let rootSeen = false;
  const nodeLines = new Map<string, number>();
  const duplicates: InputIssue[] = [];
  // A key's <default> closes before the key itself does.
  const defaults = new Map<XmlElement, string>();
  // Depth inside a <data> element: markup there (a yEd drawing) is content, not structure.
  let dataDepth = 0;

  const reader = createXmlReader(file, {
    open(element) {
      if (!rootSeen) {
        rootSeen = true;
        if (element.name !== 'graphml') {
          throw new InputError(InputErrorCode.syntax, file, [{
            code: 'not_graphml',
            path: `line ${element.line}`,
            message: `expected a GraphML document (root element <graphml>), got <${element.name}>`,
          }]);
        }
      }
      if (dataDepth > 0 || element.name === 'data') {
        dataDepth += 1;
        return;
      }
      switch (element.name) {
        case 'graph':
          graphCount += 1;
          if (graphCount === 1) directed = element.attributes.edgedefault === 'directed';
          // Nested graphs are flattened: their nodes and edges count, their data do not.
          owners.push(graphCount === 1 ? graphAttributes : {});
          break;
        case 'node':
          checkNodeCount(nodes.length + 1, file);
          owners.push({});
          break;
        case 'edge':
          checkEdgeCount(edges.length + 1, file);
          owners.push({});
          break;
        case 'hyperedge':
          // GraphML hyperedges have no place in a link model; their data are read and dropped.
          owners.push({});
          break;
        default:
          break;
      }
    },
    close(element) {
      if (dataDepth > 0) {
        dataDepth -= 1;
        if (dataDepth === 0) addData(element);
        return;
      }
      switch (element.name) {
        case 'key':
          declareKey(element);
          break;
        case 'default':
          if (element.parent?.name === 'key') defaults.set(element.parent, element.text);
          break;
        case 'graph':
        case 'hyperedge':
          owners.pop();
          break;
        case 'node':
          closeNode(element, owners.pop()!);
          break;
        case 'edge':
          closeEdge(element, owners.pop()!);
          break;
        default:
          break;
      }
    },
  });

  function declareKey(element: XmlElement): void {
    const id = element.attributes.id;
    if (id === undefined) {
      syntax.push(issue('missing_key_id', `key (line ${element.line})`,
        'a <key> needs an "id" attribute'));
      return;
    }
    const key: KeyDeclaration = {
      name: element.attributes['attr.name'] ?? id,
      domain: element.attributes.for ?? 'all',
      type: (element.attributes['attr.type'] ?? 'string').toLowerCase(),
    };
    const defaultText = defaults.get(element);
    if (defaultText !== undefined) key.defaultText = defaultText;
    defaults.delete(element);
    keys.set(id, key);
  }

  function addData(element: XmlElement): void {
    const owner = owners.at(-1);
    if (!owner || element.parent?.name === 'key') return;
    // Data holding markup (yEd's drawing, for one) is not an attribute value.
    if (element.hasChildren) return;
    const keyId = element.attributes.key;
    if (keyId === undefined) {
      syntax.push(issue('missing_data_key', `data (line ${element.line})`,
        'a <data> element needs a "key" attribute'));
      return;
    }
    const key = keys.get(keyId);
    const name = key?.name ?? keyId;
    setAttribute(owner, name, typedValue(element.text, key?.type ?? 'string'));
  }

  function closeNode(element: XmlElement, attributes: Attributes): void {
    const index = nodeIndex++;
    const id = element.attributes.id;
    if (id === undefined) {
      syntax.push(issue('missing_node_id', `node[${index}]`,
        `a node needs an "id" attribute (line ${element.line})`));
      return;
    }
    applyDefaults(attributes, 'node');
    const first = nodeLines.get(id);
    if (first !== undefined) {
      duplicates.push({
        code: 'duplicate_node', path: `node[${index}]`, received: id,
        message: `duplicate node id "${id}" (line ${element.line}; first at line ${first})`,
      });
      return;
    }
    nodeLines.set(id, element.line);
    nodes.push(nodeFromAttributes(id, attributes));
  }

  function closeEdge(element: XmlElement, attributes: Attributes): void {
    const index = edgeIndex++;
    const { source, target, id } = element.attributes;
    const missing = [source === undefined && '"source"', target === undefined && '"target"']
      .filter(Boolean);
    if (missing.length > 0) {
      syntax.push(issue('missing_edge_end', `edge[${index}]`,
        `an edge needs ${missing.join(' and ')} (line ${element.line})`));
      return;
    }
    applyDefaults(attributes, 'edge');
    const edge = edgeFromAttributes(source!, target!, attributes, id);
    edges.push({ edge, index, line: element.line });
  }

  function applyDefaults(attributes: Attributes, domain: string): void {
    for (const key of keys.values()) {
      if (key.defaultText === undefined) continue;
      if (key.domain !== domain && key.domain !== 'all') continue;
      // Own keys only: a key named "constructor" is not already set by Object.prototype.
      if (Object.hasOwn(attributes, key.name)) continue;
      setAttribute(attributes, key.name, typedValue(key.defaultText, key.type));
    }
  }

  return {
    write: (chunk) => reader.write(chunk),
    close(): ImportedGraph {
      reader.close();
      if (graphCount === 0) {
        syntax.push(issue('missing_graph', '', 'expected a <graph> element, got none'));
      }
      if (syntax.length > 0) throw new InputError(InputErrorCode.syntax, file, syntax);

      // Edges may name nodes declared after them, so ends are checked once all are read.
      const references = [...duplicates];
      for (const { edge, index, line } of edges) {
        for (const end of ['source', 'target'] as const) {
          if (!nodeLines.has(edge[end])) {
            references.push({
              code: 'unknown_node', path: `edge[${index}].${end}`, received: edge[end],
              message: `${end} "${edge[end]}" is not a node in this graph (line ${line})`,
            });
          }
        }
      }
      if (references.length > 0) throw new InputError(InputErrorCode.reference, file, references);

      const graph: ImportedGraph = {
        format: 'graphml',
        directed: directed ?? false,
        nodes,
        edges: edges.map((e) => e.edge),
        attributes: graphAttributes,
      };
      const name = graphName(graphAttributes);
      if (name !== undefined) graph.name = name;
      return graph;
    },
  };
}

/** Converts data text by its key's declared type; text that is not a number stays text. */
function typedValue(text: string, type: string): string | number {
  if (!NUMERIC_TYPES.has(type)) return text;
  return numberOrUndefined(text) ?? text;
}

function issue(code: string, path: string, message: string): InputIssue {
  return { code, path, message };
}
