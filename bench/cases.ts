// One benchmark case per process, so that its peak memory is its own:
// `tsx bench/cases.ts NAME [ARG...]` prints one JSON line with times and memory.
import { readFileSync } from 'node:fs';
import { simulate } from '../src/engine/simulate.ts';
import { parseNetworkText } from '../src/io/index.ts';
import { baseLoads, computeLoads, prepareLoads } from '../src/loads/compute-loads.ts';
import { loadInput } from '../src/model/read-input.ts';
import { compileNetwork } from '../src/routing/compiled-network.ts';
import { createFailureEngine } from '../src/routing/failure-engine.ts';
import { allItems, sweepFailures } from '../src/routing/failure-sweep.ts';
import { sweepInParallel } from '../src/routing/parallel-sweep.ts';
import { groupByDestination } from '../src/routing/route-demands.ts';
import { median } from './stats.ts';
import { regencyNetwork } from './synthetic.ts';

/** What a case reports. */
export interface CaseResult {
  name: string;
  /** Median of the timed runs, in ms. */
  ms: number;
  runs: number[];
  /** Peak resident memory of the process, in MB. */
  peakRssMB: number;
  /** Heap in use after the last run, in MB. */
  heapMB: number;
  extra: Record<string, unknown>;
}

type Timed = { runs: number[]; extra?: Record<string, unknown> };

// Gravity total and capacity used for every `loads` case (the Mojokerto plan's total).
const LOADS = { gravityTotalMbps: 921.8, capacityMbps: 1000 };

const CASES: Record<string, (args: string[]) => Promise<Timed>> = {
  async 'mojokerto-simulate'() {
    const runs = await repeat(15, () => {
      const input = loadInput('scenarios/plan-2023.yaml');
      simulate(input.network, { fail: input.fail });
    });
    const input = loadInput('scenarios/plan-2023.yaml');
    const simulateOnly = await repeat(15, () => simulate(input.network, { fail: input.fail }));
    return {
      runs,
      extra: {
        sites: input.network.sites.length, links: input.network.links.length,
        simulateOnlyMs: median(simulateOnly),
      },
    };
  },

  async 'mojokerto-sweep'([depth]) {
    // The failure sweeps of src/failure, on the calling thread.
    const { prepareWithDrc } = await import('../src/drc/failover.ts');
    const { runSweepParallel } = await import('../src/failure/parallel-sweep.ts');
    const input = loadInput('scenarios/plan-2023.yaml');
    let cases = 0;
    const runs = await repeat(depth === '2' ? 3 : 7, async () => {
      const result = await runSweepParallel(prepareWithDrc(input.network), {
        depth: depth === '2' ? 2 : 1, baseFail: input.fail, workers: 1,
      });
      cases = result.counts.cases;
    });
    return { runs, extra: { depth: Number(depth), cases } };
  },

  async 'loads-base'([file]) {
    const graph = parseNetworkText(readFileSync(file, 'utf8'), file);
    let nodes = 0;
    let links = 0;
    const runs = await repeat(21, () => {
      const prepared = prepareLoads(graph, LOADS);
      baseLoads(prepared);
      nodes = prepared.net.nodeCount;
      links = prepared.net.linkCount;
    });
    const prepared = prepareLoads(graph, LOADS);
    const routeOnly = await repeat(21, () => baseLoads(prepared));
    const parse = await repeat(5, () => parseNetworkText(readFileSync(file, 'utf8'), file));
    return {
      runs,
      extra: { nodes, links, routeOnlyMs: median(routeOnly), parseMs: median(parse) },
    };
  },

  async 'loads-n1'([file, threads, kind]) {
    const graph = parseNetworkText(readFileSync(file, 'utf8'), file);
    const options = {
      ...LOADS, threads: Number(threads), n1: kind !== 'nodes', n1Nodes: kind === 'nodes',
    };
    let result = await computeLoads(graph, options);
    const runs = await repeat(3, async () => {
      result = await computeLoads(graph, options);
    });
    const failures = result.linkFailures ?? result.nodeFailures ?? [];
    return {
      runs,
      extra: {
        nodes: result.nodes, links: result.links, failures: failures.length,
        maxUtilization: result.maxUtilization,
        worstFailureUtilization: Math.max(...failures.map((f) => f.maxUtilization)),
      },
    };
  },

  async 'synthetic-base'([size]) {
    const started = performance.now();
    const synthetic = regencyNetwork(Number(size));
    const generateMs = performance.now() - started;
    let links = 0;
    const runs = await repeat(5, () => {
      const net = compileNetwork(synthetic.nodeIds, synthetic.links);
      const matrix = groupByDestination(net.nodeCount, synthetic.demands);
      createFailureEngine(net, matrix);
      links = net.linkCount;
    });
    return { runs, extra: { nodes: synthetic.nodeIds.length, links, generateMs } };
  },

  async 'synthetic-sweep'([size, kind, threads, sample]) {
    const synthetic = regencyNetwork(Number(size));
    const net = compileNetwork(synthetic.nodeIds, synthetic.links);
    const matrix = groupByDestination(net.nodeCount, synthetic.demands);
    const sweepKind = kind === 'nodes' ? 'nodes' : 'links';
    const total = sweepKind === 'links' ? net.linkCount : net.nodeCount;
    // A sample of evenly spaced failures, when a full sweep would take too long to bench.
    const count = sample ? Math.min(total, Number(sample)) : total;
    const items = Int32Array.from({ length: count }, (_, i) => Math.floor((i * total) / count));
    let cut = 0;
    const runs = await repeat(Number(size) >= 100_000 ? 1 : 3, async () => {
      const summary = Number(threads) > 1
        ? await sweepInParallel(net, matrix, sweepKind, items, { threads: Number(threads) })
        : sweepFailures(createFailureEngine(net, matrix), sweepKind, items);
      cut = summary.cutDemands.reduce((a, b) => a + (b > 0 ? 1 : 0), 0);
    });
    return {
      runs,
      extra: {
        nodes: net.nodeCount, links: net.linkCount, failures: count, of: total,
        failuresCuttingDemand: cut,
        ...(count < total ? { extrapolatedMs: (median(runs) * total) / count } : {}),
      },
    };
  },
};

async function repeat(times: number, body: () => unknown): Promise<number[]> {
  const runs: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await body();
    runs.push(performance.now() - started);
  }
  return runs;
}

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  const body = CASES[name];
  if (!body) {
    process.stderr.write(`bench/cases.ts: no case "${name}"; cases: ${Object.keys(CASES)}\n`);
    process.exitCode = 2;
    return;
  }
  const { runs, extra = {} } = await body(args);
  const result: CaseResult = {
    name,
    ms: median(runs),
    runs,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    heapMB: process.memoryUsage().heapUsed / 2 ** 20,
    extra,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
