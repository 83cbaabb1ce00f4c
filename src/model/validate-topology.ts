// Referential checks on a topology that already matches its schema: ids that must
// resolve, ids that must be unique, offices that need a cluster.
import type { InputIssue } from './errors.ts';
import { CLUSTERLESS_KINDS, OFFICE_KINDS, type Site, type SiteKind } from './topology-schema.ts';

/**
 * Every referential fault in topology data; empty when it is sound. It runs on data
 * that may also have failed its schema, so that one pass reports every fault: each
 * check reads only fields of the right type and passes over the rest.
 */
export function checkTopologyReferences(data: unknown): InputIssue[] {
  const t = loose(data);
  const issues: InputIssue[] = [];
  const add = (path: string, message: string, received?: string) =>
    issues.push({ code: 'reference', path, message, received });

  const siteIds = uniqueIds(t.sites, 'sites', 'site', add);
  const linkIds = uniqueIds(t.links, 'links', 'link', add);
  const clusterIds = uniqueIds(t.clusters, 'clusters', 'cluster', add);
  const classIds = uniqueIds(t.trafficClasses, 'trafficClasses', 'traffic class', add);
  const uplinkIds = uniqueIds(t.uplinks, 'uplinks', 'uplink', add);
  uniqueIds(t.groups ?? [], 'groups', 'group', add);
  const ruleIds = new Set(Object.keys(isRecord(t.rules) ? t.rules : {}));

  const needSite = (path: string, id: string, what: string) => {
    if (!siteIds.has(id)) add(path, `${what} "${id}" is not a site in this topology`, id);
  };

  if (typeof t.backbone === 'string') needSite('backbone', t.backbone, 'backbone');

  t.sites.forEach((site, i) => {
    if (typeof site.cluster === 'string' && !clusterIds.has(site.cluster)) {
      add(`sites[${i}].cluster`, `cluster "${site.cluster}" is not defined in clusters`,
        site.cluster);
    }
    if (site.cluster === undefined && needsCluster(site) && t.clusters.length > 0) {
      add(`sites[${i}].cluster`,
        `office "${site.id}" (${site.kind}) must belong to a cluster; only ` +
        `${[...CLUSTERLESS_KINDS].join(', ')} offices may stand outside one`);
    }
    for (const field of ['demandMbps', 'units'] as const) {
      const demand = isRecord(site[field]) ? site[field] : {};
      for (const cls of Object.keys(demand)) {
        if (!classIds.has(cls)) {
          add(`sites[${i}].${field}.${cls}`,
            `traffic class "${cls}" is not defined in trafficClasses`, cls);
        }
      }
    }
  });

  t.links.forEach((link, i) => {
    if (typeof link.a === 'string') needSite(`links[${i}].a`, link.a, 'link end');
    if (typeof link.b === 'string') needSite(`links[${i}].b`, link.b, 'link end');
    if (typeof link.a === 'string' && link.a === link.b) {
      add(`links[${i}].b`, `a link cannot join "${link.a}" to itself`, link.b);
    }
    if (typeof link.via === 'string' && !uplinkIds.has(link.via)) {
      add(`links[${i}].via`, `uplink "${link.via}" is not defined in uplinks`, link.via);
    }
    const media = t.media as Record<string, { capacityMbps?: unknown } | undefined> | undefined;
    if (link.capacityMbps === undefined && typeof link.medium === 'string' &&
        media?.[link.medium]?.capacityMbps === undefined) {
      add(`links[${i}].capacityMbps`,
        `expected a capacity, on the link or as media.${link.medium}.capacityMbps, got nothing`);
    }
  });

  t.clusters.forEach((cluster, i) => {
    if (typeof cluster.hub === 'string') needSite(`clusters[${i}].hub`, cluster.hub, 'hub');
    if (typeof cluster.uplink === 'string' && !linkIds.has(cluster.uplink)) {
      add(`clusters[${i}].uplink`, `link "${cluster.uplink}" is not defined in links`,
        cluster.uplink);
    }
  });

  t.trafficClasses.forEach((cls, i) => {
    if (typeof cls.sink === 'string') needSite(`trafficClasses[${i}].sink`, cls.sink, 'sink');
  });
  const appClass = isRecord(t.applications) ? t.applications.class : undefined;
  if (typeof appClass === 'string' && !classIds.has(appClass)) {
    add('applications.class', `traffic class "${appClass}" is not defined in trafficClasses`,
      appClass);
  }
  t.uplinks.forEach((uplink, i) => {
    if (typeof uplink.link === 'string' && !linkIds.has(uplink.link)) {
      add(`uplinks[${i}].link`, `link "${uplink.link}" is not defined in links`, uplink.link);
    }
  });

  checkDrcReferences(t, add);

  for (const { path, rule } of estimateRules(t)) {
    if (!ruleIds.has(rule)) add(`${path}.rule`, `rule "${rule}" is not defined in rules`, rule);
  }
  return issues;
}

