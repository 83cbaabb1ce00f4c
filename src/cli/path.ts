// `netsim path A B [scenario]`: how one site reaches another.
import { Command } from 'commander';
import { simulate } from '../engine/simulate.ts';
import { InputError, InputErrorCode } from '../model/errors.ts';
import { loadInput } from '../model/read-input.ts';
import { findPath } from '../routing/path.ts';
import { fixed, percent, renderTable } from '../report/table.ts';
import { ExitCode, parseList, printJson, runCommand } from './common.ts';
import { parseYear } from './simulate.ts';

export function pathCommand(): Command {
  return new Command('path')
    .description('the route from one site to another: hops, latency, tightest link')
    .argument('<from>', 'site id')
    .argument('<to>', 'site id')
    .argument('[file]', 'scenario or topology file')
    .option('--year <year>', 'the year', parseYear)
    .option('--fail <ids>', 'links, sites or groups to fail, comma-separated')
    .option('--json', 'print the result as one JSON object')
    .action((from: string, to: string, file: string | undefined, opts: PathOptions) =>
      runCommand(() => {
        const input = loadInput(file, { year: opts.year });
        const unknown = [from, to].filter((id) => !input.network.sites.some((s) => s.id === id));
        if (unknown.length > 0) {
          throw new InputError(InputErrorCode.notFound, input.file, unknown.map((id) => ({
            code: 'unknown_site', path: 'sites', received: id,
            message: `expected a site id, got "${id}"`,
          })));
        }
        const result = simulate(input.network, { fail: [...input.fail, ...parseList(opts.fail)] });
        const path = findPath(input.network, from, to, result.links, result.failed);
        if (opts.json) {
          printJson(path);
        } else if (!path.reachable) {
          process.stdout.write(`${from} cannot reach ${to}.\n`);
        } else {
          process.stdout.write(`${from} -> ${to}: ${path.hops.length} hop(s), latency ` +
            `${path.latencyMs === null ? 'unknown' : `${fixed(path.latencyMs)} ms`}\n`);
          process.stdout.write(`${renderTable(path.hops, [
            { header: 'link', value: (h) => h.link },
            { header: 'from', value: (h) => h.from },
            { header: 'to', value: (h) => h.to },
            { header: 'medium', value: (h) => h.medium },
            { header: 'capacity', value: (h) => fixed(h.capacityMbps, 0), right: true },
            { header: 'load', value: (h) => fixed(h.loadMbps), right: true },
            { header: 'utilisation', value: (h) => percent(h.utilization), right: true },
          ])}\n`);
          const t = path.tightest!;
          process.stdout.write(`Tightest link: ${t.link} at ${percent(t.utilization)} ` +
            `(${fixed(t.capacityMbps - t.loadMbps)} Mbps headroom)\n`);
        }
        return path.reachable ? ExitCode.ok : ExitCode.finding;
      }));
}

interface PathOptions {
  year?: number;
  fail?: string;
  json?: boolean;
}
