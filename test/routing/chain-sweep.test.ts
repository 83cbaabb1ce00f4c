// Chains evaluated whole: a chain's inner failures derived from its end links' equal
// the engine's own evaluation of each, and the structure they rest on is right.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findBridges, findChains } from '../../src/routing/chains.ts';
import {
  compileNetwork, type CompiledNetwork, type LinkSpec,
} from '../../src/routing/compiled-network.ts';
import { createFailureEngine, type FailureLoads } from '../../src/routing/failure-engine.ts';
import { allItems, planSweep, sweepFailures } from '../../src/routing/failure-sweep.ts';
import { SUMMARY_FIELDS, sweepInParallel } from '../../src/routing/parallel-sweep.ts';
import { groupByDestination, type NodeDemand } from '../../src/routing/route-demands.ts';
import {
  chainFailureSets, combineChainFailure, type ProductDemand,
} from '../../src/routing/sweep-plan.ts';

// Derived loads agree with evaluated ones to a relative 1e-9 of the total demand.
const RELATIVE = 1e-9;

interface Case {
  net: CompiledNetwork;
  product: ProductDemand;
  demands: NodeDemand[];
  total: number;
}

/** A network on `ids` with links (a, b, metric), and gravity demand by `weights`. */
function caseOf(n: number, edges: [number, number, number][], weights: number[]): Case {
  const ids = Array.from({ length: n }, (_, i) => `v${i}`);
  const links: LinkSpec[] = edges.map(([a, b, metric], i) => ({
    id: `l${i}`, a: ids[a], b: ids[b], capacityMbps: 100, metric,
  }));
  const net = compileNetwork(ids, links);
  const scale = 0.37;
  const demands: NodeDemand[] = [];
  let total = 0;
  for (let t = 0; t < n; t++) {
    for (let s = 0; s < n; s++) {
      if (s === t) continue;
      demands.push({ from: s, to: t, mbps: scale * weights[s] * weights[t] });
      total += scale * weights[s] * weights[t];
    }
  }
  return { net, product: { weights: Float64Array.from(weights), scale }, demands, total };
}

/**
 * A connected network rich in chains: a ring of hubs with chords, chains of 1 to 6
 * links between random hubs (some from a hub back to itself, some parallel), trees
 * hanging from random nodes (inner chain nodes among them), and sometimes a block
 * joined by a bridge chain.
 */
const arbChainCase = fc.record({
  hubs: fc.integer({ min: 3, max: 6 }),
  chords: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
  chains: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 6 })), {
    minLength: 1, maxLength: 6,
  }),
  trees: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 3 })), { maxLength: 5 }),
  bridgeBlock: fc.boolean(),
  weighted: fc.boolean(),
  metrics: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 80, maxLength: 80 }),
  weights: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 80, maxLength: 80 }),
}).map((spec): Case => {
  const edges: [number, number, number][] = [];
  let n = spec.hubs;
  const metric = () => (spec.weighted ? spec.metrics[edges.length % 80] : 1);
  const add = (a: number, b: number) => edges.push([a, b, metric()]);
  for (let h = 0; h < spec.hubs; h++) add(h, (h + 1) % spec.hubs);
  for (const [a, b] of spec.chords) {
    if (a % spec.hubs !== b % spec.hubs) add(a % spec.hubs, b % spec.hubs);
  }
  for (const [a, b, length] of spec.chains) {
    let at = a % spec.hubs;
    for (let j = 1; j < length; j++) {
      add(at, n);
      at = n++;
    }
    // A chain back to its own hub needs an inner node, or it would be a self-loop.
    if (at === b % spec.hubs) {
      add(at, n);
      at = n++;
    }
    add(at, b % spec.hubs);
  }
  if (spec.bridgeBlock) {
    const [x, y, z] = [n, n + 1, n + 2];
    add(0, n + 3);
    add(n + 3, n + 4);
    add(n + 4, x);
    add(x, y);
    add(y, z);
    add(z, x);
    n += 5;
  }
  for (const [at, size] of spec.trees) {
    let parent = at % n;
    for (let j = 0; j < size; j++) {
      add(parent, n);
      parent = n++;
    }
  }
  return caseOf(n, edges, Array.from({ length: n }, (_, i) => spec.weights[i % 80]));
});

