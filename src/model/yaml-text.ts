// Parses YAML text into plain data, within the limits, with line and column on errors.
import {
  Composer, isAlias, isMap, isScalar, isSeq, LineCounter, Parser, visit, YAMLParseError,
  type Alias, type CST, type Document, type Node,
} from 'yaml';
import { checkDataDepth, tooDeepError } from './data-depth.ts';
import { InputError, InputErrorCode, type InputIssue } from './errors.ts';
import { LIMITS } from './limits.ts';

type ParsedDocument = Document.Parsed;

/** Parses one YAML document. Throws InputError with every syntax fault found. */
export function parseYamlText(text: string, file: string): unknown {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > LIMITS.yamlBytes) {
    throw new InputError(InputErrorCode.limit, file, [{
      code: 'file_too_large',
      path: '',
      message: `expected at most ${LIMITS.yamlBytes} bytes of YAML, got ${bytes}`,
    }]);
  }

  // yaml's composer recurses once per level, so nesting is checked on the parse tree
  // first: a few thousand "[" would otherwise overflow the stack.
  const lineCounter = new LineCounter();
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  checkTokenDepth(tokens, file, lineCounter);

  // yaml's own unique-key check compares each key with every earlier one, which takes
  // minutes on a map of 100,000 keys; duplicateKeys does it in one pass.
  const doc = composeOne(tokens, text.length);
  const errors: Array<{ offset: number; issue: InputIssue }> = doc.errors.map((err) => ({
    offset: err.pos[0],
    issue: {
      code: `yaml_${err.code.toLowerCase()}`,
      path: where(lineCounter, err.pos[0]),
      message: err.message.split('\n')[0] ?? err.message,
    },
  }));
  for (const duplicate of duplicateKeys(doc, lineCounter)) errors.push(duplicate);
  if (errors.length > 0) {
    errors.sort((a, b) => a.offset - b.offset);
    throw new InputError(InputErrorCode.syntax, file, errors.map((e) => e.issue));
  }

  let data: unknown;
  try {
    // yaml counts the anchored node as one use of its anchor, and each alias as one more.
    data = doc.toJS({ maxAliasCount: LIMITS.yamlAliases + 1 });
  } catch (err) {
    // yaml throws a ReferenceError for an alias it cannot resolve, and once the
    // aliases expand past maxAliasCount nodes.
    if (!(err instanceof ReferenceError)) throw err;
    if (!err.message.startsWith('Excessive alias count')) {
      const name = /: (.*)$/.exec(err.message)?.[1] ?? '';
      const alias = firstAlias(doc, name);
      throw new InputError(InputErrorCode.syntax, file, [{
        code: 'yaml_alias', path: alias ? where(lineCounter, alias.range?.[0] ?? 0) : 'line 1',
        message: `expected an anchor "&${name}" before the alias "*${name}", got none`,
        received: `*${name}`,
      }]);
    }
    throw new InputError(InputErrorCode.limit, file, [{
      code: 'yaml_aliases',
      path: '',
      message: `expected at most ${LIMITS.yamlAliases} alias expansions, got more`,
    }]);
  }
  checkDataDepth(data, file);
  return data;
}

/** The first document of the token stream, as yaml's parseDocument composes it. */
function composeOne(tokens: CST.Token[], length: number): ParsedDocument {
  const composer = new Composer({ uniqueKeys: false, merge: false });
  let doc: ParsedDocument | undefined;
  for (const next of composer.compose(tokens, true, length)) {
    if (!doc) {
      doc = next;
      continue;
    }
    doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS',
      'expected one YAML document, got more'));
    break;
  }
  return doc!;
}

/**
 * The first alias named `name`, in document order: the one yaml could not resolve, since
 * an anchor before it would have resolved every later one too.
 */
function firstAlias(doc: ParsedDocument, name: string): Alias | undefined {
  let found: Alias | undefined;
  visit(doc, {
    Alias(_, node) {
      if (node.source !== name) return undefined;
      found = node;
      return visit.BREAK;
    },
  });
  return found;
}

/** Collections in the parse tree nested deeper than LIMITS.depth, refused. */
function checkTokenDepth(tokens: CST.Token[], file: string, lines: LineCounter): void {
  const stack: Array<[CST.Token | null | undefined, number]> = [];
  // The outermost collection is level 1, as in checkDataDepth.
  for (const token of tokens) stack.push([token, 1]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (!token) continue;
    if (token.type === 'document') {
      stack.push([token.value, depth]);
      continue;
    }
    if (token.type !== 'block-map' && token.type !== 'block-seq' &&
        token.type !== 'flow-collection') continue;
    if (depth > LIMITS.depth) throw tooDeepError(file, where(lines, token.offset));
    for (const item of token.items) {
      stack.push(['key' in item ? item.key : undefined, depth + 1]);
      stack.push([item.value, depth + 1]);
    }
  }
}

/** Keys written twice in one map, each with the line and column of the second. */
function duplicateKeys(
  doc: ParsedDocument,
  lines: LineCounter,
): Array<{ offset: number; issue: InputIssue }> {
  const found: Array<{ offset: number; issue: InputIssue }> = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    } else if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        if (isScalar(key) && !Number.isNaN(key.value)) {
          if (seen.has(key.value)) {
            const offset = key.range?.[0] ?? 0;
            found.push({ offset, issue: {
              code: 'yaml_duplicate_key', path: where(lines, offset),
              message: 'Map keys must be unique',
            } });
          }
          seen.add(key.value);
        } else if (!isAlias(key)) {
          stack.push(key);
        }
        stack.push(pair.value);
      }
    }
  }
  return found;
}

function where(lines: LineCounter, offset: number): string {
  const pos = lines.linePos(offset);
  return pos ? `line ${pos.line}, column ${pos.col}` : '';
}
