import { describe, expect, it } from 'vitest';
import { compareNetworks } from '../../src/engine/compare.ts';
import { worstSingleFailure } from '../../src/engine/worst-failure.ts';
import { applyChanges } from '../../src/model/apply-changes.ts';
import { applicationDemand, loadInput } from '../../src/model/read-input.ts';
import { resolveNetwork } from '../../src/model/network.ts';

const input = loadInput('scenarios/plan-2023.yaml');

describe('compareNetworks', () => {
  it('reports no change when a scenario is compared with itself', () => {
    const d = compareNetworks({ label: 'a', network: input.network },
      { label: 'b', network: input.network }, { worstFailure: worstSingleFailure });
    expect(d.identical).toBe(true);
    expect(d.links).toEqual([]);
    expect(d.linksUnchanged).toBe(input.network.links.length);
    expect(d.offices).toEqual({ lostService: [], regainedService: [] });
  });

  it('shows a removed link as its traffic moving elsewhere', () => {
    // Cluster 3 is rehomed behind cluster 4: fo-c3's traffic moves onto c3-c4 and fo-c4.
    const changed = applyChanges(input.topology, [
      { path: 'changes[0]', change: { op: 'remove-link', id: 'fo-c3' } },
      { path: 'changes[1]', change: { op: 'add-link', link: {
        id: 'c3-c4', a: 'c3-hub', b: 'c4-hub', medium: 'fibre', capacityMbps: 1000,
      } } },
      { path: 'changes[2]', change: { op: 'set-cluster', id: 'c3', uplink: 'c3-c4' } },
    ], 'inline');
    const d = compareNetworks({ label: 'before', network: input.network },
      { label: 'after', network: resolveNetwork(changed, {
        year: 2023, addedDemand: applicationDemand(changed, input.catalogue, 2023),
      }) });
    const link = (id: string) => d.links.find((l) => l.id === id)!;
    expect(d.identical).toBe(false);
    const moved = link('fo-c3').loadMbps.a!;
    expect(moved).toBeGreaterThan(77.2); // the cluster's 77.2 Mbps and its new applications
    expect(link('fo-c3')).toMatchObject({ status: 'removed', loadMbps: { b: null } });
    expect(link('c3-c4')).toMatchObject({ status: 'added', loadMbps: { a: null, b: moved } });
    expect(link('fo-c4').loadMbps.delta).toBeCloseTo(moved, 6);
    expect(d.links.map((l) => l.id).sort()).toEqual(['c3-c4', 'fo-c3', 'fo-c4']);
    expect(d.unroutedMbps).toEqual({ a: 0, b: 0, delta: 0 });
  });
});
