// One evaluation of the bandwidth model: a prepared network and a resolved failure in,
// one SimulationResult out. Pure: it reads nothing and logs nothing.
import { officeDemands, siteDemandMbps, type Demand } from '../demand/office-demands.ts';
import {
  sharedRiskGroups, type ResolvedFailure, type SharedRiskGroup,
} from '../failure/failure-set.ts';
import type { Network } from '../model/network.ts';
import {
  compileNetwork, emptyMask, type CompiledNetwork, type FailureMask,
} from '../routing/compiled-network.ts';
import {
  groupByDestination, routeDemands, type DemandMatrix, type RoutedLoads,
} from '../routing/route-demands.ts';
import {
  RESULT_SCHEMA_VERSION, type ClusterLoad, type LinkLoad, type SimulationResult,
  type SiteDemand, type UnroutedDemand,
} from './result.ts';

/** Everything about a network that does not change from one failure to the next. */
export interface PreparedNetwork {
  network: Network;
  compiled: CompiledNetwork;
  demands: Demand[];
  matrix: DemandMatrix;
  groups: SharedRiskGroup[];
}


/** Compiles the network and its demands once, for any number of evaluations. */
export function prepareNetwork(network: Network): PreparedNetwork {
  const compiled = compileNetwork(
    network.sites.map((s) => s.id),
    network.links.map((l) => ({
      id: l.id, a: l.a, b: l.b, capacityMbps: l.capacityMbps, metric: l.metric, backup: l.backup,
    })),
  );
  const demands = officeDemands(network);
  const matrix = groupByDestination(
    compiled.nodeCount,
    demands.map((d) => ({
      from: compiled.nodeIndex.get(d.from)!, to: compiled.nodeIndex.get(d.to)!, mbps: d.mbps,
    })),
  );
  return { network, compiled, demands, matrix, groups: sharedRiskGroups(network) };
}

/** Builds the mask for a resolved failure. */
export function maskFor(compiled: CompiledNetwork, failure: ResolvedFailure): FailureMask {
  const mask = emptyMask(compiled);
  for (const id of failure.links) mask.linkDown[compiled.linkIndex.get(id)!] = 1;
  for (const id of failure.sites) {
    const u = compiled.nodeIndex.get(id)!;
    mask.nodeDown[u] = 1;
    for (let k = compiled.offsets[u]; k < compiled.offsets[u + 1]; k++) {
      mask.linkDown[compiled.adjLink[k]] = 1;
    }
  }
  return mask;
}

/** Routes the prepared demands under one failure and summarises the outcome. */
export function evaluate(
  prepared: PreparedNetwork,
  failure: ResolvedFailure,
  scenario: SimulationResult['scenario'] = null,
): SimulationResult {
  const { network, compiled, demands, matrix } = prepared;
  const mask = maskFor(compiled, failure);
  const loads = routeDemands(compiled, matrix, mask);
  const links = linkLoads(prepared, loads, mask);
  const unrouted = unroutedDemands(demands, loads, mask, compiled);
  const sites = siteDemands(network, unrouted, mask, compiled);
  const linkById = new Map(links.map((l) => [l.id, l]));

  const byClass: Record<string, number> = {};
  let totalMbps = 0;
  let offices = 0;
  for (const site of sites) {
    if (!site.office) continue;
    totalMbps += site.demandMbps;
    if (site.demandMbps > 0) offices += 1;
    for (const [cls, mbps] of Object.entries(site.byClass)) {
      byClass[cls] = (byClass[cls] ?? 0) + mbps;
    }
  }
  for (const cls of Object.keys(byClass)) byClass[cls] = round6(byClass[cls]);
  const targetClasses = network.targets.classes ?? network.classes.map((c) => c.id);
  const targetScopeMbps = round6(sum(targetClasses.map((c) => byClass[c] ?? 0)));

  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    kind: 'simulation',
    network: {
      name: network.name, year: network.year, baseYear: network.baseYear,
      sites: network.sites.length, links: network.links.length,
    },
    scenario,
    failed: failure,
    demand: {
      totalMbps: round6(totalMbps),
      targetMbps: network.targets.totalDemandMbps,
      targetClasses,
      targetScopeMbps,
      offices,
      officesTotal: sites.filter((s) => s.office).length,
      byClass,
      sites,
    },
    clusters: clusterLoads(network, sites, linkById),
    links,
    overloaded: links.filter((l) => l.overloaded).map((l) => l.id),
    backupsInUse: links.filter((l) => l.backup && l.loadMbps.forward + l.loadMbps.reverse > 0)
      .map((l) => l.id),
    cutOff: sites.filter((s) => s.cutOff).map((s) => s.id),
    unroutedMbps: round6(sum(unrouted.filter((u) => u.reason === 'unrouted').map((u) => u.mbps))),
    lostMbps: round6(sum(unrouted.filter((u) => u.reason === 'lost').map((u) => u.mbps))),
    unrouted,
    failover: [],
    servers: null,
  };
}

