// The readable summary of a simulation for the terminal.
import type { SimulationResult } from '../engine/result.ts';
import { fixed, percent, renderTable } from './table.ts';

export interface TextOptions {
  /** How many of the most utilised links to list. */
  topLinks?: number;
}

/** Demand against target, clusters and their uplinks, the most loaded links. */
export function simulationText(r: SimulationResult, options: TextOptions = {}): string {
  const out: string[] = [];
  const scenario = r.scenario ? `, scenario "${r.scenario.name}" (${r.scenario.file})` : '';
  out.push(`${r.network.name}, ${r.network.year}${scenario}`);
  out.push(`${r.network.sites} sites, ${r.network.links} links`);
  if (r.failed.elements.length > 0) {
    out.push(`Failed: ${r.failed.elements.map((e) => `${e.kind} ${e.id}`).join(', ')}`);
  }

  const target = r.demand.targetMbps;
  const classes = Object.entries(r.demand.byClass).map(([c, v]) => `${c} ${fixed(v)}`).join(', ');
  out.push('');
  out.push(`Demand   ${fixed(r.demand.totalMbps)} Mbps from ${r.demand.offices} of ` +
    `${r.demand.officesTotal} offices (${classes})`);
  if (target !== null) {
    const scope = r.demand.targetClasses.join(' + ');
    out.push(`Target   ${fixed(target)} Mbps for ${scope}: ` +
      `${fixed(r.demand.targetScopeMbps)} Mbps, ` +
      `${percent(r.demand.targetScopeMbps / target)} of it`);
  }
  out.push(`Unrouted ${fixed(r.unroutedMbps)} Mbps` +
    (r.lostMbps > 0 ? `, lost at failed sites ${fixed(r.lostMbps)} Mbps` : '') +
    (r.cutOff.length > 0 ? `; offices cut off: ${r.cutOff.join(', ')}` : ''));

  if (r.clusters.length > 0) {
    out.push('', 'Clusters');
    out.push(renderTable(r.clusters, [
      { header: 'cluster', value: (c) => c.id },
      { header: 'members', value: (c) => c.members },
      { header: 'offices', value: (c) => c.offices },
      { header: 'demand Mbps', value: (c) => fixed(c.demandMbps), right: true },
      { header: 'uplink', value: (c) => c.uplink.link },
      { header: 'capacity', value: (c) => fixed(c.uplink.capacityMbps, 0), right: true },
      {
        header: 'utilisation', right: true,
        value: (c) => (c.uplink.down ? 'down' : percent(c.uplink.utilization)),
      },
      { header: 'name', value: (c) => c.name },
    ]));
  }

  const top = [...r.links].sort((a, b) => b.utilization - a.utilization || a.id.localeCompare(b.id))
    .slice(0, options.topLinks ?? 10);
  out.push('', `Most utilised links (${top.length} of ${r.links.length})`);
  out.push(renderTable(top, [
    { header: 'link', value: (l) => l.id },
    { header: 'ends', value: (l) => `${l.source} - ${l.target}` },
    { header: 'medium', value: (l) => l.medium },
    { header: 'capacity', value: (l) => fixed(l.capacityMbps, 0), right: true },
    { header: 'load a>b', value: (l) => fixed(l.loadMbps.forward), right: true },
    { header: 'load b>a', value: (l) => fixed(l.loadMbps.reverse), right: true },
    {
      header: 'utilisation', right: true,
      value: (l) => (l.down ? 'down' : percent(l.utilization)),
    },
  ]));

  if (r.servers) {
    const s = r.servers;
    const u = s.utilisation;
    out.push('', `Servers  ${s.tiersLive} application tiers live on ${s.servers} server(s); ` +
      `cores ${percent(u.cores)}, memory ${percent(u.memory)}, storage ${percent(u.storage)}; ` +
      `${s.serversNeeded ?? 'no number of'} needed under target` +
      (s.planRunsOutYear ? `; the plan's ${s.planServers} run out in ${s.planRunsOutYear}` : ''));
  }

  out.push('');
  out.push(r.overloaded.length === 0
    ? 'No link is overloaded.'
    : `Overloaded: ${r.overloaded.length} link(s): ${r.overloaded.join(', ')}`);
  if (r.backupsInUse.length > 0) {
    out.push(`Backup links carrying traffic: ${r.backupsInUse.join(', ')}`);
  }
  for (const f of r.failover) {
    out.push(`Failover: class ${f.class} goes to ${f.to} while ${f.from} is down`);
  }
  return out.join('\n');
}
