// GML importer: the GraphML twins, the tokenizer, faults with line and column.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/errors.ts';
import { parseGml } from '../../src/io/gml.ts';
import { parseGraphml } from '../../src/io/graphml.ts';
import type { ImportedGraph } from '../../src/io/imported-graph.ts';
import { ZOO, parallelExtra, readDataset, thrown } from './datasets.ts';

function refuse(text: string): InputError {
  const err = thrown(() => parseGml(text, 'bad.gml'));
  expect(err).toBeInstanceOf(InputError);
  return err as InputError;
}

/** Edges as sorted rows: the twins list parallel edges in different orders. */
function edgeRows(graph: ImportedGraph): string[] {
  return graph.edges.map((e) => JSON.stringify([e.source, e.target, e.capacityMbps ?? null,
    Object.entries(e.attributes).sort()])).sort();
}

describe('parseGml on Topology Zoo', () => {
  it.each(ZOO)('gives $name exactly the nodes and edges of its GraphML twin', (row) => {
    const gml = parseGml(readDataset(`topologyzoo/gml/${row.name}.gml`), `${row.name}.gml`);
    const graphml = parseGraphml(readDataset(`topologyzoo/graphml/${row.name}.graphml`), row.name);

    // networkx adds the GML id as node data "id" and a multigraph "key" to GraphML edges.
    const twinNodes = graphml.nodes.map(({ attributes: { id: _id, ...rest }, ...node }) =>
      ({ ...node, attributes: rest }));
    const twinEdges = {
      ...graphml,
      edges: graphml.edges.map(({ attributes: { key: _key, ...rest }, ...edge }) =>
        ({ ...edge, attributes: rest })),
    };
    expect(gml.nodes).toEqual(twinNodes);
    expect(edgeRows(gml)).toEqual(edgeRows(twinEdges));
    expect(gml.name).toBe(graphml.name);
  });

  it.each(ZOO)('accepts the parallel edges of $name without "multigraph 1"', (row) => {
    const gml = parseGml(readDataset(`topologyzoo/gml/${row.name}.gml`), `${row.name}.gml`);
    expect(gml.edges).toHaveLength(row.edges);
    expect(parallelExtra(gml.edges)).toBe(row.parallelExtra);
    expect(gml.edges.filter((e) => e.capacityMbps !== undefined))
      .toHaveLength(row.withLinkSpeedRaw);
  });

  it('decodes the character references GML writers use (Chinanet Source)', () => {
    const gml = parseGml(readDataset('topologyzoo/gml/Chinanet.gml'), 'Chinanet.gml');
    expect(gml.attributes?.Source).toBe(
      'http://www.chinatelecomusa.com/content.asp?pl=627&sl=637&contentid=660&id=1&indexid=0');
  });
});

describe('parseGml', () => {
  it('reads numbers, text, comments and nested lists', () => {
    const graph = parseGml(`# a comment
Creator "netsim test"
graph [
  directed 1
  node [ id 1 label "AT&amp;T &#233;" graphics [ x -1.5e2 y .25 ] ]
  node [ id "two" population 1200 ]
  edge [ source 1 target "two" LinkSpeedRaw 1E9 ]
]`, 'small.gml');
    expect(graph.directed).toBe(true);
    expect(graph.nodes).toEqual([
      { id: '1', label: 'AT&T é', attributes: { label: 'AT&T é', 'graphics.x': -150,
        'graphics.y': 0.25 } },
      { id: 'two', population: 1200, attributes: { population: 1200 } },
    ]);
    expect(graph.edges).toEqual([
      { source: '1', target: 'two', capacityMbps: 1000, attributes: { LinkSpeedRaw: 1e9 } },
    ]);
  });

  it('keeps self-loops and repeated edges as written', () => {
    const graph = parseGml(
      'graph [ node [ id 0 ] node [ id 1 ] edge [ source 0 target 0 ] ' +
      'edge [ source 0 target 1 ] edge [ source 1 target 0 ] ]', 'loops.gml');
    expect(graph.edges.map((e) => `${e.source}-${e.target}`)).toEqual(['0-0', '0-1', '1-0']);
  });

  it('gives the line and column of text that is never closed', () => {
    const err = refuse('graph [\n  node [\n    id 0\n    label "Surabaya\n  ]\n]\n');
    expect(err.code).toBe('E_INPUT_SYNTAX');
    expect(err.issues).toEqual([{
      code: 'gml_syntax', path: 'line 4, column 11',
      message: 'expected a closing quote for this text, got the end of the file',
    }]);
  });

  it('gives the line of a list that is never closed', () => {
    const err = refuse('graph [\n  node [\n    id 0\n  ]\n');
    expect(err.issues[0].path).toBe('line 5, column 1');
    expect(err.issues[0].message).toBe(
      'expected "]" to close the list opened at line 1, got the end of the file');
  });

  it('gives the line and column of a key with no value', () => {
    const err = refuse('graph [\n  node [\n    id\n  ]\n]');
    expect(err.message).toBe(
      'bad.gml: line 4, column 3: expected a value (a number, "text" or [ list ]) after "id", ' +
      'got "]"');
  });

  it('reports every edge whose end is not a node, with its line', () => {
    const err = refuse('graph [\n node [ id 0 ]\n edge [ source 0 target 5 ]\n' +
      ' edge [ source 7 target 0 ]\n]');
    expect(err.code).toBe('E_INPUT_REFERENCE');
    expect(err.message.split('\n')).toEqual([
      'bad.gml: edge[0].target: target "5" is not a node in this graph (line 3)',
      'bad.gml: edge[1].source: source "7" is not a node in this graph (line 4)',
    ]);
  });

  it('reports nodes without ids and edges without ends together', () => {
    const err = refuse('graph [\n node [ label "x" ]\n node [ id 1 ]\n edge [ source 1 ]\n]');
    expect(err.code).toBe('E_INPUT_SYNTAX');
    expect(err.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'node[0]: a node needs an "id" (number or text) (line 2)',
      'edge[0]: an edge needs "target" (line 4)',
    ]);
  });

  it('refuses a file with no graph list', () => {
    expect(refuse('Creator "x"\n').issues[0].message).toBe(
      'expected a "graph [ ... ]" list, got none');
  });
});
