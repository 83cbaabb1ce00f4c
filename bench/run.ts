// `npm run bench`: every benchmark case in its own process, networkx on the same files,
// a table on stdout and bench/results/latest.json. `--quick` skips the slowest runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join } from 'node:path';

/** One row of the benchmark. */
interface Row {
  case: string;
  network: string;
  nodes?: number;
  links?: number;
  /** Median time of the measured step, in ms. */
  ms?: number;
  peakRssMB?: number;
  target?: string;
  networkxMs?: number;
  networkxPeakRssMB?: number;
  /** networkx time over ours. */
  ratio?: number;
  note?: string;
  extra?: Record<string, unknown>;
}

const quick = process.argv.includes('--quick');
const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const zoo = (name: string) => `test/datasets/topologyzoo/gml/${name}.gml`;
const ZOO = ['Nsfcnet', 'Aarnet', 'Arnes', 'Surfnet', 'Kdl'].filter((n) => existsSync(zoo(n)));
const LOADS = { total: 921.8, capacity: 1000 };
// networkx sweeps stop after this long and are extrapolated (Kdl's takes ~20 minutes).
const NETWORKX_BUDGET_S = quick ? 10 : 60;

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: availableParallelism(),
  memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  node: process.version,
  date: new Date().toISOString(),
};

function runCase(name: string, ...args: string[]): Record<string, any> {
  process.stderr.write(`bench: ${name} ${args.join(' ')}\n`);
  const run = spawnSync(tsx, ['bench/cases.ts', name, ...args], {
    encoding: 'utf8', maxBuffer: 1 << 26, timeout: 30 * 60_000,
  });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  if (run.status !== 0 || !line.startsWith('{')) {
    return { failed: `${name} failed: ${(run.stderr || run.stdout).trim().split('\n').pop()}` };
  }
  return JSON.parse(line);
}

function runNetworkx(file: string, n1: boolean): Record<string, any> | null {
  const probe = spawnSync('python3', ['-c', 'import networkx'], { encoding: 'utf8' });
  if (probe.status !== 0) return null;
  process.stderr.write(`bench: networkx ${file}${n1 ? ' --n1' : ''}\n`);
  const run = spawnSync('python3', [
    'bench/networkx_loads.py', file, '--total', String(LOADS.total),
    '--capacity', String(LOADS.capacity),
    ...(n1 ? ['--n1', '--budget', String(NETWORKX_BUDGET_S)] : []),
  ], { encoding: 'utf8', timeout: 60 * 60_000 });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  return run.status === 0 && line.startsWith('{') ? JSON.parse(line) : null;
}

function row(label: string, network: string, r: Record<string, any>, target?: string): Row {
  if (r.failed) return { case: label, network, note: r.failed };
  return {
    case: label, network, nodes: r.extra?.nodes ?? r.extra?.sites, links: r.extra?.links,
    ms: r.ms, peakRssMB: r.peakRssMB, target, extra: r.extra,
  };
}

const rows: Row[] = [];

// The Mojokerto model: simulate, and the failure sweeps of src/failure.
rows.push(row('simulate (load + run)', 'Mojokerto 2023', runCase('mojokerto-simulate')));
rows.push(row('sweep depth 1', 'Mojokerto 2023', runCase('mojokerto-sweep', '1')));
rows.push(row('sweep depth 2', 'Mojokerto 2023', runCase('mojokerto-sweep', '2')));

