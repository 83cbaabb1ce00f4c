// `netsim plan [scenario]`: circuit sizes, costs and their reasons, year by year.
import { Command, InvalidArgumentError } from 'commander';
import { planScenario } from '../capacity/plan.ts';
import { resolve } from 'node:path';
import { applicationDemand, loadInput, PROJECT_ROOT } from '../model/read-input.ts';
import { planText } from '../report/plan-text.ts';
import { ExitCode, printJson, runCommand } from './common.ts';
import { writeReport } from './report-file.ts';

export function planCommand(): Command {
  return new Command('plan')
    .description('size every ISP, cluster and backbone link for each year, with costs')
    .argument('[file]', 'scenario or topology file (default: the Mojokerto plan 2023)')
    .option('--target <fraction>', 'highest utilisation in normal operation', parseFraction, 0.7)
    .option('--failure-target <fraction>', 'highest utilisation under the worst single failure',
      parseFraction, 0.9)
    .option('--growth <class=rate,...>',
      'yearly demand growth per traffic class, e.g. internet=0.2',
      parseGrowth)
    .option('--json', 'print the plan as one JSON object')
    .option('--report <file.html>', 'also write a self-contained HTML report')
    .action((file: string | undefined, opts: PlanOptions) => runCommand(() => {
      const input = loadInput(file ?? resolve(PROJECT_ROOT, 'scenarios', 'plan-2023.yaml'));
      const plan = planScenario(input.baseTopology, input.scenario, {
        targets: { normal: opts.target, failure: opts.failureTarget },
        growth: opts.growth,
        file: input.file,
        addedDemand: (topology, year) => applicationDemand(topology, input.catalogue, year),
      });
      if (opts.report) {
        writeReport(opts.report, { kind: 'plan', plan });
      }
      if (opts.json) printJson(plan);
      else process.stdout.write(`${planText(plan)}\n`);
      return ExitCode.ok;
    }));
}

interface PlanOptions {
  target: number;
  failureTarget: number;
  growth?: Record<string, number>;
  json?: boolean;
  report?: string;
}

function parseFraction(value: string): number {
  const x = Number(value);
  if (!(x > 0 && x <= 1)) {
    throw new InvalidArgumentError(`expected a fraction in (0, 1], got "${value}"`);
  }
  return x;
}

function parseGrowth(value: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of value.split(',')) {
    const [cls, rate] = part.split('=');
    const x = Number(rate);
    if (!cls || rate === undefined || !Number.isFinite(x) || x <= -1) {
      throw new InvalidArgumentError(`expected class=rate pairs like internet=0.2, got "${part}"`);
    }
    out[cls.trim()] = x;
  }
  return out;
}
