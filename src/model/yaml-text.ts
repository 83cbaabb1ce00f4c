// Parses YAML text into plain data, within the limits, with line and column on errors.
import { LineCounter, parseDocument } from 'yaml';
import { InputError, InputErrorCode, type InputIssue } from './errors.ts';
import { LIMITS } from './limits.ts';

/** Parses one YAML document. Throws InputError with every syntax fault found. */
export function parseYamlText(text: string, file: string): unknown {
  if (text.length > LIMITS.fileBytes) {
    throw new InputError(InputErrorCode.limit, file, [{
      code: 'file_too_large',
      path: '',
      message: `expected at most ${LIMITS.fileBytes} bytes, got ${text.length}`,
    }]);
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    uniqueKeys: true, prettyErrors: false, merge: false, lineCounter,
  });
  if (doc.errors.length > 0) {
    const issues: InputIssue[] = doc.errors.map((err) => {
      const pos = lineCounter.linePos(err.pos[0]);
      const where = pos ? `line ${pos.line}, column ${pos.col}` : '';
      const first = err.message.split('\n')[0] ?? err.message;
      return { code: `yaml_${err.code.toLowerCase()}`, path: where, message: first };
    });
    throw new InputError(InputErrorCode.syntax, file, issues);
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: LIMITS.yamlAliases });
  } catch (err) {
    throw new InputError(InputErrorCode.limit, file, [{
      code: 'yaml_aliases',
      path: '',
      message: `expected at most ${LIMITS.yamlAliases} alias expansions: ${(err as Error).message}`,
    }]);
  }
  checkDepth(data, file);
  return data;
}

function checkDepth(root: unknown, file: string): void {
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > LIMITS.depth) {
      throw new InputError(InputErrorCode.limit, file, [{
        code: 'too_deep',
        path: '',
        message: `expected nesting of at most ${LIMITS.depth} levels`,
      }]);
    }
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
}
