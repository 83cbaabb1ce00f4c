// Hover cards: a link's or a site's figures as the last result gives them.
import { h, fill } from './dom.js';
import { capacity, MEDIUM_LABEL, mbps, pct } from './format.js';

/** Shows the card for `kind`/`id` near the pointer, or hides it when kind is null. */
export function showTooltip(el, { kind, id, event, view, result }) {
  if (!kind || !view || !result) {
    el.hidden = true;
    return;
  }
  const content = kind === 'link' ? linkCard(id, view, result) : siteCard(id, view, result);
  if (!content) {
    el.hidden = true;
    return;
  }
  fill(el, content);
  el.hidden = false;
  const pane = el.parentElement.getBoundingClientRect();
  const x = event.clientX - pane.left + 14;
  const y = event.clientY - pane.top + 14;
  el.style.left = `${Math.min(x, pane.width - el.offsetWidth - 8)}px`;
  el.style.top = `${Math.min(y, pane.height - el.offsetHeight - 8)}px`;
}

function linkCard(id, view, result) {
  const link = view.links.find((l) => l.id === id);
  const load = result.links.find((l) => l.id === id);
  if (!link || !load) return null;
  const names = new Map(view.sites.map((s) => [s.id, s.name]));
  return [
    h('div', { class: 'tt-title' }, id, load.down ? h('span', { class: 'tag down' }, 'down') : '',
      load.overloaded ? h('span', { class: 'tag over' }, 'overloaded') : '',
      link.backup ? h('span', { class: 'tag' }, 'backup') : ''),
    h('div', { class: 'tt-sub' },
      `${names.get(link.a) ?? link.a} ↔ ${names.get(link.b) ?? link.b}`),
    h('table', {}, h('tbody', {},
      row('medium', MEDIUM_LABEL[link.medium] ?? link.medium),
      row('capacity', `${capacity(load.capacityMbps)} each way`),
      row(`load → ${link.b}`, mbps(load.loadMbps.forward)),
      row(`load → ${link.a}`, mbps(load.loadMbps.reverse)),
      row('utilisation', pct(load.utilization)),
      row('headroom', mbps(load.headroomMbps)),
      link.latencyMs !== null && row('latency', `${link.latencyMs} ms`),
      link.via && row('rides', link.via))),
    h('div', { class: 'tt-hint' }, load.down ? 'click to restore' : 'click to fail'),
  ];
}

function siteCard(id, view, result) {
  const site = view.sites.find((s) => s.id === id);
  const demand = result.demand.sites.find((s) => s.id === id);
  if (!site || !demand) return null;
  const cluster = view.clusters.find((c) => c.id === site.cluster);
  return [
    h('div', { class: 'tt-title' }, site.name,
      demand.down ? h('span', { class: 'tag down' }, 'down')
      : demand.cutOff ? h('span', { class: 'tag down' }, 'cut off') : ''),
    h('div', { class: 'tt-sub' }, `${site.id} · ${site.kind}` +
      (cluster ? ` · ${cluster.name.split(':')[0]}` : '')),
    h('table', {}, h('tbody', {},
      site.office && row('demand', mbps(demand.demandMbps)),
      site.office && row('served', mbps(demand.servedMbps)),
      ...Object.entries(demand.byClass).map(([cls, v]) => row(`  ${cls}`, mbps(v))),
      site.roles.length > 0 && row('roles', site.roles.join(', ')))),
    h('div', { class: 'tt-hint' }, demand.down ? 'click to restore' : 'click to fail'),
  ];
}

function row(label, value) {
  return h('tr', {}, h('th', {}, label), h('td', {}, value));
}
