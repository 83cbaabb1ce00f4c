// GraphML importer: Topology Zoo counts, attribute mapping, faults with their place.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/errors.ts';
import { createGraphmlParser, parseGraphml } from '../../src/io/graphml.ts';
import { ZOO, parallelExtra, readDataset, thrown } from './datasets.ts';

const KEYS = `<?xml version="1.0" encoding="utf-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key attr.name="label" attr.type="string" for="node" id="d0"/>
  <key attr.name="Longitude" attr.type="double" for="node" id="d1"/>
  <key attr.name="Latitude" attr.type="double" for="node" id="d2"/>
  <key attr.name="LinkSpeedRaw" attr.type="double" for="edge" id="d3"/>
`;

function refuse(text: string): InputError {
  const err = thrown(() => parseGraphml(text, 'bad.graphml'));
  expect(err).toBeInstanceOf(InputError);
  return err as InputError;
}

describe('parseGraphml on Topology Zoo', () => {
  it.each(ZOO)('reads $name with the counts of the datasets table', (row) => {
    const graph = parseGraphml(readDataset(`topologyzoo/graphml/${row.name}.graphml`), row.name);

    expect(graph.format).toBe('graphml');
    expect(graph.name).toBe(row.name);
    expect(graph.directed).toBe(false);
    expect(graph.nodes).toHaveLength(row.nodes);
    expect(graph.edges).toHaveLength(row.edges);
    expect(parallelExtra(graph.edges)).toBe(row.parallelExtra);
    expect(graph.nodes.filter((n) => n.x === undefined || n.y === undefined))
      .toHaveLength(row.withoutCoordinates);
    expect(graph.nodes.filter((n) => n.attributes.hyperedge === 1))
      .toHaveLength(row.hyperedgeNodes);
    expect(graph.edges.filter((e) => e.capacityMbps !== undefined))
      .toHaveLength(row.withLinkSpeedRaw);
  });

  it('keeps node ids as written, "0" to "n-1", in file order', () => {
    const graph = parseGraphml(readDataset('topologyzoo/graphml/Sprint.graphml'), 'Sprint');
    expect(graph.nodes.map((n) => n.id)).toEqual(
      ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
  });

  it('maps Longitude and Latitude to x and y and keeps the label (Arnes node 0, Trbovlje)', () => {
    const graph = parseGraphml(readDataset('topologyzoo/graphml/Arnes.graphml'), 'Arnes');
    const node = graph.nodes[0];
    expect(node).toMatchObject({ id: '0', label: 'Trbovlje', x: 15.05333, y: 46.155 });
    expect(node.attributes).toMatchObject({ Country: 'Slovenia', Internal: 1, type: 'Small Node' });
  });

  it('converts LinkSpeedRaw in bit/s to Mbps (Arnes 3-30 at 3e9 bit/s is 3000 Mbps)', () => {
    const graph = parseGraphml(readDataset('topologyzoo/graphml/Arnes.graphml'), 'Arnes');
    const edge = graph.edges.find((e) => e.source === '3' && e.target === '30');
    expect(edge?.capacityMbps).toBe(3000);
    expect(edge?.attributes.LinkSpeedRaw).toBe(3_000_000_000);
  });

  it('decodes XML entities in data (Aarnet LinkLabel "< 10 Gbps")', () => {
    const graph = parseGraphml(readDataset('topologyzoo/graphml/Aarnet.graphml'), 'Aarnet');
    expect(graph.edges[0].attributes.LinkLabel).toBe('< 10 Gbps');
  });
});

describe('parseGraphml', () => {
  it('converts a fractional link speed exactly: 155520000 bit/s is 155.52 Mbps', () => {
    const graph = parseGraphml(`${KEYS}  <graph edgedefault="undirected">
    <node id="a"/><node id="b"/>
    <edge source="a" target="b"><data key="d3">155520000</data></edge>
  </graph>
</graphml>`, 'stm1.graphml');
    expect(graph.edges[0].capacityMbps).toBe(155.52);
  });

  it('keeps parallel edges, self-loops and direction as written', () => {
    const graph = parseGraphml(`${KEYS}  <graph edgedefault="directed">
    <node id="a"/><node id="b"/>
    <edge source="a" target="b"/><edge source="a" target="b"/>
    <edge id="loop" source="b" target="b"/><edge source="b" target="a"/>
  </graph>
</graphml>`, 'multi.graphml');
    expect(graph.directed).toBe(true);
    expect(graph.edges.map((e) => `${e.source}>${e.target}`)).toEqual(['a>b', 'a>b', 'b>b', 'b>a']);
    expect(graph.edges[2].id).toBe('loop');
  });

  it('applies a key default to nodes that lack the data', () => {
    const graph = parseGraphml(`<graphml>
  <key id="k" for="node" attr.name="population" attr.type="int"><default>7</default></key>
  <graph><node id="a"/><node id="b"><data key="k">12</data></node></graph>
</graphml>`, 'defaults.graphml');
    expect(graph.nodes.map((n) => n.population)).toEqual([7, 12]);
  });

  it('skips data that hold markup, such as a yEd drawing', () => {
    const graph = parseGraphml(`<graphml xmlns:y="http://www.yworks.com/xml/graphml">
  <key id="g" for="node" yfiles.type="nodegraphics"/>
  <key id="l" for="node" attr.name="label" attr.type="string"/>
  <graph><node id="a"><data key="g"><y:ShapeNode><y:NodeLabel>A</y:NodeLabel><y:node id="b"/>
    </y:ShapeNode></data><data key="l">Alpha</data></node></graph>
</graphml>`, 'yed.graphml');
    expect(graph.nodes).toEqual([{ id: 'a', label: 'Alpha', attributes: { label: 'Alpha' } }]);
  });

  it('reads a document fed in small chunks the same as a whole one', () => {
    const text = readDataset('topologyzoo/graphml/Karen.graphml');
    const parser = createGraphmlParser('Karen');
    for (let i = 0; i < text.length; i += 97) parser.write(text.slice(i, i + 97));
    expect(parser.close()).toEqual(parseGraphml(text, 'Karen'));
  });

  it('gives the line and column of malformed XML', () => {
    const err = refuse(`${KEYS}  <graph>
    <node id="a"></nodes>
  </graph>
</graphml>`);
    expect(err.code).toBe('E_INPUT_SYNTAX');
    expect(err.issues).toHaveLength(1);
    expect(err.issues[0].path).toBe('line 8, column 25');
    expect(err.message).toMatch(/^bad\.graphml: line 8, column 25: malformed XML: /);
  });

  it('refuses a file cut short, at the end of its last line', () => {
    const err = refuse(`${KEYS}  <graph>\n    <node id="a">`);
    expect(err.issues).toEqual([{ code: 'xml_syntax', path: 'line 8, column 17',
      message: 'malformed XML: unclosed tag: node' }]);
  });

  it('reports every edge whose end is not a node, naming the edge and its line', () => {
    const err = refuse(`${KEYS}  <graph>
    <node id="a"/>
    <edge source="a" target="x"/>
    <edge source="y" target="a"/>
  </graph>
</graphml>`);
    expect(err.code).toBe('E_INPUT_REFERENCE');
    expect(err.message.split('\n')).toEqual([
      'bad.graphml: edge[0].target: target "x" is not a node in this graph (line 9)',
      'bad.graphml: edge[1].source: source "y" is not a node in this graph (line 10)',
    ]);
  });

  it('reports a node without an id and an edge without a target together', () => {
    const err = refuse(`${KEYS}  <graph>
    <node/>
    <node id="a"/>
    <edge source="a"/>
  </graph>
</graphml>`);
    expect(err.code).toBe('E_INPUT_SYNTAX');
    expect(err.issues.map((i) => i.path)).toEqual(['node[0]', 'edge[0]']);
    expect(err.issues[1].message).toBe('an edge needs "target" (line 10)');
  });

  it('refuses a duplicate node id', () => {
    const err = refuse(`${KEYS}  <graph><node id="a"/><node id="a"/></graph></graphml>`);
    expect(err.code).toBe('E_INPUT_REFERENCE');
    expect(err.issues[0]).toMatchObject({ path: 'node[1]', received: 'a' });
  });

  it('refuses an XML document that is not GraphML', () => {
    const err = refuse('<network><nodes/></network>');
    expect(err.code).toBe('E_INPUT_SYNTAX');
    expect(err.issues[0].message).toBe(
      'expected a GraphML document (root element <graphml>), got <network>');
  });
});
