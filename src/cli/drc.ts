// `netsim drc [scenario]`: the data centre fails and the DRC takes over: its link,
// which applications its servers hold, recovery time and data loss by class.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { Command } from 'commander';
import type { DrcResult } from '../drc/analyse-drc.ts';
import { analyseDrcInput } from '../drc/analyse-input.ts';
import { InputError, InputErrorCode } from '../model/errors.ts';
import { PROJECT_ROOT, loadInput } from '../model/read-input.ts';
import { fixed, percent, renderTable } from '../report/table.ts';
import { parseCatalogue } from '../servers/load-catalogue.ts';
import type { Catalogue } from '../servers/catalogue-schema.ts';
import { ExitCode, parseList, printJson, runCommand } from './common.ts';
import { parseYear } from './simulate.ts';

/** The `drc` subcommand. */
export function drcCommand(): Command {
  return new Command('drc')
    .description('the data centre fails: can the DRC carry its traffic and applications?')
    .argument('[file]', 'scenario or topology file (default: the Mojokerto plan 2023)')
    .option('--year <year>', 'the year', parseYear)
    .option('--catalogue <file>', 'application catalogue (default: the one the topology names)')
    .option('--no-catalogue', 'leave applications out: network and recovery times only')
    .option('--fail <ids>', 'more failures in force during the outage')
    .option('--json', 'print the result as one JSON object')
    .action((file: string | undefined, opts: DrcCliOptions) => runCommand(() => {
      const input = loadInput(file ?? resolve(PROJECT_ROOT, 'scenarios', 'plan-2023.yaml'),
        { year: opts.year });
      const catalogue = opts.catalogue === undefined && input.catalogue
        ? { file: input.topology.applications!.catalogue, data: input.catalogue }
        : readCatalogue(opts.catalogue);
      const result = analyseDrcInput({
        network: input.network,
        year: input.year,
        fail: [...input.fail, ...parseList(opts.fail)],
        scenario: input.scenario ? { name: input.scenario.name, file: input.file } : null,
        catalogue,
      });
      if (opts.json) printJson(result);
      else process.stdout.write(`${drcText(result)}\n`);
      return ExitCode.ok;
    }));
}

interface DrcCliOptions {
  year?: number;
  /** A path, or false for `--no-catalogue`; undefined means the default. */
  catalogue?: string | false;
  fail?: string;
  json?: boolean;
}

