// Placement of replicas on servers: anti-affinity, capacity, determinism, what does not fit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countServersNeeded, placeReplicas, type PlacementItem, type PlacementServer,
} from '../../src/servers/placement.ts';

const server = (id: string, cores = 16, memoryGiB = 64, storageGiB = 1000): PlacementServer =>
  ({ id, cores, memoryGiB, storageGiB });
const item = (id: string, group: string, cores: number, memoryGiB = 1, storageGiB = 1)
  : PlacementItem => ({ id, group, cores, memoryGiB, storageGiB });

/** Random tiers, each with 1-4 replicas, and a random fleet. */
const arbitraryCase = fc.record({
  tiers: fc.array(fc.record({
    replicas: fc.integer({ min: 1, max: 4 }),
    cores: fc.integer({ min: 1, max: 12 }),
    memoryGiB: fc.integer({ min: 1, max: 96 }),
    storageGiB: fc.integer({ min: 0, max: 900 }),
  }), { maxLength: 40 }),
  servers: fc.array(fc.record({
    cores: fc.integer({ min: 4, max: 32 }),
    memoryGiB: fc.integer({ min: 16, max: 128 }),
    storageGiB: fc.integer({ min: 500, max: 2000 }),
  }), { minLength: 1, maxLength: 8 }),
  softLimit: fc.constantFrom(0.5, 0.7, 1),
  fit: fc.constantFrom('first' as const, 'balanced' as const),
}).map(({ tiers, servers, softLimit, fit }) => ({
  items: tiers.flatMap((t, i) => Array.from({ length: t.replicas }, (_, k) =>
    item(`t${i}#${k + 1}`, `t${i}`, t.cores, t.memoryGiB, t.storageGiB))),
  servers: servers.map((s, i) => ({ id: `s${i}`, ...s })),
  softLimit,
  fit,
}));

describe('placeReplicas', () => {
  it('never puts two replicas of one tier on the same server', () => {
    fc.assert(fc.property(arbitraryCase, ({ items, servers, softLimit, fit }) => {
      const placement = placeReplicas(items, servers, { softLimit, fit });
      for (const s of placement.servers) {
        const groups = s.items.map((id) => id.slice(0, id.indexOf('#')));
        expect(new Set(groups).size).toBe(groups.length);
      }
    }), { numRuns: 300 });
  });

  it('never fills a server past its capacity, and places or explains every replica', () => {
    fc.assert(fc.property(arbitraryCase, ({ items, servers, softLimit, fit }) => {
      const placement = placeReplicas(items, servers, { softLimit, fit });
      for (const s of placement.servers) {
        expect(s.used.cores).toBeLessThanOrEqual(s.capacity.cores);
        expect(s.used.memoryGiB).toBeLessThanOrEqual(s.capacity.memoryGiB);
        expect(s.used.storageGiB).toBeLessThanOrEqual(s.capacity.storageGiB);
      }
      const placed = Object.keys(placement.assignment);
      const unplaced = placement.unplaced.map((u) => u.id);
      expect([...placed, ...unplaced].sort()).toEqual(items.map((i) => i.id).sort());
    }), { numRuns: 300 });
  });

  it('gives the same placement for the same input, in any order', () => {
    fc.assert(fc.property(
      arbitraryCase.chain((c) => fc.tuple(fc.constant(c), fc.shuffledSubarray(c.items,
        { minLength: c.items.length, maxLength: c.items.length }))),
      ([{ items, servers, softLimit, fit }, shuffled]) => {
        const once = placeReplicas(items, servers, { softLimit, fit });
        expect(placeReplicas(items, servers, { softLimit, fit })).toEqual(once);
        expect(placeReplicas(shuffled, servers, { softLimit, fit })).toEqual(once);
      },
    ), { numRuns: 200 });
  });

  it('places the largest replica first and fills servers in order under first fit', () => {
    const placement = placeReplicas(
      [item('small', 's', 2), item('big', 'b', 10), item('mid', 'm', 6)],
      [server('s1'), server('s2')],
      { fit: 'first' },
    );
    expect(Object.entries(placement.assignment))
      .toEqual([['big', 's1'], ['mid', 's1'], ['small', 's2']]);
  });

  it('spreads replicas so the fullest dimension stays lowest under the balanced rule', () => {
    const placement = placeReplicas(
      [item('disk-a', 'a', 1, 1, 800), item('disk-b', 'b', 1, 1, 700),
        item('ram-a', 'c', 1, 50, 1), item('ram-b', 'd', 1, 40, 1)],
      [server('s1'), server('s2')],
    );
    expect(placement.assignment).toEqual(
      { 'disk-a': 's1', 'disk-b': 's2', 'ram-a': 's2', 'ram-b': 's1' });
  });

  it('says which dimension keeps a replica out, and when anti-affinity does', () => {
    const placement = placeReplicas(
      [item('db#1', 'db', 4, 60), item('db#2', 'db', 4, 60), item('huge', 'h', 40)],
      [server('s1')],
    );
    const [huge, second] = placement.unplaced;
    expect(huge).toMatchObject({ id: 'huge', exceedsEmptyServer: ['cores'] });
    expect(huge.reason).toBe('needs more cores than an empty server offers (40 > 16 cores)');
    expect(second).toMatchObject({ id: 'db#2', exceedsEmptyServer: [],
      blocked: { cores: 0, memory: 1, storage: 0, antiAffinity: 1 } });
    expect(second.reason).toBe('no server has room: memory short on 1 of 1 servers; ' +
      'another replica already on 1 of 1');
  });

  it('keeps every server under the soft limit before any goes past it', () => {
    const items = [1, 2, 3, 4].map((k) => item(`x${k}`, `x${k}`, 5));
    const under = placeReplicas(items, [server('s1'), server('s2')], { softLimit: 0.7 });
    expect(under.overLimit).toEqual([]);
    expect(under.servers.map((s) => s.used.cores)).toEqual([10, 10]);
    const over = placeReplicas(items, [server('s1')], { softLimit: 0.7 });
    expect(over.overLimit).toEqual(['x3']);
    expect(over.unplaced.map((u) => u.id)).toEqual(['x4']);
  });
});

