// The network as the page draws it: sites, links, clusters and shared-risk groups of
// one year, with no figures beyond those the topology states.
import { sharedRiskGroups } from '../failure/failure-set.ts';
import type { Network } from '../model/network.ts';
import type { LoadedWork } from './load-work.ts';

export interface NetworkView {
  source: { kind: 'scenario' | 'topology'; id: string };
  name: string;
  year: number;
  baseYear: number;
  years: { min: number; max: number };
  backbone: string | null;
  targets: Network['targets'];
  sites: Array<{
    id: string; name: string; kind: string; cluster: string | null; office: boolean;
    roles: string[]; srlg: string[]; x: number | null; y: number | null;
  }>;
  links: Array<{
    id: string; a: string; b: string; medium: string; capacityMbps: number;
    latencyMs: number | null; metric: number; backup: boolean; via: string | null;
    srlg: string[];
  }>;
  clusters: Array<{ id: string; name: string; hub: string; uplink: string }>;
  groups: Array<{ id: string; origin: 'topology' | 'derived'; links: string[]; sites: string[] }>;
}

/** The drawable view of loaded work. */
export function networkView(loaded: LoadedWork): NetworkView {
  const { network } = loaded;
  return {
    source: loaded.source,
    name: network.name,
    year: network.year,
    baseYear: network.baseYear,
    years: loaded.years,
    backbone: network.backbone,
    targets: network.targets,
    sites: network.sites.map((s) => ({
      id: s.id, name: s.name, kind: s.kind, cluster: s.cluster, office: s.office,
      roles: s.roles, srlg: s.srlg, x: s.x, y: s.y,
    })),
    links: network.links.map((l) => ({
      id: l.id, a: l.a, b: l.b, medium: l.medium, capacityMbps: l.capacityMbps,
      latencyMs: l.latencyMs, metric: l.metric, backup: l.backup, via: l.via, srlg: l.srlg,
    })),
    clusters: network.clusters.map((c) => ({
      id: c.id, name: c.name, hub: c.hub, uplink: c.uplink,
    })),
    groups: sharedRiskGroups(network),
  };
}
