// Converts an imported graph into topology data (sites, links) that validateTopology accepts.
import type { z } from 'zod';
import type { FigureInput } from '../model/figure.ts';
import type { LinkSchema, SiteSchema, TopologyInput } from '../model/topology-schema.ts';
import type { ImportedGraph } from './imported-graph.ts';
import { demandClasses } from './demand-classes.ts';
import { makeSafeIds } from './safe-ids.ts';

/** Options of `importedToTopology`. */
export interface ToTopologyOptions {
  /** The file the graph came from: the reference of every capacity read from it. */
  fileName: string;
  /** Capacity, in Mbps, of links the file gives none (an estimate). Defaults to 1000. */
  defaultCapacityMbps?: number;
  /** The topology's base year. Defaults to 2019, the master plan's first year. */
  baseYear?: number;
  /** The topology's name. Defaults to the graph's name, else the file name. */
  name?: string;
}

/** An edge of the file that has no link in the topology, and why. */
export interface DroppedEdge {
  /** The edge's index in the imported graph's edge list. */
  index: number;
  source: string;
  target: string;
  reason: 'self-loop';
}

/** The topology data and how the file's ids map onto it. */
export interface ImportedTopology {
  topology: TopologyInput;
  /** Site id of each node id as written in the file. */
  siteIds: Map<string, string>;
  /** Link id of each kept edge, by the edge's index in the imported graph. */
  linkIds: Map<number, string>;
  /** Edges left out: self-loops, which the schema refuses. */
  dropped: DroppedEdge[];
  /** Demands of the file that route nothing (to the same node, or of 0 Mbps). */
  omittedDemands: number;
}

type SiteInput = z.input<typeof SiteSchema>;
type LinkInput = z.input<typeof LinkSchema>;

/** The rule id that the default capacity of imported links cites. */
export const DEFAULT_CAPACITY_RULE = 'import-default-capacity';
const DEFAULT_CAPACITY_MBPS = 1000;
const DEFAULT_BASE_YEAR = 2019;

/**
 * Builds topology data from an imported graph: every node a `router` site, every edge a
 * `wan` link (parallel edges get distinct ids, self-loops are dropped and listed).
 * Capacities from the file are `data` figures citing the file; links without one take
 * `media.wan.capacityMbps`, an estimate under the rule `import-default-capacity`.
 * Demands (SNDlib's) become traffic classes, one per target (see demand-classes.ts).
 */
export function importedToTopology(
  graph: ImportedGraph,
  options: ToTopologyOptions,
): ImportedTopology {
  const { fileName } = options;
  const defaultCapacity = options.defaultCapacityMbps ?? DEFAULT_CAPACITY_MBPS;

  // Sites: ids made safe, the original kept in a note when it had to change.
  const safeSiteIds = makeSafeIds(graph.nodes.map((n) => n.id), 'node');
  const siteIds = new Map<string, string>();
  const sites = graph.nodes.map((node, i) => {
    const id = safeSiteIds[i];
    siteIds.set(node.id, id);
    const label = node.label?.trim();
    const site: SiteInput = {
      id, name: label ? label : node.id, kind: 'router',
    };
    if (node.x !== undefined && Number.isFinite(node.x)) site.x = node.x;
    if (node.y !== undefined && Number.isFinite(node.y)) site.y = node.y;
    if (id !== node.id) site.note = `original id ${JSON.stringify(node.id)}`;
    return site;
  });

  // Links: self-loops out, ids from the file where it has them, else "a--b".
  const dropped: DroppedEdge[] = [];
  const kept: number[] = [];
  graph.edges.forEach((edge, index) => {
    if (edge.source === edge.target) {
      dropped.push({ index, source: edge.source, target: edge.target, reason: 'self-loop' });
    } else {
      kept.push(index);
    }
  });
  const wantedLinkIds = kept.map((index) => {
    const edge = graph.edges[index];
    return edge.id ?? `${siteIds.get(edge.source)}--${siteIds.get(edge.target)}`;
  });
  const safeLinkIds = makeSafeIds(wantedLinkIds, 'link');
  const linkIds = new Map<number, string>();
  let needsDefault = false;
  const links = kept.map((index, k) => {
    const edge = graph.edges[index];
    linkIds.set(index, safeLinkIds[k]);
    const link: LinkInput = {
      id: safeLinkIds[k],
      a: siteIds.get(edge.source)!,
      b: siteIds.get(edge.target)!,
      medium: 'wan',
    };
    const capacity = edge.capacityMbps;
    if (capacity !== undefined && Number.isFinite(capacity) && capacity > 0) {
      link.capacityMbps = { value: capacity, source: 'data', ref: fileName };
    } else {
      needsDefault = true;
    }
    if (edge.id !== undefined && edge.id !== link.id) {
      link.note = `original id ${JSON.stringify(edge.id)}`;
    }
    return link;
  });

  // Demands: each source site's figure towards each target, as the file gives it.
  const demands = demandClasses(graph.demands ?? [], siteIds, fileName);
  for (const site of sites) {
    const figures = demands.demandBySite.get(site.id);
    if (!figures) continue;
    site.demandMbps = figures;
    // A site that sends demand counts among the offices the result sums.
    site.office = true;
  }

  const topology: TopologyInput = {
    schemaVersion: 1,
    name: options.name ?? graph.name ?? baseName(fileName),
    description: `Imported from ${fileName} (${graph.format}): ${graph.nodes.length} nodes, ` +
      `${graph.edges.length} edges as written` +
      (dropped.length > 0 ? `, ${dropped.length} self-loop(s) dropped` : ''),
    baseYear: options.baseYear ?? DEFAULT_BASE_YEAR,
    references: { [fileName]: `${graph.format} file the sites and links were imported from` },
    sites,
    links,
  };
  if (demands.classes.length > 0) topology.trafficClasses = demands.classes;
  if (needsDefault) {
    const figure: FigureInput = {
      value: defaultCapacity, source: 'estimate', rule: DEFAULT_CAPACITY_RULE,
    };
    topology.rules = {
      [DEFAULT_CAPACITY_RULE]: `links that ${fileName} gives no capacity get ` +
        `${defaultCapacity} Mbps in each direction, the importer's default`,
    };
    topology.media = { wan: { capacityMbps: figure } };
  }

  return {
    topology, siteIds, linkIds, dropped, omittedDemands: demands.omitted,
  };
}

function baseName(fileName: string): string {
  const last = fileName.split(/[\\/]/).pop() ?? fileName;
  const stem = last.replace(/\.[^.]+$/, '');
  return stem === '' ? 'imported network' : stem;
}
