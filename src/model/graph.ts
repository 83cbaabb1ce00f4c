// The network as a graphology graph: sites as nodes, links as edges keyed by link id.
// It serves single-path questions and cross-checks the compiled engine.
import { MultiUndirectedGraph } from 'graphology';
import type { Network, NetworkLink, NetworkSite } from './network.ts';

export type SiteAttributes = Pick<NetworkSite, 'name' | 'kind' | 'cluster'>;
export type LinkAttributes =
  Pick<NetworkLink, 'medium' | 'capacityMbps' | 'latencyMs' | 'backup'> & {
  /** Routing cost as the engine uses it: backups above every primary path. */
  cost: number;
};

/** Builds the graph, leaving out the links and sites named as down. */
export function toGraph(
  network: Network,
  down: { links?: readonly string[]; sites?: readonly string[] } = {},
): MultiUndirectedGraph<SiteAttributes, LinkAttributes> {
  const downLinks = new Set(down.links ?? []);
  const downSites = new Set(down.sites ?? []);
  const graph = new MultiUndirectedGraph<SiteAttributes, LinkAttributes>();
  for (const site of network.sites) {
    if (downSites.has(site.id)) continue;
    graph.addNode(site.id, { name: site.name, kind: site.kind, cluster: site.cluster });
  }

  let primaryCost = 0;
  for (const link of network.links) if (!link.backup) primaryCost += link.metric;
  for (const link of network.links) {
    if (downLinks.has(link.id) || downSites.has(link.a) || downSites.has(link.b)) continue;
    graph.addEdgeWithKey(link.id, link.a, link.b, {
      medium: link.medium,
      capacityMbps: link.capacityMbps,
      latencyMs: link.latencyMs,
      backup: link.backup,
      cost: link.backup ? (primaryCost + 1) * link.metric : link.metric,
    });
  }
  return graph;
}
