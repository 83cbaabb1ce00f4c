// `npm run bench:load`: the API under load. Starts the server in a child process on
// 127.0.0.1 (a free port, a temporary run store), drives it with autocannon case by
// case for a bounded time, prints a table with the machine and writes
// bench/results/load.json. 429 and 503 count as refused (admission control), not errors.
//   npm run bench:load -- [--duration 10] [--out bench/results/load.json]
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import autocannon from 'autocannon';
import { type CaseResult, formatTable, type LoadCase, summariseCase } from './load-summary.ts';

const SIMULATE_BODIES = [
  { scenario: 'plan-2023', save: false },
  { scenario: 'plan-2023', fail: ['fo-c4'], save: false },
  { scenario: 'plan-2023', year: 2023, fail: ['fo-c2', 'fo-c3'], save: false },
];

const CASES: LoadCase[] = [
  { name: 'health', method: 'GET', path: '/api/health', connections: 10 },
  { name: 'scenarios', method: 'GET', path: '/api/scenarios', connections: 10 },
  {
    name: 'network', method: 'GET', path: '/api/scenarios/plan-2023/network?year=2023',
    connections: 10,
  },
  { name: 'page', method: 'GET', path: '/', connections: 10 },
  {
    name: 'simulate', method: 'POST', path: '/api/simulate', connections: 4,
    bodies: SIMULATE_BODIES,
  },
  {
    name: 'simulate flood', method: 'POST', path: '/api/simulate', connections: 256,
    bodies: SIMULATE_BODIES,
  },
];

/** autocannon's own wait for one answer, in seconds. */
const REQUEST_TIMEOUT_S = 10;
/** A case still running this long past its duration is stopped. */
const CASE_GRACE_MS = 20_000;
const SERVER_START_MS = 60_000;

const args = parseArgs(process.argv.slice(2));
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: availableParallelism(),
  memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  node: process.version,
  loadAverage1m: Math.round(loadavg()[0] * 100) / 100,
  date: new Date().toISOString(),
};

// The hard stop: whatever hangs, the script ends within this.
const hardStopMs = CASES.length * (args.durationS * 1000 + CASE_GRACE_MS) + SERVER_START_MS;
const tmp = mkdtempSync(join(tmpdir(), 'netsim-load-'));
let server: ChildProcess | undefined;
const hardStop = setTimeout(() => {
  process.stderr.write(`bench:load: hard stop after ${hardStopMs} ms\n`);
  server?.kill('SIGKILL');
  rmSync(tmp, { recursive: true, force: true });
  process.exit(2);
}, hardStopMs);
hardStop.unref();

try {
  const { child, port } = await startServer(join(tmp, 'runs.sqlite'));
  server = child;
  const base = `http://127.0.0.1:${port}`;
  await checkServer(base);
  const results: CaseResult[] = [];
  for (const c of CASES) {
    process.stderr.write(`bench:load: ${c.name} (${c.connections} connections, ` +
      `${args.durationS} s)\n`);
    results.push(await runCase(base, c, args.durationS));
  }
  console.log(formatTable(machine, args.durationS, results));
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(args.out, `${JSON.stringify({ machine, durationS: args.durationS,
    requestTimeoutS: REQUEST_TIMEOUT_S, cases: results }, null, 2)}\n`);
  process.stderr.write(`bench:load: wrote ${args.out}\n`);
} finally {
  await stopServer(server);
  rmSync(tmp, { recursive: true, force: true });
  clearTimeout(hardStop);
}

async function runCase(base: string, c: LoadCase, durationS: number): Promise<CaseResult> {
  const bodies = c.bodies?.map((b) => JSON.stringify(b));
  let instance: autocannon.Instance | undefined;
  const run = new Promise<autocannon.Result>((done, fail) => {
    instance = autocannon({
      url: `${base}${c.path}`,
      method: c.method,
      connections: c.connections,
      duration: durationS,
      timeout: REQUEST_TIMEOUT_S,
      headers: bodies ? { 'content-type': 'application/json' } : {},
      requests: bodies ? bodies.map((body) => ({ body })) : undefined,
    }, (err, result) => (err ? fail(err) : done(result)));
  });
  const guard = setTimeout(() => instance?.stop(), durationS * 1000 + CASE_GRACE_MS);
  const r = await run.finally(() => clearTimeout(guard));

  return summariseCase(c, r);
}

/** Starts bench/load-server.ts and waits for the port it prints. */
function startServer(storeFile: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/load-server.ts', storeFile],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((done, fail) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`bench:load: the server did not start within ${SERVER_START_MS} ms`));
    }, SERVER_START_MS);
    child.stdout!.on('data', (chunk) => {
      out += String(chunk);
      const line = /^\{"port":(\d+)\}$/m.exec(out);
      if (line) {
        clearTimeout(timer);
        done({ child, port: Number(line[1]) });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`bench:load: the server exited (${code}) before it listened`));
    });
  });
}

/** One request of each case must succeed, or the figures would measure a mistake. */
async function checkServer(base: string): Promise<void> {
  for (const c of CASES) {
    const res = await fetch(`${base}${c.path}`, {
      method: c.method,
      headers: c.bodies ? { 'content-type': 'application/json' } : {},
      body: c.bodies ? JSON.stringify(c.bodies[0]) : undefined,
    });
    await res.arrayBuffer();
    if (res.status !== 200) {
      throw new Error(`bench:load: ${c.method} ${c.path}: expected 200, got ${res.status}`);
    }
  }
}

function stopServer(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

function parseArgs(argv: string[]): { durationS: number; out: string } {
  let durationS = 10;
  let out = 'bench/results/load.json';
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--duration') {
      durationS = Number(argv[++i]);
      if (!Number.isFinite(durationS) || durationS <= 0 || durationS > 600) {
        throw new Error(`bench:load: --duration: expected seconds from 1 to 600, ` +
          `got "${argv[i]}"`);
      }
    } else if (argv[i] === '--out') {
      out = argv[++i] ?? out;
    } else {
      throw new Error(`bench:load: expected --duration or --out, got "${argv[i]}"`);
    }
  }
  return { durationS, out };
}
