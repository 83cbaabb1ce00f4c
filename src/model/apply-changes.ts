// Applies a scenario's changes and roadmap events to a topology, then validates the
// result again, so that no scenario can produce a network the loader would refuse.
import { InputError, InputErrorCode, type InputIssue } from './errors.ts';
import { validateTopology } from './load-topology.ts';
import type { Change, RoadmapEvent, Scenario } from './scenario-schema.ts';
import type { Topology } from './topology-schema.ts';

/** One change in force, where it stands, and the roadmap event it belongs to. */
export interface ChangeInForce {
  change: Change;
  path: string;
  event?: RoadmapEvent;
}

/**
 * The changes in force in a year, in the order they apply: what the scenario extends
 * first (its changes, then its events up to the year), then the scenario's own.
 */
export function changesForYear(scenario: Scenario, year: number): ChangeInForce[] {
  const inherited = scenario.base ? changesForYear(scenario.base, year)
    .map((c) => ({ ...c, path: `(extended scenario) ${c.path}` })) : [];
  const own: ChangeInForce[] = scenario.changes
    .map((change, i) => ({ change, path: `changes[${i}]` }));
  const events = scenario.events
    .map((event, i) => ({ event, i }))
    .filter(({ event }) => event.year <= year)
    .sort((p, q) => p.event.year - q.event.year || p.i - q.i);
  for (const { event, i } of events) {
    event.changes.forEach((change, j) =>
      own.push({ change, path: `events[${i}].changes[${j}]`, event }));
  }
  return [...inherited, ...own];
}

/** Every roadmap event of a scenario and of those it extends, in order. */
export function allEvents(scenario: Scenario): RoadmapEvent[] {
  return [...(scenario.base ? allEvents(scenario.base) : []), ...scenario.events];
}

/**
 * Returns a new topology with the changes applied in order. A change that names
 * something absent is reported at its own path in the scenario file; the changed
 * topology is then validated whole.
 */
export function applyChanges(
  topology: Topology,
  changes: readonly ChangeInForce[],
  file: string,
  extraRules: Record<string, string> = {},
): Topology {
  const t = structuredClone(topology);
  t.rules = { ...t.rules, ...extraRules };
  const issues: InputIssue[] = [];
  const missing = (path: string, what: string, id: string) =>
    issues.push({
      code: 'reference', path: `${path}.id`, message: `${what} "${id}" does not exist`,
      received: id,
    });

  for (const { change, path } of changes) {
    switch (change.op) {
      case 'add-site':
        t.sites.push(change.site);
        break;
      case 'remove-site': {
        const before = t.sites.length;
        t.sites = t.sites.filter((s) => s.id !== change.id);
        if (t.sites.length === before) missing(path, 'site', change.id);
        t.links = t.links.filter((l) => l.a !== change.id && l.b !== change.id);
        break;
      }
      case 'add-link':
        t.links.push(change.link);
        break;
      case 'remove-link': {
        const before = t.links.length;
        t.links = t.links.filter((l) => l.id !== change.id);
        if (t.links.length === before) missing(path, 'link', change.id);
        break;
      }
      case 'set-link': {
        const link = t.links.find((l) => l.id === change.id);
        if (!link) {
          missing(path, 'link', change.id);
          break;
        }
        const { op: _op, id: _id, ...fields } = change;
        Object.assign(link, definedOnly(fields));
        break;
      }
      case 'set-site': {
        const site = t.sites.find((s) => s.id === change.id);
        if (!site) {
          missing(path, 'site', change.id);
          break;
        }
        if (change.cluster !== undefined) site.cluster = change.cluster;
        if (change.demandMbps !== undefined) {
          site.demandMbps = { ...site.demandMbps, ...change.demandMbps };
        }
        if (change.units !== undefined) site.units = { ...site.units, ...change.units };
        break;
      }
      case 'set-class': {
        const cls = t.trafficClasses.find((c) => c.id === change.id);
        if (!cls) {
          missing(path, 'traffic class', change.id);
          break;
        }
        const { op: _op, id: _id, ...fields } = change;
        Object.assign(cls, definedOnly(fields));
        break;
      }
      case 'scale-demand':
        scaleDemand(t, change.factor, change.sites, change.classes);
        break;
      case 'add-class':
        t.trafficClasses.push(change.class);
        break;
      case 'add-cluster':
        t.clusters.push(change.cluster);
        break;
      case 'set-cluster': {
        const cluster = t.clusters.find((c) => c.id === change.id);
        if (!cluster) {
          missing(path, 'cluster', change.id);
          break;
        }
        if (change.hub !== undefined) cluster.hub = change.hub;
        if (change.uplink !== undefined) cluster.uplink = change.uplink;
        break;
      }
      case 'restore':
        change.ids.forEach((id, i) => {
          const site = topology.sites.find((s) => s.id === id);
          const link = topology.links.find((l) => l.id === id);
          if (site) replaceOrAdd(t.sites, structuredClone(site));
          else if (link) replaceOrAdd(t.links, structuredClone(link));
          else {
            issues.push({
              code: 'reference', path: `${path}.ids[${i}]`, received: id,
              message: `"${id}" is neither a site nor a link of the topology file`,
            });
          }
        });
        break;
    }
  }

  if (issues.length > 0) throw new InputError(InputErrorCode.reference, file, issues);
  return validateTopology(t, `${file} (after its changes)`);
}

function scaleDemand(t: Topology, factor: number, sites?: string[], classes?: string[]) {
  const siteSet = sites ? new Set(sites) : undefined;
  const classSet = classes ? new Set(classes) : undefined;
  for (const site of t.sites) {
    if (!site.demandMbps || (siteSet && !siteSet.has(site.id))) continue;
    for (const [cls, f] of Object.entries(site.demandMbps)) {
      if (classSet && !classSet.has(cls)) continue;
      site.demandMbps[cls] = typeof f === 'number' ? f * factor : { ...f, value: f.value * factor };
    }
  }
}

function definedOnly<T extends object>(fields: T): Partial<T> {
  const entries = Object.entries(fields).filter(([, v]) => v !== undefined);
  return Object.fromEntries(entries) as Partial<T>;
}

function replaceOrAdd<T extends { id: string }>(list: T[], item: T): void {
  const at = list.findIndex((x) => x.id === item.id);
  if (at >= 0) list[at] = item;
  else list.push(item);
}
