// GML importer: a hand-written tokenizer and parser (keys, numbers, "text", [ lists ]).
import { InputError, InputErrorCode, type InputIssue } from '../model/errors.ts';
import {
  checkDepth, checkEdgeCount, checkNodeCount, edgeFromAttributes, graphName, nodeFromAttributes,
  setAttribute, withoutBom, type Attributes, type ImportedEdge, type ImportedGraph,
  type ImportedNode,
} from './imported-graph.ts';

/** One `key value` pair with the line it starts on. */
interface GmlEntry {
  key: string;
  value: GmlValue;
  line: number;
}
type GmlValue = number | string | GmlEntry[];

const KEY = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
// Some writers spell infinity and not-a-number as bare words. Maps, not objects: a
// word such as "constructor" must not find Object.prototype's.
const SPECIAL_NUMBERS = new Map<string, number>([
  ['INF', Infinity], ['+INF', Infinity], ['-INF', -Infinity], ['NAN', NaN],
  ['inf', Infinity], ['nan', NaN],
]);
const ENTITIES = new Map<string, string>([
  ['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"],
]);

/**
 * Parses GML text into an ImportedGraph. Parallel edges are accepted whether or not the
 * file declares `multigraph 1` (Topology Zoo repeats them without it).
 */
export function parseGml(text: string, file: string): ImportedGraph {
  const top = new GmlTokenizer(withoutBom(text), file).parseDocument();
  const graphEntry = top.find((e) => e.key === 'graph' && Array.isArray(e.value));
  if (!graphEntry) {
    throw new InputError(InputErrorCode.syntax, file, [{
      code: 'missing_graph', path: '', message: 'expected a "graph [ ... ]" list, got none',
    }]);
  }
  return readGraph(graphEntry.value as GmlEntry[], file);
}

function readGraph(entries: GmlEntry[], file: string): ImportedGraph {
  const nodes: ImportedNode[] = [];
  const edges: Array<{ edge: ImportedEdge; index: number; line: number }> = [];
  const attributes: Attributes = {};
  const syntax: InputIssue[] = [];
  const references: InputIssue[] = [];
  const nodeLines = new Map<string, number>();
  let directed = false;
  let nodeIndex = 0;
  let edgeIndex = 0;

  for (const entry of entries) {
    if (entry.key === 'node' && Array.isArray(entry.value)) {
      const index = nodeIndex++;
      checkNodeCount(nodes.length + 1, file);
      const { id, rest } = takeFields(entry.value, ['id']);
      const nodeId = idText(id);
      if (nodeId === undefined) {
        syntax.push({
          code: 'missing_node_id', path: `node[${index}]`,
          message: `a node needs an "id" (number or text) (line ${entry.line})`,
        });
        continue;
      }
      const first = nodeLines.get(nodeId);
      if (first !== undefined) {
        references.push({
          code: 'duplicate_node', path: `node[${index}].id`, received: nodeId,
          message: `duplicate node id "${nodeId}" (line ${entry.line}; first at line ${first})`,
        });
        continue;
      }
      nodeLines.set(nodeId, entry.line);
      nodes.push(nodeFromAttributes(nodeId, flatten(rest)));
    } else if (entry.key === 'edge' && Array.isArray(entry.value)) {
      const index = edgeIndex++;
      checkEdgeCount(edges.length + 1, file);
      const { source, target, rest } = takeFields(entry.value, ['source', 'target']);
      const ends = { source: idText(source), target: idText(target) };
      const missing = (['source', 'target'] as const).filter((end) => ends[end] === undefined);
      if (missing.length > 0) {
        const names = missing.map((m) => `"${m}"`).join(' and ');
        syntax.push({
          code: 'missing_edge_end', path: `edge[${index}]`,
          message: `an edge needs ${names} (line ${entry.line})`,
        });
        continue;
      }
      const edge = edgeFromAttributes(ends.source!, ends.target!, flatten(rest));
      edges.push({ edge, index, line: entry.line });
    } else if (entry.key === 'directed') {
      directed = entry.value === 1;
    } else if (entry.key !== 'multigraph') {
      addFlat(attributes, entry.key, entry.value);
    }
  }
  if (syntax.length > 0) throw new InputError(InputErrorCode.syntax, file, syntax);

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
    format: 'gml', directed, nodes, edges: edges.map((e) => e.edge), attributes,
  };
  const name = graphName(attributes);
  if (name !== undefined) graph.name = name;
  return graph;
}

/** Splits the named fields (last one written wins) from the other entries. */
function takeFields<K extends string>(
  entries: GmlEntry[],
  names: K[],
): Record<K, GmlValue | undefined> & { rest: GmlEntry[] } {
  const found = {} as Record<K, GmlValue | undefined>;
  const rest: GmlEntry[] = [];
  for (const entry of entries) {
    if ((names as string[]).includes(entry.key)) found[entry.key as K] = entry.value;
    else rest.push(entry);
  }
  return { ...found, rest };
}

/** An id as text: GML ids are integers, but text ids are accepted too. */
function idText(value: GmlValue | undefined): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'string' && value !== '') return value;
  return undefined;
}

/** Attributes from entries; nested lists become dotted keys (`graphics.x`). */
function flatten(entries: GmlEntry[]): Attributes {
  const out: Attributes = {};
  for (const entry of entries) addFlat(out, entry.key, entry.value);
  return out;
}

