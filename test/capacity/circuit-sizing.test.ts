import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseSize } from '../../src/capacity/circuit-sizing.ts';
import type { CircuitOffer } from '../../src/model/topology-schema.ts';

const offer: CircuitOffer = {
  medium: 'telkom-fo',
  sizes: [100, 200, 500, 1000].map((mbps) => ({ mbps, monthlyIdr: mbps * 1000, installIdr: 5 })),
};

describe('chooseSize', () => {
  it('picks the smallest size that keeps normal load under 70%', () => {
    // 130 / 0.7 = 185.7 Mbps needed: 200 is the smallest on offer.
    const c = chooseSize(offer, 130, 130);
    expect(c.mbps).toBe(200);
    expect(c.setBy).toBe('normal');
    expect(c.monthlyIdr).toBe(200_000);
  });

  it('lets the worst single failure set the size when it needs more', () => {
    // Normal 100 needs 142.9; a failure load of 300 needs 333.3: 500 is picked.
    const c = chooseSize(offer, 100, 300);
    expect(c.mbps).toBe(500);
    expect(c.setBy).toBe('failure');
  });

  it('keeps a load of exactly 70% of a size inside that size', () => {
    expect(chooseSize(offer, 140, 0).mbps).toBe(200);
  });

  it('returns the largest size, marked insufficient, when nothing is big enough', () => {
    const c = chooseSize(offer, 900, 900);
    expect(c).toMatchObject({ mbps: 1000, sufficient: false });
  });

  it('never picks a larger circuit when a target is raised', () => {
    fc.assert(fc.property(
      fc.double({ min: 0, max: 1200, noNaN: true }), fc.double({ min: 0, max: 1200, noNaN: true }),
      fc.double({ min: 0.3, max: 1, noNaN: true }), fc.double({ min: 0.3, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 0.5, noNaN: true }),
      (normal, failure, tn, tf, raise) => {
        const before = chooseSize(offer, normal, failure, { normal: tn, failure: tf });
        const after = chooseSize(offer, normal, failure, {
          normal: Math.min(1, tn + raise), failure: Math.min(1, tf + raise),
        });
        expect(after.mbps).toBeLessThanOrEqual(before.mbps);
      }));
  });

  it('always meets both targets with the size it picks, when one is big enough', () => {
    fc.assert(fc.property(
      fc.double({ min: 0, max: 700, noNaN: true }), fc.double({ min: 0, max: 900, noNaN: true }),
      (normal, failure) => {
        const c = chooseSize(offer, normal, failure);
        expect(c.sufficient).toBe(true);
        expect(normal / c.mbps).toBeLessThanOrEqual(0.7 + 1e-9);
        expect(failure / c.mbps).toBeLessThanOrEqual(0.9 + 1e-9);
        const smaller = offer.sizes.filter((s) => s.mbps < c.mbps);
        for (const s of smaller) {
          expect(normal / s.mbps > 0.7 + 1e-12 || failure / s.mbps > 0.9 + 1e-12).toBe(true);
        }
      }));
  });
});
