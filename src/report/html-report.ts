// One self-contained HTML document for a simulation, a plan or a diff: tables and
// inline SVG charts, no script and nothing fetched, so it opens offline anywhere.
import type { PlanResult, PlanYear } from '../capacity/plan.ts';
import type { ScenarioDiff } from '../engine/compare.ts';
import type { SimulationResult } from '../engine/result.ts';
import { barChart, columnChart, escapeXml as esc, utilisationColour } from './svg-charts.ts';
import { fixed, percent, rupiah } from './table.ts';

export type ReportInput =
  | { kind: 'simulation'; result: SimulationResult }
  | { kind: 'plan'; plan: PlanResult }
  | { kind: 'diff'; diff: ScenarioDiff };

const CLASS_COLOURS = ['#3a6ea5', '#7fb3d5', '#c39bd3', '#f5b041', '#58d68d', '#ec7063'];

/** Renders the report; `generatedAt` is shown as given (the caller owns the clock). */
export function renderReport(input: ReportInput, generatedAt: string): string {
  const [title, body] = input.kind === 'simulation' ? simulationSection(input.result)
    : input.kind === 'plan' ? planSection(input.plan)
    : diffSection(input.diff);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style></head>
<body><header><h1>${esc(title)}</h1>
<p class="meta">spbe-netsim report, generated ${esc(generatedAt)}. Figures the master plan
does not give are estimates under the rules written in the topology and scenario files.</p>
</header>
${body}
</body></html>
`;
}

function simulationSection(r: SimulationResult): [string, string] {
  const title = `${r.network.name} ${r.network.year}${r.scenario ? `: ${r.scenario.name}` : ''}`;
  const failed = r.failed.elements.length === 0 ? ''
    : `<p>Failed: ${esc(r.failed.elements.map((e) => `${e.kind} ${e.id}`).join(', '))}</p>`;
  const demand = table(['', 'Mbps'], [
    ['Total demand (all classes)', fixed(r.demand.totalMbps)],
    ...Object.entries(r.demand.byClass).map(([c, v]) => [`&nbsp;&nbsp;${esc(c)}`, fixed(v)]),
    [`Target (${esc(r.demand.targetClasses.join(' + '))})`,
      r.demand.targetMbps === null ? '-' : fixed(r.demand.targetMbps)],
    ['Demand in the target\u2019s scope', fixed(r.demand.targetScopeMbps)],
    ['Unrouted', fixed(r.unroutedMbps)],
    ['Lost at failed sites', fixed(r.lostMbps)],
  ]);
  const cutOff = r.cutOff.length > 0 ? `Cut off: ${esc(r.cutOff.join(', '))}.`
    : 'No office is cut off.';

  const clusters = table(
    ['cluster', 'members', 'offices', 'demand Mbps', 'uplink', 'capacity Mbps', 'utilisation'],
    r.clusters.map((c) => [
      esc(c.name), String(c.members), String(c.offices), fixed(c.demandMbps), esc(c.uplink.link),
      fixed(c.uplink.capacityMbps, 0), c.uplink.down ? 'down' : percent(c.uplink.utilization),
    ]));

  const top = [...r.links].sort((a, b) => b.utilization - a.utilization).slice(0, 25);
  const chart = barChart(top.map((l) => ({
    label: l.id,
    value: l.utilization,
    colour: utilisationColour(l.utilization),
    note: `${fixed(Math.max(l.loadMbps.forward, l.loadMbps.reverse))} of ` +
      `${fixed(l.capacityMbps, 0)} Mbps`,
  })), { format: percent, mark: 1 });
  const overloaded = r.overloaded.length === 0 ? 'No link is overloaded.'
    : `Overloaded: ${esc(r.overloaded.join(', '))}.`;
  const backups = r.backupsInUse.length === 0 ? ''
    : ` Backup links carrying traffic: ${esc(r.backupsInUse.join(', '))}.`;

  const links = table(
    ['link', 'ends', 'medium', 'capacity', 'load a\u2192b', 'load b\u2192a', 'utilisation'],
    r.links.map((l) => [
      esc(l.id), esc(`${l.source} \u2013 ${l.target}`), esc(l.medium), fixed(l.capacityMbps, 0),
      fixed(l.loadMbps.forward), fixed(l.loadMbps.reverse),
      l.down ? 'down' : percent(l.utilization),
    ]));

  const body = `
<section><h2>Demand</h2>${failed}${demand}
<p>${r.demand.offices} of ${r.demand.officesTotal} offices have demand. ${cutOff}</p></section>
<section><h2>Clusters</h2>${clusters}</section>
<section><h2>Utilisation by link (the ${top.length} busiest)</h2>${chart}
<p>${overloaded}${backups}</p></section>
<section><h2>All links</h2>${links}</section>`;
  return [title, body];
}

function planSection(plan: PlanResult): [string, string] {
  const years = plan.years.map((y) => String(y.year));
  const classes = [...new Set(plan.years.flatMap((y) => Object.keys(y.demand.byClass)))];
  const target = plan.years.find((y) => y.demand.targetMbps !== null)?.demand.targetMbps;
  const demandChart = columnChart(years,
    classes.map((c, i) => ({
      name: c,
      colour: CLASS_COLOURS[i % CLASS_COLOURS.length],
      values: plan.years.map((y) => y.demand.byClass[c] ?? 0),
    })), {
      format: (v) => `${fixed(v, 0)} Mbps`,
      line: target == null ? undefined : { value: target, label: `target ${fixed(target)} Mbps` },
    });
  const costChart = columnChart(years, [
    {
      name: 'rent (12 months)', colour: '#3a6ea5',
      values: plan.years.map((y) => y.monthlyIdr * 12),
    },
    { name: 'installation', colour: '#f5b041', values: plan.years.map((y) => y.installIdr) },
  ], { format: (v) => `Rp ${fixed(v / 1e6, 0)} jt` });
  const costs = table(['year', 'monthly', 'a year of rent', 'installation'], plan.years.map((y) =>
    [String(y.year), rupiah(y.monthlyIdr), rupiah(y.monthlyIdr * 12), rupiah(y.installIdr)]));

  const last = plan.years[plan.years.length - 1];
  const utilisation = last === undefined ? '' : barChart(last.links.map((l) => ({
    label: l.link,
    value: l.utilizationNormal,
    colour: utilisationColour(l.utilizationNormal),
    note: `${l.size.mbps} Mbps`,
  })), { format: percent, mark: plan.targets.normal });

  const body = `
<section><h2>Demand against the target, by year</h2>${demandChart}</section>
<section><h2>Cost by year</h2>${costChart}${costs}</section>
<section><h2>Utilisation of the sized links in ${last?.year ?? ''}</h2>${utilisation}</section>
${plan.years.map(planYearSection).join('\n')}`;
  return [`Circuit plan: ${plan.name}`, body];
}

function planYearSection(y: PlanYear): string {
  const events = y.events.length === 0 ? ''
    : `<p>Events: ${esc(y.events.map((e) => e.name).join('; '))}</p>`;
  const sizes = table(
    ['link', 'role', 'medium', 'load Mbps', 'worst Mbps', 'worst failure', 'size Mbps', 'util',
      'util fail', 'monthly', 'changed because'],
    y.links.map((l) => [
      esc(l.link), esc(l.role), esc(l.medium), fixed(l.normalLoadMbps), fixed(l.worstLoadMbps),
      esc(l.worstFailure ?? '-'), `${l.size.mbps}${l.size.sufficient ? '' : ' (too small)'}`,
      percent(l.utilizationNormal), percent(l.utilizationFailure), rupiah(l.size.monthlyIdr),
      l.changed ? esc(l.drivenBy.join('; ')) : '',
    ]));
  return `<section><h2>${y.year}</h2>${events}${sizes}
<p>Cost: ${rupiah(y.monthlyIdr)} a month; ${rupiah(y.installIdr)} to install this year.</p>
</section>`;
}

function diffSection(d: ScenarioDiff): [string, string] {
  const unserved = (side: ScenarioDiff['a']) => side.unroutedMbps + side.lostMbps;
  const summary = table(['', esc(d.a.label), esc(d.b.label), 'change'], [
    ['Total demand Mbps', fixed(d.a.demandMbps), fixed(d.b.demandMbps),
      signed(d.b.demandMbps - d.a.demandMbps)],
    ['Unserved Mbps', fixed(unserved(d.a)), fixed(unserved(d.b)),
      signed(unserved(d.b) - unserved(d.a))],
    ['Monthly cost', rupiah(d.cost.a), rupiah(d.cost.b), rupiah(d.cost.b - d.cost.a)],
  ]);
  const list = (sites: Array<{ id: string }>, what: string) => (sites.length === 0 ? ''
    : `Offices that ${what} service: ${esc(sites.map((s) => s.id).join(', '))}.`);
  const offices = [list(d.offices.lostService, 'lose'), list(d.offices.regainedService, 'regain')]
    .filter(Boolean).join(' ') || 'No office loses or regains service.';

  const moved = d.links.filter((l) => l.utilization.delta !== 0).slice(0, 25);
  const chart = moved.length === 0 ? '<p>No link\u2019s load changed.</p>'
    : barChart(moved.map((l) => ({
      label: l.id,
      value: Math.abs(l.utilization.delta),
      colour: l.utilization.delta > 0 ? '#b3001b' : '#4f9d69',
      note: l.utilization.delta > 0 ? 'up' : 'down',
    })), { format: percent });
  const orDash = (x: number | null, f: (v: number) => string) => (x === null ? '-' : f(x));
  const links = table(['link', 'status', 'load a Mbps', 'load b Mbps', 'util a', 'util b'],
    d.links.slice(0, 60).map((l) => [
      esc(l.id), esc(l.status), orDash(l.loadMbps.a, fixed), orDash(l.loadMbps.b, fixed),
      orDash(l.utilization.a, percent), orDash(l.utilization.b, percent),
    ]));
  const sizes = table(['link', `size ${esc(d.a.label)}`, `size ${esc(d.b.label)}`],
    d.sizes.map((s) => [esc(s.link), String(s.a ?? '-'), String(s.b ?? '-')]));
  const worst = table(['', esc(d.a.label), esc(d.b.label)], [
    ['failure', esc(d.worst.a?.failure ?? '-'), esc(d.worst.b?.failure ?? '-')],
    ['unserved Mbps', fixed(d.worst.a?.unservedMbps ?? 0), fixed(d.worst.b?.unservedMbps ?? 0)],
  ]);

  const body = `
<section><h2>Demand</h2>${summary}<p>${offices}</p></section>
<section><h2>Utilisation change by link (largest first)</h2>${chart}${links}</section>
<section><h2>Circuit sizes</h2>${sizes}</section>
<section><h2>Worst single failure</h2>${worst}</section>`;
  return [`What changed: ${d.a.label} \u2192 ${d.b.label}`, body];
}

/** A table; cells are HTML already escaped by the caller. */
function table(headers: string[], rows: string[][]): string {
  const head = headers.map((h) => `<th>${h}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function signed(x: number): string {
  return `${x > 0 ? '+' : ''}${fixed(x)}`;
}

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; color: #1d2733; margin: 0 auto;
  max-width: 1100px; padding: 0 24px 48px; }
header { border-bottom: 3px solid #3a6ea5; margin-bottom: 8px; }
h1 { font-size: 24px; margin: 24px 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; }
.meta { color: #5b6b7c; font-size: 12px; }
table { border-collapse: collapse; margin: 8px 0; font-size: 13px; }
th, td { padding: 3px 10px; border-bottom: 1px solid #e3e8ee; text-align: right; }
th { background: #f3f6f9; } td:first-child, th:first-child { text-align: left; }
svg.chart { display: block; font-size: 11px; margin: 8px 0; }
svg .grid { stroke: #e3e8ee; } svg .mark { stroke: #1d2733; stroke-dasharray: 4 3; }
svg .axis { fill: #5b6b7c; } svg .mark-label { fill: #1d2733; font-weight: 600; }
`;
