// The nesting limit for parsed data, checked without recursion so that any depth is safe.
import { InputError, InputErrorCode } from './errors.ts';
import { LIMITS } from './limits.ts';

/**
 * Refuses data nested deeper than LIMITS.depth, where the root is level 0.
 * @example checkDataDepth(JSON.parse(text), 'net.json')
 */
export function checkDataDepth(root: unknown, file: string): void {
  // Only maps and lists are stacked, each with its level beside it: a list of a million
  // numbers costs no memory here.
  const values: object[] = [];
  const depths: number[] = [];
  if (root !== null && typeof root === 'object') {
    values.push(root);
    depths.push(0);
  }
  while (values.length > 0) {
    const value = values.pop()!;
    const depth = depths.pop()!;
    if (depth > LIMITS.depth) throw tooDeepError(file, '');
    const children: unknown[] = Array.isArray(value) ? value : Object.values(value);
    for (const child of children) {
      if (child !== null && typeof child === 'object') {
        values.push(child);
        depths.push(depth + 1);
      }
    }
  }
}

/** The E_INPUT_LIMIT error for nesting too deep; `path` says where, when known. */
export function tooDeepError(file: string, path: string): InputError {
  return new InputError(InputErrorCode.limit, file, [{
    code: 'too_deep',
    path,
    message: `expected nesting of at most ${LIMITS.depth} levels`,
  }]);
}
