// The M/M/c queue: Erlang B and C, waiting and response times, computed by a
// recursion that stays stable for thousands of servers and loads near saturation.

/** The steady state of an M/M/c queue. Times are in the unit of 1 / the rates. */
export interface MmcResult {
  servers: number;
  arrivalRate: number;
  serviceRate: number;
  /** A = lambda / mu, in erlangs. */
  offeredLoad: number;
  /** rho = A / c, the share of time each server is busy. */
  utilisation: number;
  /** False when rho >= 1: the queue grows without bound. */
  stable: boolean;
  /** Erlang C: the chance an arrival finds every server busy. */
  waitProbability: number;
  /** Wq, mean time in the queue; Infinity when unstable. */
  meanWait: number;
  /** W = Wq + 1 / mu; Infinity when unstable. */
  meanResponse: number;
  /** Lq = lambda Wq; Infinity when unstable. */
  meanQueueLength: number;
}

/**
 * Erlang B, the blocking probability of c servers offered A erlangs, by the recursion
 * B(0) = 1, B(k) = A B(k-1) / (k + A B(k-1)): every step stays in [0, 1], so nothing
 * overflows, however large c is.
 * @example erlangB(3, 2) // 0.2105...
 */
export function erlangB(servers: number, offeredLoad: number): number {
  checkServers('erlangB', servers);
  checkLoad('erlangB', offeredLoad);
  let b = 1;
  for (let k = 1; k <= servers; k++) {
    const ab = offeredLoad * b;
    b = ab / (k + ab);
  }
  return b;
}

/**
 * Erlang C, the probability of waiting, from Erlang B: C = B / (1 - rho (1 - B)),
 * written as c B / ((c - A) + A B) so that c - A, exact in floating point near
 * saturation, carries the small difference and nothing cancels. 1 when A >= c.
 * @example erlangC(3, 2) // 4/9
 */
export function erlangC(servers: number, offeredLoad: number): number {
  const b = erlangB(servers, offeredLoad);
  if (offeredLoad >= servers) return 1;
  // One server: the chance of waiting is the utilisation itself, kept exact here.
  if (servers === 1) return offeredLoad;
  return (servers * b) / ((servers - offeredLoad) + offeredLoad * b);
}

/**
 * The M/M/c queue with arrival rate lambda, service rate mu per server and c servers.
 * Wq = C / (c mu - lambda), W = Wq + 1 / mu (Kleinrock, Queueing Systems vol. 1, 3.5).
 * @example mmc(9, 5, 2).meanResponse // 1.0526...
 */
export function mmc(arrivalRate: number, serviceRate: number, servers: number): MmcResult {
  checkServers('mmc', servers);
  if (!(Number.isFinite(arrivalRate) && arrivalRate >= 0)) {
    throw new RangeError(`mmc: expected an arrival rate >= 0, got ${arrivalRate}`);
  }
  if (!(Number.isFinite(serviceRate) && serviceRate > 0)) {
    throw new RangeError(`mmc: expected a positive service rate, got ${serviceRate}`);
  }

  const offeredLoad = arrivalRate / serviceRate;
  const utilisation = offeredLoad / servers;
  // The spare service rate c mu - lambda, taken from the rates themselves: near
  // saturation it is far more exact than mu (c - A) with A already rounded.
  const spareRate = servers * serviceRate - arrivalRate;
  const base = { servers, arrivalRate, serviceRate, offeredLoad, utilisation };
  if (offeredLoad >= servers || !(spareRate > 0)) {
    return { ...base, stable: false, waitProbability: 1, meanWait: Infinity,
      meanResponse: Infinity, meanQueueLength: Infinity };
  }

  const waitProbability = erlangC(servers, offeredLoad);
  const meanWait = waitProbability / spareRate;
  return {
    ...base,
    stable: true,
    waitProbability,
    meanWait,
    meanResponse: meanWait + 1 / serviceRate,
    meanQueueLength: arrivalRate * meanWait,
  };
}

function checkServers(where: string, servers: number): void {
  if (!Number.isInteger(servers) || servers < 1) {
    throw new RangeError(`${where}: expected a whole number of servers >= 1, got ${servers}`);
  }
}

function checkLoad(where: string, load: number): void {
  if (!(Number.isFinite(load) && load >= 0)) {
    throw new RangeError(`${where}: expected an offered load >= 0, got ${load}`);
  }
}
