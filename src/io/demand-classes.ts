// The demands of an imported file (SNDlib's) as traffic classes: one class per target,
// each source's figure towards it, so that simulate routes what the file asks for.
import type { z } from 'zod';
import type { FigureInput } from '../model/figure.ts';
import type { TrafficClassSchema } from '../model/topology-schema.ts';
import type { ImportedDemand } from './imported-graph.ts';
import { makeSafeIds } from './safe-ids.ts';

type ClassInput = z.input<typeof TrafficClassSchema>;

/** Classes, each source site's demand by class, and what was left out. */
export interface DemandClasses {
  classes: ClassInput[];
  demandBySite: Map<string, Record<string, FigureInput>>;
  /** Demands that route nothing: from a node to itself, or of 0 Mbps. */
  omitted: number;
}

/**
 * Groups demands by target. A class `to-<target>` has the target as its sink and its
 * figures in the direction of the sink (`towards: sink`, nothing back), each citing
 * the file; several demands between the same pair add up. Site ids are those the
 * importer gave the file's nodes.
 */
export function demandClasses(
  demands: readonly ImportedDemand[],
  siteIds: ReadonlyMap<string, string>,
  fileName: string,
): DemandClasses {
  const totals = new Map<string, Map<string, number>>();
  let omitted = 0;
  for (const d of demands) {
    const source = siteIds.get(d.source);
    const target = siteIds.get(d.target);
    if (source === undefined || target === undefined || source === target ||
      !(d.valueMbps > 0)) {
      omitted += 1;
      continue;
    }
    const bySource = totals.get(target) ?? new Map<string, number>();
    bySource.set(source, (bySource.get(source) ?? 0) + d.valueMbps);
    totals.set(target, bySource);
  }

  const targets = [...totals.keys()];
  const classIds = makeSafeIds(targets.map((t) => `to-${t}`), 'class');
  const classes: ClassInput[] = [];
  const demandBySite = new Map<string, Record<string, FigureInput>>();
  targets.forEach((target, i) => {
    const id = classIds[i];
    classes.push({
      id, name: `demand to ${target}`, sink: target, towards: 'sink', upstreamRatio: 0,
    });
    for (const [source, mbps] of totals.get(target)!) {
      const figures = demandBySite.get(source) ?? {};
      figures[id] = { value: mbps, source: 'data', ref: fileName };
      demandBySite.set(source, figures);
    }
  });
  return { classes, demandBySite, omitted };
}
