// Erlang B and C and the M/M/c queue against published figures, and their properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, mmc } from '../../src/servers/erlang-c.ts';

/** |actual - printed| within half a unit of the printed figure's last digit. */
function expectPrinted(actual: number, printed: string): void {
  const decimals = printed.split('.')[1]?.length ?? 0;
  expect(Math.abs(actual - Number(printed))).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-15);
}

/** Erlang C by its closed form, summing A^k / k! term by term (fine for small c). */
function directErlangC(c: number, a: number): number {
  let term = 1;
  let sum = 0;
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const last = (term * c) / (c - a);
  return last / (sum + last);
}

/** Erlang C in log space, for many servers: log(A^k / k!) summed by log-sum-exp. */
function logSpaceErlangC(c: number, a: number): number {
  const logs: number[] = [];
  let logTerm = 0;
  for (let k = 0; k < c; k++) {
    logs.push(logTerm);
    logTerm += Math.log(a) - Math.log(k + 1);
  }
  const logLast = logTerm + Math.log(c) - Math.log(c - a);
  const top = Math.max(logLast, ...logs);
  const total = logs.reduce((s, l) => s + Math.exp(l - top), 0) + Math.exp(logLast - top);
  return Math.exp(logLast - top) / total;
}

describe('erlangC against published figures', () => {
  it('gives 4/9 for 3 servers offered 2 erlangs', () => {
    // Wolfram Language reference, ErlangC, basic example: ErlangC[3, 2] = 4/9
    // (https://reference.wolfram.com/language/ref/ErlangC.html); 0.4444 in call-centre tables.
    expect(erlangC(3, 2)).toBeCloseTo(4 / 9, 15);
    expectPrinted(erlangC(3, 2), '0.4444');
  });

  it('matches the Call Centre Helper worked example: 100 calls in 30 min, 3 min each', () => {
    // https://www.callcentrehelper.com/erlang-c-formula-example-121281.htm: A = 10 erlangs;
    // 14 agents wait 17.4% of calls at 71.4% occupancy, 15 agents 10.2% at 66.7%, as
    // reproduced to 3 decimals by pyworkforce's tests (pyworkforce/queuing/tests).
    const arrivalPerMin = 100 / 30;
    const fourteen = mmc(arrivalPerMin, 1 / 3, 14);
    expectPrinted(fourteen.offeredLoad, '10');
    expectPrinted(fourteen.waitProbability, '0.174');
    expectPrinted(fourteen.utilisation, '0.714');
    const fifteen = mmc(arrivalPerMin, 1 / 3, 15);
    expectPrinted(fifteen.waitProbability, '0.102');
    expectPrinted(fifteen.utilisation, '0.667');
  });

  it('matches the ETH Advanced Systems Lab M/M/2 and M/M/4 examples', () => {
    // ETH Zurich, Advanced Systems Lab 2017, slides "M/M/m queues": lambda = 9, mu = 5;
    // 2 servers: 7.674 jobs waiting, response 1.053; 4 servers: 0.105 waiting, 0.212.
    // The same figures are the tests of qsmmm.m in the GNU Octave queueing package.
    const two = mmc(9, 5, 2);
    expectPrinted(two.meanQueueLength, '7.674');
    expectPrinted(two.meanResponse, '1.053');
    const four = mmc(9, 5, 4);
    expectPrinted(four.meanQueueLength, '0.105');
    expectPrinted(four.meanResponse, '0.212');
  });

  it('matches the M/M/1 example of the Ciw documentation: lambda 3, mu 5, wait 0.3', () => {
    // Ciw docs, "Example - Simulate M/M/1 Queue": E[W] = rho / (mu (1 - rho)) = 0.3.
    const q = mmc(3, 5, 1);
    expectPrinted(q.meanWait, '0.3');
    expect(q.waitProbability).toBe(0.6);
  });
});

