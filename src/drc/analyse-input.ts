// The DRC analysis of a loaded scenario, as the command line and the API both run it:
// the catalogue's applications in the DRC's footprint, and its own DRC server count.
import { valueOf } from '../model/figure.ts';
import type { Network } from '../model/network.ts';
import type { Catalogue } from '../servers/catalogue-schema.ts';
import { analyseDrc, type DrcResult } from './analyse-drc.ts';
import { drcApplications } from './catalogue-apps.ts';
import { drcsInService } from './drc-spec.ts';

export interface DrcInput {
  network: Network;
  year: number;
  /** Failures in force during the outage (the scenario's and any more). */
  fail: readonly string[];
  scenario: { name: string; file: string } | null;
  /** The application catalogue and the name to show for it; null leaves applications out. */
  catalogue: { file: string; data: Catalogue } | null;
}

/** Runs the DRC analysis with the catalogue's applications and servers, if any. */
export function analyseDrcInput(input: DrcInput): DrcResult {
  const drc = drcsInService(input.network)[0];
  const catalogue = drc ? input.catalogue : null;
  return analyseDrc(input.network, {
    fail: input.fail,
    scenario: input.scenario,
    applications: catalogue ? drcApplications(catalogue.data, input.year, drc.footprint) : null,
    applicationsSource: catalogue?.file ?? null,
    catalogueDrcServers: catalogue
      ? catalogueServersAt(catalogue.data, drc.site, input.year) : null,
  });
}

/** The catalogue's count of DRC servers at a site in a year; null when it lists none. */
export function catalogueServersAt(
  catalogue: Catalogue, site: string, year: number,
): number | null {
  const entries = catalogue.servers.fleet.filter((f) => f.role === 'drc' && f.site === site &&
    f.from <= year && (f.until === undefined || year <= f.until));
  return entries.length === 0 ? null : entries.reduce((n, f) => n + valueOf(f.count), 0);
}
