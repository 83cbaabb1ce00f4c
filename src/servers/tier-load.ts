// The M/M/c response time of each live tier in a year, and the slowest of them.
import type { TierLoad } from './analyse.ts';
import { mmc } from './erlang-c.ts';
import type { TierFigures } from './tiers.ts';

/**
 * The tier as one M/M/c queue: its replicas share the peak requests (a load balancer in
 * front), and each core of each replica is one server, so c = replicas x cores,
 * lambda = peakRps and mu = 1000 / serviceTimeMs. Separate queues per replica would wait
 * longer; this is the optimistic bound.
 */
export function tierLoad(t: TierFigures, placedOn: string[]): TierLoad {
  const c = t.replicas * t.cores;
  const q = mmc(t.peakRps, 1000 / t.serviceTimeMs, c);
  return {
    id: t.id,
    app: t.app,
    tier: t.tier,
    live: t.live,
    replicas: t.replicas,
    servers: c,
    peakRps: t.peakRps,
    serviceTimeMs: t.serviceTimeMs,
    utilisation: round6(q.utilisation),
    stable: q.stable,
    waitProbability: round6(q.waitProbability),
    meanWaitMs: q.stable ? round6(q.meanWait * 1000) : null,
    meanResponseMs: q.stable ? round6(q.meanResponse * 1000) : null,
    placedOn,
  };
}

/** The tier with the largest value of a time; an unstable tier (null) counts as endless. */
export function worst<K extends 'meanResponseMs' | 'meanWaitMs'>(tiers: readonly TierLoad[], key: K)
  : ({ tier: string } & Record<K, number | null>) | null {
  let top: TierLoad | null = null;
  for (const t of tiers) {
    if (top === null || (t[key] ?? Infinity) > (top[key] ?? Infinity)) top = t;
  }
  if (top === null) return null;
  return { tier: top.id, [key]: top[key] } as { tier: string } & Record<K, number | null>;
}

/** Rounds to six decimals, as every figure in the result is. */
export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
