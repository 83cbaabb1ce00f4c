// The failure scenarios of 2023 and the shared-risk groups of the Mojokerto topology.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.ts';
import { resolveFailure, sharedRiskGroups } from '../../src/failure/failure-set.ts';
import { loadInput } from '../../src/model/read-input.ts';

const run = (file: string) => {
  const input = loadInput(file);
  return simulate(input.network, { fail: input.fail });
};

describe('the Mojokerto shared-risk groups', () => {
  const network = loadInput('scenarios/plan-2023.yaml').network;

  it('put the fibre to clusters 3 and 4 in one duct', () => {
    expect(resolveFailure(network, ['duct-c3-c4'])).toMatchObject({
      links: ['fo-c3', 'fo-c4'], sites: [],
    });
  });

  it('put the data centre and the Telkom terminal on the Diskominfo power', () => {
    expect(resolveFailure(network, ['diskominfo-power'])).toMatchObject({
      links: ['telkom-uplink'], sites: ['datacenter'],
    });
  });

  it('derive one group of the Telkom uplink and the 18 VPNs that ride it', () => {
    const via = sharedRiskGroups(network).find((g) => g.id === 'via:telkom')!;
    expect(via.origin).toBe('derived');
    expect(via.links).toHaveLength(19);
    expect(via.links[0]).toBe('telkom-uplink');
  });
});

describe('scenarios of failure in 2023', () => {
  it('fo-cut-cluster-2 cuts fo-c2 and cluster 2 falls back on its three backup links', () => {
    const r = run('scenarios/fo-cut-cluster-2.yaml');
    expect(r.failed.links).toEqual(['fo-c2']);
    expect(r.clusters.find((c) => c.id === 'c2')!.uplink.down).toBe(true);
    expect(r.backupsInUse)
      .toEqual(['backup-dispendik', 'backup-dpmptsp', 'backup-dispendukcapil']);
    expect(r.cutOff).toEqual([]);
  });

  it('dc-outage-2023 fails the data centre and its applications go to the DRC', () => {
    const r = run('scenarios/dc-outage-2023.yaml');
    expect(r.failed.sites).toEqual(['datacenter']);
    const wan = r.links.find((l) => l.id === 'wan-drc')!;
    // All application traffic now runs between the offices and the DRC.
    expect(wan.loadMbps.reverse).toBe(r.demand.byClass.apps);
    expect(r.unrouted.every((u) => u.class === 'replication')).toBe(true);
  });

  it('telkom-down-2023 fails the uplink with its VPNs: every Kecamatan is cut off', () => {
    const r = run('scenarios/telkom-down-2023.yaml');
    expect(r.failed.elements).toEqual([{ id: 'via:telkom', kind: 'group' }]);
    expect(r.cutOff.filter((s) => s.startsWith('kec-'))).toHaveLength(18);
    expect(r.backupsInUse).toContain('backup-diskominfo-1');
    expect(r.links.find((l) => l.id === 'telkom-uplink')!.down).toBe(true);
  });
});
