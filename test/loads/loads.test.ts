// The `loads` rule: hand-computed cases, and agreement with the independent reference
// on Topology Zoo files and on generated graphs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNetworkText } from '../../src/io/index.ts';
import type { ImportedGraph } from '../../src/io/imported-graph.ts';
import { computeLoads, type LoadsResult } from '../../src/loads/compute-loads.ts';
import { clean, pathShares, referenceLoads, route, type RefResult } from './reference.ts';

// Figures agree to a relative 1e-9, with an absolute floor of 1e-12 of the total
// demand for values that are zero in exact arithmetic.
const RELATIVE = 1e-9;

function graphOf(edges: [string, string][], populations?: Record<string, number>): ImportedGraph {
  const ids = [...new Set(edges.flat())];
  return {
    format: 'json',
    nodes: ids.map((id) => ({
      id, attributes: {}, ...(populations ? { population: populations[id] } : {}),
    })),
    edges: edges.map(([source, target]) => ({ source, target, attributes: {} })),
  };
}

function expectClose(got: number, want: number, total: number): void {
  const tolerance = RELATIVE * Math.max(Math.abs(got), Math.abs(want)) + 1e-12 * total;
  expect(Math.abs(got - want)).toBeLessThanOrEqual(tolerance);
}

function expectAgreement(got: LoadsResult, want: RefResult, total: number): void {
  expect(got.nodes).toBe(want.nodes);
  expect(got.links).toBe(want.links);
  expect(got.edges.map((e) => [e.source, e.target])).toEqual(
    want.edges.map((e) => [e.source, e.target]),
  );
  got.edges.forEach((edge, i) => {
    expectClose(edge.loadForwardMbps, want.edges[i].forward, total);
    expectClose(edge.loadReverseMbps, want.edges[i].reverse, total);
  });
  expectClose(got.maxUtilization, want.maxUtilization, total);
  if (got.linkFailures) {
    expect(got.linkFailures).toHaveLength(want.linkFailures.length);
    got.linkFailures.forEach((f, i) => {
      const w = want.linkFailures[i];
      expect([f.source, f.target, f.unroutedDemands])
        .toEqual([w.source, w.target, w.unroutedDemands]);
      expectClose(f.unroutedMbps, w.unroutedMbps, total);
      expectClose(f.maxUtilization, w.maxUtilization, total);
    });
  }
  if (got.nodeFailures) {
    expect(got.nodeFailures).toHaveLength(want.nodeFailures.length);
    got.nodeFailures.forEach((f, i) => {
      const w = want.nodeFailures[i];
      expect(f.node).toBe(w.node);
      expectClose(f.lostMbps, w.lostMbps, total);
      expectClose(f.unroutedMbps, w.unroutedMbps, total);
      expectClose(f.maxUtilization, w.maxUtilization, total);
    });
  }
}

async function both(graph: ImportedGraph, total = 1000, capacity = 100) {
  const got = await computeLoads(graph, {
    gravityTotalMbps: total, capacityMbps: capacity, n1: true, n1Nodes: true,
  });
  const want = referenceLoads(graph, { total, capacity, n1: true, n1Nodes: true });
  return { got, want };
}

