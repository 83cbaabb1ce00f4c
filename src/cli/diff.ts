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
  out.push(`Demand ${fixed(d.demand.a)} -> ${fixed(d.demand.b)} Mbps; unserved ` +
    `${fixed(d.unrouted.a)} -> ${fixed(d.unrouted.b)} Mbps; ` +
    `monthly ${rupiah(d.cost.a)} -> ${rupiah(d.cost.b)}`);
  if (d.offices.lost.length > 0) out.push(`Offices losing service: ${d.offices.lost.join(', ')}`);
  if (d.offices.gained.length > 0) {
    out.push(`Offices gaining service: ${d.offices.gained.join(', ')}`);
  }
  const moved = d.links.filter((l) => l.status !== 'same').slice(0, 20);
  out.push('', 'Links, largest change first');
  out.push(renderTable(moved, [
    { header: 'link', value: (l) => l.id },
    { header: 'status', value: (l) => l.status },
    { header: 'load a', value: (l) => fixed(l.loadA), right: true },
    { header: 'load b', value: (l) => fixed(l.loadB), right: true },
    { header: 'util a', value: (l) => percentOrDash(l.utilizationA), right: true },
    { header: 'util b', value: (l) => percentOrDash(l.utilizationB), right: true },
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

function percentOrDash(u: number | null): string {
  return u === null ? '-' : percent(u);
}
