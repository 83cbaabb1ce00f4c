// `netsim sweep` as a user runs it: its rows against `netsim simulate --fail`.
import { describe, expect, it } from 'vitest';
import type { SimulationResult } from '../../src/engine/result.ts';
import { caseFromResult } from '../../src/failure/case-figures.ts';
import type { SweepResult } from '../../src/failure/sweep.ts';
import { netsim } from '../helpers/cli.ts';

describe('netsim sweep', () => {
  const run = netsim('sweep', 'scenarios/plan-2023.yaml', '--depth', '1', '--json');
  const sweep = JSON.parse(run.stdout) as SweepResult;

  it('prints one JSON object, a row for each of the 162 elements, nothing on stderr', () => {
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(sweep.kind).toBe('sweep');
    expect(sweep.counts).toEqual({ elements: 162, combinations: 162, cases: 162, duplicates: 0 });
  });

  it('gives the figures of simulate --fail for a link, a site and a group', () => {
    for (const ref of ['link:fo-c4', 'site:datacenter', 'group:duct-c3-c4']) {
      const sim = netsim('simulate', 'scenarios/plan-2023.yaml', '--fail', ref, '--json');
      const expected = caseFromResult(JSON.parse(sim.stdout) as SimulationResult);
      const { index: _i, fail, duplicates: _d, failover: _o, ...row } =
        sweep.cases.find((c) => c.fail[0] === ref)!;
      expect({ fail, ...row }).toEqual({ fail, ...expected });
    }
  });

  it('sweeps pairs of groups only, and ranks the worst in the text', () => {
    const text = netsim('sweep', 'scenarios/plan-2023.yaml', '--elements', 'groups',
      '--depth', '2', '--top', '3');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(
      'Sweep of depth 2 over groups: 4 elements, 6 pairs, 6 cases');
    expect(text.stdout).toContain('Worst cases (3 of 6): most unserved, then busiest link');
    expect(text.stdout).toMatch(/^Backup links carry traffic in \d+ of 6 cases\.$/m);
  });

  it('exits 2 on a depth or an element kind it does not know', () => {
    expect(netsim('sweep', '--depth', '3').status).toBe(2);
    const bad = netsim('sweep', '--elements', 'cables');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('expected links, sites and/or groups');
  });
});
