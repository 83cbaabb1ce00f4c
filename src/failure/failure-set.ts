// Failure sets: links, sites and shared-risk groups named by id, resolved into the
// links and sites that go down together.
import { InputError, InputErrorCode, type InputIssue } from '../model/errors.ts';
import type { Network } from '../model/network.ts';

/** Elements that fail together. */
export interface SharedRiskGroup {
  id: string;
  /** Written in the topology (`srlg` tags), or derived from it (VPNs over one uplink). */
  origin: 'topology' | 'derived';
  links: string[];
  sites: string[];
}

/** What a failure takes down, and the names it was given by. */
export interface ResolvedFailure {
  /** The ids as given, each resolved to its kind. */
  elements: Array<{ id: string; kind: 'link' | 'site' | 'group' }>;
  links: string[];
  sites: string[];
}

/**
 * The network's shared-risk groups: every `srlg` tag on links and sites, and one
 * derived group per ISP uplink (`via:<uplink>`) holding the uplink's link and every
 * VPN that rides it.
 */
export function sharedRiskGroups(network: Network): SharedRiskGroup[] {
  const groups = new Map<string, SharedRiskGroup>();
  const group = (id: string, origin: SharedRiskGroup['origin']) => {
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { id, origin, links: [], sites: [] }));
    return g;
  };
  for (const link of network.links) {
    for (const tag of link.srlg) group(tag, 'topology').links.push(link.id);
  }
  for (const site of network.sites) {
    for (const tag of site.srlg) group(tag, 'topology').sites.push(site.id);
  }

  const uplinkLink = new Map(network.uplinks.map((u) => [u.id, u.link]));
  for (const uplink of network.uplinks) {
    const riders = network.links.filter((l) => l.via === uplink.id);
    if (riders.length === 0) continue;
    const g = group(`via:${uplink.id}`, 'derived');
    const own = uplinkLink.get(uplink.id);
    if (own && network.links.some((l) => l.id === own)) g.links.push(own);
    for (const rider of riders) g.links.push(rider.id);
  }
  return [...groups.values()];
}

/**
 * Resolves ids into what fails. An id may carry a prefix (`link:`, `site:`, `group:`);
 * a bare id must name exactly one link, site or group. Unknown or ambiguous ids are
 * refused together, naming `source` (a file path or "--fail").
 */
export function resolveFailure(
  network: Network,
  ids: readonly string[],
  source = '--fail',
  groups: readonly SharedRiskGroup[] = sharedRiskGroups(network),
): ResolvedFailure {
  const linkIds = new Set(network.links.map((l) => l.id));
  const siteIds = new Set(network.sites.map((s) => s.id));
  const groupById = new Map(groups.map((g) => [g.id, g]));
  const links = new Set<string>();
  const sites = new Set<string>();
  const elements: ResolvedFailure['elements'] = [];
  const issues: InputIssue[] = [];

  ids.forEach((raw, i) => {
    const { kind, id } = classify(raw, linkIds, siteIds, groupById);
    if (kind === 'unknown' || kind === 'ambiguous') {
      issues.push({
        code: kind,
        path: `[${i}]`,
        message: kind === 'unknown'
          ? `expected a link, site or shared-risk group id, got "${raw}"`
          : `"${raw}" names more than one of link, site and group: prefix it with ` +
            'link:, site: or group:',
        received: raw,
      });
      return;
    }
    elements.push({ id, kind });
    if (kind === 'link') links.add(id);
    else if (kind === 'site') sites.add(id);
    else {
      const g = groupById.get(id)!;
      for (const l of g.links) links.add(l);
      for (const s of g.sites) sites.add(s);
    }
  });

  if (issues.length > 0) throw new InputError(InputErrorCode.notFound, source, issues);
  return { elements, links: [...links].sort(), sites: [...sites].sort() };
}

function classify(
  raw: string,
  links: Set<string>,
  sites: Set<string>,
  groups: Map<string, SharedRiskGroup>,
): { kind: 'link' | 'site' | 'group' | 'unknown' | 'ambiguous'; id: string } {
  const prefixed = /^(link|site|group):(.+)$/.exec(raw);
  if (prefixed) {
    const [, kind, id] = prefixed as unknown as [string, 'link' | 'site' | 'group', string];
    const known = kind === 'link' ? links.has(id)
      : kind === 'site' ? sites.has(id) : groups.has(id);
    // A derived group id itself starts with "via:", so "group:via:x" is the way to name it.
    return { kind: known ? kind : 'unknown', id };
  }
  const hits = (['link', 'site', 'group'] as const).filter((kind) =>
    kind === 'link' ? links.has(raw) : kind === 'site' ? sites.has(raw) : groups.has(raw));
  if (hits.length === 0) return { kind: 'unknown', id: raw };
  if (hits.length > 1) return { kind: 'ambiguous', id: raw };
  return { kind: hits[0], id: raw };
}
