// `netsim drc` as a user runs it: the 2023 data-centre outage, and a year without a DRC.
import { describe, expect, it } from 'vitest';
import type { DrcResult } from '../../src/drc/analyse-drc.ts';
import { netsim } from '../helpers/cli.ts';

describe('netsim drc', () => {
  it('reports the DRC link, the applications restored and those left out, as JSON', () => {
    const run = netsim('drc', 'scenarios/dc-outage-2023.yaml', '--json');
    expect(run.status).toBe(0);
    const r = JSON.parse(run.stdout) as DrcResult;
    expect(r.drc).toMatchObject({ site: 'drc', standsInFor: 'datacenter', from: 2021 });
    expect(r.outage!.failed.elements).toEqual([{ id: 'datacenter', kind: 'site' }]);
    expect(r.outage!.link).toMatchObject({ id: 'wan-drc', overloaded: true });
    expect(r.applications!.admitted[0].owner).toBe('rsud-soekandar');
    expect(r.applications!.admitted.length + r.applications!.leftOut.length).toBe(102);
    expect(r.recovery.map((c) => c.id)).toEqual(['critical', 'essential', 'public', 'deferred']);
  });

  it('prints the applications left out in order, and recovery by class', () => {
    const run = netsim('drc', 'scenarios/dc-outage-2023.yaml');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Left out, in the order they were refused');
    expect(run.stdout).toMatch(/^critical +1-1 +5 +0 +15 +15 +30 +5$/m);
  });

  it('says there is no DRC to analyse in 2019', () => {
    const run = netsim('drc', 'scenarios/baseline-2019.yaml');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('No DRC analysis: no DRC in this network in 2019');
  });
});
