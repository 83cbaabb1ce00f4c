// The page: picks a scenario and year, draws the network, fails what is clicked, and
// shows what the API computes. It computes no figures of its own.
import { api, ApiFailure, workOf } from './js/api.js';
import { createCompareView } from './js/compare-view.js';
import { h, fill } from './js/dom.js';
import { createEditor } from './js/editor.js';
import { exportPng, exportSvg } from './js/export.js';
import { layoutKind, layoutNetwork } from './js/layout.js';
import { mountLegend } from './js/legend.js';
import { createCanvasMap } from './js/map-canvas.js';
import { clusterColours, createSvgMap } from './js/map-svg.js';
import { renderClusters } from './js/panels/clusters.js';
import { renderDemand } from './js/panels/demand.js';
import { renderDrc } from './js/panels/drc.js';
import { renderGroups } from './js/panels/groups.js';
import { paintSwatches, renderImpact } from './js/panels/impact.js';
import { renderRuns } from './js/panels/runs.js';
import { renderServers } from './js/panels/servers.js';
import { createSweepPanel } from './js/panels/sweep.js';
import { showTooltip } from './js/tooltip.js';

/** Above this many sites the map is drawn on a canvas. */
const CANVAS_THRESHOLD = 300;

const $ = (selector) => document.querySelector(selector);
const state = {
  sources: [], source: null, year: null, fail: [],
  view: null, result: null, diff: null, map: null, servers: null, serversError: null,
  sizing: null, sizingNote: null, sequence: 0, runId: null,
};

const compare = createCompareView($('#compare-dialog'), {
  sources: () => state.sources,
  current: () => ({ source: state.source, year: state.year, fail: state.fail }),
});
const editor = createEditor($('#editor-dialog'), {
  onSaved: async (id) => {
    await loadSources();
    if (state.source.kind === 'scenario' && state.source.id === id) await loadNetwork();
  },
});
const sweepPanel = createSweepPanel($('#panel-sweep'), {
  current: () => ({ source: state.source, year: state.year }),
  onShow: (fail) => setFailures(fail),
});

// --- Loading -------------------------------------------------------------------------

async function loadSources() {
  const [scenarios, topologies] = await Promise.all([api.scenarios(), api.topologies()]);
  state.sources = [
    ...scenarios.filter((s) => !s.error).map((s) => ({ kind: 'scenario', id: s.id,
      label: `${s.name} (${s.id})`, years: s.years, year: s.year })),
    ...topologies.filter((t) => !t.error).map((t) => ({ kind: 'topology', id: t.id,
      label: `${t.name} — topology (${t.sites} sites)`, years: null, year: t.baseYear })),
  ];
  const picker = $('#source-picker');
  fill(picker,
    h('optgroup', { label: 'Scenarios' }, state.sources.filter((s) => s.kind === 'scenario')
      .map((s) => h('option', { value: `scenario:${s.id}` }, s.label))),
    h('optgroup', { label: 'Topologies' }, state.sources.filter((s) => s.kind === 'topology')
      .map((s) => h('option', { value: `topology:${s.id}` }, s.label))));
  if (state.source) picker.value = `${state.source.kind}:${state.source.id}`;
  const broken = [...scenarios, ...topologies].filter((s) => s.error);
  if (broken.length > 0) {
    status(`${broken.length} file(s) could not be loaded: ${broken.map((b) => b.id).join(', ')}`,
      'warn');
  }
}