function linkLoads(prepared: PreparedNetwork, loads: RoutedLoads, mask: FailureMask): LinkLoad[] {
  return prepared.network.links.map((link, e) => {
    const forward = loads.forward[e];
    const reverse = loads.reverse[e];
    const busier = Math.max(forward, reverse);
    return {
      id: link.id,
      source: link.a,
      target: link.b,
      medium: link.medium,
      capacityMbps: link.capacityMbps,
      loadMbps: { forward: round6(forward), reverse: round6(reverse) },
      utilization: round6(busier / link.capacityMbps),
      headroomMbps: round6(link.capacityMbps - busier),
      overloaded: busier > link.capacityMbps,
      backup: link.backup,
      down: mask.linkDown[e] === 1,
    };
  });
}

function unroutedDemands(
  demands: Demand[], loads: RoutedLoads, mask: FailureMask, compiled: CompiledNetwork,
): UnroutedDemand[] {
  const out: UnroutedDemand[] = [];
  demands.forEach((d, i) => {
    if (!loads.unrouted[i]) return;
    const endDown = mask.nodeDown[compiled.nodeIndex.get(d.from)!] === 1 ||
      mask.nodeDown[compiled.nodeIndex.get(d.to)!] === 1;
    out.push({
      site: d.site, class: d.class, direction: d.direction, primary: d.primary,
      mbps: round6(d.mbps),
      reason: endDown ? 'lost' : 'unrouted',
    });
  });
  return out;
}

function siteDemands(
  network: Network, unrouted: UnroutedDemand[], mask: FailureMask, compiled: CompiledNetwork,
): SiteDemand[] {
  const missed = new Map<string, number>();
  for (const u of unrouted) {
    if (u.primary) missed.set(u.site, (missed.get(u.site) ?? 0) + u.mbps);
  }
  const hit = new Set(unrouted.map((u) => u.site));
  return network.sites.map((site) => {
    const demandMbps = siteDemandMbps(site);
    return {
      id: site.id,
      name: site.name,
      kind: site.kind,
      cluster: site.cluster,
      office: site.office,
      demandMbps: round6(demandMbps),
      byClass: Object.fromEntries(Object.entries(site.demandMbps).map(([c, v]) => [c, round6(v)])),
      servedMbps: round6(demandMbps - (missed.get(site.id) ?? 0)),
      cutOff: hit.has(site.id),
      down: mask.nodeDown[compiled.nodeIndex.get(site.id)!] === 1,
    };
  });
}

function clusterLoads(
  network: Network, sites: SiteDemand[], linkById: Map<string, LinkLoad>,
): ClusterLoad[] {
  return network.clusters.map((cluster) => {
    const members = sites.filter((s) => s.cluster === cluster.id);
    const uplink = linkById.get(cluster.uplink)!;
    return {
      id: cluster.id,
      name: cluster.name,
      hub: cluster.hub,
      members: members.length,
      offices: members.filter((s) => s.office).length,
      demandMbps: round6(sum(members.map((s) => s.demandMbps))),
      uplink: {
        link: uplink.id,
        capacityMbps: uplink.capacityMbps,
        loadMbps: uplink.loadMbps,
        utilization: uplink.utilization,
        headroomMbps: uplink.headroomMbps,
        down: uplink.down,
      },
    };
  });
}

/**
 * Rounds to 1e-6: a bit per second for Mbps figures, well below any reading, so that
 * sums of one-decimal figures print as written (921.8, not 921.7999999999992).
 */
export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function sum(values: number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
