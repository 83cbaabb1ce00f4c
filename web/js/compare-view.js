// The comparison view: two scenarios (or years, or failure sets) side by side, or two
// saved runs, as the API's diff: demand, the links that changed most, offices.
import { api } from './api.js';
import { h, fill, bar } from './dom.js';
import { bandColour, mbps, pct, signed } from './format.js';

/** Wires the compare dialog; returns `open(prefill)` and `showDiff(diff)`. */
export function createCompareView(dialog, { sources, current }) {
  const body = dialog.querySelector('.dialog-body');
  const result = dialog.querySelector('.compare-result');
  dialog.querySelector('.close').addEventListener('click', () => dialog.close());

  function sideForm(name, preset) {
    const select = h('select', { name: `${name}-source`, 'aria-label': `side ${name} source` },
      sources().map((s) => h('option', { value: `${s.kind}:${s.id}`,
        selected: s.kind === preset.source.kind && s.id === preset.source.id }, s.label)));
    const year = h('input', { type: 'number', name: `${name}-year`, min: 1990, max: 2100,
      value: preset.year, 'aria-label': `side ${name} year` });
    const fail = h('input', { type: 'text', name: `${name}-fail`, value: preset.fail.join(','),
      placeholder: 'failures, e.g. fo-c4,site:dlh', 'aria-label': `side ${name} failures` });
    return {
      el: h('fieldset', {}, h('legend', {}, name.toUpperCase()), select, year, fail),
      read: () => {
        const [kind, id] = select.value.split(/:(.*)/s);
        const failures = fail.value.split(',').map((x) => x.trim()).filter(Boolean);
        const side = { [kind]: id, year: Number(year.value) };
        return failures.length ? { ...side, fail: failures } : side;
      },
    };
  }

  function open(prefill = {}) {
    const now = current();
    const a = sideForm('a', { source: now.source, year: now.year, fail: [] });
    const b = sideForm('b', {
      source: now.source, year: now.year, fail: prefill.fail ?? now.fail,
    });
    const go = h('button', { class: 'primary', type: 'button', onclick: async () => {
      fill(result, h('p', { class: 'hint' }, 'Comparing…'));
      try {
        showDiff(await api.compare(a.read(), b.read()));
      } catch (err) {
        fill(result, h('p', { class: 'error' }, err.message));
      }
    } }, 'Compare');
    fill(body, h('div', { class: 'sides' }, a.el, b.el, go));
    fill(result);
    if (!dialog.open) dialog.showModal();
  }

  async function openRuns(idA, idB) {
    fill(body, h('p', {}, `Run ${idA} against run ${idB}`));
    fill(result, h('p', { class: 'hint' }, 'Comparing…'));
    if (!dialog.open) dialog.showModal();
    try {
      showDiff(await api.compareRuns(idA, idB));
    } catch (err) {
      fill(result, h('p', { class: 'error' }, err.message));
    }
  }

  function showDiff(diff) {
    const row = (label, a, b, delta, fmt) => h('tr', {}, h('td', {}, label),
      h('td', { class: 'num' }, fmt(a)), h('td', { class: 'num' }, fmt(b)),
      h('td', { class: `num${delta > 0 ? ' up' : delta < 0 ? ' down' : ''}` },
        signed(fmt(Math.abs(delta)), delta)));
    fill(result,
      h('h3', {}, `${diff.a.label}  →  ${diff.b.label}`),
      h('table', { class: 'grid', id: 'diff-summary' },
        h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', { class: 'num' }, 'A'),
          h('th', { class: 'num' }, 'B'), h('th', { class: 'num' }, 'change'))),
        h('tbody', {},
          row('demand', diff.demand.totalMbps.a, diff.demand.totalMbps.b,
            diff.demand.totalMbps.delta, mbps),
          row('unrouted', diff.unroutedMbps.a, diff.unroutedMbps.b, diff.unroutedMbps.delta, mbps),
          row('lost', diff.lostMbps.a, diff.lostMbps.b, diff.lostMbps.delta, mbps),
          h('tr', {}, h('td', {}, 'overloaded links'),
            h('td', { class: 'num' }, diff.a.overloaded),
            h('td', { class: 'num' }, diff.b.overloaded),
            h('td', { class: 'num' }, `+${diff.overloaded.added.length} / −` +
              `${diff.overloaded.cleared.length}`)))),
      h('div', { class: 'two-col' },
        officeList('Offices that lose service', diff.offices.lostService, 'cut'),
        officeList('Offices that regain service', diff.offices.regainedService, 'ok')),
      h('h3', {}, `Links that changed (${diff.links.length}; ${diff.linksUnchanged} unchanged)`),
      h('table', { class: 'grid', id: 'diff-links' },
        h('thead', {}, h('tr', {}, h('th', {}, 'link'), h('th', {}, 'A'), h('th', {}, 'B'),
          h('th', { class: 'num' }, 'Δ utilisation'), h('th', { class: 'num' }, 'Δ load'))),
        h('tbody', {}, diff.links.slice(0, 40).map((l) => h('tr', {},
          h('td', {}, l.id, l.status !== 'changed' ? h('span', { class: 'tag' }, l.status) : ''),
          utilCell(l.utilization.a, l.down.a), utilCell(l.utilization.b, l.down.b),
          h('td', { class: 'num' },
            signed(pct(Math.abs(l.utilization.delta)), l.utilization.delta)),
          h('td', { class: 'num' },
            signed(mbps(Math.abs(l.loadMbps.delta)), l.loadMbps.delta)))))));
  }

  return { open, openRuns, showDiff };
}

function utilCell(u, down) {
  if (down) return h('td', {}, h('span', { class: 'tag down' }, 'down'));
  if (u === null) return h('td', {}, '—');
  return h('td', { class: 'util' }, bar(u, bandColour(u)), h('span', { class: 'num' }, pct(u)));
}

function officeList(title, offices, kind) {
  return h('div', {}, h('h4', {}, `${title} (${offices.length})`),
    offices.length === 0 ? h('p', { class: 'hint' }, 'none')
      : h('ul', { class: 'office-list' }, offices.map((o) => h('li', { class: kind },
        h('span', {}, o.name), h('span', { class: 'num' },
          `${mbps(o.servedMbps.a)} → ${mbps(o.servedMbps.b)}`)))));
}