/** Whether a site is one of the offices (OPD) whose demand the plan counts. */
export function isOffice(site: Pick<Site, 'kind' | 'office'> | LooseSite): boolean {
  if (typeof site.office === 'boolean') return site.office;
  return typeof site.kind === 'string' && OFFICE_KINDS.has(site.kind);
}

/**
 * A DRC block must name a site to stand in for, classes that sink there, its own link,
 * and a replication class it does not also give a demand for.
 */
function checkDrcReferences(
  t: LooseTopology,
  add: (path: string, message: string, received?: string) => void,
): void {
  const siteIds = new Set(t.sites.map((s) => s.id).filter((id) => typeof id === 'string'));
  const sinkOf = new Map(t.trafficClasses.map((c) => [c.id, c.sink]));
  const standIns = new Map<string, number>();

  t.sites.forEach((site, i) => {
    if (!isRecord(site.drc)) return;
    const drc = site.drc;
    const at = `sites[${i}].drc`;
    const target = drc.standsInFor;
    if (typeof target === 'string') {
      if (!siteIds.has(target)) {
        add(`${at}.standsInFor`, `site "${target}" is not a site in this topology`, target);
      } else if (target === site.id) {
        add(`${at}.standsInFor`, `a DRC cannot stand in for itself`, target);
      }
      const first = standIns.get(target);
      if (first !== undefined) {
        add(`${at}.standsInFor`,
          `"${target}" already has a DRC (sites[${first}]); expected one at most`, target);
      } else {
        standIns.set(target, i);
      }
    }

    const needSinkAtTarget = (path: string, cls: unknown) => {
      if (typeof cls !== 'string') return;
      if (!sinkOf.has(cls)) {
        add(path, `traffic class "${cls}" is not defined in trafficClasses`, cls);
      } else if (typeof target === 'string' && sinkOf.get(cls) !== target) {
        add(path, `expected a class whose sink is "${target}", got "${cls}" ` +
          `(sink "${String(sinkOf.get(cls))}")`, cls);
      }
    };
    (Array.isArray(drc.classes) ? drc.classes : [])
      .forEach((cls, j) => needSinkAtTarget(`${at}.classes[${j}]`, cls));

    const replication = isRecord(drc.replication) ? drc.replication : {};
    needSinkAtTarget(`${at}.replication.class`, replication.class);
    const demand = isRecord(site.demandMbps) ? site.demandMbps : {};
    if (typeof replication.class === 'string' && replication.class in demand) {
      add(`sites[${i}].demandMbps.${replication.class}`,
        `the demand of class "${replication.class}" is computed from ` +
        `drc.replication.changeGiBPerDay; expected no figure here`, replication.class);
    }

    if (typeof drc.link === 'string') {
      const link = t.links.find((l) => l.id === drc.link);
      if (!link) {
        add(`${at}.link`, `link "${drc.link}" is not defined in links`, drc.link);
      } else if (link.a !== site.id && link.b !== site.id) {
        add(`${at}.link`, `expected a link with an end at "${String(site.id)}", ` +
          `got "${drc.link}" (${String(link.a)} - ${String(link.b)})`, drc.link);
      }
    }
    (Array.isArray(drc.firstOffices) ? drc.firstOffices : []).forEach((id, j) => {
      if (typeof id === 'string' && !siteIds.has(id)) {
        add(`${at}.firstOffices[${j}]`, `site "${id}" is not a site in this topology`, id);
      }
    });

    let previous = 0;
    (Array.isArray(drc.recovery) ? drc.recovery : []).forEach((cls, j) => {
      const max = isRecord(cls) ? cls.maxPriority : undefined;
      if (typeof max !== 'number') return;
      if (max <= previous) {
        add(`${at}.recovery[${j}].maxPriority`,
          `expected a priority above the previous class's ${previous}, got ${max}`);
      }
      previous = max;
    });
  });
}

