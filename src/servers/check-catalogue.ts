// Referential checks on an application catalogue: ids that must resolve or be unique,
// tier names unique per application, go-live years that agree with each other.
import type { InputIssue } from '../model/errors.ts';

/**
 * Every referential fault in catalogue data; empty when it is sound. It runs on data
 * that may also have failed its schema, so each check reads only fields of the right
 * type and passes over the rest.
 */
export function checkCatalogueReferences(data: unknown): InputIssue[] {
  const issues: InputIssue[] = [];
  const add = (path: string, message: string, received?: string) =>
    issues.push({ code: 'reference', path, message, received });
  const c = isRecord(data) ? data : {};

  const offices = new Set<string>();
  list(c.offices).forEach((id, i) => {
    if (typeof id !== 'string') return;
    if (offices.has(id)) add(`offices[${i}]`, `duplicate office "${id}"`, id);
    offices.add(id);
  });

  const groups = new Set<string>();
  const groupMap = isRecord(c.groups) ? c.groups : {};
  for (const [name, members] of Object.entries(groupMap)) {
    if (offices.has(name) || name === 'all') {
      add(`groups.${name}`, `a group cannot take the name of an office or "all"`, name);
    }
    groups.add(name);
    list(members).forEach((id, i) => {
      if (typeof id === 'string' && !offices.has(id)) {
        add(`groups.${name}[${i}]`, `office "${id}" is not in offices`, id);
      }
    });
  }

  const years = isRecord(c.years) ? c.years : {};
  const first = typeof years.first === 'number' ? years.first : -Infinity;
  const last = typeof years.last === 'number' ? years.last : Infinity;
  if (first > last) add('years.last', `expected a year >= years.first (${first}), got ${last}`);
  const inRange = (path: string, y: unknown) => {
    if (typeof y === 'number' && (y < first || y > last)) {
      add(path, `expected a year from ${first} to ${last}, got ${y}`);
    }
  };

  const appIds = new Map<string, number>();
  records(c.applications).forEach((app, i) => {
    const at = `applications[${i}]`;
    if (typeof app.id === 'string') {
      const seen = appIds.get(app.id);
      if (seen !== undefined) {
        add(`${at}.id`, `duplicate application id "${app.id}" (first at applications[${seen}])`,
          app.id);
      } else {
        appIds.set(app.id, i);
      }
    }
    if (typeof app.owner === 'string' && !offices.has(app.owner)) {
      add(`${at}.owner`, `office "${app.owner}" is not in offices`, app.owner);
    }
    list(app.users).forEach((id, j) => {
      if (typeof id === 'string' && !offices.has(id) && !groups.has(id)) {
        add(`${at}.users[${j}]`, `"${id}" is neither an office nor a group`, id);
      }
    });
    inRange(`${at}.live`, app.live);
    checkTiers(app, at, inRange, add);
  });

  const fleetIds = new Map<string, number>();
  const servers = isRecord(c.servers) ? c.servers : {};
  records(servers.fleet).forEach((entry, i) => {
    const at = `servers.fleet[${i}]`;
    if (typeof entry.id === 'string') {
      const seen = fleetIds.get(entry.id);
      if (seen !== undefined) {
        add(`${at}.id`, `duplicate fleet id "${entry.id}" (first at servers.fleet[${seen}])`,
          entry.id);
      } else {
        fleetIds.set(entry.id, i);
      }
    }
    if (typeof entry.from === 'number' && typeof entry.until === 'number' &&
        entry.until < entry.from) {
      add(`${at}.until`, `expected a year >= from (${entry.from}), got ${entry.until}`);
    }
  });

  const rules = new Set(Object.keys(isRecord(c.rules) ? c.rules : {}));
  for (const { path, rule } of namedRules(c)) {
    if (!rules.has(rule)) add(`${path}.rule`, `rule "${rule}" is not defined in rules`, rule);
  }
  return issues;
}

function checkTiers(
  app: Record<string, unknown>,
  at: string,
  inRange: (path: string, y: unknown) => void,
  add: (path: string, message: string, received?: string) => void,
): void {
  const names = new Map<string, number>();
  let firstLive = Infinity;
  records(app.tiers).forEach((tier, j) => {
    const tat = `${at}.tiers[${j}]`;
    if (typeof tier.name === 'string') {
      const seen = names.get(tier.name);
      if (seen !== undefined) {
        add(`${tat}.name`, `duplicate tier name "${tier.name}" (first at tiers[${seen}])`,
          tier.name);
      } else {
        names.set(tier.name, j);
      }
    }
    const live = typeof tier.live === 'number' ? tier.live : app.live;
    if (typeof live === 'number') firstLive = Math.min(firstLive, live);
    inRange(`${tat}.live`, tier.live);
    if (typeof tier.live === 'number' && typeof app.live === 'number' && tier.live < app.live) {
      add(`${tat}.live`,
        `a tier cannot go live before its application (${app.live}), got ${tier.live}`);
    }
  });
  if (typeof app.live === 'number' && Number.isFinite(firstLive) && firstLive > app.live) {
    add(`${at}.live`,
      `expected the year of the application's first tier (${firstLive}), got ${app.live}`);
  }
}

/** Every rule id named by an `estimate` figure or an application's `figures`. */
function* namedRules(value: unknown, path = ''): Generator<{ path: string; rule: string }> {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* namedRules(value[i], `${path}[${i}]`);
    return;
  }
  const record = value as Record<string, unknown>;
  if (record.source === 'estimate' && typeof record.rule === 'string') {
    yield { path, rule: record.rule };
    return;
  }
  for (const [key, child] of Object.entries(record)) {
    if (key === 'rules') continue;
    yield* namedRules(child, path ? `${path}.${key}` : key);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function records(value: unknown): Array<Record<string, unknown>> {
  return list(value).map((x) => (isRecord(x) ? x : {}));
}
