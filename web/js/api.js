// The page's only way to figures: the server's API. Errors come back as the API's
// error body ({ statusCode, code, error, message, issues }).

/** A refused or failed request, carrying the API's error body. */
export class ApiFailure extends Error {
  constructor(body) {
    super(body.message);
    this.body = body;
  }
}

async function request(method, url, body) {
  const init = { method, headers: { accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch (err) {
    throw new ApiFailure({ statusCode: 0, code: 'E_NETWORK', error: 'Network error',
      message: `the server did not answer: ${err.message}` });
  }
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiFailure(data ?? { statusCode: response.status, message: text });
  return { data, headers: response.headers };
}

const query = (params) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
};

/** `{ scenario: id }` or `{ topology: id }` for a source. */
export function workOf(source, year) {
  return { [source.kind]: source.id, year };
}

export const api = {
  scenarios: async () => (await request('GET', '/api/scenarios')).data.scenarios,
  topologies: async () => (await request('GET', '/api/topologies')).data.topologies,
  scenario: async (id) => (await request('GET', `/api/scenarios/${encodeURIComponent(id)}`)).data,
  saveScenario: async (id, yaml) =>
    (await request('PUT', `/api/scenarios/${encodeURIComponent(id)}`, { yaml })).data,
  network: async (source, year) => (await request('GET',
    `/api/${source.kind === 'scenario' ? 'scenarios' : 'topologies'}/` +
    `${encodeURIComponent(source.id)}/network${query({ year })}`)).data,
  simulate: async (body) => {
    const { data, headers } = await request('POST', '/api/simulate', body);
    return { result: data, runId: headers.get('x-run-id') };
  },
  compare: async (a, b) => (await request('POST', '/api/compare', { a, b })).data,
  runs: async () => (await request('GET', '/api/runs?limit=50')).data,
  run: async (id) => (await request('GET', `/api/runs/${encodeURIComponent(id)}`)).data,
  compareRuns: async (a, b) => (await request('GET', `/api/runs/compare${query({ a, b })}`)).data,
  servers: async (source) =>
    (await request('GET', `/api/servers${query({ [source.kind]: source.id })}`)).data,
  drc: async (source, year) =>
    (await request('GET', `/api/drc${query({ [source.kind]: source.id, year })}`)).data,
  sizing: async (source, year) =>
    (await request('GET', `/api/sizing${query({ [source.kind]: source.id, year })}`)).data,
  importTopology: async (fileName, text, id) =>
    (await request('POST', '/api/topologies/import', { fileName, text, id })).data,
};

/**
 * Runs a sweep with progress as server-sent events; returns a handle to cancel it.
 * `on.progress(done, total)`, `on.result(summary)`, `on.error(body)`.
 */
export function streamSweep(source, year, depth, on) {
  const url = `/api/sweep${query({ [source.kind]: source.id, year, depth })}`;
  const events = new EventSource(url);
  let finished = false;
  events.addEventListener('progress', (e) => on.progress(JSON.parse(e.data)));
  events.addEventListener('result', (e) => {
    finished = true;
    events.close();
    on.result(JSON.parse(e.data));
  });
  events.addEventListener('error', (e) => {
    if (finished) return;
    finished = true;
    events.close();
    on.error(e.data ? JSON.parse(e.data) : { message: 'the sweep stream was interrupted' });
  });
  return { cancel: () => { finished = true; events.close(); } };
}