/** The DRC analysis for the terminal. */
export function drcText(r: DrcResult): string {
  const out: string[] = [];
  const scenario = r.scenario ? `, scenario "${r.scenario.name}" (${r.scenario.file})` : '';
  out.push(`${r.network.name}, ${r.network.year}${scenario}`);
  if (!r.drc || !r.replication || !r.outage) {
    out.push(`No DRC analysis: ${r.notice}.`);
    return out.join('\n');
  }
  const d = r.drc;
  out.push(`DRC ${d.site} (${d.name}) stands in for ${d.standsInFor} since ${d.from}, ` +
    `over ${d.link}; takes over class(es) ${d.classes.join(', ')}`);
  out.push(`Rented: ${d.servers} servers x ${d.coresPerServer} cores, ` +
    `${d.memoryGiBPerServer} GiB; usable after ${percent(d.overhead)} overhead: ` +
    `${fixed(d.capacity.cores, 0)} cores, ${fixed(d.capacity.memoryGiB, 0)} GiB`);

  const rep = r.replication;
  out.push('', `Normal operation: replication of ${fixed(rep.changeGiBPerDay, 0)} GiB/day over ` +
    `${rep.windowHours} h = ${fixed(rep.mbps)} Mbps; ${rep.link.id} at ` +
    `${percent(rep.link.utilization)} of ${fixed(rep.link.capacityMbps, 0)} Mbps: ` +
    (rep.carried ? 'carried' : 'NOT carried'));

  const o = r.outage;
  const also = o.failed.elements.filter((e) => !(e.kind === 'site' && e.id === d.standsInFor));
  out.push(`Outage of ${d.standsInFor}` +
    (also.length > 0 ? ` (with ${also.map((e) => e.id).join(', ')})` : '') +
    `: ${o.failover.join(', ') || 'no failover'}; ` +
    `${fixed(o.failedOverMbps.towardsOffices)} Mbps to the offices, ` +
    `${fixed(o.failedOverMbps.towardsDrc)} Mbps back`);
  out.push(`  ${o.link.id} at ${percent(o.link.utilization)} of ` +
    `${fixed(o.link.capacityMbps, 0)} Mbps: ${o.carried ? 'carried' : 'NOT carried'}` +
    (o.failedOverUnroutedMbps > 0 ? `; ${fixed(o.failedOverUnroutedMbps)} Mbps unrouted` : ''));
  out.push(`  unserved ${fixed(o.unroutedMbps + o.lostMbps)} Mbps; ` +
    `overloaded: ${o.overloaded.join(', ') || 'none'}`);

  const apps = r.applications;
  if (apps) {
    out.push('', `Applications (${apps.source}): ${apps.admitted.length} of ` +
      `${apps.considered} restored at the DRC, using ${fixed(apps.used.cores, 0)} of ` +
      `${fixed(apps.capacity.cores, 0)} cores and ${fixed(apps.used.memoryGiB, 0)} of ` +
      `${fixed(apps.capacity.memoryGiB, 0)} GiB`);
    out.push(renderTable(apps.admitted.slice(0, 10), [
      { header: 'order', value: (a) => a.order, right: true },
      { header: 'application', value: (a) => a.id },
      { header: 'owner', value: (a) => a.owner },
      { header: 'priority', value: (a) => a.priority, right: true },
      { header: 'cores', value: (a) => a.cores, right: true },
      { header: 'GiB', value: (a) => a.memoryGiB, right: true },
      { header: 'back in (min)', value: (a) => a.recoveryMinutes ?? '-', right: true },
    ]));
    if (apps.admitted.length > 10) out.push(`... and ${apps.admitted.length - 10} more`);
    if (apps.leftOut.length > 0) {
      out.push('', `Left out, in the order they were refused (${apps.leftOut.length}):`);
      out.push(renderTable(apps.leftOut, [
        { header: 'order', value: (a) => a.order, right: true },
        { header: 'application', value: (a) => a.id },
        { header: 'owner', value: (a) => a.owner },
        { header: 'priority', value: (a) => a.priority, right: true },
        { header: 'cores', value: (a) => a.cores, right: true },
        { header: 'GiB', value: (a) => a.memoryGiB, right: true },
        { header: 'short of', value: (a) => a.short.join(' and ') },
      ]));
    }
  }

  out.push('', 'Recovery by class');
  out.push(renderTable(r.recovery, [
    { header: 'class', value: (c) => c.id },
    { header: 'priorities', value: (c) => `${c.minPriority}-${c.maxPriority}` },
    { header: 'restored', value: (c) => c.applications ?? '-', right: true },
    { header: 'left out', value: (c) => c.leftOut ?? '-', right: true },
    { header: 'detection', value: (c) => c.detectionMinutes, right: true },
    { header: 'restart', value: (c) => c.restartMinutes, right: true },
    { header: 'recovery (min)', value: (c) => c.recoveryMinutes, right: true },
    { header: 'data loss (min)', value: (c) => c.dataLossMinutes, right: true },
  ]));
  if (r.warnings.length > 0) {
    out.push('', ...r.warnings.map((w) => `Warning: ${w}`));
  }
  return out.join('\n');
}

/** The catalogue named by `--catalogue`; null for `--no-catalogue` or none. */
function readCatalogue(
  path: string | false | undefined,
): { file: string; data: Catalogue } | null {
  if (path === false || path === undefined) return null;
  const file = relative(process.cwd(), resolve(path));
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError(InputErrorCode.unreadable, file, [{
      code: 'unreadable', path: '', message: `cannot read the file: ${(err as Error).message}`,
    }]);
  }
  return { file, data: parseCatalogue(text, file) };
}

