// Fitting applications into the DRC: failover order, ties, and what is left out.
import { describe, expect, it } from 'vitest';
import { fitApplications, type DrcApp } from '../../src/drc/fit-applications.ts';

const app = (id: string, owner: string, priority: number, cores: number, memoryGiB: number):
  DrcApp => ({ id, owner, priority, cores, memoryGiB });

describe('fitApplications', () => {
  it('takes applications by priority and leaves out, in order, those that do not fit', () => {
    const r = fitApplications([
      app('hr', 'bkpp', 2, 6, 16),
      app('emr', 'rsud', 1, 8, 24),
      app('portal', 'kominfo', 1, 4, 8),
      app('archive', 'arsip', 3, 4, 30),
      app('wiki', 'kominfo', 3, 2, 4),
    ], { cores: 16, memoryGiB: 64 });

    // Priority 1 in the order given, then hr (6 cores, 4 free: left out), then archive
    // (4 cores, 30 GiB: fits exactly), then wiki with nothing left.
    expect(r.admitted.map((a) => [a.order, a.id]))
      .toEqual([[1, 'emr'], [2, 'portal'], [3, 'archive']]);
    expect(r.leftOut.map((a) => [a.order, a.id, a.short, a.freeCores, a.freeMemoryGiB])).toEqual([
      [1, 'hr', ['cores'], 4, 32],
      [2, 'wiki', ['cores', 'memory'], 0, 2],
    ]);
    expect(r.used).toEqual({ cores: 16, memoryGiB: 62 });
  });

  it('puts the named offices first among applications of equal priority', () => {
    const apps = [app('portal', 'kominfo', 1, 4, 8), app('emr', 'rsud', 1, 4, 8),
      app('lab', 'rsud', 1, 4, 8)];
    const r = fitApplications(apps, { cores: 8, memoryGiB: 64 }, ['rsud']);
    expect(r.admitted.map((a) => a.id)).toEqual(['emr', 'lab']);
    expect(r.leftOut.map((a) => a.id)).toEqual(['portal']);
    // Without the tie-break the order given decides.
    expect(fitApplications(apps, { cores: 8, memoryGiB: 64 }).admitted.map((a) => a.id))
      .toEqual(['portal', 'emr']);
  });

  it('admits memory that adds up to the capacity despite binary fractions', () => {
    const apps = [0.1, 0.2, 0.7].map((gib, i) => app(`a${i}`, 'x', 1, 1, gib));
    expect(fitApplications(apps, { cores: 3, memoryGiB: 1 }).leftOut).toEqual([]);
  });
});
