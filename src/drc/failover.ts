// Failover as data: while a site with a DRC is down, the traffic classes the DRC names
// are routed to the DRC instead, by swapping their sink before demands are built.
import { prepareNetwork, type PreparedNetwork } from '../engine/evaluate.ts';
import type { Network } from '../model/network.ts';
import { drcsInService, type DrcSpec } from './drc-spec.ts';
import { withDrcTraffic } from './replication.ts';

/** One traffic class sent to a DRC because its sink is down. */
export interface Failover {
  class: string;
  from: string;
  to: string;
}

/** Prepared variants by failover, so a sweep builds each one once. */
export type FailoverCache = Map<string, PreparedNetwork>;

/**
 * The failovers a set of failed sites sets off: every class of every DRC in service
 * whose site stands in for a failed site, unless the DRC itself is down too. A site
 * cut off but not failed does not fail over: declaring a disaster is the operators'
 * call, and the cut shows as unrouted demand instead.
 */
export function failoversFor(
  network: Network,
  failedSites: readonly string[],
  drcs: readonly DrcSpec[] = drcsInService(network),
): Failover[] {
  const down = new Set(failedSites);
  const out: Failover[] = [];
  for (const drc of drcs) {
    if (!down.has(drc.standsInFor) || down.has(drc.site)) continue;
    for (const cls of drc.classes) out.push({ class: cls, from: drc.standsInFor, to: drc.site });
  }
  return out;
}

/** `apps:datacenter>drc`, the short form the sweep and the text show. */
export function failoverLabel(f: Failover): string {
  return `${f.class}:${f.from}>${f.to}`;
}

/** Compiles a network and its demands, the DRC's replication traffic included. */
export function prepareWithDrc(network: Network): PreparedNetwork {
  return prepareNetwork(withDrcTraffic(network));
}

/**
 * The prepared network whose demands follow the failovers that `failure` sets off: the
 * same object when there are none, otherwise a variant with those classes' sinks moved
 * to their DRC (taken from `cache` when it holds one).
 */
export function preparedWithFailover(
  prepared: PreparedNetwork,
  failure: { sites: readonly string[] },
  cache?: FailoverCache,
): PreparedNetwork {
  const moves = failoversFor(prepared.network, failure.sites);
  if (moves.length === 0) return prepared;
  const key = moves.map(failoverLabel).join(',');
  const hit = cache?.get(key);
  if (hit) return hit;

  const sinkOf = new Map(moves.map((m) => [m.class, m.to]));
  const network: Network = {
    ...prepared.network,
    classes: prepared.network.classes.map((c) =>
      (sinkOf.has(c.id) ? { ...c, sink: sinkOf.get(c.id)! } : c)),
  };
  const variant = prepareNetwork(network);
  cache?.set(key, variant);
  return variant;
}
