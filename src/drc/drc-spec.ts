// A network's disaster-recovery centres, read from the `drc` blocks of its sites with
// every figure resolved to a number.
import { valueOf } from '../model/figure.ts';
import type { Network } from '../model/network.ts';

/** The lowest failover priority a catalogue may give (1 is restored first). */
const MAX_PRIORITY = 99;

/** A recovery class: which priorities it holds, how fast they are back, what they lose. */
export interface RecoveryClass {
  id: string;
  name: string;
  /** Priorities above the previous class's maxPriority, up to this one. */
  minPriority: number;
  maxPriority: number;
  restartMinutes: number;
  replicationIntervalMinutes: number;
}

/** A DRC with every figure a number. */
export interface DrcSpec {
  /** The DRC's own site. */
  site: string;
  name: string;
  standsInFor: string;
  classes: string[];
  link: string;
  from: number;
  servers: number;
  coresPerServer: number;
  memoryGiBPerServer: number;
  overhead: number;
  /** What applications may use: every server, less the hypervisor's share. */
  capacity: { cores: number; memoryGiB: number };
  footprint: 'one-replica' | 'all-replicas';
  firstOffices: string[];
  detectionMinutes: number;
  replication: { class: string; changeGiBPerDay: number; windowHours: number };
  recovery: RecoveryClass[];
}

/** Every DRC of the network, in service or not, in site order. */
export function drcSpecs(network: Network): DrcSpec[] {
  const present = new Set(network.sites.map((s) => s.id));
  const out: DrcSpec[] = [];
  for (const site of network.topology.sites) {
    const drc = site.drc;
    if (!drc || !present.has(site.id)) continue;
    const servers = valueOf(drc.servers);
    const coresPerServer = valueOf(drc.coresPerServer);
    const memoryGiBPerServer = valueOf(drc.memoryGiBPerServer);
    const overhead = valueOf(drc.overhead) ?? 0;
    let previous = 0;
    out.push({
      site: site.id,
      name: site.name,
      standsInFor: drc.standsInFor,
      classes: [...drc.classes],
      link: drc.link,
      from: valueOf(drc.from),
      servers,
      coresPerServer,
      memoryGiBPerServer,
      overhead,
      capacity: {
        cores: round6(servers * coresPerServer * (1 - overhead)),
        memoryGiB: round6(servers * memoryGiBPerServer * (1 - overhead)),
      },
      footprint: drc.footprint ?? 'one-replica',
      firstOffices: drc.firstOffices ?? [],
      detectionMinutes: valueOf(drc.detectionMinutes),
      replication: {
        class: drc.replication.class,
        changeGiBPerDay: valueOf(drc.replication.changeGiBPerDay),
        windowHours: valueOf(drc.replication.windowHours),
      },
      recovery: drc.recovery.map((c, i) => {
        const minPriority = previous + 1;
        previous = c.maxPriority;
        // The last class takes every priority above the others.
        const last = i === drc.recovery.length - 1;
        return {
          id: c.id,
          name: c.name,
          minPriority,
          maxPriority: last ? MAX_PRIORITY : c.maxPriority,
          restartMinutes: valueOf(c.restartMinutes),
          replicationIntervalMinutes: valueOf(c.replicationIntervalMinutes),
        };
      }),
    });
  }
  return out;
}

/** The DRCs in service in the network's year. */
export function drcsInService(network: Network): DrcSpec[] {
  return drcSpecs(network).filter((d) => d.from <= network.year);
}

/** The recovery class of a failover priority. */
export function recoveryClassOf(spec: DrcSpec, priority: number): RecoveryClass {
  return spec.recovery.find((c) => priority <= c.maxPriority) ??
    spec.recovery[spec.recovery.length - 1];
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
