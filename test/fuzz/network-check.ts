// Runs an importer the way `netsim import` does (parse, convert, validate) and checks
// that a graph it loads is sound: unique node ids, edges between them, finite figures.
import { importedToTopology, type ImportedGraph } from '../../src/io/index.ts';
import { validateTopology } from '../../src/model/load-topology.ts';
import { checkPlainData } from './data-paths.ts';
import { classify, type Outcome } from './outcome.ts';

/**
 * Runs `parse` on `text` as `file`; a graph it returns must convert into a topology the
 * schema accepts. Returns the outcome; throws on any fault `classify` names or on an
 * unsound graph.
 */
export function importText(
  parser: string,
  file: string,
  text: string,
  parse: (text: string, file: string) => ImportedGraph,
): Outcome {
  return classify(parser, file, () => {
    const graph = parse(text, file);
    checkGraph(graph);
    const imported = importedToTopology(graph, { fileName: file });
    validateTopology(imported.topology, file);
    return graph;
  });
}

/** Throws unless every edge and demand joins two nodes of the graph and figures are finite. */
export function checkGraph(graph: ImportedGraph): void {
  // Attributes are kept as written, and GML may write INF or NAN; the fields mapped from
  // them (coordinates, capacity, demand) must be finite.
  checkPlainData(graph.nodes, false);
  checkPlainData(graph.edges, false);
  checkPlainData(graph.demands ?? [], false);
  checkPlainData(graph.attributes ?? {}, false);
  for (const node of graph.nodes) checkPlainData([node.x, node.y, node.population]);
  for (const edge of graph.edges) checkPlainData([edge.capacityMbps]);
  for (const demand of graph.demands ?? []) checkPlainData([demand.valueMbps]);
  const ids = new Set<string>();
  for (const node of graph.nodes) {
    if (typeof node.id !== 'string' || node.id === '') throw new Error('a node without an id');
    if (ids.has(node.id)) throw new Error(`node "${node.id}" loaded twice`);
    ids.add(node.id);
  }
  for (const edge of [...graph.edges, ...(graph.demands ?? [])]) {
    if (!ids.has(edge.source) || !ids.has(edge.target)) {
      throw new Error(`an edge or demand from "${edge.source}" to "${edge.target}" loaded ` +
        'with an end that is no node');
    }
  }
  for (const edge of graph.edges) {
    if (edge.capacityMbps !== undefined && !(edge.capacityMbps > 0)) {
      throw new Error(`edge capacity ${edge.capacityMbps} loaded`);
    }
  }
}
