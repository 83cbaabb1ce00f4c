// `netsim diff a.yaml b.yaml`: what a proposed change does to the network.
import { Command } from 'commander';
import { compareNetworks, type ScenarioDiff } from '../engine/compare.ts';
import { worstSingleFailure } from '../engine/worst-failure.ts';
import { loadInput } from '../model/read-input.ts';
import { fixed, percent, renderTable, rupiah } from '../report/table.ts';
import { printJson, runCommand } from './common.ts';
import { writeReport } from './report-file.ts';
import { parseYear } from './simulate.ts';

export function diffCommand(): Command {
  return new Command('diff')
    .description('compare two scenarios or topologies on the same work')
    .argument('<a>', 'the scenario or topology before')
    .argument('<b>', 'the scenario or topology after')
    .option('--year <year>', 'simulate both in this year', parseYear)
    .option('--json', 'print the comparison as one JSON object')
    .option('--report <file.html>', 'also write a self-contained HTML report')
    .action((fileA: string, fileB: string, opts: DiffOptions) => runCommand(() => {
      const a = loadInput(fileA, { year: opts.year });
      const b = loadInput(fileB, { year: opts.year });
      const diff = compareNetworks(
        { label: a.scenario?.name ?? a.file, network: a.network, fail: a.fail },
        { label: b.scenario?.name ?? b.file, network: b.network, fail: b.fail },
        { worstFailure: worstSingleFailure },
      );
      if (opts.report) {
        writeReport(opts.report, { kind: 'diff', diff });
      }
      if (opts.json) printJson(diff);
      else process.stdout.write(`${diffText(diff)}\n`);
    }));
}

interface DiffOptions {
  year?: number;
  json?: boolean;
  report?: string;
}

function diffText(d: ScenarioDiff): string {
  const out = [`${d.a.label} (${d.a.year}) -> ${d.b.label} (${d.b.year})`];
  if (d.identical) return `${out[0]}\nNo change.`;
  const unserved = (side: ScenarioDiff['a']) => side.unroutedMbps + side.lostMbps;
  out.push(`Demand ${fixed(d.a.demandMbps)} -> ${fixed(d.b.demandMbps)} Mbps; unserved ` +
    `${fixed(unserved(d.a))} -> ${fixed(unserved(d.b))} Mbps; ` +
    `monthly ${rupiah(d.cost.a)} -> ${rupiah(d.cost.b)}`);
  const ids = (list: Array<{ id: string }>) => list.map((s) => s.id).join(', ');
  if (d.offices.lostService.length > 0) {
    out.push(`Offices losing service: ${ids(d.offices.lostService)}`);
  }
  if (d.offices.regainedService.length > 0) {
    out.push(`Offices regaining service: ${ids(d.offices.regainedService)}`);
  }
  out.push('', `Links that changed (${d.links.length}; ${d.linksUnchanged} unchanged), ` +
    'largest change first');
  out.push(renderTable(d.links.slice(0, 20), [
    { header: 'link', value: (l) => l.id },
    { header: 'status', value: (l) => l.status },
    { header: 'load a', value: (l) => fixedOrDash(l.loadMbps.a), right: true },
    { header: 'load b', value: (l) => fixedOrDash(l.loadMbps.b), right: true },
    { header: 'util a', value: (l) => percentOrDash(l.utilization.a), right: true },
    { header: 'util b', value: (l) => percentOrDash(l.utilization.b), right: true },
  ]));
  const resized = d.sizes.filter((s) => s.a !== s.b);
  if (resized.length > 0) {
    const sizes = resized.map((s) => `${s.link} ${s.a ?? '-'} -> ${s.b ?? '-'}`);
    out.push('', `Circuit sizes that differ: ${sizes.join(', ')}`);
  }
  const w = (x: ScenarioDiff['worst']['a']) =>
    (x ? `${x.failure} (${fixed(x.unservedMbps)} Mbps unserved)` : '-');
  out.push(`Worst single failure: ${w(d.worst.a)} -> ${w(d.worst.b)}`);
  return out.join('\n');
}

function fixedOrDash(x: number | null): string {
  return x === null ? '-' : fixed(x);
}

function percentOrDash(u: number | null): string {
  return u === null ? '-' : percent(u);
}
