// Imported graphs to topology data: safe ids, dropped self-loops, sourced capacities.
import { describe, expect, it } from 'vitest';
import { parseGraphml } from '../../src/io/graphml.ts';
import type { ImportedGraph } from '../../src/io/imported-graph.ts';
import { makeSafeIds } from '../../src/io/safe-ids.ts';
import { parseSndlibNative } from '../../src/io/sndlib-native.ts';
import { importedToTopology } from '../../src/io/to-topology.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { validateTopology } from '../../src/model/load-topology.ts';
import { resolveNetwork } from '../../src/model/network.ts';
import { ZOO, readDataset } from './datasets.ts';

function graphOf(nodes: string[], edges: Array<[string, string, number?]>): ImportedGraph {
  return {
    format: 'graphml',
    nodes: nodes.map((id) => ({ id, attributes: {} })),
    edges: edges.map(([source, target, capacityMbps]) =>
      (capacityMbps === undefined ? { source, target, attributes: {} }
        : { source, target, capacityMbps, attributes: {} })),
  };
}

describe('importedToTopology', () => {
  it.each(ZOO)('turns $name into a topology that validateTopology accepts', (row) => {
    const file = `${row.name}.graphml`;
    const graph = parseGraphml(readDataset(`topologyzoo/graphml/${file}`), file);
    const { topology, dropped } = importedToTopology(graph, { fileName: file });
    const valid = validateTopology(topology, file);

    expect(valid.name).toBe(row.name);
    expect(valid.sites).toHaveLength(row.nodes);
    expect(valid.links).toHaveLength(row.edges);
    expect(new Set(valid.links.map((l) => l.id)).size).toBe(row.edges);
    expect(valid.clusters).toEqual([]);
    expect(dropped).toEqual([]);
    expect(valid.links.filter((l) => l.capacityMbps !== undefined))
      .toHaveLength(row.withLinkSpeedRaw);
  });

  it('gives parallel edges distinct link ids', () => {
    const { topology } = importedToTopology(
      graphOf(['a', 'b'], [['a', 'b'], ['a', 'b'], ['b', 'a']]), { fileName: 'p.graphml' });
    expect(topology.links?.map((l) => l.id)).toEqual(['a--b', 'a--b-2', 'b--a']);
  });

  it('drops self-loops and lists them', () => {
    const result = importedToTopology(
      graphOf(['a', 'b'], [['a', 'a'], ['a', 'b'], ['b', 'b']]), { fileName: 'l.graphml' });
    expect(result.dropped).toEqual([
      { index: 0, source: 'a', target: 'a', reason: 'self-loop' },
      { index: 2, source: 'b', target: 'b', reason: 'self-loop' },
    ]);
    expect(result.topology.links).toHaveLength(1);
    expect(result.linkIds).toEqual(new Map([[1, 'a--b']]));
    expect(result.topology.description).toBe(
      'Imported from l.graphml (graphml): 2 nodes, 3 edges as written, 2 self-loop(s) dropped');
  });

  it('makes unsafe ids safe and keeps the original in a note', () => {
    const graph = graphOf(['São Paulo', 'a-b', 'a b', '_x'], [['São Paulo', 'a b']]);
    graph.nodes[0].label = 'São Paulo';
    const { topology, siteIds } = importedToTopology(graph, { fileName: 'ids.gml' });

    expect(topology.sites.map((s) => s.id)).toEqual(['Sao-Paulo', 'a-b', 'a-b-2', 'x']);
    expect(topology.sites[0]).toEqual({ id: 'Sao-Paulo', name: 'São Paulo', kind: 'router',
      note: 'original id "São Paulo"' });
    expect(topology.sites[2].name).toBe('a b');
    expect(siteIds.get('a b')).toBe('a-b-2');
    expect(topology.links?.[0]).toMatchObject({ a: 'Sao-Paulo', b: 'a-b-2' });
    expect(() => validateTopology(topology, 'ids.gml')).not.toThrow();
  });

  it('cites the file for capacities it gives and estimates the rest by a written rule', () => {
    const { topology } = importedToTopology(
      graphOf(['a', 'b', 'c'], [['a', 'b', 155.52], ['b', 'c']]),
      { fileName: 'mixed.graphml', defaultCapacityMbps: 100 });

    expect(topology.links?.[0].capacityMbps).toEqual(
      { value: 155.52, source: 'data', ref: 'mixed.graphml' });
    expect(topology.links?.[1].capacityMbps).toBeUndefined();
    expect(topology.media).toEqual({ wan: { capacityMbps:
      { value: 100, source: 'estimate', rule: 'import-default-capacity' } } });
    expect(topology.rules).toEqual({ 'import-default-capacity':
      'links that mixed.graphml gives no capacity get 100 Mbps in each direction, ' +
      "the importer's default" });
    expect(validateTopology(topology, 'mixed.graphml').links).toHaveLength(2);
  });

  it('uses 1000 Mbps as the default capacity and needs no rule when every link has one', () => {
    const none = importedToTopology(graphOf(['a', 'b'], [['a', 'b']]), { fileName: 'n.gml' });
    expect(none.topology.media?.wan?.capacityMbps).toMatchObject({ value: 1000 });
    const all = importedToTopology(graphOf(['a', 'b'], [['a', 'b', 10]]), { fileName: 'n.gml' });
    expect(all.topology.media).toBeUndefined();
    expect(all.topology.rules).toBeUndefined();
  });

  it('converts SNDlib polska with its link ids, module capacities and demands', () => {
    const graph = parseSndlibNative(readDataset('sndlib/polska.txt'), 'polska.txt');
    const result = importedToTopology(graph, { fileName: 'polska.txt' });
    const valid = validateTopology(result.topology, 'polska.txt');

    expect(valid.name).toBe('polska');
    expect(valid.sites).toHaveLength(12);
    expect(valid.links).toHaveLength(18);
    expect(valid.links[0]).toMatchObject({ id: 'Link_0_10', a: 'Gdansk', b: 'Warsaw',
      medium: 'wan', capacityMbps: { value: 622, source: 'data', ref: 'polska.txt' } });
    expect(valid.sites[0]).toMatchObject({ id: 'Gdansk', name: 'Gdansk', x: 18.6, y: 54.2 });
    // 66 demands, one per pair, to 11 targets (Gdansk, node 0, is only ever a source).
    expect(result.omittedDemands).toBe(0);
    expect(valid.trafficClasses).toHaveLength(11);
    expect(valid.trafficClasses.find((c) => c.id === 'to-Warsaw'))
      .toMatchObject({ sink: 'Warsaw', towards: 'sink' });
    expect(valid.sites[0].demandMbps?.['to-Bydgoszcz'])
      .toEqual({ value: 195, source: 'data', ref: 'polska.txt' });
  });

  it('routes imported demands from source to target, adding repeated pairs', () => {
    const graph: ImportedGraph = {
      ...graphOf(['a', 'b', 'c'], [['a', 'b', 100], ['b', 'c', 100]]),
      demands: [
        { source: 'a', target: 'c', valueMbps: 10 },
        { source: 'a', target: 'c', valueMbps: 5 },
        { source: 'c', target: 'b', valueMbps: 7 },
        { source: 'b', target: 'b', valueMbps: 3 },
        { source: 'c', target: 'a', valueMbps: 0 },
      ],
    };
    const result = importedToTopology(graph, { fileName: 'd.xml' });
    expect(result.omittedDemands).toBe(2);
    const r = simulate(resolveNetwork(validateTopology(result.topology, 'd.xml')));
    const load = (id: string) => r.links.find((l) => l.id === id)!.loadMbps;
    // a -> c: 15 Mbps forward over both links; c -> b: 7 Mbps reverse on b--c only.
    expect(load('a--b')).toEqual({ forward: 15, reverse: 0 });
    expect(load('b--c')).toEqual({ forward: 15, reverse: 7 });
    expect(r.demand.totalMbps).toBe(22);
  });
});

describe('makeSafeIds', () => {
  it('keeps ids that fit, and never lets a rewritten id take one of them', () => {
    expect(makeSafeIds(['x y', 'x-y', '', 'ok', 'ok']))
      .toEqual(['x-y-2', 'x-y', 'id', 'ok', 'ok-2']);
  });

  it('shortens an id longer than 128 characters', () => {
    const [id] = makeSafeIds(['é'.repeat(10) + 'n'.repeat(200)]);
    expect(id).toBe(`eeeeeeeeee${'n'.repeat(110)}`);
  });
});
