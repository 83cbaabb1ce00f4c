// Views topology data (our YAML or JSON) as an ImportedGraph, for export and for commands.
import { valueOf } from '../model/figure.ts';
import type { Topology, TopologyInput } from '../model/topology-schema.ts';
import type { Attributes, ImportedGraph, ImportedNode, ImportedEdge } from './imported-graph.ts';

/**
 * Sites become nodes (name as label, x/y kept), links become edges with the link's
 * capacity, or its medium's default when the link gives none.
 */
export function topologyToImported(
  topology: Topology | TopologyInput,
  format: 'yaml' | 'json' = 'yaml',
): ImportedGraph {
  const nodes = topology.sites.map((site): ImportedNode => {
    const attributes: Attributes = { kind: site.kind };
    if (site.cluster !== undefined) attributes.cluster = site.cluster;
    const node: ImportedNode = { id: site.id, label: site.name, attributes };
    if (site.x !== undefined) node.x = site.x;
    if (site.y !== undefined) node.y = site.y;
    return node;
  });

  const media = topology.media ?? {};
  const edges = (topology.links ?? []).map((link): ImportedEdge => {
    const edge: ImportedEdge = {
      source: link.a, target: link.b, id: link.id, attributes: { medium: link.medium },
    };
    const capacity = valueOf(link.capacityMbps) ?? valueOf(media[link.medium]?.capacityMbps);
    if (capacity !== undefined) edge.capacityMbps = capacity;
    return edge;
  });

  return {
    format,
    name: topology.name,
    directed: false,
    nodes,
    edges,
    attributes: { label: topology.name },
  };
}
