// `netsim sweep [scenario]`: every single or double failure, ranked, with each link's
// worst case. Progress goes to stderr in a terminal once a run passes a second.
import { Command, InvalidArgumentError } from 'commander';
import { prepareWithDrc } from '../drc/failover.ts';
import { runSweepParallel } from '../failure/parallel-sweep.ts';
import type { ElementKind } from '../failure/sweep-elements.ts';
import type { SweepCase, SweepResult } from '../failure/sweep.ts';
import { loadInput } from '../model/read-input.ts';
import { fixed, percent, renderTable } from '../report/table.ts';
import { ExitCode, parseList, printJson, runCommand } from './common.ts';
import { parseYear } from './simulate.ts';

/** Progress appears only once a run has taken this long. */
const PROGRESS_AFTER_MS = 1000;

/** How many links the text lists unless `--all`. */
const TOP_LINKS = 20;

/** The `sweep` subcommand. */
export function sweepCommand(): Command {
  return new Command('sweep')
    .description('fail every element, or every pair, and rank what breaks')
    .argument('[file]', 'scenario or topology file')
    .option('--elements <kinds>', 'what to fail: links, sites, groups (comma-separated)',
      parseKinds, ['link', 'site', 'group'] as ElementKind[])
    .option('--depth <n>', '1: every single failure; 2: every pair', parseDepth, 1 as const)
    .option('--year <year>', 'the year', parseYear)
    .option('--fail <ids>', 'failures in force in every case, on top of the scenario\'s')
    .option('--top <n>', 'how many of the worst cases to rank', parseCount, 10)
    .option('--workers <n>', 'worker threads (default: by the size of the sweep)', parseCount)
    .option('--all', 'list every case (depth 1) and every link in the text')
    .option('--json', 'print the sweep as one JSON object')
    .action((file: string | undefined, opts: SweepCliOptions) => runCommand(async () => {
      const input = loadInput(file, { year: opts.year });
      const prepared = prepareWithDrc(input.network);
      const progress = progressReporter();
      const result = await runSweepParallel(prepared, {
        depth: opts.depth,
        kinds: opts.elements,
        baseFail: [...input.fail, ...parseList(opts.fail)],
        top: opts.top,
        workers: opts.workers,
        scenario: input.scenario ? { name: input.scenario.name, file: input.file } : null,
        onProgress: progress.update,
      });
      progress.finish();
      if (opts.json) printJson(result);
      else process.stdout.write(`${sweepText(result, opts.all ?? false)}\n`);
      return ExitCode.ok;
    }));
}

interface SweepCliOptions {
  elements: ElementKind[];
  depth: 1 | 2;
  year?: number;
  fail?: string;
  top: number;
  workers?: number;
  all?: boolean;
  json?: boolean;
}

/** The sweep for the terminal: counts, baseline, worst cases, links at their worst. */
export function sweepText(r: SweepResult, all: boolean): string {
  const out: string[] = [];
  const scenario = r.scenario ? `, scenario "${r.scenario.name}" (${r.scenario.file})` : '';
  out.push(`${r.network.name}, ${r.network.year}${scenario}`);
  const pairs = r.depth === 2 ? `, ${r.counts.combinations} pairs` : '';
  out.push(`Sweep of depth ${r.depth} over ${r.kinds.map((k) => `${k}s`).join(', ')}: ` +
    `${r.counts.elements} elements${pairs}, ${r.counts.cases} cases` +
    (r.counts.duplicates > 0 ? ` (${r.counts.duplicates} pairs repeat another's failure)` : ''));
  if (r.baseFail.length > 0) out.push(`Failed in every case: ${r.baseFail.join(', ')}`);
  const b = r.baseline;
  out.push(`Baseline: unserved ${fixed(b.unservedMbps)} Mbps, busiest link ` +
    `${b.maxLink ? `${b.maxLink.id} at ${percent(b.maxLink.utilization)}` : 'none'}, ` +
    `${b.overloaded.length} overloaded`);

  const listed = all && r.depth === 1 ? r.cases : r.worst;
  out.push('', all && r.depth === 1
    ? `Every case (${r.cases.length})`
    : `Worst cases (${r.worst.length} of ${r.cases.length}): most unserved, then busiest link`);
  out.push(renderTable(listed, caseColumns));

  const ranked = [...r.links].sort((p, q) => q.worstUtilization - p.worstUtilization ||
    p.id.localeCompare(q.id));
  const shown = all ? ranked : ranked.slice(0, TOP_LINKS);
  out.push('', `Links at their worst (${shown.length} of ${r.links.length}` +
    (all ? ')' : '; --all for every link)'));
  out.push(renderTable(shown, [
    { header: 'link', value: (l) => l.id },
    { header: 'capacity', value: (l) => fixed(l.capacityMbps, 0), right: true },
    { header: 'base', value: (l) => percent(l.baseUtilization), right: true },
    { header: 'worst', value: (l) => percent(l.worstUtilization), right: true },
    { header: 'overloaded in', value: (l) => l.overloadedIn, right: true },
    { header: 'worst failure', value: (l) => (l.worstFail ? l.worstFail.join(' + ') : '-') },
  ]));

  const withBackups = r.cases.filter((c) => c.backupsInUse.length > 0).length;
  const withFailover = r.cases.filter((c) => c.failover.length > 0).length;
  out.push('');
  out.push(`Backup links carry traffic in ${withBackups} of ${r.cases.length} cases.`);
  if (withFailover > 0) {
    out.push(`The DRC takes over in ${withFailover} cases (the data centre is down).`);
  }
  return out.join('\n');
}

