// Runs test/helpers/save-loop.ts in a child process, hears its step lines as they
// come, and kills it with SIGKILL at a chosen moment.
import { spawn } from 'node:child_process';
// The benchmarks' seeded generator, so that a failing run can be repeated.
export { seededRandom } from '../../bench/synthetic.ts';

/** Longest wait for one line of the child before the test gives up on it. */
const LINE_TIMEOUT_MS = 30_000;

export interface SaveChild {
  /** Every line so far, with the time (performance.now) it arrived. */
  lines: { text: string; at: number }[];
  /** Resolves when a line equal to `text` has arrived. */
  waitFor: (text: string) => Promise<void>;
  /** SIGKILL now, then waits for the process to end and its output to be read. */
  kill: () => Promise<ChildEnd>;
  /** Waits for the child to end by itself. */
  ended: () => Promise<ChildEnd>;
}

export interface ChildEnd {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Starts `save-loop.ts mode dir first count`. */
export function startSaveChild(mode: string, dir: string, first: number, count: number) {
  // node itself with tsx's loader, not the tsx command: that one runs the script in a
  // grandchild, which a SIGKILL of the command would leave running.
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/save-loop.ts', mode,
    dir, String(first), String(count)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: SaveChild['lines'] = [];
  const waiters: { text: string; done: () => void }[] = [];
  let partial = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += String(chunk); });
  child.stdout.on('data', (chunk) => {
    const parts = (partial + String(chunk)).split('\n');
    partial = parts.pop() ?? '';
    for (const text of parts) {
      lines.push({ text, at: performance.now() });
      for (const w of waiters.filter((x) => x.text === text)) w.done();
    }
  });
  const closed = new Promise<ChildEnd>((done) => {
    child.on('close', (code, signal) => done({ code, signal, stderr }));
  });

  const waitFor = (text: string) => new Promise<void>((done, fail) => {
    if (lines.some((l) => l.text === text)) return done();
    const timer = setTimeout(() => fail(new Error(
      `save-loop ${mode}: no line "${text}" within ${LINE_TIMEOUT_MS} ms; stderr:\n${stderr}`,
    )), LINE_TIMEOUT_MS);
    const waiter = { text, done: () => { clearTimeout(timer); done(); } };
    waiters.push(waiter);
    void closed.then(() => {
      clearTimeout(timer);
      if (!lines.some((l) => l.text === text)) {
        fail(new Error(`save-loop ${mode} ended before "${text}"; stderr:\n${stderr}`));
      }
    });
  });

  return {
    lines,
    waitFor,
    kill: () => {
      child.kill('SIGKILL');
      return closed;
    },
    ended: () => closed,
  } satisfies SaveChild;
}

/** The numbers `n` of the lines `<verb> n ...` so far. */
export function numbersOf(child: SaveChild, verb: string): number[] {
  return child.lines.flatMap((l) => {
    const [word, n] = l.text.split(' ');
    return word === verb ? [Number(n)] : [];
  });
}

/** Milliseconds between the lines `from n` and `to n`, for every n that has both. */
export function stepTimes(child: SaveChild, from: string, to: string): number[] {
  const at = (text: string) => child.lines.find((l) => l.text === text)?.at;
  return numbersOf(child, from).flatMap((n) => {
    const start = at(`${from} ${n}`);
    const end = at(`${to} ${n}`);
    return start !== undefined && end !== undefined ? [end - start] : [];
  });
}


export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)];
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
