// The API's expensive work as tasks: plain data in, plain data out (results already as
// JSON text), so that a worker thread can run them and the event loop only relays.
// The same functions run inline when the server is built without threads.
import { sizeNetwork } from '../capacity/plan.ts';
import { analyseDrcInput } from '../drc/analyse-input.ts';
import { compareResults } from '../engine/compare-results.ts';
import { analyseServers } from '../servers/analyse.ts';
import { runFigures, type RunFigures } from '../store/run-figures.ts';
import { ApiError } from './api-error.ts';
import { convertImport, type ConvertedImport, type ImportRequest } from './import-topology.ts';
import type { Work, WorkLoader } from './load-work.ts';
import {
  DrcSchema, encodeResponse, ServersSchema, SizingSchema,
} from './response-schemas.ts';
import { checkScenarioDraft, type ScenarioDraft } from './save-scenario.ts';
import { DiffSchema, SimulationResultSchema } from './schemas.ts';
import { simulateWork } from './simulate-work.ts';
import type { FileKind, Workspace } from './workspace.ts';

/** One side of a comparison: work and the failures on it. */
export type FailedWork = Work & { fail?: string[] };

/** What each kind of task is given. */
export interface TaskInputs {
  /** `keep`: the run is to be saved, so the result's own JSON is wanted too. */
  simulate: { work: Work; fail: string[]; keep: boolean };
  compare: { a: FailedWork; b: FailedWork };
  drc: { work: Work };
  sizing: { work: Work };
  servers: { work: Work; year?: number };
  import: { request: ImportRequest };
  'check-scenario': { draft: ScenarioDraft };
}

/**
 * What each kind of task answers. `json` is the response body as the route's serializer
 * would write it; a simulation to be saved also carries the result as the store keeps it.
 */
export interface TaskOutputs {
  simulate: {
    json: string; source: { kind: FileKind; id: string };
    saved: { resultJson: string; figures: RunFigures } | null;
  };
  compare: { json: string };
  drc: { json: string };
  sizing: { json: string };
  servers: { json: string };
  import: ConvertedImport;
  'check-scenario': null;
}

export type TaskKind = keyof TaskInputs;
export type Task<K extends TaskKind = TaskKind> = { [P in K]: { kind: P } & TaskInputs[P] }[K];

/** What a task runs against: the files and the cache of loaded networks of its thread. */
export interface TaskContext {
  workspace: Workspace;
  loader: WorkLoader;
}

type Handlers = { [K in TaskKind]: (ctx: TaskContext, task: Task<K>) => TaskOutputs[K] };

const HANDLERS: Handlers = {
  simulate: ({ loader }, { work, fail, keep }) => {
    const loaded = loader.load(work);
    const result = simulateWork(loaded, fail);
    return {
      json: encodeResponse(SimulationResultSchema, result),
      source: loaded.source,
      saved: keep ? { resultJson: JSON.stringify(result), figures: runFigures(result) } : null,
    };
  },

  compare: ({ loader }, { a, b }) => {
    const run = (side: FailedWork) => {
      const { fail = [], ...work } = side;
      const loaded = loader.load(work);
      return { loaded, result: simulateWork(loaded, fail) };
    };
    const ra = run(a);
    const rb = run(b);
    return {
      json: encodeResponse(DiffSchema, compareResults(ra.result, rb.result, {
        a: labelOf(ra.loaded.source.id, ra.result.network.year, a.fail),
        b: labelOf(rb.loaded.source.id, rb.result.network.year, b.fail),
      })),
    };
  },

  drc: ({ loader }, { work }) => {
    const loaded = loader.load(work);
    const { input, network } = loaded;
    return {
      json: encodeResponse(DrcSchema, analyseDrcInput({
        network,
        year: input.year,
        fail: input.fail,
        scenario: loaded.scenarioRef,
        catalogue: input.catalogue && input.topology.applications
          ? { file: input.topology.applications.catalogue, data: input.catalogue } : null,
      })),
    };
  },

  sizing: ({ loader }, { work }) => {
    const loaded = loader.load(work);
    const sized = sizeNetwork(loaded.network);
    return {
      json: encodeResponse(SizingSchema, {
        network: loaded.network.name,
        year: loaded.network.year,
        links: [...sized.links.values()],
        unsized: sized.unsized,
      }),
    };
  },

  servers: ({ loader }, { work, year }) => {
    const loaded = loader.load(work);
    const catalogue = loaded.input.catalogue;
    if (!catalogue) {
      throw new ApiError(404, 'E_NOT_FOUND', `${loaded.source.kind} "${loaded.source.id}" ` +
        'names no application catalogue (the topology\'s "applications")');
    }
    const { first, last } = catalogue.years;
    if (year !== undefined && (year < first || year > last)) {
      throw new ApiError(400, 'E_INPUT_SCHEMA', `year: expected ${first} to ${last}, got ${year}`,
        [{ path: 'year', code: 'out_of_range',
          message: `expected a year of the catalogue, ${first} to ${last}, got ${year}` }]);
    }
    return { json: encodeResponse(ServersSchema, analyseServers(catalogue, { year })) };
  },

  import: (_ctx, { request }) => convertImport(request),

  'check-scenario': ({ workspace }, { draft }) => {
    checkScenarioDraft(workspace, draft);
    return null;
  },
};

/** Runs one task to its answer; throws as the work itself throws. */
export function runTask<K extends TaskKind>(ctx: TaskContext, task: Task<K>): TaskOutputs[K] {
  const handler = HANDLERS[task.kind] as (ctx: TaskContext, task: Task<K>) => TaskOutputs[K];
  return handler(ctx, task);
}

function labelOf(id: string, year: number, fail: string[] = []): string {
  return `${id} ${year}${fail.length > 0 ? ` with ${fail.join(', ')} failed` : ''}`;
}
