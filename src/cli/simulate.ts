// `netsim simulate [scenario-or-topology]`: the network at peak hour.
import { Command, InvalidArgumentError, Option } from 'commander';
import { simulateInput } from '../engine/simulate.ts';
import { loadInput } from '../model/read-input.ts';
import { simulationText } from '../report/simulation-text.ts';
import { saveCliRun } from '../store/save-cli-run.ts';
import { ExitCode, parseList, printJson, runCommand } from './common.ts';
import { writeReport } from './report-file.ts';

export function simulateCommand(): Command {
  return new Command('simulate')
    .description('simulate a scenario or topology at peak hour (default: the Mojokerto baseline)')
    .argument('[file]', 'scenario or topology file')
    .option('--year <year>', 'the year to simulate', parseYear)
    .option('--fail <ids>', 'links, sites or shared-risk groups to fail, comma-separated')
    .option('--json', 'print the result as one JSON object')
    .option('--top <n>', 'how many of the most utilised links to list', (v) => Number(v), 10)
    .addOption(new Option('--fail-on-overload', 'exit 1 when a link is overloaded'))
    .option('--report <file.html>', 'also write a self-contained HTML report')
    .option('--save', 'store the result in the run history (data/netsim.sqlite, or NETSIM_DB)')
    .action((file: string | undefined, opts: SimulateOptions) => runCommand(() => {
      const input = loadInput(file, { year: opts.year });
      const result = simulateInput(input, parseList(opts.fail));
      if (opts.save) {
        const saved = saveCliRun(result, { file, year: opts.year, fail: parseList(opts.fail) });
        process.stderr.write(`saved as run ${saved.id} in ${saved.file}\n`);
      }
      if (opts.report) writeReport(opts.report, { kind: 'simulation', result });
      if (opts.json) printJson(result);
      else process.stdout.write(`${simulationText(result, { topLinks: opts.top })}\n`);
      return opts.failOnOverload && result.overloaded.length > 0 ? ExitCode.finding : ExitCode.ok;
    }));
}

interface SimulateOptions {
  year?: number;
  fail?: string;
  json?: boolean;
  top: number;
  failOnOverload?: boolean;
  save?: boolean;
  report?: string;
}

/** Parses `--year`, refusing anything but a whole year. */
export function parseYear(value: string): number {
  const year = Number(value);
  if (!Number.isInteger(year) || year < 1990 || year > 2100) {
    throw new InvalidArgumentError(`expected a year between 1990 and 2100, got "${value}"`);
  }
  return year;
}