describe('erlangC on one server', () => {
  it('gives a waiting probability equal to the utilisation, exactly', () => {
    fc.assert(fc.property(
      fc.double({ min: 1e-6, max: 1e3, noNaN: true }),
      fc.double({ min: 1e-6, max: 0.999999, noNaN: true }),
      (serviceRate, rho) => {
        const q = mmc(rho * serviceRate, serviceRate, 1);
        expect(q.waitProbability).toBe(q.utilisation);
        // And the M/M/1 wait, rho / (mu - lambda), to rounding.
        const expected = q.utilisation / (serviceRate - q.arrivalRate);
        expect(Math.abs(q.meanWait - expected)).toBeLessThanOrEqual(1e-12 * expected);
      },
    ));
  });
});

describe('erlangC properties', () => {
  it('agrees with the closed form within 1e-12 relative for up to 30 servers', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 30 }),
      fc.double({ min: 0.01, max: 0.999, noNaN: true }),
      (c, rho) => {
        const a = rho * c;
        const direct = directErlangC(c, a);
        expect(Math.abs(erlangC(c, a) - direct)).toBeLessThanOrEqual(1e-12 * direct);
      },
    ), { numRuns: 500 });
  });

  it('never falls as the offered load rises', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 400 }),
      fc.double({ min: 0, max: 0.9999, noNaN: true }),
      fc.double({ min: 0, max: 0.9999, noNaN: true }),
      (c, r1, r2) => {
        const [low, high] = r1 <= r2 ? [r1, r2] : [r2, r1];
        expect(erlangC(c, low * c)).toBeLessThanOrEqual(erlangC(c, high * c) * (1 + 1e-12));
      },
    ), { numRuns: 300 });
  });

  it('never rises as servers are added to the same load', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 300 }),
      fc.double({ min: 0.01, max: 0.999, noNaN: true }),
      (c, rho) => {
        const a = rho * c;
        expect(erlangC(c + 1, a)).toBeLessThanOrEqual(erlangC(c, a) * (1 + 1e-12));
      },
    ), { numRuns: 300 });
  });

  it('stays finite and agrees with a log-space sum for a thousand servers near saturation', () => {
    for (const [c, a] of [[1000, 990], [1000, 999.9], [1000, 999.999999], [500, 250],
      [2000, 1990]]) {
      const stable = erlangC(c, a);
      const reference = logSpaceErlangC(c, a);
      expect(Number.isFinite(stable)).toBe(true);
      expect(stable).toBeGreaterThan(0);
      expect(stable).toBeLessThan(1);
      expect(Math.abs(stable - reference)).toBeLessThanOrEqual(1e-9 * reference);
    }
  });

  it('computes Erlang B for a hundred thousand servers without overflow', () => {
    const b = erlangB(100_000, 99_000);
    expect(b).toBeGreaterThan(0);
    expect(b).toBeLessThan(0.01);
  });
});

describe('mmc', () => {
  it('flags an unstable queue and returns endless waits when load reaches the servers', () => {
    for (const [lambda, c] of [[10, 5], [12, 5]]) {
      const q = mmc(lambda, 2, c);
      expect(q.stable).toBe(false);
      expect(q.waitProbability).toBe(1);
      expect(q.meanWait).toBe(Infinity);
      expect(q.meanResponse).toBe(Infinity);
    }
  });

  it('gives no wait and the bare service time when nothing arrives', () => {
    const q = mmc(0, 4, 3);
    expect(q.stable).toBe(true);
    expect(q.waitProbability).toBe(0);
    expect(q.meanWait).toBe(0);
    expect(q.meanResponse).toBe(0.25);
  });

  it('refuses a fractional or zero number of servers and a zero service rate', () => {
    expect(() => mmc(1, 2, 0)).toThrow(RangeError);
    expect(() => mmc(1, 2, 1.5)).toThrow(RangeError);
    expect(() => mmc(1, 0, 2)).toThrow(RangeError);
    expect(() => erlangB(3, -1)).toThrow(RangeError);
  });
});