/** Loads the network of the current source and year, draws it, then simulates. */
async function loadNetwork() {
  const sequence = ++state.sequence;
  status('Loading the network…', 'busy');
  let view;
  try {
    view = await api.network(state.source, state.year);
  } catch (err) {
    return showError(err);
  }
  if (sequence !== state.sequence) return;
  state.view = view;
  state.year = view.year;
  syncYearSlider(view.years, view.year);

  // Failures that do not exist in this year's network are dropped, and said so.
  const known = new Set([...view.links.map((l) => `link:${l.id}`),
    ...view.sites.map((s) => `site:${s.id}`), ...view.groups.map((g) => `group:${g.id}`)]);
  const dropped = state.fail.filter((f) => !known.has(f));
  state.fail = state.fail.filter((f) => known.has(f));

  const started = performance.now();
  const pos = layoutNetwork(view);
  const wanted = view.sites.length > CANVAS_THRESHOLD ? 'canvas' : 'svg';
  if (!state.map || state.map.kind !== wanted) {
    state.map?.destroy();
    const handlers = { onLinkClick: (id) => toggle(`link:${id}`),
      onSiteClick: (id) => toggle(`site:${id}`), onHover: hover };
    state.map = wanted === 'canvas' ? createCanvasMap($('#map'), handlers)
      : createSvgMap($('#map'), handlers);
  }
  state.map.draw(view, pos);
  $('#map').dataset.layout = layoutKind(view);
  $('#map').dataset.renderer = state.map.kind;
  $('#map').dataset.sites = String(view.sites.length);
  $('#map').dataset.links = String(view.links.length);
  $('#network-name').textContent = view.name;
  const layoutMs = Math.round(performance.now() - started);
  sweepPanel.reset();
  await simulate({ note: dropped.length ? `not in ${view.year}, restored: ${dropped.join(', ')}`
    : null, layoutMs });
  loadSideData();
}

/** Simulates the current failures (not saved) and, with failures, the diff against none. */
async function simulate({ note = null, layoutMs = null, save = false } = {}) {
  const sequence = ++state.sequence;
  const work = workOf(state.source, state.year);
  status('Simulating…', 'busy');
  document.body.classList.add('busy');
  try {
    const [simulated, diff] = await Promise.all([
      api.simulate({ ...work, fail: state.fail, save }),
      state.fail.length > 0 ? api.compare(work, { ...work, fail: state.fail }) : null,
    ]);
    if (sequence !== state.sequence) return;
    state.result = simulated.result;
    state.diff = diff;
    state.runId = simulated.runId;
    render();
    writeHash();
    const r = state.result;
    status([`${r.network.name} · ${r.scenario?.name ?? 'topology'} · ${r.network.year}`,
      `${r.network.sites} sites · ${r.network.links} links`,
      `${layoutKind(state.view)} layout · ${state.map.kind}`,
      layoutMs !== null ? `layout ${layoutMs} ms` : null,
      save && state.runId ? `saved as run ${state.runId}` : null,
      note].filter(Boolean).join('  ·  '), note ? 'warn' : 'ok');
    if (save) refreshRuns();
  } catch (err) {
    showError(err);
  } finally {
    document.body.classList.remove('busy');
  }
}

/** Servers, sizing and the run list: slower or optional, so after the map. */
async function loadSideData() {
  const source = state.source;
  state.servers = null;
  state.serversError = null;
  state.sizing = null;
  state.sizingNote = null;
  state.drc = null;
  state.drcError = null;
  renderSide();
  const servers = api.servers(source).then((s) => { state.servers = s; },
    (err) => { state.serversError = reason(err); });
  const sizing = api.sizing(source, state.year).then((s) => { state.sizing = s; },
    (err) => { state.sizingNote = `Sizing: ${reason(err)}`; });
  const drc = api.drc(source, state.year).then((d) => { state.drc = d; },
    (err) => { state.drcError = reason(err); });
  await Promise.all([servers, sizing, drc, refreshRuns()]);
  // A newer network replaced this one meanwhile: its own call renders.
  if (state.source === source) renderSide();
}

async function refreshRuns() {
  try {
    state.runs = await api.runs();
    state.runsError = null;
  } catch (err) {
    state.runsError = reason(err);
  }
  renderRunsPanel();
}

// --- Actions -------------------------------------------------------------------------

