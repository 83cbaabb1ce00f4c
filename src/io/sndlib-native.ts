// SNDlib native (.txt) importer: NODES, LINKS with capacity modules, DEMANDS; the rest skipped.
import { InputError, InputErrorCode, type InputIssue } from '../model/errors.ts';
import { LIMITS } from '../model/limits.ts';
import {
  checkEdgeCount, checkNodeCount, limitError, numberOrUndefined, setAttribute, withoutBom,
  type Attributes,
  type ImportedDemand, type ImportedEdge, type ImportedGraph, type ImportedNode,
} from './imported-graph.ts';
import { moduleAttributes, sndlibCapacity, type CapacityModule } from './sndlib-capacity.ts';

interface Token {
  text: string;
  line: number;
  column: number;
}

/** An entry of a section: its tokens, one line unless parentheses carry it further. */
type Entry = Token[];

const LINK_FIELDS = [
  'preInstalledCapacity', 'preInstalledCapacityCost', 'routingCost', 'setupCost',
];

/**
 * Parses an SNDlib native network file. Capacities follow `sndlibCapacity` (in the file's
 * units, taken as Mbps); every module is kept in the link's attributes. Demands carry the
 * demand value as written (the routing unit is kept as an attribute).
 */
export function parseSndlibNative(given: string, file: string): ImportedGraph {
  const text = withoutBom(given);
  const header = findHeader(text);
  const syntax: InputIssue[] = [];
  const fail = (token: Token | undefined, message: string) =>
    syntax.push({ code: 'sndlib_syntax', path: where(token), message });

  if (header !== undefined) {
    const type = /type:\s*([A-Za-z-]+)/.exec(header.text)?.[1];
    if (type !== undefined && type !== 'network') {
      throw new InputError(InputErrorCode.syntax, file, [{
        code: 'not_network', path: where(header),
        message: `expected an SNDlib network file, got type "${type}"`,
      }]);
    }
  }

  const nodes: ImportedNode[] = [];
  const edges: Array<{ edge: ImportedEdge; token: Token }> = [];
  const demands: Array<{ demand: ImportedDemand; token: Token }> = [];
  const attributes: Attributes = {};
  const nodeTokens = new Map<string, Token>();
  const references: InputIssue[] = [];

  // Sections: NAME ( entries ), each entry read as it comes so that only one is held.
  const reader = new TokenReader(text);
  for (let name = reader.take(); name !== undefined; name = reader.take()) {
    const open = reader.peek();
    if (!isWord(name) || open?.text !== '(') {
      fail(name, `expected a section such as "NODES (", got ${describe(name)}`);
      break;
    }
    reader.take();
    const firstIssue = syntax.length;
    const closed = readSection(reader, file, entryReader(name.text));
    if (!closed) {
      syntax.splice(firstIssue, 0, {
        code: 'sndlib_syntax', path: where(open),
        message: `expected ")" to close the ${name.text} section, got the end of the file`,
      });
    }
  }
  if (syntax.length > 0) throw new InputError(InputErrorCode.syntax, file, syntax);

  const known = (token: Token, what: string, id: string, path: string) => {
    if (!nodeTokens.has(id)) {
      references.push({
        code: 'unknown_node', path: where(token), received: id,
        message: `${path}: ${what} "${id}" is not a node in NODES`,
      });
    }
  };
  for (const { edge, token } of edges) {
    known(token, 'source', edge.source, `link "${edge.id}"`);
    known(token, 'target', edge.target, `link "${edge.id}"`);
  }
  for (const { demand, token } of demands) {
    known(token, 'source', demand.source, `demand "${demand.id}"`);
    known(token, 'target', demand.target, `demand "${demand.id}"`);
  }
  if (references.length > 0) throw new InputError(InputErrorCode.reference, file, references);

  return {
    format: 'sndlib-native',
    directed: false,
    nodes,
    edges: edges.map((e) => e.edge),
    demands: demands.map((d) => d.demand),
    attributes,
  };

  function entryReader(section: string): ((entry: Entry) => void) | undefined {
    switch (section) {
      case 'NODES':
        return readNode;
      case 'LINKS':
        return readLink;
      case 'DEMANDS':
        return readDemand;
      case 'META':
        return readMeta;
      default:
        // ADMISSIBLE_PATHS and any later section carry nothing the simulator uses.
        return undefined;
    }
  }

  function readNode(entry: Entry): void {
    const [id, open, x, y, close] = entry;
    const coordinates = entry.length === 5 && open.text === '(' && close.text === ')';
    if (!isWord(id) || !(entry.length === 1 || coordinates)) {
      fail(id, `expected "<node> ( <x> <y> )" or "<node>", got ${describeEntry(entry)}`);
      return;
    }
    checkNodeCount(nodes.length + 1, file);
    const first = nodeTokens.get(id.text);
    if (first !== undefined) {
      references.push({
        code: 'duplicate_node', path: where(id), received: id.text,
        message: `duplicate node "${id.text}" (first at line ${first.line})`,
      });
      return;
    }
    nodeTokens.set(id.text, id);
    const node: ImportedNode = { id: id.text, attributes: {} };
    if (coordinates) {
      const nx = numberOrUndefined(x.text);
      const ny = numberOrUndefined(y.text);
      if (nx === undefined || ny === undefined) {
        fail(x, `expected two numbers as the coordinates of "${id.text}", got ` +
          `${describe(x)} ${describe(y)}`);
        return;
      }
      node.x = nx;
      node.y = ny;
    }
    nodes.push(node);
  }

  function readLink(entry: Entry): void {
    const ends = endsOf(entry, 'link');
    if (!ends) return;
    const rest = entry.slice(5);
    const moduleStart = rest.findIndex((t) => t.text === '(');
    const fieldTokens = moduleStart < 0 ? rest : rest.slice(0, moduleStart);
    const moduleTokens = moduleStart < 0 ? [] : rest.slice(moduleStart + 1);
    if (moduleStart >= 0 && moduleTokens.pop()?.text !== ')') {
      fail(rest[moduleStart], `expected ")" to close the modules of link "${ends.id}"`);
      return;
    }

    const values = numbers(fieldTokens, `link "${ends.id}"`);
    const moduleValues = numbers(moduleTokens, `the modules of link "${ends.id}"`);
    if (!values || !moduleValues) return;
    if (values.length > LINK_FIELDS.length) {
      fail(fieldTokens[LINK_FIELDS.length], `expected at most ${LINK_FIELDS.length} numbers ` +
        `before the modules of link "${ends.id}", got ${values.length}`);
      return;
    }
    if (moduleValues.length % 2 !== 0) {
      fail(moduleTokens[0], `expected module capacity and cost in pairs for link "${ends.id}", ` +
        `got ${moduleValues.length} numbers`);
      return;
    }

    checkEdgeCount(edges.length + 1, file);
    const attributes: Attributes = {};
    values.forEach((v, k) => { attributes[LINK_FIELDS[k]] = v; });
    const modules: CapacityModule[] = [];
    for (let k = 0; k < moduleValues.length; k += 2) {
      modules.push({ capacity: moduleValues[k], cost: moduleValues[k + 1] });
    }
    moduleAttributes(attributes, modules);
    const edge: ImportedEdge = {
      source: ends.source, target: ends.target, id: ends.id, attributes,
    };
    const capacity = sndlibCapacity(values[0], modules);
    if (capacity !== undefined) edge.capacityMbps = capacity;
    edges.push({ edge, token: entry[0] });
  }

  function readDemand(entry: Entry): void {
    const ends = endsOf(entry, 'demand');
    if (!ends) return;
    const [unit, value, maxPath] = entry.slice(5);
    const routingUnit = numberOrUndefined(unit?.text);
    const demandValue = numberOrUndefined(value?.text);
    if (routingUnit === undefined || demandValue === undefined || entry.length > 8) {
      fail(unit ?? entry[0], `expected "<routing unit> <demand value> [<max path length>]" ` +
        `after demand "${ends.id}", got ${describeEntry(entry.slice(5))}`);
      return;
    }
    checkEdgeCount(demands.length + 1, file, 'demands');
    const attributes: Attributes = { routingUnit };
    if (maxPath !== undefined) {
      attributes.maxPathLength = numberOrUndefined(maxPath.text) ?? maxPath.text;
    }
    demands.push({
      demand: { source: ends.source, target: ends.target, valueMbps: demandValue, id: ends.id,
        attributes },
      token: entry[0],
    });
  }

  function readMeta(entry: Entry): void {
    const [key, equals, ...value] = entry;
    if (isWord(key) && equals?.text === '=' && value.length > 0) {
      setAttribute(attributes, key.text, value.map((t) => t.text).join(' '));
    }
  }

  /** `<id> ( <source> <target> )`, the start of every link and demand. */
  function endsOf(entry: Entry, what: string) {
    const [id, open, source, target, close] = entry;
    if (!isWord(id) || open?.text !== '(' || !isWord(source) || !isWord(target) ||
        close?.text !== ')') {
      fail(id, `expected "<${what}> ( <source> <target> ) ...", got ${describeEntry(entry)}`);
      return undefined;
    }
    return { id: id.text, source: source.text, target: target.text };
  }

  function numbers(list: Token[], what: string): number[] | undefined {
    const out: number[] = [];
    for (const token of list) {
      const value = numberOrUndefined(token.text);
      if (value === undefined) {
        fail(token, `expected a number in ${what}, got ${describe(token)}`);
        return undefined;
      }
      out.push(value);
    }
    return out;
  }
}

