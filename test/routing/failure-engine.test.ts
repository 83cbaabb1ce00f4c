// The incremental failure engine against a full re-route of the same failure.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileNetwork, emptyMask, type CompiledNetwork, type FailureMask, type LinkSpec,
} from '../../src/routing/compiled-network.ts';
import { createFailureEngine, type FailureLoads } from '../../src/routing/failure-engine.ts';
import {
  groupByDestination, routeDemands, type DemandMatrix, type NodeDemand,
} from '../../src/routing/route-demands.ts';

// Loads agree to a relative 1e-9 of the total demand (the largest load any link can
// carry per unit of hop), which bounds the rounding of base-plus-difference sums.
const RELATIVE = 1e-9;

interface Case {
  net: CompiledNetwork;
  matrix: DemandMatrix;
  total: number;
}

/**
 * A random multigraph: up to three components (each a random tree plus extra links),
 * parallel links, self-loops, isolated nodes; unit or small integer metrics; random
 * demands between random pairs, some to a few hub nodes.
 */
const arbCase = fc.record({
  n: fc.integer({ min: 1, max: 18 }),
  components: fc.integer({ min: 1, max: 3 }),
  parents: fc.array(fc.nat(), { minLength: 18, maxLength: 18 }),
  drop: fc.array(fc.boolean(), { minLength: 18, maxLength: 18 }),
  extra: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 4 })), { maxLength: 24 }),
  weighted: fc.boolean(),
  demands: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 1000 })), {
    maxLength: 60,
  }),
  allPairs: fc.boolean(),
}).map((spec): Case => {
  const { n, components, parents, drop, extra, weighted, demands, allPairs } = spec;
  const ids = Array.from({ length: n }, (_, i) => `v${i}`);
  const links: LinkSpec[] = [];
  const add = (a: number, b: number, metric: number) => {
    links.push({ id: `l${links.length}`, a: ids[a], b: ids[b], capacityMbps: 100, metric });
  };
  // Node i joins the tree of a node with the same residue modulo `components`.
  for (let i = components; i < n; i++) {
    const candidates = [];
    for (let j = i % components; j < i; j += components) candidates.push(j);
    if (!drop[i] || i % 5 !== 0) add(candidates[parents[i] % candidates.length], i, 1);
  }
  for (const [a, b, w] of extra) {
    const u = a % n;
    const v = b % n;
    if (u % components !== v % components && u !== v) continue;
    add(u, v, weighted ? w : 1);
  }
  const list: NodeDemand[] = [];
  if (allPairs) {
    for (let s = 0; s < n; s++) {
      for (let t = 0; t < n; t++) if (s !== t) list.push({ from: s, to: t, mbps: 1 + s + 2 * t });
    }
  } else {
    for (const [a, b, x] of demands) list.push({ from: a % n, to: b % n, mbps: x / 7 });
  }
  const net = compileNetwork(ids, links);
  const total = list.reduce((sum, d) => sum + d.mbps, 0);
  return { net, matrix: groupByDestination(n, list), total };
});

function expectSameLoads(c: Case, got: FailureLoads, mask: FailureMask): void {
  const want = routeDemands(c.net, c.matrix, mask);
  const tolerance = RELATIVE * Math.max(1, c.total);
  for (let e = 0; e < c.net.linkCount; e++) {
    expect(Math.abs(got.forward[e] - want.forward[e])).toBeLessThanOrEqual(tolerance);
    expect(Math.abs(got.reverse[e] - want.reverse[e])).toBeLessThanOrEqual(tolerance);
  }
  expect(Math.abs(got.unroutedMbps - want.unroutedMbps)).toBeLessThanOrEqual(tolerance);
  expect(got.unroutedDemands).toBe(want.unrouted.reduce((a, b) => a + b, 0));
  if (got.unrouted) expect([...got.unrouted]).toEqual([...want.unrouted]);
}

function linkMask(net: CompiledNetwork, links: number[]): FailureMask {
  const mask = emptyMask(net);
  for (const e of links) mask.linkDown[e] = 1;
  return mask;
}

