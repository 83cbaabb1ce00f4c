// Exporters: GraphML and YAML round trips on Topology Zoo and SNDlib files.
import { describe, expect, it } from 'vitest';
import { exportGraphml } from '../../src/io/export-graphml.ts';
import { exportTopologyYaml } from '../../src/io/export-yaml.ts';
import { parseGml } from '../../src/io/gml.ts';
import { parseGraphml } from '../../src/io/graphml.ts';
import type { ImportedGraph } from '../../src/io/imported-graph.ts';
import { parseSndlibNative } from '../../src/io/sndlib-native.ts';
import { parseSndlibXml } from '../../src/io/sndlib-xml.ts';
import { importedToTopology } from '../../src/io/to-topology.ts';
import { parseTopology, validateTopology } from '../../src/model/load-topology.ts';
import { valueOf } from '../../src/model/figure.ts';
import { ZOO, readDataset } from './datasets.ts';

const withoutFormat = ({ format: _format, ...rest }: ImportedGraph) => rest;

describe('exportGraphml', () => {
  it.each(ZOO)('round-trips $name: GraphML to graph to GraphML gives the same graph', (row) => {
    const first = parseGraphml(readDataset(`topologyzoo/graphml/${row.name}.graphml`), row.name);
    const second = parseGraphml(exportGraphml(first), row.name);
    expect(second).toEqual(first);
  });

  it.each(ZOO)('writes $name read from GML as GraphML with the same nodes and edges', (row) => {
    const fromGml = parseGml(readDataset(`topologyzoo/gml/${row.name}.gml`), row.name);
    const again = parseGraphml(exportGraphml(fromGml), row.name);
    expect(withoutFormat(again)).toEqual(withoutFormat(fromGml));
  });

  it('writes capacity as LinkSpeedRaw in bit/s and coordinates as Longitude/Latitude', () => {
    const text = exportGraphml({
      format: 'sndlib-native', name: 'tiny', nodes: [
        { id: 'a', label: 'A & <B>', x: 112.43, y: -7.47, attributes: {} },
        { id: 'b', attributes: {} },
      ],
      edges: [{ source: 'a', target: 'b', id: 'l1', capacityMbps: 155.52, attributes: {} }],
    });
    expect(text).toContain('<key id="d1" for="node" attr.name="label" attr.type="string"/>');
    expect(text).toContain('<key id="d4" for="edge" attr.name="LinkSpeedRaw" attr.type="long"/>');
    expect(text).toContain('<data key="d1">A &amp; &lt;B&gt;</data>');
    expect(text).toContain('<edge id="l1" source="a" target="b">');
    expect(text).toContain('<data key="d4">155520000</data>');

    const back = parseGraphml(text, 'tiny.graphml');
    expect(back.name).toBe('tiny');
    expect(back.nodes[0]).toMatchObject({ label: 'A & <B>', x: 112.43, y: -7.47 });
    expect(back.edges[0]).toMatchObject({ id: 'l1', capacityMbps: 155.52 });
  });

  it('writes a topology with link capacities, medium defaults and site names', () => {
    const topology = parseTopology(`schemaVersion: 1
name: two sites
baseYear: 2019
media: { fibre: { capacityMbps: 1000 } }
sites:
  - { id: dc, name: Diskominfo, kind: datacenter, x: 112.43, y: -7.47 }
  - { id: rsud, name: RSUD, kind: rsud, cluster: c4 }
clusters:
  - { id: c4, name: Cluster 4, hub: rsud, uplink: l2 }
links:
  - { id: l1, a: dc, b: rsud, medium: fibre }
  - { id: l2, a: rsud, b: dc, medium: telkom-fo, capacityMbps: 100 }
`, 't.yaml');
    const back = parseGraphml(exportGraphml(topology), 't.graphml');
    expect(back.name).toBe('two sites');
    expect(back.nodes.map((n) => [n.id, n.label, n.attributes.kind])).toEqual([
      ['dc', 'Diskominfo', 'datacenter'], ['rsud', 'RSUD', 'rsud']]);
    expect(back.edges.map((e) => [e.id, e.capacityMbps, e.attributes.medium])).toEqual([
      ['l1', 1000, 'fibre'], ['l2', 100, 'telkom-fo']]);
  });
});

describe('exportTopologyYaml', () => {
  it('round-trips SNDlib polska: native to topology to YAML to parseTopology', () => {
    const graph = parseSndlibNative(readDataset('sndlib/polska.txt'), 'polska.txt');
    const { topology } = importedToTopology(graph, { fileName: 'polska.txt' });
    const parsed = parseTopology(exportTopologyYaml(topology), 'polska.yaml');

    expect(parsed.sites).toHaveLength(12);
    expect(parsed.links).toHaveLength(18);
    expect(parsed).toEqual(validateTopology(topology, 'polska.txt'));
  });

  it('round-trips SNDlib XML polska with the same counts', () => {
    const graph = parseSndlibXml(readDataset('sndlib/polska.xml'), 'polska.xml');
    const { topology } = importedToTopology(graph, { fileName: 'polska.xml' });
    const parsed = parseTopology(exportTopologyYaml(topology), 'polska.yaml');
    expect([parsed.sites.length, parsed.links.length]).toEqual([12, 18]);
    expect(parsed.links.map((l) => valueOf(l.capacityMbps))).toEqual(new Array(18).fill(622));
  });

  it.each(ZOO)('round-trips $name: GraphML to topology to YAML to parseTopology', (row) => {
    const file = `${row.name}.graphml`;
    const graph = parseGraphml(readDataset(`topologyzoo/graphml/${file}`), file);
    const { topology } = importedToTopology(graph, { fileName: file });
    const parsed = parseTopology(exportTopologyYaml(topology), `${row.name}.yaml`);
    expect(parsed).toEqual(validateTopology(topology, file));
    expect([parsed.sites.length, parsed.links.length]).toEqual([row.nodes, row.edges]);
  });

  it('writes a short site on one line, a longer one as a block, and a comment on top', () => {
    const graph = parseSndlibNative(readDataset('sndlib/polska.txt'), 'polska.txt');
    const { topology } = importedToTopology(graph, { fileName: 'polska.txt' });
    const lines = exportTopologyYaml(topology, { comment: 'Imported by netsim' }).split('\n');

    expect(lines[0]).toBe('# Imported by netsim');
    // Wroclaw sends no demand (it is only a target); Gdansk's demands go one per line.
    expect(lines).toContain('  - { id: Wroclaw, name: Wroclaw, kind: router, x: 16.9, y: 51.1 }');
    const gdansk = lines.indexOf('  - id: Gdansk');
    expect(lines.slice(gdansk + 5, gdansk + 7)).toEqual([
      '    demandMbps:', '      to-Bydgoszcz: { value: 195, source: data, ref: polska.txt }',
    ]);
    const link = lines.indexOf('  - id: Link_0_10');
    expect(lines.slice(link, link + 5)).toEqual([
      '  - id: Link_0_10', '    a: Gdansk', '    b: Warsaw', '    medium: wan',
      '    capacityMbps: { value: 622, source: data, ref: polska.txt }',
    ]);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(100);
  });
});
