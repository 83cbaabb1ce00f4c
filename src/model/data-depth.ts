// The nesting limit for parsed data, checked without recursion so that any depth is safe.
import { formatPath, InputError, InputErrorCode } from './errors.ts';
import { LIMITS } from './limits.ts';

/**
 * Refuses data nested deeper than LIMITS.depth maps and lists, the root being the first
 * (as in GML and XML, where the outermost list or element is level 1). The error's path
 * is that of the first map or list found too deep.
 * @example checkDataDepth(JSON.parse(text), 'net.json')
 */
export function checkDataDepth(root: unknown, file: string): void {
  // Only maps and lists are stacked, each with its level and the index of its step in
  // `steps` (its key and its parent's step), so that the path is built only on failure:
  // a list of a million numbers costs no memory here.
  const values: object[] = [];
  const depths: number[] = [];
  const stepOf: number[] = [];
  const steps: Array<{ key: PropertyKey; parent: number }> = [];
  if (root !== null && typeof root === 'object') {
    values.push(root);
    depths.push(1);
    stepOf.push(-1);
  }
  while (values.length > 0) {
    const value = values.pop()!;
    const depth = depths.pop()!;
    const step = stepOf.pop()!;
    if (depth > LIMITS.depth) throw tooDeepError(file, formatPath(pathOf(steps, step)));
    const push = (key: PropertyKey, child: unknown) => {
      if (child === null || typeof child !== 'object') return;
      values.push(child);
      depths.push(depth + 1);
      steps.push({ key, parent: step });
      stepOf.push(steps.length - 1);
    };
    if (Array.isArray(value)) value.forEach((child, i) => push(i, child));
    else for (const [key, child] of Object.entries(value)) push(key, child);
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

function pathOf(steps: Array<{ key: PropertyKey; parent: number }>, last: number) {
  const keys: PropertyKey[] = [];
  for (let s = last; s >= 0; s = steps[s].parent) keys.push(steps[s].key);
  return keys.reverse();
}
