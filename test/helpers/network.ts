// Small networks built inline from a table of links, for engine tests.
import { validateTopology } from '../../src/model/load-topology.ts';
import { resolveNetwork, type Network } from '../../src/model/network.ts';
import type { TopologyInput } from '../../src/model/topology-schema.ts';

/**
 * `a-b:capacity:metric` strings, e.g. ['s-a:100', 'a-t:100:2']; link ids are `a-b`,
 * and `a-b.2`, `a-b.3` for parallel links.
 */
export function linksFrom(table: string[]) {
  const seen = new Map<string, number>();
  return table.map((row) => {
    const [ends, capacity, metric] = row.split(':');
    const [a, b] = ends.split('-');
    const count = (seen.get(ends) ?? 0) + 1;
    seen.set(ends, count);
    return {
      id: count === 1 ? ends : `${ends}.${count}`, a, b, medium: 'fibre' as const,
      capacityMbps: Number(capacity ?? 100),
      ...(metric ? { metric: Number(metric) } : {}),
    };
  });
}

/**
 * A network of routers whose offices send `demand` Mbps (class `internet`, no
 * upstream) towards the sink `gw`.
 */
export function smallNetwork(
  table: string[],
  demand: Record<string, number>,
  extra: Partial<TopologyInput> = {},
): Network {
  const links = linksFrom(table);
  const ids = new Set<string>(['gw']);
  for (const l of links) ids.add(l.a).add(l.b);
  for (const id of Object.keys(demand)) ids.add(id);
  const topology = validateTopology({
    schemaVersion: 1,
    name: 'test',
    baseYear: 2019,
    trafficClasses: [{ id: 'internet', name: 'Internet', sink: 'gw' }],
    sites: [...ids].map((id) => ({
      id, name: id, kind: 'router',
      ...(demand[id] ? { demandMbps: { internet: demand[id] } } : {}),
    })),
    links,
    ...extra,
  }, 'inline');
  return resolveNetwork(topology);
}
