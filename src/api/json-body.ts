// The server's JSON body parser: plain JSON.parse, with the faults said the model's way,
// nesting held to the model's limit, and keys that could reach a prototype refused.
import type { FastifyRequest } from 'fastify';
import { checkDataDepth } from '../model/data-depth.ts';
import { formatPath, InputError, InputErrorCode } from '../model/errors.ts';

/** What error messages call the body. */
const BODY = 'request body';

/**
 * Parses a JSON body (a leading byte-order mark allowed). `__proto__` and
 * `constructor.prototype` keys are refused, as fastify's own parser refuses them, but
 * with a message that names the key rather than calling valid JSON invalid.
 */
export function parseJsonBody(
  _request: FastifyRequest,
  text: string,
  done: (err: Error | null, body?: unknown) => void,
): void {
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (json.trim() === '') {
    done(syntaxError('', 'expected a JSON body, got nothing'));
    return;
  }
  let body: unknown;
  try {
    body = JSON.parse(json);
  } catch (err) {
    done(syntaxError('', `malformed JSON: ${(err as Error).message}`));
    return;
  }
  try {
    checkDataDepth(body, BODY);
    refusePrototypeKeys(body);
  } catch (err) {
    done(err as Error);
    return;
  }
  done(null, body);
}

/** Walks the data without recursion; throws at the first prototype-like key. */
function refusePrototypeKeys(root: unknown): void {
  const stack: Array<{ value: unknown; path: PropertyKey[] }> = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      value.forEach((child, i) => stack.push({ value: child, path: [...path, i] }));
      continue;
    }
    for (const [key, child] of Object.entries(value)) {
      const prototypeLike = key === '__proto__' || (key === 'constructor' &&
        typeof child === 'object' && child !== null && Object.hasOwn(child, 'prototype'));
      if (prototypeLike) {
        const name = key === '__proto__' ? key : 'constructor.prototype';
        throw syntaxError(formatPath(path), `a key named "${name}" is not accepted: ` +
          'it could change the prototype of the objects read');
      }
      stack.push({ value: child, path: [...path, key] });
    }
  }
}

function syntaxError(path: string, message: string): InputError {
  return new InputError(InputErrorCode.syntax, BODY, [{ code: 'json', path, message }]);
}
