// The readable plan for the terminal: per year, demand, events, sizes and costs.
import type { PlanResult } from '../capacity/plan.ts';
import { fixed, percent, renderTable, rupiah } from './table.ts';

/** Per year: demand against target, the events, each sized link and why, the costs. */
export function planText(plan: PlanResult): string {
  const out: string[] = [];
  out.push(`Plan for ${plan.name}: sizes keep utilisation under ${percent(plan.targets.normal)} ` +
    `in normal operation and ${percent(plan.targets.failure)} under the worst single failure.`);
  for (const y of plan.years) {
    out.push('', `== ${y.year} ==`);
    const target = y.demand.targetMbps === null ? '' :
      ` (target scope ${fixed(y.demand.targetScopeMbps)} of ${fixed(y.demand.targetMbps)} Mbps)`;
    out.push(`Demand ${fixed(y.demand.totalMbps)} Mbps${target}`);
    if (y.events.length > 0) out.push(`Events: ${y.events.map((e) => e.name).join('; ')}`);
    out.push(renderTable(y.links, [
      { header: 'link', value: (l) => l.link },
      { header: 'role', value: (l) => l.role },
      { header: 'medium', value: (l) => l.medium },
      { header: 'load', value: (l) => fixed(l.normalLoadMbps), right: true },
      { header: 'worst', value: (l) => fixed(l.worstLoadMbps), right: true },
      { header: 'worst failure', value: (l) => l.worstFailure ?? '-' },
      {
        header: 'size', right: true,
        value: (l) => `${l.size.mbps}${l.size.sufficient ? '' : '!'}`,
      },
      { header: 'util', value: (l) => percent(l.utilizationNormal), right: true },
      { header: 'util fail', value: (l) => percent(l.utilizationFailure), right: true },
      { header: 'monthly', value: (l) => rupiah(l.size.monthlyIdr), right: true },
      { header: 'why changed', value: (l) => (l.changed ? l.drivenBy.join('; ') : '') },
    ]));
    if (y.unsized.length > 0) {
      out.push(`Not sized (no circuit catalogue for the medium): ` +
        y.unsized.map((u) => `${u.link} (${u.medium})`).join(', '));
    }
    out.push(`Cost: ${rupiah(y.monthlyIdr)} a month, ${rupiah(y.installIdr)} to install this year`);
  }
  const insufficient = plan.years.flatMap((y) => y.links.filter((l) => !l.size.sufficient)
    .map((l) => `${y.year} ${l.link}`));
  if (insufficient.length > 0) {
    out.push('', `! no size on offer meets the targets: ${insufficient.join(', ')}`);
  }
  out.push('', `Installation over the plan: ${rupiah(plan.totalInstallIdr)}`);
  return out.join('\n');
}
