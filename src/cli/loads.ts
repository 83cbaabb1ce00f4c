// `netsim loads FILE`: link loads of any network file under the fully specified `loads`
// rule, with every link or node failed in turn. Progress goes to stderr in a terminal
// once a run passes a second.
import { availableParallelism } from 'node:os';
import { Command, InvalidArgumentError } from 'commander';
import { readNetworkFile } from '../io/index.ts';
import { computeLoads } from '../loads/compute-loads.ts';
import { loadsText } from '../loads/loads-text.ts';
import type { SweepKind } from '../routing/failure-sweep.ts';
import { ExitCode, printJson, runCommand } from './common.ts';

/** Progress appears only once a run has taken this long. */
const PROGRESS_AFTER_MS = 1000;
// Below this many (failure, destination) pairs a worker costs more to start than it saves:
// on 300 nodes of Kdl (196,200 pairs) one thread and two both took 161 ms, on 400 nodes
// (348,400) two took 261 ms against 336 (measured on this project's 2-core machine).
const PARALLEL_FROM_PAIRS = 200_000;

/** The `loads` subcommand. */
export function loadsCommand(): Command {
  return new Command('loads')
    .description('link loads under gravity demand and hop-count equal splitting, ' +
      'optionally with every link or node failed in turn')
    .argument('<file>', 'network file: GraphML, GML, SNDlib (native or XML), YAML or JSON')
    .requiredOption('--gravity-total <mbps>', 'sum of all demands, in Mbps', parsePositive)
    .requiredOption('--capacity <mbps>', 'capacity of every link in each direction, in Mbps',
      parsePositive)
    .option('--n1', 'fail each link in turn')
    .option('--n1-nodes', 'fail each node in turn, with its links')
    .option('--workers <n>', 'threads sharing a sweep, this one included ' +
      '(default: by the size of the sweep)', parseCount)
    .option('--top <n>', 'how many rows each table lists', parseCount, 10)
    .option('--json', 'print the result as one JSON object')
    .action((file: string, opts: LoadsCliOptions) => runCommand(async () => {
      const graph = await readNetworkFile(file);
      const progress = progressReporter();
      const sweeping = opts.n1 === true || opts.n1Nodes === true;
      const result = await computeLoads(graph, {
        gravityTotalMbps: opts.gravityTotal,
        capacityMbps: opts.capacity,
        n1: opts.n1,
        n1Nodes: opts.n1Nodes,
        threads: opts.workers
          ?? (sweeping ? defaultThreads(graph.nodes.length, graph.edges.length) : 1),
        onProgress: progress.update,
      });
      progress.finish();
      if (opts.json) printJson(result);
      else process.stdout.write(`${loadsText(result, { file, top: opts.top })}\n`);
      return ExitCode.ok;
    }));
}

interface LoadsCliOptions {
  gravityTotal: number;
  capacity: number;
  n1?: boolean;
  n1Nodes?: boolean;
  workers?: number;
  top: number;
  json?: boolean;
}

// The sweeps cost about (failures x destinations) updates: nodes x (links + nodes).
function defaultThreads(nodes: number, edges: number): number {
  if (nodes * (nodes + edges) < PARALLEL_FROM_PAIRS) return 1;
  return Math.max(1, Math.min(4, availableParallelism()));
}

function progressReporter() {
  const started = Date.now();
  const tty = process.stderr.isTTY === true;
  let shown = false;
  return {
    update(kind: SweepKind, done: number, total: number): void {
      if (!tty || Date.now() - started < PROGRESS_AFTER_MS) return;
      shown = true;
      const what = kind === 'links' ? 'link failures' : 'node failures';
      process.stderr.write(`\rloads: ${what} ${done}/${total}`);
    },
    finish(): void {
      if (shown) process.stderr.write('\r\x1b[K');
    },
  };
}

function parsePositive(value: string): number {
  const x = Number(value);
  if (!Number.isFinite(x) || x <= 0) {
    throw new InvalidArgumentError(`expected a positive number of Mbps, got "${value}"`);
  }
  return x;
}

function parseCount(value: string): number {
  const x = Number(value);
  if (!Number.isInteger(x) || x < 1) {
    throw new InvalidArgumentError(`expected a whole number of at least 1, got "${value}"`);
  }
  return x;
}