function toggle(id) {
  // The card under the pointer would show the figures from before the click.
  $('#tooltip').hidden = true;
  state.fail = state.fail.includes(id) ? state.fail.filter((f) => f !== id) : [...state.fail, id];
  simulate();
}

function setFailures(fail) {
  state.fail = [...fail];
  simulate();
}

function hover(kind, id, event) {
  showTooltip($('#tooltip'), { kind, id, event, view: state.view, result: state.result });
}

// --- Rendering -----------------------------------------------------------------------

function render() {
  const changed = new Set((state.diff?.links ?? [])
    .filter((l) => l.loadMbps.delta > 1e-6).map((l) => l.id));
  state.map.update(state.result, changed);
  state.map.setFailed(new Set(state.fail));
  renderChips();
  renderImpact($('#panel-impact'), { view: state.view, result: state.result, diff: state.diff,
    fail: state.fail, onToggle: toggle });
  paintSwatches($('#panel-impact'), state.result);
  renderDemand($('#panel-demand'), { result: state.result });
  renderGroups($('#panel-groups'), { view: state.view, fail: state.fail, onToggle: toggle });
  renderSide();
}

function renderSide() {
  if (!state.result) return;
  renderClusters($('#panel-clusters'), { result: state.result, sizing: state.sizing,
    sizingNote: state.sizingNote, colours: clusterColours(state.view) });
  renderServers($('#panel-servers'), { servers: state.servers, error: state.serversError,
    year: state.year });
  renderDrc($('#panel-drc'), { drc: state.drc, error: state.drcError });
}

function renderRunsPanel() {
  renderRuns($('#panel-runs'), {
    runs: state.runs, error: state.runsError, onRefresh: refreshRuns,
    onCompare: (a, b) => compare.openRuns(a, b),
    onShow: async (summary) => {
      const source = summary.scenarioId ? { kind: 'scenario', id: summary.scenarioId }
        : summary.topologyId ? { kind: 'topology', id: summary.topologyId } : null;
      if (!source) return status(`run ${summary.id} came from a file outside the project`, 'warn');
      try {
        // The stored result says what kind each failed id was; the map needs the prefix.
        const run = await api.run(summary.id);
        state.fail = run.result.failed.elements.map((e) => `${e.kind}:${e.id}`);
      } catch (err) {
        return showError(err);
      }
      state.source = source;
      state.year = summary.year;
      $('#source-picker').value = `${source.kind}:${source.id}`;
      loadNetwork();
    },
  });
}

function renderChips() {
  fill($('#failed-chips'), state.fail.length === 0 ? h('span', { class: 'hint' }, 'nothing failed')
    : state.fail.map((id) => h('button', { class: 'chip failed', title: 'restore',
      onclick: () => toggle(id) }, id.replace(/^(link|site|group):/, ''), ' ✕')));
  $('#btn-reset').disabled = state.fail.length === 0;
}

function syncYearSlider(years, year) {
  const slider = $('#year-slider');
  slider.min = years.min;
  slider.max = years.max;
  slider.value = year;
  $('#year-value').textContent = year;
  fill($('#year-ticks'), Array.from({ length: years.max - years.min + 1 },
    (_, i) => h('option', { value: years.min + i, label: String(years.min + i) })));
  fill($('#year-labels'), Array.from({ length: years.max - years.min + 1 },
    (_, i) => h('span', {}, years.min + i)));
}

function status(text, kind = 'ok') {
  const el = $('#status');
  el.textContent = text;
  el.dataset.kind = kind;
}

function showError(err) {
  const body = err instanceof ApiFailure ? err.body : { message: String(err) };
  status(`${body.code ?? 'error'}: ${body.message}`, 'error');
  if (!(err instanceof ApiFailure)) console.error(err);
}

function reason(err) {
  return err instanceof ApiFailure ? err.body.message : String(err);
}

// --- The address bar keeps the view, so that a link shows the same failure ------------

