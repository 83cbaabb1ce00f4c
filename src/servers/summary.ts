// The server figures of one year, as the simulation result carries them.
import { analyseServers } from './analyse.ts';
import type { Catalogue } from './catalogue-schema.ts';

export interface ServersSummary {
  year: number;
  catalogue: string;
  tiersLive: number;
  replicasLive: number;
  /** Servers in the primary fleet that year, and at the DRC. */
  servers: number;
  drcServers: number;
  /** Servers needed to stay under the target utilisation; null when a tier fits nowhere. */
  serversNeeded: number | null;
  planServers: number | null;
  planRunsOutYear: number | null;
  utilisation: { cores: number; memory: number; storage: number };
  unplaced: number;
  worstResponse: { tier: string; meanResponseMs: number | null } | null;
  warnings: number;
}

/** Summarises the catalogue's server load in `year`; null outside its years. */
export function serversSummary(catalogue: Catalogue, year: number): ServersSummary | null {
  if (year < catalogue.years.first || year > catalogue.years.last) return null;
  const result = analyseServers(catalogue, { year });
  const y = result.years[0];
  return {
    year,
    catalogue: result.catalogue,
    tiersLive: y.tiersLive,
    replicasLive: y.replicasLive,
    servers: y.fleet.primary,
    drcServers: y.fleet.drc,
    serversNeeded: y.serversNeeded,
    planServers: result.planServers,
    planRunsOutYear: result.planRunsOutYear,
    utilisation: y.utilisation,
    unplaced: y.unplaced.length,
    worstResponse: y.worstResponse,
    warnings: y.warnings.length,
  };
}