/** The first `?` line (`?SNDlib native format; type: network; version: 1.0`), if any. */
function findHeader(text: string): Token | undefined {
  const match = /^([^\S\n]*)\?[^\n]*/m.exec(text);
  if (!match) return undefined;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < match.index; i = text.indexOf('\n', i + 1)) {
    line += 1;
  }
  return { text: match[0].trim(), line, column: match[1].length + 1 };
}

/**
 * The tokens of the file, words and parentheses, read a line at a time as they are
 * taken; `#` comments and `?` lines are skipped. Holds at most the two tokens peeked.
 */
class TokenReader {
  private readonly ahead: Token[] = [];
  // "#" to the end of the line, a parenthesis, or a word. [^] and not ".": a comment
  // also ends a CRLF line, whose "\r" "." would not match.
  private readonly pattern = /#[^]*|[()]|[^\s()#]+/g;
  private line = '';
  private lineNumber = 0;
  private next = 0;

  constructor(private readonly text: string) {}

  peek(): Token | undefined {
    if (this.ahead.length === 0) {
      const token = this.read();
      if (token === undefined) return undefined;
      this.ahead.push(token);
    }
    return this.ahead[0];
  }

  take(): Token | undefined {
    const token = this.peek();
    this.ahead.shift();
    return token;
  }

