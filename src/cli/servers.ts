// `netsim servers [file]`: server load of the application tiers, year by year.
import { Command } from 'commander';
import { InputError, InputErrorCode } from '../model/errors.ts';
import { loadCatalogue } from '../model/read-input.ts';
import { fixed, percent, renderTable } from '../report/table.ts';
import { analyseServers, type ServersResult, type YearLoad } from '../servers/analyse.ts';
import { printJson, runCommand } from './common.ts';
import { parseYear } from './simulate.ts';

// Warnings listed per year before the rest are only counted.
const WARNINGS_SHOWN = 10;

/** The `servers` command: placement, utilisation and response times per year. */
export function serversCommand(): Command {
  return new Command('servers')
    .description('server load of the application tiers, year by year: placement, ' +
      'utilisation, M/M/c response times, when the planned servers run out')
    .argument('[file]', 'an application catalogue, or a scenario or topology that names one ' +
      '(default: the Mojokerto catalogue)')
    .option('--year <year>', 'report one year only', parseYear)
    .option('--json', 'print the result as one JSON object')
    .action((file: string | undefined, opts: ServersOptions) => runCommand(() => {
      const { catalogue, file: name } = loadCatalogue(file);
      const { first, last } = catalogue.years;
      if (opts.year !== undefined && (opts.year < first || opts.year > last)) {
        throw new InputError(InputErrorCode.notFound, name, [{
          code: 'unknown_year', path: '--year', received: String(opts.year),
          message: `expected a year from ${first} to ${last}, got ${opts.year}`,
        }]);
      }
      const result = analyseServers(catalogue, { year: opts.year });
      if (opts.json) printJson(result);
      else process.stdout.write(`${serversText(result)}\n`);
    }));
}

interface ServersOptions {
  year?: number;
  json?: boolean;
}


/** The result as text: a summary table by year, then each year's servers and warnings. */
export function serversText(result: ServersResult): string {
  const s = result.server;
  const lines = [
    `Server load: ${result.catalogue}`,
    `Server: ${s.name}: ${s.cores} logical cores, ${s.memoryGiB} GiB, ${s.storageGiB} GiB; ` +
      `usable after ${percent(s.overhead)} overhead: ${fixed(s.usable.cores)} cores, ` +
      `${fixed(s.usable.memoryGiB)} GiB, ${fixed(s.usable.storageGiB, 0)} GiB`,
    `Target utilisation ${percent(result.targetUtilisation)}, warning above ` +
      `${percent(result.warnUtilisation)}.`,
    planLine(result),
    'cores, memory, storage: what the live replicas ask of the year\'s primary fleet; ' +
      'needed: servers to keep each under the target.',
    '',
    renderTable(result.years, [
      { header: 'year', value: (y) => String(y.year) },
      { header: 'tiers new', value: (y) => y.tiersNew },
      { header: 'tiers live', value: (y) => y.tiersLive },
      { header: 'replicas', value: (y) => y.replicasLive },
      { header: 'servers', value: (y) => y.fleet.primary },
      { header: 'needed', value: (y) => (y.serversNeeded === null ? 'none fit' : y.serversNeeded),
        right: true },
      { header: 'cores', value: (y) => percent(y.utilisation.cores), right: true },
      { header: 'memory', value: (y) => percent(y.utilisation.memory), right: true },
      { header: 'storage', value: (y) => percent(y.utilisation.storage), right: true },
      { header: 'unplaced', value: (y) => y.unplaced.length },
      { header: 'worst response', value: worstText },
    ]),
  ];
  for (const c of result.planCheck.filter((c) => c.plan !== c.catalogue)) {
    lines.push(`! the plan gives ${c.figure} = ${c.plan}, the catalogue ${c.catalogue}`);
  }

  for (const y of result.years) {
    lines.push('', `== ${y.year}: ${y.tiersLive} tiers live on ${y.fleet.primary} server(s) ==`);
    if (y.servers.length > 0) {
      lines.push(renderTable(y.servers, [
        { header: 'server', value: (v) => v.id },
        { header: 'site', value: (v) => v.site },
        { header: 'cores', value: (v) => percent(v.utilisation.cores), right: true },
        { header: 'memory', value: (v) => percent(v.utilisation.memory), right: true },
        { header: 'storage', value: (v) => percent(v.utilisation.storage), right: true },
        { header: 'replicas', value: (v) => v.replicas.length },
      ]));
    }
    if (y.unplaced.length > 0) {
      lines.push(`${y.unplaced.length} replica(s) do not fit, e.g. ` +
        `${y.unplaced.slice(0, 3).map((u) => `${u.id} (${u.reason})`).join('; ')}`);
    }
    for (const w of y.warnings.slice(0, WARNINGS_SHOWN)) lines.push(`warning: ${w.message}`);
    if (y.warnings.length > WARNINGS_SHOWN) {
      lines.push(`... and ${y.warnings.length - WARNINGS_SHOWN} more warning(s)`);
    }
  }
  return lines.join('\n');
}

function planLine(result: ServersResult): string {
  if (result.planServers === null) return 'The catalogue gives no planned server count.';
  const runsOut = result.planRunsOutYear === null
    ? 'they are enough in every year'
    : `they run out in ${result.planRunsOutYear}`;
  const short = result.fleetShortYear === null ? ''
    : ` (the fleet in place is short from ${result.fleetShortYear})`;
  return `Plan: ${result.planServers} servers; ${runsOut}${short}.`;
}

function worstText(y: YearLoad): string {
  if (!y.worstResponse) return '-';
  const ms = y.worstResponse.meanResponseMs;
  return `${y.worstResponse.tier} ${ms === null ? 'unstable' : `${fixed(ms, 0)} ms`}`;
}
