// Paths into parsed data, for changing one value of a real file, and the check that
// what a loader returns is plain data: no odd prototype, no NaN or Infinity.

/** Where a value sits in parsed data, and whether it is a map (which can take keys). */
export interface DataPath {
  keys: Array<string | number>;
  kind: 'map' | 'list' | 'value';
}

/** Every path of `data`, the root included, in document order. */
export function pathsOf(data: unknown): DataPath[] {
  const out: DataPath[] = [];
  const stack: Array<[unknown, Array<string | number>]> = [[data, []]];
  while (stack.length > 0) {
    const [value, keys] = stack.pop()!;
    if (Array.isArray(value)) {
      out.push({ keys, kind: 'list' });
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], [...keys, i]]);
    } else if (value !== null && typeof value === 'object') {
      out.push({ keys, kind: 'map' });
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        stack.push([entries[i][1], [...keys, entries[i][0]]]);
      }
    } else {
      out.push({ keys, kind: 'value' });
    }
  }
  return out;
}

/** A deep copy of `data` with the value at `path` replaced. */
export function withValueAt(data: unknown, path: DataPath, value: unknown): unknown {
  if (path.keys.length === 0) return value;
  const copy = structuredClone(data);
  const parent = walk(copy, path.keys.slice(0, -1));
  ownSet(parent, path.keys.at(-1)!, value);
  return copy;
}

/** A deep copy of `data` with an own key `key` added to the map at `path`. */
export function withOwnKey(data: unknown, path: DataPath, key: string, value: unknown): unknown {
  const copy = structuredClone(data);
  ownSet(walk(copy, path.keys), key, value);
  return copy;
}

/**
 * Throws unless `value` is plain data: maps with Object.prototype, and finite numbers
 * only unless `finite` is false. A loader that returned NaN, Infinity or an object with
 * another prototype let through what its schema should have refused.
 */
export function checkPlainData(value: unknown, finite = true): void {
  const stack: Array<[unknown, string]> = [[value, '']];
  while (stack.length > 0) {
    const [v, where] = stack.pop()!;
    if (finite && typeof v === 'number' && !Number.isFinite(v)) {
      throw new Error(`loaded ${v} at ${where || 'the root'}`);
    }
    if (v === null || typeof v !== 'object') continue;
    const proto = Object.getPrototypeOf(v);
    if (Array.isArray(v)) {
      if (proto !== Array.prototype) throw new Error(`a list with an odd prototype at ${where}`);
      v.forEach((item, i) => stack.push([item, `${where}[${i}]`]));
      continue;
    }
    if (proto !== Object.prototype && proto !== null) {
      throw new Error(`a map with an odd prototype at ${where || 'the root'}`);
    }
    for (const [k, item] of Object.entries(v)) stack.push([item, `${where}.${k}`]);
  }
}

function walk(root: unknown, keys: Array<string | number>): Record<string | number, unknown> {
  let node = root as Record<string | number, unknown>;
  for (const key of keys) node = node[key] as Record<string | number, unknown>;
  return node;
}

// defineProperty, not "=": assigning "__proto__" would set the prototype instead.
function ownSet(target: Record<string | number, unknown>, key: string | number, value: unknown) {
  Object.defineProperty(target, key, {
    value, enumerable: true, writable: true, configurable: true,
  });
}
