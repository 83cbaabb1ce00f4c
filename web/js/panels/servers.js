// Server load per year, from the application catalogue beside the topology.
import { h, fill, bar } from '../dom.js';
import { bandColour, pct } from '../format.js';

/** Renders the servers panel; `servers` is the API's answer or an error body. */
export function renderServers(el, { servers, error, year }) {
  if (error) {
    fill(el, h('h2', {}, 'Servers'), h('p', { class: 'hint' }, error));
    return;
  }
  if (!servers) {
    fill(el, h('h2', {}, 'Servers'), h('p', { class: 'hint' }, 'Loading…'));
    return;
  }
  fill(el,
    h('h2', {}, 'Servers'),
    h('p', { class: 'hint' }, `${servers.server.name}; target ${pct(servers.targetUtilisation)}` +
      (servers.planServers !== null ? `; the plan's ${servers.planServers} servers ` +
        (servers.planRunsOutYear ? `run out in ${servers.planRunsOutYear}` : 'suffice') : '')),
    h('table', { class: 'grid', id: 'servers-table' },
      h('thead', {}, h('tr', {}, h('th', {}, 'year'), h('th', { class: 'num' }, 'tiers'),
        h('th', { class: 'num', title: 'needed to stay under target / primary fleet' },
          'servers'),
        h('th', {}, 'cores'), h('th', {}, 'memory'),
        h('th', { class: 'num', title: 'the slowest tier\'s mean response time' }, 'ms'))),
      h('tbody', {}, servers.years.map((y) => h('tr',
        { class: y.year === year ? 'current' : null },
        h('td', {}, y.year),
        h('td', { class: 'num' }, y.tiersLive),
        h('td', { class: `num${y.fleetShort > 0 ? ' alarm' : ''}` },
          `${y.serversNeeded ?? '∞'} / ${y.fleet.primary}`),
        utilCell(y.utilisation.cores),
        utilCell(y.utilisation.memory ?? y.utilisation.memoryGiB),
        h('td', { class: 'num', title: y.worstResponse?.tier ?? '' },
          y.worstResponse?.meanResponseMs == null ? '—'
            : Math.round(y.worstResponse.meanResponseMs).toLocaleString('en')))))));
}

function utilCell(u) {
  if (u === undefined || u === null) return h('td', {}, '—');
  return h('td', { class: 'util' }, bar(u, bandColour(u)), h('span', { class: 'num' }, pct(u)));
}