// `loads` on Topology Zoo, small to large, beside networkx.
for (const name of ZOO) {
  const file = zoo(name);
  const kdl = name === 'Kdl';
  const base = row('loads (after parsing)', name, runCase('loads-base', file),
    kdl ? '< 20 ms' : undefined);
  const nx = runNetworkx(file, true);
  if (nx) {
    base.networkxMs = nx.baseMs;
    base.ratio = base.ms ? nx.baseMs / base.ms : undefined;
  }
  if (base.extra) base.note = `routing only ${fmt(base.extra.routeOnlyMs as number)} ms`;
  rows.push(base);

  for (const threads of kdl ? ['1', '2'] : ['1']) {
    const n1 = row(`loads --n1, ${threads} thread${threads === '1' ? '' : 's'}`, name,
      runCase('loads-n1', file, threads, 'links'),
      kdl && threads === '2' ? '< 1500 ms' : undefined);
    if (nx?.n1FullMs) {
      n1.networkxMs = nx.n1FullMs;
      n1.networkxPeakRssMB = nx.peakRssMB;
      n1.ratio = n1.ms ? nx.n1FullMs / n1.ms : undefined;
      if (nx.n1Extrapolated) n1.note = `networkx extrapolated from ${nx.n1Done} of ${nx.n1Total}`;
    }
    rows.push(n1);
  }
  if (kdl) {
    for (const threads of ['1', '2']) {
      rows.push(row(`loads --n1-nodes, ${threads} thread${threads === '1' ? '' : 's'}`, name,
        runCase('loads-n1', file, threads, 'nodes')));
    }
  }
}
if (!ZOO.includes('Kdl')) {
  rows.push({ case: 'loads on Kdl', network: 'Kdl', note: 'Kdl.gml missing: largest run above' });
}

// Synthetic regency networks.
for (const size of quick ? ['1000', '10000'] : ['1000', '10000', '100000']) {
  rows.push(row('synthetic: compile + base routing', `regency ${size}`,
    runCase('synthetic-base', size)));
}
rows.push(row('synthetic: link sweep', 'regency 1000',
  runCase('synthetic-sweep', '1000', 'links', '1')));
rows.push(row('synthetic: link sweep', 'regency 10000',
  runCase('synthetic-sweep', '10000', 'links', '1'), '< 30000 ms'));
rows.push(row('synthetic: link sweep, 2 threads', 'regency 10000',
  runCase('synthetic-sweep', '10000', 'links', '2')));
rows.push(row('synthetic: node sweep', 'regency 10000',
  runCase('synthetic-sweep', '10000', 'nodes', '1')));
if (!quick) {
  const big = row('synthetic: link sweep, 2,000 sampled', 'regency 100000',
    runCase('synthetic-sweep', '100000', 'links', '1', '2000'));
  if (big.extra?.extrapolatedMs) {
    big.note = `all ${big.extra.of}: ~${fmt(big.extra.extrapolatedMs as number)} ms extrapolated`;
  }
  rows.push(big);
}

printTable(rows);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.json',
  `${JSON.stringify({ machine, quick, rows }, null, 2)}\n`);
process.stdout.write('\nwrote bench/results/latest.json\n');

function printTable(list: Row[]): void {
  process.stdout.write(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, ` +
    `Node ${machine.node}, ${machine.date}\n\n`);
  const cells = list.map((r) => [
    r.case, r.network, r.nodes === undefined ? '' : String(r.nodes),
    r.links === undefined ? '' : String(r.links), r.ms === undefined ? '' : fmt(r.ms),
    r.peakRssMB === undefined ? '' : fmt(r.peakRssMB), r.target ?? '',
    r.networkxMs === undefined ? '' : fmt(r.networkxMs),
    r.ratio === undefined ? '' : `${fmt(r.ratio)}x`, r.note ?? '',
  ]);
  const head = ['case', 'network', 'nodes', 'links', 'ms', 'peak RSS MB', 'target',
    'networkx ms', 'ratio', 'note'];
  const widths = head.map((h, j) => Math.max(h.length, ...cells.map((c) => c[j].length)));
  const line = (values: string[]) => values
    .map((v, j) => (j >= 2 && j <= 8 ? v.padStart(widths[j]) : v.padEnd(widths[j])))
    .join('  ').trimEnd();
  process.stdout.write(`${[line(head), ...cells.map(line)].join('\n')}\n`);
}

function fmt(x: number): string {
  if (x >= 100) return Math.round(x).toLocaleString('en-US');
  if (x >= 10) return x.toFixed(1);
  return x.toFixed(2);
}