function nodeMask(net: CompiledNetwork, nodes: number[], links: number[] = []): FailureMask {
  const mask = linkMask(net, links);
  for (const u of nodes) {
    mask.nodeDown[u] = 1;
    for (let k = net.offsets[u]; k < net.offsets[u + 1]; k++) mask.linkDown[net.adjLink[k]] = 1;
  }
  return mask;
}

describe('createFailureEngine', () => {
  it('gives base loads equal to routeDemands with nothing failed', () => {
    fc.assert(fc.property(arbCase, (c) => {
      const engine = createFailureEngine(c.net, c.matrix);
      const want = routeDemands(c.net, c.matrix);
      expect([...engine.base.forward]).toEqual([...want.forward]);
      expect([...engine.base.reverse]).toEqual([...want.reverse]);
      expect(engine.base.unroutedMbps).toBe(want.unroutedMbps);
    }), { numRuns: 150 });
  });

  it('matches a full re-route for every single link failure', () => {
    fc.assert(fc.property(arbCase, fc.boolean(), (c, perDemand) => {
      const engine = createFailureEngine(c.net, c.matrix, { perDemand });
      for (let e = 0; e < c.net.linkCount; e++) {
        expectSameLoads(c, engine.evaluateLink(e), linkMask(c.net, [e]));
      }
    }), { numRuns: 200 });
  });

  it('matches a full re-route for double link failures', () => {
    const arb = fc.tuple(arbCase, fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 12 }));
    fc.assert(fc.property(arb, ([c, pairs]) => {
      if (c.net.linkCount === 0) return;
      const engine = createFailureEngine(c.net, c.matrix, { perDemand: true });
      for (const [a, b] of pairs) {
        const links = [a % c.net.linkCount, b % c.net.linkCount];
        expectSameLoads(c, engine.evaluateLinks(links), linkMask(c.net, links));
      }
    }), { numRuns: 200 });
  });

  it('matches a full re-route for every single node failure', () => {
    fc.assert(fc.property(arbCase, (c) => {
      const engine = createFailureEngine(c.net, c.matrix, { perDemand: true });
      for (let u = 0; u < c.net.nodeCount; u++) {
        const got = engine.evaluateNode(u);
        expectSameLoads(c, got, nodeMask(c.net, [u]));
        let lost = 0;
        for (let k = 0; k < c.matrix.source.length; k++) {
          const t = c.matrix.dest[groupOf(c.matrix, k)];
          if (c.matrix.source[k] === u || t === u) lost += c.matrix.mbps[k];
        }
        expect(Math.abs(got.lostMbps - lost)).toBeLessThanOrEqual(RELATIVE * Math.max(1, c.total));
      }
    }), { numRuns: 200 });
  });

  it('matches a full re-route for general masks of links and nodes', () => {
    const arb = fc.tuple(arbCase, fc.array(fc.nat(), { maxLength: 4 }), fc.array(fc.nat(), {
      maxLength: 2,
    }));
    fc.assert(fc.property(arb, ([c, links, nodes]) => {
      const engine = createFailureEngine(c.net, c.matrix, { perDemand: true });
      const m = Math.max(1, c.net.linkCount);
      const mask = nodeMask(
        c.net, nodes.map((u) => u % c.net.nodeCount),
        c.net.linkCount === 0 ? [] : links.map((e) => e % m),
      );
      expectSameLoads(c, engine.evaluate(mask), mask);
      // The engine goes back to the base between evaluations.
      expectSameLoads(c, engine.evaluate(emptyMask(c.net)), emptyMask(c.net));
    }), { numRuns: 300 });
  });

  it('gives the same loads when no destination keeps cached state', () => {
    fc.assert(fc.property(arbCase, (c) => {
      const engine = createFailureEngine(c.net, c.matrix, { maxStateEntries: 0, perDemand: true });
      expect(engine.cachedDestinations).toBe(0);
      for (let e = 0; e < c.net.linkCount; e++) {
        expectSameLoads(c, engine.evaluateLink(e), linkMask(c.net, [e]));
      }
      for (let u = 0; u < c.net.nodeCount; u++) {
        expectSameLoads(c, engine.evaluateNode(u), nodeMask(c.net, [u]));
      }
    }), { numRuns: 100 });
  });
});

function groupOf(matrix: DemandMatrix, k: number): number {
  let g = 0;
  while (matrix.start[g + 1] <= k) g += 1;
  return g;
}
