// Demand against the plan's target, and by traffic class.
import { h, fill } from '../dom.js';
import { mbps } from '../format.js';

/** Renders the demand panel. */
export function renderDemand(el, { result }) {
  if (!result) return;
  const d = result.demand;
  const scope = d.targetScopeMbps ?? d.totalMbps;
  const target = d.targetMbps;
  const scale = Math.max(scope, target ?? 0, 1) * 1.08;
  const meter = h('div', { class: 'meter' });
  const over = target !== null && scope > target;
  const filled = h('span', { class: `meter-fill${over ? ' over' : ''}` });
  filled.style.width = `${(scope / scale) * 100}%`;
  meter.append(filled);
  if (target !== null) {
    const mark = h('span', { class: 'meter-target', title: `target ${mbps(target)}` });
    mark.style.left = `${(target / scale) * 100}%`;
    meter.append(mark);
  }
  const classes = Object.entries(d.byClass);
  const classScale = Math.max(...classes.map(([, v]) => v), 1);
  fill(el,
    h('h2', {}, 'Demand'),
    h('p', { class: 'headline' }, h('b', { id: 'demand-value' }, mbps(scope)),
      target !== null ? [' against the ', h('b', {}, mbps(target)), ' target'] : ' (no target)'),
    h('p', { class: 'hint' }, (target !== null && d.targetClasses
      ? `target counts ${d.targetClasses.join(' + ')}; all classes together ` : 'in all ') +
      `${mbps(d.totalMbps)} from ${d.offices} of ${d.officesTotal} offices in ` +
      `${result.network.year}`),
    meter,
    h('table', { class: 'grid compact' }, h('tbody', {}, classes.map(([cls, value]) => {
      const b = h('span', { class: 'bar' }, h('span', { class: 'bar-fill neutral' }));
      b.firstChild.style.width = `${(value / classScale) * 100}%`;
      const counted = !d.targetClasses || d.targetClasses.includes(cls);
      return h('tr', {}, h('td', {}, cls, counted ? '' : h('span', { class: 'tag' }, 'extra')),
        h('td', { class: 'bar-cell' }, b), h('td', { class: 'num' }, mbps(value)));
    }))));
}