describe('loads on hand-computed networks', () => {
  it('loads a line a-b-c with 1.8 Mbps each way on both links', async () => {
    // Degrees 1, 2, 1; pair sum 10; demand a->b = 6 * 1 * 2 / 10 = 1.2, a->c = 0.6.
    const r = await computeLoads(graph3(), {
      gravityTotalMbps: 6, capacityMbps: 10, n1: true, n1Nodes: true,
    });
    expect(r.nodes).toBe(3);
    expect(r.links).toBe(2);
    for (const edge of r.edges) {
      expect(edge.loadForwardMbps).toBeCloseTo(1.8, 12);
      expect(edge.loadReverseMbps).toBeCloseTo(1.8, 12);
    }
    expect(r.maxUtilization).toBeCloseTo(0.18, 12);
    expect(r.maxUtilizationLink).toEqual({ source: 'a', target: 'b', direction: 'forward' });

    // Cutting a-b strands a: four demands, 3.6 Mbps; b-c still carries 1.2 each way.
    expect(r.linkFailures![0].unroutedDemands).toBe(4);
    expect(r.linkFailures![0].unroutedMbps).toBeCloseTo(3.6, 12);
    expect(r.linkFailures![0].maxUtilization).toBeCloseTo(0.12, 12);

    const [a, b, c] = r.nodeFailures!;
    expect([a.node, b.node, c.node]).toEqual(['a', 'b', 'c']);
    expect(a.lostMbps).toBeCloseTo(3.6, 12);
    expect(a.unroutedMbps).toBe(0);
    expect(a.maxUtilization).toBeCloseTo(0.12, 12);
    // Without b, a and c lose each other: 0.6 each way.
    expect(b.lostMbps).toBeCloseTo(4.8, 12);
    expect(b.unroutedMbps).toBeCloseTo(1.2, 12);
    expect(b.unroutedDemands).toBe(2);
    expect(b.maxUtilization).toBe(0);
  });

  it('splits opposite corners of a 4-ring evenly: 2 Mbps on every direction', async () => {
    const ring = graphOf([['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'a']]);
    // Every ordered pair gets 12 * 2 * 2 / 48 = 1 Mbps.
    const r = await computeLoads(ring, { gravityTotalMbps: 12, capacityMbps: 10, n1: true });
    for (const edge of r.edges) {
      expect(edge.loadForwardMbps).toBeCloseTo(2, 12);
      expect(edge.loadReverseMbps).toBeCloseTo(2, 12);
    }
    // Without a-b the ring is the line b-c-d-a: c-d carries 4 Mbps each way.
    expect(r.linkFailures![0].unroutedMbps).toBe(0);
    expect(r.linkFailures![0].maxUtilization).toBeCloseTo(0.4, 12);
  });

  it('loads a star by its degrees, and cuts off leaves when the hub fails', async () => {
    const star = graphOf([['h', 'x'], ['h', 'y'], ['h', 'z']]);
    // Degrees 3, 1, 1, 1; pair sum 24; hub<->leaf 3 Mbps, leaf<->leaf 1 Mbps.
    const r = await computeLoads(star, {
      gravityTotalMbps: 24, capacityMbps: 10, n1: true, n1Nodes: true,
    });
    for (const edge of r.edges) {
      expect(edge.loadForwardMbps).toBeCloseTo(5, 12);
      expect(edge.loadReverseMbps).toBeCloseTo(5, 12);
    }
    expect(r.linkFailures![0].unroutedDemands).toBe(6);
    expect(r.linkFailures![0].unroutedMbps).toBeCloseTo(10, 12);
    expect(r.linkFailures![0].maxUtilization).toBeCloseTo(0.4, 12);
    const hub = r.nodeFailures![0];
    expect(hub.node).toBe('h');
    expect(hub.lostMbps).toBeCloseTo(18, 12);
    expect(hub.unroutedMbps).toBeCloseTo(6, 12);
    expect(hub.maxUtilization).toBe(0);
  });

  it('uses population as weight only when every node has one above 0', async () => {
    const line = graphOf([['a', 'b'], ['b', 'c']], { a: 1, b: 1, c: 2 });
    const r = await computeLoads(line, { gravityTotalMbps: 10, capacityMbps: 10 });
    expect(r.weights).toBe('population');
    // Pair sum 1*3 + 1*3 + 2*2 = 10: a->c = 10 * 1 * 2 / 10 = 2, a->b = 1.
    expect(r.edges[0].loadForwardMbps).toBeCloseTo(3, 12);
    const partial = graphOf([['a', 'b'], ['b', 'c']], { a: 1, b: 0, c: 2 });
    expect((await computeLoads(partial, { gravityTotalMbps: 10, capacityMbps: 10 })).weights)
      .toBe('degree');
  });
});

describe('loads cleaning', () => {
  it('collapses parallel and reversed edges into the first as written, and drops ' +
    'self-loops', async () => {
    const g = graphOf([['b', 'a'], ['a', 'b'], ['a', 'a'], ['b', 'c'], ['c', 'b']]);
    const r = await computeLoads(g, { gravityTotalMbps: 6, capacityMbps: 10 });
    expect(r.edges.map((e) => [e.source, e.target])).toEqual([['b', 'a'], ['b', 'c']]);
    expect(r.cleaning).toEqual({
      selfLoops: 1, parallelEdges: 2, nodesOutsideComponent: 0, linksOutsideComponent: 0,
    });
    // Forward runs source to target as listed: b->a carries b->a plus c->a.
    expect(r.edges[0].loadForwardMbps).toBeCloseTo(1.8, 12);
  });

  it('keeps the largest component, and on a tie the one with the first node in numeric ' +
    'order', async () => {
    // Components {10, 2} and {9, 30}: numerically 2 comes first, so {2, 10} stays.
    const g = graphOf([['9', '30'], ['10', '2']]);
    const r = await computeLoads(g, { gravityTotalMbps: 1, capacityMbps: 1 });
    expect(r.edges.map((e) => [e.source, e.target])).toEqual([['10', '2']]);
    // As strings '10' < '2' < '30' < '9': with one non-integer id {10, 2} still wins.
    const s = graphOf([['9', '30'], ['10', '2'], ['x', 'x']]);
    expect((await computeLoads(s, { gravityTotalMbps: 1, capacityMbps: 1 })).edges)
      .toHaveLength(1);
    const bigger = graphOf([['9', '30'], ['30', '31'], ['10', '2']]);
    const b = await computeLoads(bigger, { gravityTotalMbps: 1, capacityMbps: 1 });
    expect(b.nodes).toBe(3);
    expect(b.cleaning.nodesOutsideComponent).toBe(2);
  });
});

describe('the reference implementation', () => {
  it('splits traffic as the product of 1/(next hops) along each path', () => {
    const g = graphOf([['s', 'a'], ['s', 'b'], ['a', 't'], ['b', 'c'], ['c', 't'], ['b', 't']]);
    const { adjacency } = clean(g);
    const shares = pathShares(adjacency, 's', 't');
    // s splits 1/2 to a and b; b goes straight to t (one hop closer), c is not closer.
    expect(shares.get('s>a')).toBe(0.5);
    expect(shares.get('b>t')).toBe(0.5);
    expect(shares.get('b>c')).toBeUndefined();
  });

  it('agrees with its own path enumeration on random small graphs', () => {
    fc.assert(fc.property(arbGraph, (graph) => {
      const { order, adjacency } = clean(graph);
      const demand = (s: string, t: string) => s.length + t.length;
      const byNodes = route(order, adjacency, demand).loads;
      const byPaths = new Map<string, number>();
      for (const s of order) {
        for (const t of order) {
          if (s === t) continue;
          for (const [key, share] of pathShares(adjacency, s, t)) {
            byPaths.set(key, (byPaths.get(key) ?? 0) + share * demand(s, t));
          }
        }
      }
      expect([...byNodes.keys()].sort()).toEqual([...byPaths.keys()].sort());
      for (const [key, x] of byNodes) expectClose(x, byPaths.get(key)!, 100);
    }), { numRuns: 100 });
  });
});

describe('loads against the reference', () => {
  const root = join(import.meta.dirname, '../datasets/topologyzoo');
  const files = ['graphml', 'gml'].flatMap((dir) =>
    readdirSync(join(root, dir)).map((name) => join(root, dir, name)));
  const small = files.filter((f) => !/Kdl\./.test(f));

  it.each(small.map((f) => [f.split('/').slice(-2).join('/'), f]))(
    'agrees on %s, with every link and every node failed in turn',
    async (_name, file) => {
      const graph = parseNetworkText(readFileSync(file, 'utf8'), file);
      const { got, want } = await both(graph, 921.8, 1000);
      expectAgreement(got, want, 921.8);
    },
  );

  it('agrees on Kdl without failures, and on every 150th link failure', async () => {
    const file = files.find((f) => /Kdl\./.test(f));
    if (!file) throw new Error('test/datasets/topologyzoo has no Kdl file');
    const graph = parseNetworkText(readFileSync(file, 'utf8'), file);
    const got = await computeLoads(graph, { gravityTotalMbps: 1000, capacityMbps: 1000, n1: true });
    const want = referenceLoads(graph, { total: 1000, capacity: 1000 });
    expectAgreement({ ...got, linkFailures: undefined }, want, 1000);

    // The reference's link sweep, on a sample of the links.
    const sample = got.linkFailures!.map((_, i) => i).filter((i) => i % 150 === 0);
    const sampled = referenceLoads(graph,
      { total: 1000, capacity: 1000, n1: true, n1Links: sample });
    expectAgreement(
      { ...got, linkFailures: sample.map((i) => got.linkFailures![i]) }, sampled, 1000,
    );
  });

  it('agrees on generated graphs with self-loops, parallel edges, several components and ' +
    'trees', async () => {
    await fc.assert(fc.asyncProperty(arbGraph, async (graph) => {
      const { got, want } = await both(graph, 500, 50);
      expectAgreement(got, want, 500);
    }), { numRuns: 150 });
  });
});

function graph3(): ImportedGraph {
  return graphOf([['a', 'b'], ['b', 'c']]);
}

/**
 * Random graphs: integer or string ids, a few components (trees or meshes), repeated
 * and reversed edges, self-loops, and populations on all, some or none of the nodes.
 */
const arbGraph = fc.record({
  n: fc.integer({ min: 1, max: 14 }),
  idStyle: fc.constantFrom('integer', 'string', 'mixed'),
  parents: fc.array(fc.nat(), { minLength: 14, maxLength: 14 }),
  components: fc.integer({ min: 1, max: 3 }),
  extra: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 14 }),
  repeats: fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 6 }),
  loops: fc.array(fc.nat(), { maxLength: 3 }),
  populations: fc.constantFrom('all', 'some', 'none'),
  shuffle: fc.array(fc.nat(), { minLength: 14, maxLength: 14 }),
}).map((spec): ImportedGraph => {
  const { n, idStyle, parents, components, extra, repeats, loops, populations } = spec;
  const id = (i: number) => {
    if (idStyle === 'integer') return String((i * 37) % 101);
    if (idStyle === 'string') return `r${String.fromCharCode(97 + ((i * 7) % 26))}${i}`;
    return i % 4 === 0 ? `n${i}` : String(i * 3);
  };
  const edges: [number, number][] = [];
  for (let i = components; i < n; i++) {
    const candidates = [];
    for (let j = i % components; j < i; j += components) candidates.push(j);
    edges.push([candidates[parents[i] % candidates.length], i]);
  }
  for (const [a, b] of extra) {
    if ((a % n) % components === (b % n) % components) edges.push([a % n, b % n]);
  }
  for (const [k, flip] of repeats) {
    if (edges.length === 0) break;
    const [a, b] = edges[k % edges.length];
    edges.push(flip ? [b, a] : [a, b]);
  }
  for (const k of loops) edges.push([k % n, k % n]);
  // Edges in a shuffled order, so that first occurrences vary.
  const order = edges.map((_, i) => i).sort((x, y) =>
    (spec.shuffle[x % 14] - spec.shuffle[y % 14]) || x - y);
  return {
    format: 'json',
    nodes: Array.from({ length: n }, (_, i) => ({
      id: id(i),
      attributes: {},
      ...(populations === 'all' || (populations === 'some' && i % 2 === 0)
        ? { population: 1 + ((i * 13) % 7) } : {}),
    })),
    edges: order.map((i) => ({ source: id(edges[i][0]), target: id(edges[i][1]), attributes: {} })),
  };
});