  private read(): Token | undefined {
    for (;;) {
      const match = this.pattern.exec(this.line);
      if (match && !match[0].startsWith('#')) {
        return { text: match[0], line: this.lineNumber, column: match.index + 1 };
      }
      // The rest of the line is a comment or nothing; at the end of the text it stays so.
      this.line = '';
      if (this.next > this.text.length) return undefined;
      const end = this.text.indexOf('\n', this.next);
      const stop = end < 0 ? this.text.length : end;
      const line = this.text.slice(this.next, stop);
      this.next = stop + 1;
      this.lineNumber += 1;
      this.line = line.trimStart().startsWith('?') ? '' : line;
      this.pattern.lastIndex = 0;
    }
  }
}

/**
 * Reads the entries of a section whose "(" was just taken, up to its ")", handing each to
 * `onEntry`; without one, the entries are skipped and not held. Whether ")" was found.
 */
function readSection(
  reader: TokenReader,
  file: string,
  onEntry: ((entry: Entry) => void) | undefined,
): boolean {
  for (let first = reader.peek(); first && first.text !== ')'; first = reader.peek()) {
    const entry: Entry = [];
    let count = 0;
    let depth = 0;
    for (let token: Token | undefined = first; token; token = reader.peek()) {
      if (depth === 0 && (token.text === ')' || (token.line !== first.line && count > 0))) break;
      if (token.text === '(') depth += 1;
      if (token.text === ')') depth -= 1;
      count += 1;
      if (onEntry) {
        if (count > LIMITS.sndlibEntryTokens) {
          throw limitError(file, 'entry_too_long',
            `expected at most ${LIMITS.sndlibEntryTokens} tokens in one entry, got more`,
            where(first));
        }
        entry.push(token);
      }
      reader.take();
    }
    onEntry?.(entry);
  }
  return reader.take() !== undefined;
}

function isWord(token: Token | undefined): token is Token {
  return token !== undefined && token.text !== '(' && token.text !== ')';
}

function where(token: Token | undefined): string {
  return token ? `line ${token.line}, column ${token.column}` : 'end of file';
}

function describe(token: Token | undefined): string {
  return token ? JSON.stringify(token.text) : 'the end of the file';
}

function describeEntry(entry: Token[]): string {
  if (entry.length === 0) return 'nothing';
  const text = entry.map((t) => t.text).join(' ');
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}
