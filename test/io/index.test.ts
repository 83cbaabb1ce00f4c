// The io entry points: format detection, any-format parsing, reading files.
import { describe, expect, it } from 'vitest';
import {
  detectFormat, exportTopologyYaml, importedToTopology, parseNetworkText, readNetworkFile,
} from '../../src/io/index.ts';
import { InputError } from '../../src/model/errors.ts';
import { DATASETS, readDataset, thrown } from './datasets.ts';

const TOPOLOGY_YAML = `schemaVersion: 1
name: two
baseYear: 2019
sites:
  - { id: a, name: A, kind: router }
  - { id: b, name: B, kind: router }
links:
  - { id: ab, a: a, b: b, medium: wan, capacityMbps: 10 }
`;

describe('detectFormat', () => {
  it.each([
    ['Arnes.graphml', 'topologyzoo/graphml/Arnes.graphml', 'graphml'],
    ['Arnes.gml', 'topologyzoo/gml/Arnes.gml', 'gml'],
    ['polska.txt', 'sndlib/polska.txt', 'sndlib-native'],
    ['polska.xml', 'sndlib/polska.xml', 'sndlib-xml'],
    ['Arnes.xml', 'topologyzoo/graphml/Arnes.graphml', 'graphml'],
    ['network', 'topologyzoo/gml/Karen.gml', 'gml'],
    ['network', 'sndlib/polska.txt', 'sndlib-native'],
  ])('takes %s with the content of %s as %s', (name, path, format) => {
    expect(detectFormat(name, readDataset(path))).toBe(format);
  });

  it('goes by the extension for .yaml, .yml and .json', () => {
    expect(detectFormat('t.yaml', '')).toBe('yaml');
    expect(detectFormat('t.YML', '')).toBe('yaml');
    expect(detectFormat('t.json', '')).toBe('json');
  });

  it('sniffs a topology or JSON without a telling extension, and gives up on anything else', () => {
    expect(detectFormat('topology', TOPOLOGY_YAML)).toBe('yaml');
    expect(detectFormat('graph', '{"nodes": []}')).toBe('json');
    expect(detectFormat('notes.txt', 'hello')).toBeUndefined();
    expect(detectFormat('page.xml', '<html></html>')).toBeUndefined();
  });
});

describe('parseNetworkText', () => {
  it('reads every dataset format', () => {
    const counts = [
      'topologyzoo/graphml/Arnes.graphml', 'topologyzoo/gml/Arnes.gml',
      'sndlib/polska.txt', 'sndlib/polska.xml',
    ].map((path) => {
      const graph = parseNetworkText(readDataset(path), path);
      return [graph.format, graph.nodes.length, graph.edges.length];
    });
    expect(counts).toEqual([
      ['graphml', 34, 47], ['gml', 34, 47], ['sndlib-native', 12, 18], ['sndlib-xml', 12, 18],
    ]);
  });

  it('reads our topology YAML, and the YAML an import exports, as a graph', () => {
    const graph = parseNetworkText(TOPOLOGY_YAML, 'two.yaml');
    expect(graph).toMatchObject({ format: 'yaml', name: 'two',
      edges: [{ id: 'ab', source: 'a', target: 'b', capacityMbps: 10 }] });

    const karen = parseNetworkText(readDataset('topologyzoo/gml/Karen.gml'), 'Karen.gml');
    const yaml = exportTopologyYaml(importedToTopology(karen, { fileName: 'Karen.gml' }).topology);
    const again = parseNetworkText(yaml, 'Karen.yaml');
    expect([again.nodes.length, again.edges.length]).toEqual([25, 30]);
    expect(again.edges.filter((e) => e.capacityMbps === 1000)).toHaveLength(
      karen.edges.filter((e) => e.capacityMbps === 1000 || e.capacityMbps === undefined).length);
  });

  it('reads a node-link JSON graph and a topology as JSON', () => {
    const graph = parseNetworkText(JSON.stringify({
      directed: false, graph: { name: 'nl' },
      nodes: [{ id: 1, Longitude: 5 }, { id: 'b' }],
      links: [{ source: 1, target: 'b', LinkSpeedRaw: 1e8 }],
    }), 'nl.json');
    expect(graph).toEqual({
      format: 'json', directed: false, name: 'nl', attributes: { name: 'nl' },
      nodes: [{ id: '1', x: 5, attributes: { Longitude: 5 } }, { id: 'b', attributes: {} }],
      edges: [{ source: '1', target: 'b', capacityMbps: 100, attributes: { LinkSpeedRaw: 1e8 } }],
    });

    const topology = { schemaVersion: 1, name: 'j', baseYear: 2020,
      sites: [{ id: 'a', name: 'A', kind: 'router' }] };
    expect(parseNetworkText(JSON.stringify(topology), 'j.json').nodes).toHaveLength(1);
  });

  it('gives the line and column of malformed JSON', () => {
    const err = thrown(() => parseNetworkText('{\n  "nodes": [,]\n}', 'bad.json')) as InputError;
    expect(err.code).toBe('E_INPUT_SYNTAX');
    expect(err.issues[0].path).toBe('line 2, column 13');
  });

  it('refuses a file whose format it cannot tell', () => {
    const err = thrown(() => parseNetworkText('hello', 'notes.txt')) as InputError;
    expect(err).toBeInstanceOf(InputError);
    expect(err.code).toBe('E_INPUT_SYNTAX');
    expect(err.issues[0].code).toBe('unknown_format');
  });
});

describe('readNetworkFile', () => {
  it('reads a file and names its path in errors', async () => {
    const graph = await readNetworkFile(`${DATASETS}sndlib/polska.xml`);
    expect(graph.demands).toHaveLength(66);

    const missing = `${DATASETS}nowhere.graphml`;
    await expect(readNetworkFile(missing)).rejects.toMatchObject({
      code: 'E_INPUT_UNREADABLE', file: missing,
    });
  });
});