describe('countServersNeeded', () => {
  it('reaches the lower bound where first-fit alone strands storage on one server', () => {
    // First fit puts the three disks on one server, leaving 10 GiB that no memory-heavy
    // replica fits in, and needs a third server for them; mixing the kinds takes two.
    const items = [item('disk-a', 'a', 1, 1, 400), item('disk-b', 'b', 1, 1, 300),
      item('disk-c', 'c', 1, 1, 290),
      ...[1, 2, 3, 4, 5].map((k) => item(`ram-${k}`, `r${k}`, 1, 16, 20))];
    const count = countServersNeeded(items, { cores: 16, memoryGiB: 64, storageGiB: 1000 }, 1);
    expect(count).toEqual({ servers: 2, firstFit: 3, lowerBound: 2, unplaceable: [] });
  });

  it('needs at least as many servers as a tier has replicas', () => {
    const items = [1, 2, 3].map((k) => item(`t#${k}`, 't', 1));
    expect(countServersNeeded(items, { cores: 64, memoryGiB: 64, storageGiB: 64 }))
      .toMatchObject({ servers: 3, lowerBound: 3 });
  });

  it('sets apart a replica larger than an empty server under the limit', () => {
    const count = countServersNeeded([item('big', 'b', 12), item('ok', 'o', 2)],
      { cores: 16, memoryGiB: 64, storageGiB: 1000 }, 0.7);
    expect(count.servers).toBe(1);
    expect(count.unplaceable.map((u) => u.id)).toEqual(['big']);
  });

  it('never counts fewer servers than the lower bound nor more than first fit', () => {
    fc.assert(fc.property(arbitraryCase, ({ items, softLimit }) => {
      const count = countServersNeeded(items, { cores: 32, memoryGiB: 128, storageGiB: 2000 },
        softLimit);
      expect(count.servers).toBeGreaterThanOrEqual(count.lowerBound);
      expect(count.servers).toBeLessThanOrEqual(count.firstFit);
    }), { numRuns: 200 });
  });
});