function expectLoadsClose(got: FailureLoads, want: FailureLoads, total: number): void {
  const tolerance = RELATIVE * total;
  for (let e = 0; e < want.forward.length; e++) {
    expect(Math.abs(got.forward[e] - want.forward[e])).toBeLessThanOrEqual(tolerance);
    expect(Math.abs(got.reverse[e] - want.reverse[e])).toBeLessThanOrEqual(tolerance);
  }
}

function copyLoads(loads: FailureLoads): FailureLoads {
  return { ...loads, forward: loads.forward.slice(), reverse: loads.reverse.slice() };
}

/** For each chain and each of its links: the derived loads, and the evaluated ones. */
function derivedAndEvaluated(c: Case) {
  const engine = createFailureEngine(c.net, groupByDestination(c.net.nodeCount, c.demands));
  const structure = findChains(c.net, c.product.weights, 3);
  const pairs: { derived: FailureLoads; evaluated: FailureLoads }[] = [];
  structure.chains.forEach((chain, index) => {
    const parts: FailureLoads[] = [];
    engine.evaluateMany(chainFailureSets(structure, index), (_, loads) => {
      parts.push(copyLoads(loads));
    });
    for (let i = 0; i < chain.links.length; i++) {
      const derived = copyLoads(parts[2 + i]);
      combineChainFailure(c.net, chain, c.product.scale, i, engine.base, parts[0], parts[1],
        parts[2 + i], derived);
      pairs.push({ derived, evaluated: copyLoads(engine.evaluateLink(chain.links[i])) });
    }
  });
  return { pairs, structure };
}

describe('chains evaluated whole', () => {
  it('derive every inner failure of every chain as the engine evaluates it', () => {
    let chainsSeen = 0;
    fc.assert(fc.property(arbChainCase, (c) => {
      const { pairs, structure } = derivedAndEvaluated(c);
      chainsSeen += structure.chains.length;
      for (const { derived, evaluated } of pairs) {
        expectLoadsClose(derived, evaluated, c.total);
        expect(derived.unroutedDemands).toBe(evaluated.unroutedDemands);
      }
    }), { numRuns: 120, seed: 6406 });
    // The generator has to reach the case it is for.
    expect(chainsSeen).toBeGreaterThan(100);
  });

  it('give the same summary as a sweep one link at a time, on 1 and 2 threads', async () => {
    const cases = fc.sample(arbChainCase, { numRuns: 12, seed: 2024 });
    for (const c of cases) {
      const matrix = groupByDestination(c.net.nodeCount, c.demands);
      const engine = createFailureEngine(c.net, matrix);
      const items = allItems(engine, 'links');
      const plain = sweepFailures(engine, 'links', items);
      const whole = sweepFailures(engine, 'links', items, { product: c.product });
      for (let i = 0; i < items.length; i++) {
        expect(Math.abs(whole.maxUtilization[i] - plain.maxUtilization[i]))
          .toBeLessThanOrEqual(RELATIVE * c.total);
        expect(whole.unroutedDemands[i]).toBe(plain.unroutedDemands[i]);
        expect(Math.abs(whole.unroutedMbps[i] - plain.unroutedMbps[i]))
          .toBeLessThanOrEqual(RELATIVE * c.total);
      }
      const parallel = await sweepInParallel(c.net, matrix, 'links', items, {
        threads: 2, product: c.product,
      });
      for (const field of SUMMARY_FIELDS) expect([...parallel[field]]).toEqual([...whole[field]]);
    }
  });

  it('plans a chain as a unit only when the items hold each of its links once', () => {
    // Ring 0-1-2 with a chain 0-3-4-5-1 (links 3..6).
    const c = caseOf(6, [[0, 1, 1], [1, 2, 1], [2, 0, 1], [0, 3, 1], [3, 4, 1], [4, 5, 1],
      [5, 1, 1]], [1, 1, 1, 1, 1, 1]);
    const whole = planSweep(c.net, 'links', [6, 0, 4, 3, 5], c.product);
    expect([...whole.unitChain]).toEqual([0, -1]);
    expect([...whole.rows]).toEqual([3, 2, 4, 0, 1]);
    const partial = planSweep(c.net, 'links', [3, 4, 5, 0], c.product);
    expect([...partial.unitChain]).toEqual([-1, -1, -1, -1]);
    const twice = planSweep(c.net, 'links', [3, 4, 5, 6, 6], c.product);
    expect([...twice.unitChain]).toEqual([-1, -1, -1, -1, -1]);
    expect(planSweep(c.net, 'links', [3, 4, 5, 6], null).unitChain.every((u) => u < 0))
      .toBe(true);
    expect(planSweep(c.net, 'nodes', [0, 1], c.product).unitChain.length).toBe(2);
  });
});

