import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanResult } from '../../src/capacity/plan.ts';
import type { ScenarioDiff } from '../../src/engine/compare.ts';
import { netsim } from '../helpers/cli.ts';

describe('netsim plan', () => {
  it('plans 2019-2023 as one JSON object and writes the HTML report beside it', () => {
    const report = join(mkdtempSync(join(tmpdir(), 'netsim-')), 'plan.html');
    const run = netsim('plan', '--json', '--report', report);
    expect(run.status).toBe(0);
    const plan = JSON.parse(run.stdout) as PlanResult;
    expect(plan.kind).toBe('plan');
    expect(plan.years.map((y) => y.year)).toEqual([2019, 2020, 2021, 2022, 2023]);
    expect(plan.years[4].demand.byClass.cctv).toBe(1080);
    expect(existsSync(report)).toBe(true);
    expect(readFileSync(report, 'utf8')).toContain('<svg class="chart"');
  });

  it('refuses a target outside (0, 1] with exit 2', () => {
    expect(netsim('plan', '--target', '1.5').status).toBe(2);
  });
});

describe('netsim diff', () => {
  it('finds no change between a scenario and itself', () => {
    const run = netsim('diff', 'scenarios/plan-2023.yaml', 'scenarios/plan-2023.yaml', '--json');
    expect(run.status).toBe(0);
    const diff = JSON.parse(run.stdout) as ScenarioDiff;
    expect(diff.identical).toBe(true);
    expect(diff.worst.a).toEqual(diff.worst.b);
  });

  it('shows what the 2019 network lacks against the 2023 plan', () => {
    const run = netsim('diff', 'scenarios/baseline-2019.yaml', 'scenarios/plan-2023.yaml',
      '--year', '2021');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Plan 2023 (2021)');
    expect(run.stdout).toMatch(/^lan-cc +added +- +\d+\.\d/m);
    expect(run.stdout).toContain('telkom-uplink 1000 -> 2000');
  });
});
