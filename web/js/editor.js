// The scenario editor: the YAML as written, saved through the API, which validates it
// whole and keeps the previous version.
import { api } from './api.js';
import { h, fill } from './dom.js';

/** Wires the editor dialog; `open(id)` loads a scenario, `onSaved(id)` reloads the page's view. */
export function createEditor(dialog, { onSaved }) {
  const textarea = dialog.querySelector('textarea');
  const idInput = dialog.querySelector('input[name=scenario-id]');
  const messages = dialog.querySelector('.editor-messages');
  dialog.querySelector('.close').addEventListener('click', () => dialog.close());
  dialog.querySelector('.save').addEventListener('click', save);

  async function open(id) {
    fill(messages);
    idInput.value = id;
    textarea.value = 'Loading…';
    if (!dialog.open) dialog.showModal();
    try {
      textarea.value = (await api.scenario(id)).yaml;
    } catch (err) {
      textarea.value = '';
      fill(messages, h('p', { class: 'error' }, err.message));
    }
  }

  async function save() {
    const id = idInput.value.trim();
    fill(messages, h('p', { class: 'hint' }, 'Checking and saving…'));
    try {
      const saved = await api.saveScenario(id, textarea.value);
      fill(messages, h('p', { class: 'ok' }, `Saved ${saved.file}` +
        (saved.previous ? `; the previous version is kept as ${saved.previous}.` : ' (new).')));
      onSaved(id);
    } catch (err) {
      const issues = err.body?.issues ?? [];
      fill(messages, h('p', { class: 'error' }, `Not saved (${err.body?.code ?? 'error'}):`),
        h('ul', { class: 'issues' }, issues.length > 0
          ? issues.map((i) => h('li', {}, h('code', {}, i.path || '(file)'), ' ', i.message))
          : h('li', {}, err.message)));
    }
  }

  return { open };
}
