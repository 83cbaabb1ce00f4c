// The run history: saved runs, newest first; pick two to compare, or show one again.
import { h, fill } from '../dom.js';
import { mbps } from '../format.js';

/** Renders the run list; `onCompare(a, b)` and `onShow(run)` act on the choice. */
export function renderRuns(el, { runs, error, onCompare, onShow, onRefresh }) {
  const chosen = new Set();
  const compareButton = h('button', { disabled: true, onclick: () => {
    const [a, b] = [...chosen].sort((x, y) => x - y);
    onCompare(a, b);
  } }, 'Compare 2 selected');
  const head = [h('h2', {}, 'Run history'),
    h('div', { class: 'row' }, compareButton, h('button', { onclick: onRefresh }, 'Refresh'))];
  if (error) {
    fill(el, head, h('p', { class: 'hint' }, error));
    return;
  }
  if (!runs || runs.runs.length === 0) {
    fill(el, head, h('p', { class: 'hint' }, 'No saved runs yet: "Save run" stores the one ' +
      'on the map; `netsim simulate --save` stores one from the command line.'));
    return;
  }
  fill(el, head, h('table', { class: 'grid', id: 'runs-table' },
    h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', {}, '#'), h('th', {}, 'run'),
      h('th', { class: 'num' }, 'demand'), h('th', {}, ''))),
    h('tbody', {}, runs.runs.map((r) => h('tr', {},
      h('td', {}, h('input', { type: 'checkbox', 'aria-label': `select run ${r.id}`,
        onchange: (e) => {
          if (e.target.checked) chosen.add(r.id);
          else chosen.delete(r.id);
          compareButton.disabled = chosen.size !== 2;
        } })),
      h('td', {}, r.id),
      h('td', { title: r.createdAt }, `${r.scenarioId ?? r.topologyId ?? r.networkName} ${r.year}`,
        r.failed.length ? h('small', {}, ` − ${r.failed.join(', ')}`) : '',
        r.label ? h('small', { class: 'hint' }, ` “${r.label}”`) : '',
        h('br'), h('small', { class: 'hint' }, `${r.source} · ${r.createdAt.replace('T', ' ')
          .slice(0, 19)}`)),
      h('td', { class: 'num' }, mbps(r.totalMbps)),
      h('td', {}, h('button', { class: 'small', onclick: () => onShow(r) }, 'Show')))))));
}
