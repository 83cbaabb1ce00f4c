// The load script's figures from autocannon's result: refusals apart from errors.
import type autocannon from 'autocannon';
import { describe, expect, it } from 'vitest';
import { formatTable, type LoadCase, summariseCase } from '../../bench/load-summary.ts';

const flood: LoadCase = {
  name: 'simulate flood', method: 'POST', path: '/api/simulate', connections: 256,
};

/** An autocannon result with only the fields the summary reads filled in. */
function resultOf(fields: Partial<autocannon.Result>): autocannon.Result {
  return {
    duration: 2, errors: 0, timeouts: 0, statusCodeStats: {},
    requests: { sent: 0 }, latency: { p50: 0, p90: 0, p99: 0, max: 0 },
    ...fields,
  } as unknown as autocannon.Result;
}

describe('summariseCase', () => {
  it('counts 429 and 503 as refused, other codes apart, and timeouts apart from errors', () => {
    const r = resultOf({
      duration: 2.5, errors: 5, timeouts: 4,
      requests: { sent: 70 } as autocannon.Result['requests'],
      latency: { p50: 12, p90: 40, p99: 95, max: 130 } as autocannon.Histogram,
      statusCodeStats: {
        200: { count: 50 }, 201: { count: 1 }, 429: { count: 7 }, 503: { count: 3 },
        500: { count: 2 }, 404: { count: 1 },
      },
    });
    expect(summariseCase(flood, r)).toEqual({
      case: 'simulate flood', request: 'POST /api/simulate', connections: 256,
      durationS: 2.5, sent: 70,
      // 50 + 1 + 7 + 3 + 2 + 1 answers in 2.5 s.
      requests: 64, requestsPerS: 25.6,
      latencyMs: { p50: 12, p90: 40, p99: 95, max: 130 },
      status: { '2xx': 51, '429': 7, '503': 3, other: 3 },
      refused: 10,
      otherCodes: { 404: 1, 500: 2 },
      errors: 1, timeouts: 4,
    });
  });

  it('reports a case with no answer at all as zero of everything', () => {
    const s = summariseCase(flood, resultOf({ errors: 3, timeouts: 3 }));
    expect(s.status).toEqual({ '2xx': 0, '429': 0, '503': 0, other: 0 });
    expect([s.requests, s.requestsPerS, s.refused, s.errors, s.timeouts])
      .toEqual([0, 0, 0, 0, 3]);
  });
});

describe('formatTable', () => {
  it('names the machine and puts each figure under its column', () => {
    const s = summariseCase(flood, resultOf({
      statusCodeStats: { 200: { count: 4 }, 503: { count: 6 } },
      requests: { sent: 12 } as autocannon.Result['requests'],
    }));
    const machine = { cpu: 'Test CPU', cores: 2, memoryGB: 8, node: 'v20.0.0', loadAverage1m: 1 };
    const lines = formatTable(machine, 2, [s]).split('\n');
    expect(lines[0]).toBe('machine: Test CPU, 2 cores, 8 GB, node v20.0.0, ' +
      'load average 1 at the start');
    const head = lines[2].trim().split(/\s{2,}/);
    const row = lines[4].trim().split(/\s{2,}/);
    const cell = (name: string) => row[head.indexOf(name)];
    expect([cell('case'), cell('sent'), cell('answered'), cell('req/s'), cell('2xx'),
      cell('503'), cell('429'), cell('errors')]).toEqual(
      ['simulate flood', '12', '10', '5', '4', '6', '0', '0']);
  });
});
