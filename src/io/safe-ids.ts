// Turns ids as written in a file into ids our schema accepts, unique, and stable in order.

/** The topology schema's id rule (see Id in src/model/topology-schema.ts). */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const MAX_BASE = 120;

/**
 * Maps each wanted id to a safe, unique one. Ids that already fit are kept as they are
 * (and reserved first, so a rewritten id never takes one of them); others have unsafe
 * characters replaced by "-", accents dropped, and a "-2", "-3"... suffix on a clash.
 */
export function makeSafeIds(wanted: readonly string[], fallback = 'id'): string[] {
  const used = new Set<string>();
  const out: Array<string | undefined> = wanted.map((id) => {
    if (ID_PATTERN.test(id) && !used.has(id)) {
      used.add(id);
      return id;
    }
    return undefined;
  });
  return out.map((safe, i) => {
    if (safe !== undefined) return safe;
    const base = cleanId(wanted[i]) || fallback;
    let candidate = base;
    for (let n = 2; used.has(candidate); n++) candidate = `${base}-${n}`;
    used.add(candidate);
    return candidate;
  });
}

function cleanId(id: string): string {
  return id
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._:-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .replace(/-+$/, '')
    .slice(0, MAX_BASE);
}
