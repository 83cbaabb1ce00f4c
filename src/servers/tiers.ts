// A catalogue seen as plain numbers: every tier with its sizes, and every office
// that uses an application.
import { valueOf } from '../model/figure.ts';
import type { Application, Catalogue } from './catalogue-schema.ts';

/** One application tier with its figures as numbers. */
export interface TierFigures {
  /** `app/tier`, unique in the catalogue. */
  id: string;
  app: string;
  tier: string;
  kind: string;
  live: number;
  priority: number;
  /** Per replica. */
  cores: number;
  memoryGiB: number;
  storageGiB: number;
  replicas: number;
  peakRps: number;
  serviceTimeMs: number;
}

/** Every tier of the catalogue, in file order. */
export function listTiers(catalogue: Catalogue): TierFigures[] {
  return catalogue.applications.flatMap((app) => app.tiers.map((tier) => ({
    id: `${app.id}/${tier.name}`,
    app: app.id,
    tier: tier.name,
    kind: tier.kind ?? tier.name,
    live: tier.live ?? app.live,
    priority: app.priority,
    cores: valueOf(tier.cores),
    memoryGiB: valueOf(tier.memoryGiB),
    storageGiB: valueOf(tier.storageGiB),
    replicas: valueOf(tier.replicas) ?? 1,
    peakRps: valueOf(tier.peakRps),
    serviceTimeMs: valueOf(tier.serviceTimeMs),
  })));
}

/** The offices that use an application, its owner included, sorted, each once. */
export function usersOf(app: Application, catalogue: Catalogue): string[] {
  const out = new Set<string>([app.owner]);
  if (app.users === 'all') {
    for (const office of catalogue.offices) out.add(office);
  } else {
    for (const id of app.users) {
      const members = catalogue.groups?.[id];
      if (members) for (const office of members) out.add(office);
      else out.add(id);
    }
  }
  return [...out].sort();
}
