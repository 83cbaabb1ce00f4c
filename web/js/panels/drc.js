// The DRC when the data centre fails: its link in normal operation and in the outage,
// which applications it holds, and recovery time and data loss per class.
import { h, fill, bar } from '../dom.js';
import { bandColour, capacity, mbps, pct } from '../format.js';

/** Renders the DRC panel from the API's DRC analysis. */
export function renderDrc(el, { drc, error }) {
  const title = h('h2', {}, 'DRC failover');
  if (error) return fill(el, title, h('p', { class: 'hint' }, error));
  if (!drc) return fill(el, title, h('p', { class: 'hint' }, 'Loading…'));
  if (!drc.drc || !drc.outage || !drc.replication) {
    return fill(el, title, h('p', { class: 'hint' }, drc.notice ?? 'No DRC in service.'));
  }
  const d = drc.drc;
  const o = drc.outage;
  const rep = drc.replication;
  const apps = drc.applications;
  return fill(el, title,
    h('p', {}, h('b', {}, d.name), ` stands in for ${d.standsInFor} over ${d.link}; ` +
      `${d.servers} servers × ${d.coresPerServer} cores`),
    h('table', { class: 'grid', id: 'drc-links' },
      h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', { class: 'num' }, 'traffic'),
        h('th', {}, `${d.link} (${capacity(rep.link.capacityMbps)})`), h('th', {}, ''))),
      h('tbody', {},
        linkRow('normal: replication', mbps(rep.mbps), rep.link, rep.carried),
        linkRow(`outage of ${d.standsInFor}`, mbps(o.failedOverMbps.towardsOffices), o.link,
          o.carried))),
    apps && h('p', { class: apps.allFit ? 'ok' : 'error' },
      `${apps.admitted.length} of ${apps.considered} applications restored at the DRC ` +
      `(${Math.round(apps.used.cores)} of ${Math.round(apps.capacity.cores)} cores)` +
      (apps.leftOut.length ? `; left out, in order: ${apps.leftOut.slice(0, 6)
        .map((a) => a.id).join(', ')}${apps.leftOut.length > 6 ? ', …' : ''}` : '')),
    h('table', { class: 'grid compact', id: 'drc-recovery' },
      h('thead', {}, h('tr', {}, h('th', {}, 'class'), h('th', { class: 'num' }, 'apps'),
        h('th', { class: 'num' }, 'back in'), h('th', { class: 'num' }, 'data loss'))),
      h('tbody', {}, drc.recovery.map((c) => h('tr', {},
        h('td', { title: `priorities ${c.minPriority}-${c.maxPriority}` }, c.id),
        h('td', { class: 'num' }, c.applications === null ? '—'
          : `${c.applications}${c.leftOut ? ` (+${c.leftOut} out)` : ''}`),
        h('td', { class: 'num' }, `${c.recoveryMinutes} min`),
        h('td', { class: 'num' }, `${c.dataLossMinutes} min`))))),
    drc.warnings.map((w) => h('p', { class: 'hint' }, `⚠ ${w}`)));
}

function linkRow(label, traffic, link, carried) {
  return h('tr', {}, h('td', {}, label), h('td', { class: 'num' }, traffic),
    h('td', { class: 'util' }, bar(link.utilization, bandColour(link.utilization)),
      h('span', { class: 'num' }, pct(link.utilization))),
    h('td', {}, carried ? h('span', { class: 'tag' }, 'carried')
      : h('span', { class: 'tag down' }, 'not carried')));
}