function needsCluster(site: LooseSite): boolean {
  return isOffice(site) && site.kind !== undefined && !CLUSTERLESS_KINDS.has(site.kind);
}

function uniqueIds(
  items: ReadonlyArray<{ id?: unknown }>,
  field: string,
  what: string,
  add: (path: string, message: string, received?: string) => void,
): Set<string> {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    if (typeof item.id !== 'string') return;
    const seen = first.get(item.id);
    if (seen !== undefined) {
      add(`${field}[${i}].id`,
        `duplicate ${what} id "${item.id}" (first at ${field}[${seen}])`, item.id);
    } else {
      first.set(item.id, i);
    }
  });
  return new Set(first.keys());
}

/** Every `estimate` figure's rule id, with the path where it stands. */
function* estimateRules(value: unknown, path = ''): Generator<{ path: string; rule: string }> {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* estimateRules(value[i], `${path}[${i}]`);
    return;
  }
  const record = value as Record<string, unknown>;
  if (record.source === 'estimate' && typeof record.rule === 'string' && 'value' in record) {
    yield { path, rule: record.rule };
    return;
  }
  for (const [key, child] of Object.entries(record)) {
    if (key === 'rules') continue;
    yield* estimateRules(child, path ? `${path}.${key}` : key);
  }
}

type LooseRecord = Record<string, unknown>;
type LooseSite = { id?: unknown; kind?: SiteKind; office?: boolean; cluster?: unknown;
  demandMbps?: unknown; units?: unknown; drc?: unknown };
interface LooseTopology {
  backbone?: unknown;
  rules?: unknown;
  media?: unknown;
  applications?: unknown;
  sites: LooseSite[];
  links: Array<{ id?: unknown; a?: unknown; b?: unknown; via?: unknown; medium?: unknown;
    capacityMbps?: unknown }>;
  clusters: Array<{ id?: unknown; hub?: unknown; uplink?: unknown }>;
  trafficClasses: Array<{ id?: unknown; sink?: unknown }>;
  uplinks: Array<{ id?: unknown; link?: unknown }>;
  groups: Array<{ id?: unknown }>;
}

function isRecord(value: unknown): value is LooseRecord {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Views unchecked data as a topology whose lists hold only maps. */
function loose(data: unknown): LooseTopology {
  const t = isRecord(data) ? data : {};
  const list = (v: unknown) => (Array.isArray(v) ? v : []).map((x) => (isRecord(x) ? x : {}));
  return {
    backbone: t.backbone,
    rules: t.rules,
    media: isRecord(t.media) ? t.media : undefined,
    applications: t.applications,
    sites: list(t.sites) as LooseSite[],
    links: list(t.links),
    clusters: list(t.clusters),
    trafficClasses: list(t.trafficClasses),
    uplinks: list(t.uplinks),
    groups: list(t.groups),
  };
}
