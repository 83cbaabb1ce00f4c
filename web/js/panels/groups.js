// Shared-risk groups: elements that fail together; click one to fail it.
import { h, fill } from '../dom.js';

/** Renders the shared-risk group chips. */
export function renderGroups(el, { view, fail, onToggle }) {
  if (!view) return;
  const failed = new Set(fail);
  fill(el,
    h('h2', {}, 'Shared-risk groups'),
    view.groups.length === 0
      ? h('p', { class: 'hint' }, 'This network names no shared-risk groups.')
      : h('div', { class: 'chips' }, view.groups.map((g) => {
        const id = `group:${g.id}`;
        return h('button', {
          class: `chip group${failed.has(id) ? ' failed' : ''}`,
          'data-group': g.id,
          title: `${g.origin === 'derived' ? 'derived: ' : ''}links ${g.links.join(', ')}` +
            (g.sites.length ? `; sites ${g.sites.join(', ')}` : ''),
          onclick: () => onToggle(id),
        }, g.id, h('small', {}, ` ${g.links.length} link(s)` +
          (g.sites.length ? `, ${g.sites.length} site(s)` : '')));
      })));
}