const caseColumns = [
  { header: '#', value: (c: SweepCase) => c.index + 1, right: true },
  { header: 'fail', value: (c: SweepCase) => c.fail.join(' + ') },
  { header: 'unserved Mbps', value: (c: SweepCase) => fixed(c.unservedMbps), right: true },
  { header: 'cut off', value: (c: SweepCase) => c.cutOff.length, right: true },
  { header: 'busiest link', value: (c: SweepCase) => c.maxLink?.id ?? '-' },
  {
    header: 'utilisation',
    value: (c: SweepCase) => (c.maxLink ? percent(c.maxLink.utilization) : '-'),
    right: true,
  },
  { header: 'overloaded', value: (c: SweepCase) => c.overloaded.length, right: true },
  { header: 'backups in use', value: (c: SweepCase) => shortList(c.backupsInUse) },
  { header: 'failover', value: (c: SweepCase) => c.failover.join(', ') || '-' },
];

/** A list short enough for a table cell: the names, or how many when they are long. */
function shortList(ids: readonly string[]): string {
  if (ids.length === 0) return '-';
  const names = ids.join(', ');
  return names.length <= 40 ? names : `${ids.length} links`;
}

/**
 * Progress on stderr, only in a terminal and only once the run passes a second, so
 * that short runs and piped output stay clean.
 */
function progressReporter() {
  const started = Date.now();
  const tty = process.stderr.isTTY === true;
  let shown = false;
  let last = 0;
  return {
    update(done: number, total: number) {
      const now = Date.now();
      if (!tty || now - started < PROGRESS_AFTER_MS || now - last < 100) return;
      last = now;
      shown = true;
      process.stderr.write(`\rsweep: ${done} of ${total} cases ` +
        `(${Math.floor((100 * done) / total)}%)`);
    },
    finish() {
      if (!shown) return;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stderr.write(`\rsweep: done in ${seconds} s${' '.repeat(20)}\n`);
    },
  };
}

const KIND_NAMES: Record<string, ElementKind> = {
  link: 'link', links: 'link', site: 'site', sites: 'site', group: 'group', groups: 'group',
};

function parseKinds(value: string): ElementKind[] {
  const parts = parseList(value);
  const bad = parts.filter((p) => !(p in KIND_NAMES));
  if (parts.length === 0 || bad.length > 0) {
    throw new InvalidArgumentError(
      `expected links, sites and/or groups, comma-separated, got "${value}"`);
  }
  return [...new Set(parts.map((p) => KIND_NAMES[p]))];
}

function parseDepth(value: string): 1 | 2 {
  if (value !== '1' && value !== '2') {
    throw new InvalidArgumentError(`expected 1 or 2, got "${value}"`);
  }
  return Number(value) as 1 | 2;
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new InvalidArgumentError(`expected a whole number >= 1, got "${value}"`);
  }
  return n;
}
