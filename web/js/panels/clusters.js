// Each cluster's uplink: capacity, load, utilisation, and the size planning recommends.
import { h, fill, bar } from '../dom.js';
import { bandColour, capacity, mbps, pct } from '../format.js';

/** Renders the cluster uplinks panel. */
export function renderClusters(el, { result, sizing, sizingNote, colours }) {
  if (!result) return;
  if (result.clusters.length === 0) {
    fill(el, h('h2', {}, 'Cluster uplinks'),
      h('p', { class: 'hint' }, 'This network has no clusters.'));
    return;
  }
  const sized = new Map((sizing?.links ?? []).map((l) => [l.link, l]));
  fill(el,
    h('h2', {}, 'Cluster uplinks'),
    h('table', { class: 'grid' },
      h('thead', {}, h('tr', {}, h('th', {}, 'cluster'), h('th', {}, 'uplink'),
        h('th', { class: 'num' }, 'load ↓ / ↑'), h('th', {}, 'utilisation'),
        h('th', { class: 'num', title: 'the size planning recommends: the smallest in the ' +
          'circuit catalogue within the utilisation targets, normally and under the worst ' +
          'single failure' }, 'sized'))),
      h('tbody', {}, result.clusters.map((c) => {
        const swatch = h('i', { class: 'swatch' });
        swatch.style.background = colours.get(c.id) ?? '#888';
        const size = sized.get(c.uplink.link);
        return h('tr', { class: c.uplink.down ? 'down' : null },
          h('td', { title: c.name }, swatch, c.id.toUpperCase()),
          h('td', {}, c.uplink.link, h('br'), h('small', {}, capacity(c.uplink.capacityMbps))),
          h('td', { class: 'num' }, c.uplink.down ? '—'
            : [mbps(c.uplink.loadMbps.forward), h('br'), h('small', {},
              mbps(c.uplink.loadMbps.reverse))]),
          h('td', { class: 'util' }, c.uplink.down ? h('span', { class: 'tag down' }, 'down')
            : [bar(c.uplink.utilization, bandColour(c.uplink.utilization)),
              h('span', { class: 'num' }, pct(c.uplink.utilization))]),
          h('td', { class: 'num', title: size ? `set by the ${size.size.setBy} target` +
            (size.worstFailure ? `; worst failure ${size.worstFailure}` : '') : null },
          size ? capacity(size.size.mbps) : '—'));
      }))),
    sizingNote && h('p', { class: 'hint' }, sizingNote));
}