function addFlat(out: Attributes, key: string, value: GmlValue): void {
  if (!Array.isArray(value)) {
    setAttribute(out, key, value);
    return;
  }
  for (const inner of value) addFlat(out, `${key}.${inner.key}`, inner.value);
}

/** Reads GML text into nested entries, failing with the line and column of the fault. */
class GmlTokenizer {
  private pos = 0;
  private line = 1;
  private lineStart = 0;

  constructor(private readonly text: string, private readonly file: string) {}

  parseDocument(): GmlEntry[] {
    return this.parseList(0, undefined);
  }

  /** Entries up to `]` (when `open` is given) or to the end of the text. */
  private parseList(depth: number, open: { line: number; column: number } | undefined): GmlEntry[] {
    const where = open ? `line ${open.line}, column ${open.column}` : this.where();
    checkDepth(depth, this.file, where);
    const entries: GmlEntry[] = [];
    let nodes = 0;
    let edges = 0;
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.text.length) {
        if (open) {
          this.fail(`expected "]" to close the list opened at line ${open.line}, ` +
            'got the end of the file');
        }
        return entries;
      }
      if (this.text[this.pos] === ']') {
        if (!open) this.fail('expected a key, got "]" with no list open');
        this.pos += 1;
        return entries;
      }

      const line = this.line;
      KEY.lastIndex = this.pos;
      const match = KEY.exec(this.text);
      if (!match) this.fail(`expected a key, got ${this.describeHere()}`);
      const key = match![0];
      this.pos += key.length;
      // Nodes and edges of a graph are counted as they are read, so that a file far over
      // the limit is refused before it is all held in memory.
      if (depth === 1 && key === 'node') checkNodeCount(++nodes, this.file);
      if (depth === 1 && key === 'edge') checkEdgeCount(++edges, this.file);
      entries.push({ key, value: this.parseValue(key, depth), line });
    }
  }

  private parseValue(key: string, depth: number): GmlValue {
    this.skipSpace();
    if (this.pos >= this.text.length) {
      this.fail(`expected a value after "${key}", got the end of the file`);
    }
    const c = this.text[this.pos];
    if (c === '[') {
      const open = { line: this.line, column: this.column() };
      this.pos += 1;
      return this.parseList(depth + 1, open);
    }
    if (c === '"') return this.parseString();

    NUMBER.lastIndex = this.pos;
    const number = NUMBER.exec(this.text);
    if (number && !this.isWordChar(this.pos + number[0].length)) {
      this.pos += number[0].length;
      return Number(number[0]);
    }
    const word = /[+-]?[A-Za-z]+/y;
    word.lastIndex = this.pos;
    const special = word.exec(this.text);
    const specialValue = special ? SPECIAL_NUMBERS.get(special[0]) : undefined;
    if (specialValue !== undefined) {
      this.pos += special![0].length;
      return specialValue;
    }
    this.fail(`expected a value (a number, "text" or [ list ]) after "${key}", ` +
      `got ${this.describeHere()}`);
  }

  private parseString(): string {
    const startLine = this.line;
    const startColumn = this.column();
    const end = this.text.indexOf('"', this.pos + 1);
    if (end < 0) {
      this.fail('expected a closing quote for this text, got the end of the file',
        `line ${startLine}, column ${startColumn}`);
    }
    const raw = this.text.slice(this.pos + 1, end);
    for (let i = raw.indexOf('\n'); i >= 0; i = raw.indexOf('\n', i + 1)) {
      this.line += 1;
      this.lineStart = this.pos + 1 + i + 1;
    }
    this.pos = end + 1;
    return raw.includes('&') ? decodeEntities(raw) : raw;
  }

  private skipSpace(): void {
    const text = this.text;
    while (this.pos < text.length) {
      const c = text.charCodeAt(this.pos);
      if (c === 10) {
        this.line += 1;
        this.lineStart = this.pos + 1;
        this.pos += 1;
      } else if (c === 32 || c === 9 || c === 13) {
        this.pos += 1;
      } else if (c === 35) {
        // "#" starts a comment to the end of the line.
        const newline = text.indexOf('\n', this.pos);
        this.pos = newline < 0 ? text.length : newline;
      } else {
        return;
      }
    }
  }

  private isWordChar(index: number): boolean {
    const c = this.text[index];
    return c !== undefined && /[A-Za-z0-9_.]/.test(c);
  }

  private column(): number {
    return this.pos - this.lineStart + 1;
  }

  private where(): string {
    return `line ${this.line}, column ${this.column()}`;
  }

  private describeHere(): string {
    const rest = this.text.slice(this.pos, this.pos + 20).split(/\s/)[0] ?? '';
    return JSON.stringify(rest === '' ? this.text[this.pos] : rest);
  }

  private fail(message: string, where = this.where()): never {
    throw new InputError(InputErrorCode.syntax, this.file, [{
      code: 'gml_syntax', path: where, message,
    }]);
  }
}

/** Decodes the HTML character references GML writers use for `&`, quotes and non-ASCII. */
function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z]+);/g, (whole, body: string) => {
    if (body.startsWith('#x')) return safeCodePoint(parseInt(body.slice(2), 16)) ?? whole;
    if (body.startsWith('#')) return safeCodePoint(parseInt(body.slice(1), 10)) ?? whole;
    return ENTITIES.get(body) ?? whole;
  });
}

function safeCodePoint(code: number): string | undefined {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff
    ? String.fromCodePoint(code)
    : undefined;
}
