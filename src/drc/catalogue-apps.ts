// The application catalogue seen by the DRC: each application live in a year, with its
// owner, failover priority and the cores and memory it needs to run at the DRC.
import type { Catalogue } from '../servers/catalogue-schema.ts';
import { listTiers } from '../servers/tiers.ts';
import type { DrcSpec } from './drc-spec.ts';
import type { DrcApp } from './fit-applications.ts';

/**
 * The catalogue's applications with at least one tier live by `year`, in catalogue
 * order. `one-replica` counts one replica of each live tier (the DRC runs without the
 * data centre's redundancy); `all-replicas` counts every replica.
 * @example drcApplications(catalogue, 2023, 'one-replica')[0] // { id: 'e-office', ... }
 */
export function drcApplications(
  catalogue: Catalogue,
  year: number,
  footprint: DrcSpec['footprint'] = 'one-replica',
): DrcApp[] {
  const needs = new Map<string, { cores: number; memoryGiB: number }>();
  for (const tier of listTiers(catalogue)) {
    if (tier.live > year) continue;
    const copies = footprint === 'all-replicas' ? tier.replicas : 1;
    const need = needs.get(tier.app) ?? { cores: 0, memoryGiB: 0 };
    need.cores += tier.cores * copies;
    need.memoryGiB += tier.memoryGiB * copies;
    needs.set(tier.app, need);
  }
  return catalogue.applications
    .filter((app) => needs.has(app.id))
    .map((app) => ({
      id: app.id,
      name: app.name,
      owner: app.owner,
      priority: app.priority,
      cores: round6(needs.get(app.id)!.cores),
      memoryGiB: round6(needs.get(app.id)!.memoryGiB),
    }));
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
