// "What changed": the failure's effect, from the result and the API's diff against the
// intact network. With nothing failed, the network's own state.
import { h, fill, bar } from '../dom.js';
import { bandColour, mbps, pct, signed } from '../format.js';

/** Renders the impact panel. */
export function renderImpact(el, { view, result, diff, fail, onToggle }) {
  if (!result) return;
  const siteName = new Map(view.sites.map((s) => [s.id, s.name]));
  if (fail.length === 0) {
    const busiest = [...result.links].filter((l) => !l.down)
      .sort((p, q) => q.utilization - p.utilization).slice(0, 5);
    fill(el,
      h('h2', {}, 'Network state'),
      h('p', { class: 'hint' }, 'Click a link, a site or a shared-risk group to fail it; ' +
        'click it again to restore it.'),
      stats([
        ['Overloaded links', result.overloaded.length, result.overloaded.length > 0],
        ['Offices cut off', result.cutOff.length, result.cutOff.length > 0],
        ['Unrouted', mbps(result.unroutedMbps), result.unroutedMbps > 0],
        ['Backups in use', result.backupsInUse.length, false],
      ]),
      h('h3', {}, 'Busiest links'),
      linkTable(busiest.map((l) => ({
        id: l.id, cells: [pct(l.utilization)], utilization: l.utilization,
      })), ['utilisation']));
    return;
  }

  const downClusters = result.clusters.filter((c) => c.uplink.down);
  const cut = new Set(result.cutOff);
  fill(el,
    h('h2', {}, 'Failure impact'),
    h('div', { class: 'failed-list' }, 'Failed: ', fail.map((id) =>
      h('button', { class: 'chip failed', title: 'restore', onclick: () => onToggle(id) },
        id.replace(/^(link|site|group):/, ''), ' ✕'))),
    stats([
      ['Offices cut off', result.cutOff.length, result.cutOff.length > 0],
      ['Unrouted', mbps(result.unroutedMbps), result.unroutedMbps > 0],
      ['Lost (site down)', mbps(result.lostMbps), result.lostMbps > 0],
      ['Overloaded links', diff
        ? `${result.overloaded.length} (${diff.overloaded.added.length} new)`
        : result.overloaded.length, result.overloaded.length > 0],
    ]),
    downClusters.length > 0 && h('div', { class: 'notice' }, downClusters.map((c) =>
      h('p', {}, h('b', {}, c.name.split(':')[0]), ` has lost its uplink ${c.uplink.link}: `,
        `its ${c.offices} office(s) are `,
        officesOf(result, c.id).every((s) => cut.has(s.id)) ? 'cut off.'
          : result.backupsInUse.length > 0
            ? `served over ${result.backupsInUse.join(', ')}.` : 'served another way.'))),
    diff && diff.offices.lostService.length > 0 && [
      h('h3', {}, 'Offices that lose service'),
      h('ul', { class: 'office-list' }, diff.offices.lostService.map((o) =>
        h('li', { class: 'cut' }, h('span', {}, siteName.get(o.id) ?? o.id),
          h('span', { class: 'num' }, `${mbps(o.servedMbps.b)} of ${mbps(o.demandMbps)}`)))),
    ],
    diff && [
      h('h3', {}, 'Links that changed most'),
      linkTable(diff.links.slice(0, 10).map((l) => ({
        id: l.id,
        cells: [
          l.down.b ? 'down' : `${pct(l.utilization.a)} → ${pct(l.utilization.b)}`,
          signed(mbps(Math.abs(l.loadMbps.delta)), l.loadMbps.delta),
        ],
        utilization: l.down.b ? null : l.utilization.b,
      })), ['utilisation', 'Δ load']),
      diff.links.length > 10 && h('p', { class: 'hint' },
        `${diff.links.length - 10} more link(s) changed; ${diff.linksUnchanged} unchanged.`),
    ],
  );
}

function officesOf(result, cluster) {
  return result.demand.sites.filter((s) => s.cluster === cluster && s.office);
}

function stats(rows) {
  return h('dl', { class: 'stats' }, rows.map(([label, value, alarm]) =>
    h('div', { class: alarm ? 'stat alarm' : 'stat' }, h('dt', {}, label), h('dd', {}, value))));
}

function linkTable(rows, headers) {
  return h('table', { class: 'grid' },
    h('thead', {}, h('tr', {}, h('th', {}, 'link'),
      headers.map((x) => h('th', { class: 'num' }, x)))),
    h('tbody', {}, rows.map((r) => h('tr', { dataset: { link: r.id } },
      h('td', {}, r.utilization === null ? null : h('i', { class: 'swatch' }, ''), r.id),
      r.cells.map((c) => h('td', { class: 'num' }, c))))));
}

/** Colours the swatches after render (CSSOM, as the policy requires). */
export function paintSwatches(el, result) {
  const byId = new Map(result.links.map((l) => [l.id, l]));
  for (const row of el.querySelectorAll('tr[data-link]')) {
    const swatch = row.querySelector('.swatch');
    const link = byId.get(row.dataset.link);
    if (swatch && link) swatch.style.background = bandColour(link.utilization);
  }
}

export { bar };
