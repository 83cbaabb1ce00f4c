// Properties of the compiled engine on generated networks, checked against
// graphology-shortest-path and against conservation of flow.
import fc from 'fast-check';
import { dijkstra } from 'graphology-shortest-path';
import { describe, expect, it } from 'vitest';
import { toGraph } from '../../src/model/graph.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { compileNetwork, emptyMask } from '../../src/routing/compiled-network.ts';
import { createScratch, searchToTarget } from '../../src/routing/distances.ts';
import { smallNetwork } from '../helpers/network.ts';

/** A connected random network: a random tree plus extra links, metrics 1..4 or all 1. */
const arbNetwork = fc.record({
  n: fc.integer({ min: 2, max: 24 }),
  parents: fc.array(fc.nat(), { minLength: 24, maxLength: 24 }),
  extra: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 4 })), { maxLength: 30 }),
  weighted: fc.boolean(),
  demand: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 24, maxLength: 24 }),
}).map(({ n, parents, extra, weighted, demand }) => {
  const name = (i: number) => (i === 0 ? 'gw' : `n${i}`);
  const table: string[] = [];
  for (let i = 1; i < n; i++) {
    table.push(`${name(parents[i] % i)}-${name(i)}:100:${weighted ? 1 + (i % 3) : 1}`);
  }
  extra.forEach(([a, b, w], k) => {
    const [u, v] = [a % n, b % n];
    if (u !== v) table.push(`${name(u)}-${name(v)}:100:${weighted ? w : 1}`);
  });
  const demands: Record<string, number> = {};
  for (let i = 1; i < n; i++) if (demand[i] > 0) demands[name(i)] = demand[i] / 10;
  return { table, demands };
});

function build({ table, demands }: { table: string[]; demands: Record<string, number> }) {
  return smallNetwork(table, demands);
}

describe('compiled routing engine', () => {
  it('finds the same distances as graphology-shortest-path', () => {
    fc.assert(fc.property(arbNetwork, (spec) => {
      const net = build(spec);
      const compiled = compileNetwork(net.sites.map((s) => s.id), net.links);
      const scratch = createScratch(compiled);
      searchToTarget(compiled, compiled.nodeIndex.get('gw')!, emptyMask(compiled), scratch);
      const graph = toGraph(net);
      const paths = dijkstra.singleSource(graph, 'gw', 'cost');
      for (const site of net.sites) {
        const path = paths[site.id];
        let cost = 0;
        for (let i = 0; i + 1 < path.length; i++) {
          cost += Math.min(...graph.edges(path[i], path[i + 1])
            .map((e) => graph.getEdgeAttribute(e, 'cost')));
        }
        expect(scratch.dist[compiled.nodeIndex.get(site.id)!]).toBe(cost);
      }
    }), { numRuns: 200 });
  });

  it('conserves flow: at every node, traffic in minus out is what it receives', () => {
    fc.assert(fc.property(arbNetwork, (spec) => {
      const net = build(spec);
      const r = simulate(net);
      const balance = new Map<string, number>();
      const add = (id: string, x: number) => balance.set(id, (balance.get(id) ?? 0) + x);
      for (const l of r.links) {
        add(l.target, l.loadMbps.forward - l.loadMbps.reverse);
        add(l.source, l.loadMbps.reverse - l.loadMbps.forward);
      }
      // Demand runs from gw to each office: each office keeps its demand, gw sends the total.
      let total = 0;
      for (const [id, mbps] of Object.entries(spec.demands)) {
        expect(balance.get(id) ?? 0).toBeCloseTo(mbps, 4);
        total += mbps;
      }
      expect(balance.get('gw') ?? 0).toBeCloseTo(-total, 4);
    }), { numRuns: 200 });
  });

  it('puts demand x distance on the links in total, however it splits', () => {
    const unitCost = arbNetwork.filter((s) => s.table.every((r) => r.endsWith(':1')));
    fc.assert(fc.property(unitCost, (spec) => {
      const net = build(spec);
      const r = simulate(net);
      const graph = toGraph(net);
      const lengths = dijkstra.singleSource(graph, 'gw', 'cost');
      let expected = 0;
      for (const [id, mbps] of Object.entries(spec.demands)) {
        expected += mbps * (lengths[id].length - 1);
      }
      const carried = r.links.reduce((sum, l) => sum + l.loadMbps.forward + l.loadMbps.reverse, 0);
      expect(carried).toBeCloseTo(expected, 3);
    }), { numRuns: 200 });
  });
});
