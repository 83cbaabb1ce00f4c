// Sweeps on worker threads give the same figures as on one thread.
import { describe, expect, it } from 'vitest';
import { compileNetwork, type LinkSpec } from '../../src/routing/compiled-network.ts';
import { createFailureEngine } from '../../src/routing/failure-engine.ts';
import { allItems, sweepFailures } from '../../src/routing/failure-sweep.ts';
import { SUMMARY_FIELDS, sweepInParallel } from '../../src/routing/parallel-sweep.ts';
import { groupByDestination, type NodeDemand } from '../../src/routing/route-demands.ts';

/** A 12x12 grid with a few diagonals and a pendant chain, all-pairs demand. */
function gridCase() {
  const side = 12;
  const ids: string[] = [];
  for (let i = 0; i < side * side + 5; i++) ids.push(`v${i}`);
  const links: LinkSpec[] = [];
  const add = (a: number, b: number) => links.push({
    id: `l${links.length}`, a: ids[a], b: ids[b], capacityMbps: 100, metric: 1,
  });
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      const u = r * side + c;
      if (c + 1 < side) add(u, u + 1);
      if (r + 1 < side) add(u, u + side);
      if ((r * 7 + c * 3) % 11 === 0 && r + 1 < side && c + 1 < side) add(u, u + side + 1);
    }
  }
  for (let i = 0; i < 5; i++) add(i === 0 ? 0 : side * side + i - 1, side * side + i);
  const demands: NodeDemand[] = [];
  for (let s = 0; s < ids.length; s++) {
    for (let t = 0; t < ids.length; t++) {
      if (s !== t && (s + t) % 3 === 0) demands.push({ from: s, to: t, mbps: 1 + ((s * t) % 5) });
    }
  }
  const net = compileNetwork(ids, links);
  return { net, matrix: groupByDestination(ids.length, demands) };
}

describe('sweepInParallel', () => {
  it('gives the same summary on 1, 2 and 3 threads as the single-thread sweep', async () => {
    const { net, matrix } = gridCase();
    const engine = createFailureEngine(net, matrix);
    for (const kind of ['links', 'nodes'] as const) {
      const want = sweepFailures(engine, kind, allItems(engine, kind));
      for (const threads of [1, 2, 3]) {
        const got = await sweepInParallel(net, matrix, kind, want.items, { threads });
        for (const field of SUMMARY_FIELDS) expect([...got[field]]).toEqual([...want[field]]);
      }
    }
  });

  it('gives each failure of a batch the figures it has when evaluated alone', () => {
    const { net, matrix } = gridCase();
    const engine = createFailureEngine(net, matrix);
    const alone = Array.from({ length: net.linkCount }, (_, e) => {
      const r = engine.evaluateLink(e);
      return [...r.forward, ...r.reverse, r.unroutedMbps];
    });
    engine.evaluateEach('links', allItems(engine, 'links'), (i, r) => {
      expect([...r.forward, ...r.reverse, r.unroutedMbps]).toEqual(alone[i]);
    });
  });
});
