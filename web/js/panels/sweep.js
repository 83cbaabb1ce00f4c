// The worst failures, found by a sweep streamed from the server (single elements or
// pairs); a row shows that failure on the map.
import { h, fill, bar } from '../dom.js';
import { bandColour, mbps, pct } from '../format.js';
import { streamSweep } from '../api.js';

/** A sweep panel bound to the page's current source and year. */
export function createSweepPanel(el, { current, onShow }) {
  let running = null;
  let summary = null;
  let progress = null;
  let error = null;
  let depth = '1';

  function start() {
    const { source, year } = current();
    running?.cancel();
    summary = null;
    error = null;
    progress = { done: 0, total: 0 };
    render();
    running = streamSweep(source, year, depth, {
      progress: (p) => {
        progress = p;
        render();
      },
      result: (s) => {
        summary = s;
        running = null;
        render();
      },
      error: (body) => {
        error = body.message;
        running = null;
        render();
      },
    });
  }

  function cancel() {
    running?.cancel();
    running = null;
    render();
  }

  function render() {
    const depthPicker = h('select', { 'aria-label': 'sweep depth', disabled: running ? true : null,
      onchange: (e) => { depth = e.target.value; } },
    h('option', { value: '1', selected: depth === '1' }, 'every single failure'),
    h('option', { value: '2', selected: depth === '2' }, 'every pair of failures'));
    const head = [h('h2', {}, 'Worst failures'),
      h('div', { class: 'row' }, depthPicker,
        h('button', { id: 'btn-sweep', onclick: start, disabled: running ? true : null },
          running ? 'Sweeping…' : 'Sweep'),
        running && h('button', { onclick: cancel }, 'Cancel'))];
    const body = [];
    if (running && progress) {
      const meter = h('div', { class: 'meter thin', id: 'sweep-progress' });
      const f = h('span', { class: 'meter-fill neutral' });
      f.style.width = `${progress.total ? (progress.done / progress.total) * 100 : 0}%`;
      meter.append(f);
      body.push(meter, h('p', { class: 'hint' }, `${progress.done} of ${progress.total} cases`));
    }
    if (error) body.push(h('p', { class: 'error' }, error));
    if (summary) body.push(...results(summary));
    fill(el, head, body);
  }

  function results(s) {
    const worstLinks = [...s.links].filter((l) => l.worstFail)
      .sort((p, q) => q.worstUtilization - p.worstUtilization).slice(0, 5);
    return [
      h('p', { class: 'hint' }, `${s.counts.cases} cases over ` +
        `${s.kinds.map((k) => `${k}s`).join(', ')} ` +
        `(depth ${s.depth}); baseline unserved ${mbps(s.baseline.unservedMbps)}. ` +
        'Click a case to see it on the map.'),
      h('table', { class: 'grid clickable', id: 'sweep-table' },
        h('thead', {}, h('tr', {}, h('th', {}, 'failure'), h('th', { class: 'num' }, 'cut off'),
          h('th', { class: 'num' }, 'unserved'), h('th', {}, 'busiest link'))),
        h('tbody', {}, s.worst.map((c) => h('tr', {
          onclick: () => onShow(c.fail), title: 'show this failure on the map',
          dataset: { fail: c.fail.join(',') },
        },
        h('td', {}, c.fail.map((f) => f.replace(/^(link|site|group):/, '')).join(' + '),
          c.failover.length ? h('span', { class: 'tag' }, 'DRC') : ''),
        h('td', { class: 'num' }, c.cutOff.length),
        h('td', { class: 'num' }, mbps(c.unservedMbps)),
        h('td', { class: 'util', title: c.maxLink?.id ?? '' },
          c.maxLink ? [bar(c.maxLink.utilization, bandColour(c.maxLink.utilization)),
            h('span', { class: 'num' }, pct(c.maxLink.utilization))] : '—'))))),
      worstLinks.length > 0 && h('h3', {}, 'Links at their worst'),
      worstLinks.length > 0 && h('table', { class: 'grid clickable' }, h('tbody', {},
        worstLinks.map((l) => h('tr', { onclick: () => onShow(l.worstFail),
          title: `worst when ${l.worstFail.join(' + ')} fails` },
        h('td', {}, l.id), h('td', { class: 'util' }, bar(l.worstUtilization,
          bandColour(l.worstUtilization)), h('span', { class: 'num' }, pct(l.worstUtilization))),
        h('td', { class: 'hint' }, l.worstFail.map((f) => f.replace(/^(link|site|group):/, ''))
          .join(' + ')))))),
    ];
  }

  render();
  return {
    /** Forgets the last sweep when the network changes. */
    reset: () => {
      running?.cancel();
      running = null;
      summary = null;
      progress = null;
      error = null;
      render();
    },
  };
}