describe('findChains', () => {
  it('finds chains between junctions with the weight of the trees on inner nodes', () => {
    // Hubs 0, 1, 2 in a triangle; chain 0-3-4-1; tree 4-5-6 on inner node 4; chain
    // 2-7-2 back to hub 2 (too short); a bridge chain 0-8-9-10 into a triangle, which
    // is a chain 10-11-12-10 from its one junction back to itself.
    const edges: [number, number, number][] = [[0, 1, 1], [1, 2, 1], [2, 0, 1], [0, 3, 1],
      [3, 4, 1], [4, 1, 1], [4, 5, 1], [5, 6, 1], [2, 7, 1], [7, 2, 1], [0, 8, 1], [8, 9, 1],
      [9, 10, 1], [10, 11, 1], [11, 12, 1], [12, 10, 1]];
    const weights = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
    const c = caseOf(13, edges, weights);
    const { chains, regionOf } = findChains(c.net, c.product.weights, 3);
    expect(chains.map((k) => [...k.nodes])).toEqual([[0, 3, 4, 1], [10, 11, 12, 10]]);
    expect([...chains[0].links]).toEqual([3, 4, 5]);
    expect([...chains[0].inner]).toEqual([4, 5 + 6 + 7]);
    expect(chains[0].outside).toBe(91 - 22);
    expect([...regionOf]).toEqual([-1, -1, -1, 0, 0, 0, 0, -1, -1, -1, -1, 1, 1]);
    // With chains of two links allowed, 2-7-2 is one too; the bridge chain never is.
    expect(findChains(c.net, c.product.weights, 2).chains.map((k) => [...k.nodes]))
      .toEqual([[0, 3, 4, 1], [2, 7, 2], [10, 11, 12, 10]]);
  });

  it('finds none in a network with a self-loop, a cycle alone, or a tree', () => {
    const w = [1, 1, 1, 1, 1];
    const loop = caseOf(5, [[0, 1, 1], [1, 2, 1], [2, 0, 1], [0, 3, 1], [3, 4, 1], [4, 1, 1],
      [2, 2, 1]], w);
    expect(findChains(loop.net, loop.product.weights, 3).chains).toHaveLength(0);
    const cycle = caseOf(5, [[0, 1, 1], [1, 2, 1], [2, 3, 1], [3, 4, 1], [4, 0, 1]], w);
    expect(findChains(cycle.net, cycle.product.weights, 3).chains).toHaveLength(0);
    const tree = caseOf(5, [[0, 1, 1], [1, 2, 1], [2, 3, 1], [1, 4, 1]], w);
    expect(findChains(tree.net, tree.product.weights, 3).chains).toHaveLength(0);
  });
});

describe('findBridges', () => {
  it('marks exactly the links whose removal disconnects their ends', () => {
    const arbGraph = fc.record({
      n: fc.integer({ min: 1, max: 14 }),
      edges: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 24 }),
    });
    fc.assert(fc.property(arbGraph, ({ n, edges }) => {
      const list = edges.map(([a, b]): [number, number, number] => [a % n, b % n, 1]);
      const { net } = caseOf(n, list, Array.from({ length: n }, () => 1));
      const bridges = findBridges(net);
      for (let e = 0; e < net.linkCount; e++) {
        expect(bridges[e] === 1).toBe(!connectedWithout(net, e));
      }
    }), { numRuns: 300, seed: 99 });
  });
});

/** Whether link e's ends are still connected without it (a plain search). */
function connectedWithout(net: CompiledNetwork, e: number): boolean {
  const seen = new Uint8Array(net.nodeCount);
  const stack = [net.linkA[e]];
  seen[net.linkA[e]] = 1;
  while (stack.length > 0) {
    const u = stack.pop()!;
    for (let k = net.offsets[u]; k < net.offsets[u + 1]; k++) {
      if (net.adjLink[k] === e || seen[net.adjNode[k]]) continue;
      seen[net.adjNode[k]] = 1;
      stack.push(net.adjNode[k]);
    }
  }
  return seen[net.linkB[e]] === 1;
}