function writeHash() {
  const params = new URLSearchParams({ [state.source.kind]: state.source.id,
    year: String(state.year) });
  if (state.fail.length > 0) params.set('fail', state.fail.join(','));
  history.replaceState(null, '', `#${params}`);
}

function readHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  const kind = params.has('topology') ? 'topology' : params.has('scenario') ? 'scenario' : null;
  return {
    source: kind ? { kind, id: params.get(kind) } : null,
    year: params.has('year') ? Number(params.get('year')) : null,
    fail: params.get('fail')?.split(',').filter(Boolean) ?? [],
  };
}

// --- Wiring --------------------------------------------------------------------------

function wire() {
  $('#source-picker').addEventListener('change', (e) => {
    const [kind, id] = e.target.value.split(/:(.*)/s);
    state.source = { kind, id };
    state.year = null;
    loadNetwork();
  });
  const slider = $('#year-slider');
  slider.addEventListener('input', () => { $('#year-value').textContent = slider.value; });
  slider.addEventListener('change', () => {
    state.year = Number(slider.value);
    loadNetwork();
  });
  $('#btn-reset').addEventListener('click', () => setFailures([]));
  $('#btn-save-run').addEventListener('click', () => simulate({ save: true }));
  $('#btn-compare').addEventListener('click', () => compare.open());
  $('#btn-edit').addEventListener('click', () => {
    if (state.source.kind !== 'scenario') return status('only scenarios are edited here', 'warn');
    editor.open(state.source.id);
  });
  $('#btn-import').addEventListener('click', () => $('#import-file').click());
  $('#import-file').addEventListener('change', importFile);
  const title = () => `${state.view.name} · ${state.result.scenario?.name ?? 'topology'} · ` +
    `${state.year}${state.fail.length ? ` · failed ${state.fail.join(', ')}` : ''}`;
  const fileName = () => `netsim-${state.source.id}-${state.year}` +
    (state.fail.length ? `-${state.fail.length}-failed` : '');
  $('#btn-svg').addEventListener('click', () => exportSvg(state.map, title(), fileName()));
  $('#btn-png').addEventListener('click', () => exportPng(state.map, title(), fileName())
    .catch(showError));
  $('#zoom-in').addEventListener('click', () => state.map.zoomBy(1.4));
  $('#zoom-out').addEventListener('click', () => state.map.zoomBy(1 / 1.4));
  $('#zoom-fit').addEventListener('click', () => state.map.fit());
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && state.fail.length > 0 && !document.querySelector('dialog[open]')) {
      setFailures([]);
    }
  });
}

async function importFile(event) {
  const file = event.target.files[0];
  event.target.value = '';
  if (!file) return;
  const id = file.name.replace(/\.[^.]+$/, '').toLowerCase().replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '').slice(0, 60) || 'imported';
  status(`Importing ${file.name}…`, 'busy');
  try {
    const imported = await api.importTopology(file.name, await file.text(), id);
    await loadSources();
    state.source = { kind: 'topology', id: imported.id };
    state.year = null;
    state.fail = [];
    $('#source-picker').value = `topology:${imported.id}`;
    await loadNetwork();
  } catch (err) {
    showError(err);
  }
}

async function start() {
  mountLegend($('#legend'));
  wire();
  try {
    await loadSources();
  } catch (err) {
    return showError(err);
  }
  sweepPanel.reset();
  const fromHash = readHash();
  const known = (s) => s && state.sources.some((x) => x.kind === s.kind && x.id === s.id);
  state.source = known(fromHash.source) ? fromHash.source
    : state.sources.find((s) => s.id === 'baseline-2019') ?? state.sources[0];
  if (!state.source) return status('No scenario or topology to show.', 'error');
  state.year = fromHash.year;
  state.fail = fromHash.fail;
  $('#source-picker').value = `${state.source.kind}:${state.source.id}`;
  await loadNetwork();
  document.body.dataset.ready = 'true';
}

start();
