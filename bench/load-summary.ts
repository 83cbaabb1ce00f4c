// What one load case measured, from autocannon's result: rates, latency, status counts
// (429 and 503 are refusals, not errors), and the table that shows them.
import type autocannon from 'autocannon';

/** One load case: what is asked, how hard. */
export interface LoadCase {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  connections: number;
  /** Request bodies, sent in turn on each connection. */
  bodies?: unknown[];
}

/** What one case measured. */
export interface CaseResult {
  case: string;
  request: string;
  connections: number;
  durationS: number;
  /** Requests sent; those not answered were in flight when the case ended. */
  sent: number;
  /** Responses received, whatever their status. */
  requests: number;
  requestsPerS: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  status: { '2xx': number; '429': number; '503': number; other: number };
  /** 429 and 503 together: the server said no, as admission control should. */
  refused: number;
  otherCodes: Record<string, number>;
  errors: number;
  timeouts: number;
}

/** The figures of one case; status codes as counted by autocannon per code. */
export function summariseCase(c: LoadCase, r: autocannon.Result): CaseResult {
  const codes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(r.statusCodeStats ?? {})) {
    codes[code] = stat.count ?? 0;
  }
  const count = (pick: (code: number) => boolean) => Object.entries(codes)
    .filter(([code]) => pick(Number(code))).reduce((sum, [, n]) => sum + n, 0);
  const ok = count((code) => code >= 200 && code < 300);
  const status = { '2xx': ok, '429': codes['429'] ?? 0, '503': codes['503'] ?? 0, other: 0 };
  status.other = count(() => true) - ok - status['429'] - status['503'];
  const otherCodes = Object.fromEntries(Object.entries(codes).filter(([code]) =>
    !(Number(code) >= 200 && Number(code) < 300) && code !== '429' && code !== '503'));
  const answered = count(() => true);
  return {
    case: c.name,
    request: `${c.method} ${c.path}`,
    connections: c.connections,
    durationS: r.duration,
    sent: r.requests.sent,
    requests: answered,
    requestsPerS: round(answered / r.duration, 1),
    latencyMs: {
      p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max,
    },
    status,
    refused: status['429'] + status['503'],
    otherCodes,
    // autocannon counts timeouts among its errors; here they are apart.
    errors: r.errors - r.timeouts,
    timeouts: r.timeouts,
  };
}

/** The machine the figures were taken on. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGB: number;
  node: string;
  loadAverage1m: number;
}

const COLUMNS: [string, (r: CaseResult) => string | number][] = [
  ['case', (r) => r.case],
  ['conns', (r) => r.connections],
  ['sent', (r) => r.sent],
  ['answered', (r) => r.requests],
  ['req/s', (r) => r.requestsPerS],
  ['p50 ms', (r) => r.latencyMs.p50],
  ['p90 ms', (r) => r.latencyMs.p90],
  ['p99 ms', (r) => r.latencyMs.p99],
  ['max ms', (r) => r.latencyMs.max],
  ['2xx', (r) => r.status['2xx']],
  ['429', (r) => r.status['429']],
  ['503', (r) => r.status['503']],
  ['other', (r) => r.status.other],
  ['errors', (r) => r.errors],
  ['timeouts', (r) => r.timeouts],
];

/** The table printed at the end: the machine, then one line per case. */
export function formatTable(machine: Machine, durationS: number, results: CaseResult[]) {
  const head = COLUMNS.map(([name]) => name);
  const rows = results.map((r) => COLUMNS.map(([, cell]) => String(cell(r))));
  const widths = head.map((h, j) => Math.max(h.length, ...rows.map((row) => row[j].length)));
  const line = (cells: string[]) => cells
    .map((v, j) => (j === 0 ? v.padEnd(widths[j]) : v.padStart(widths[j]))).join('  ');
  return [
    `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, ` +
      `node ${machine.node}, load average ${machine.loadAverage1m} at the start`,
    `each case ${durationS} s; 429 and 503 are refusals (admission control), not errors`,
    line(head),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
  ].join('\n');
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
