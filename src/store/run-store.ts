// Run history in SQLite: every saved simulation with its inputs, time and Result.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { SimulationResult } from '../engine/result.ts';
import { migrate } from './migrations.ts';
import { runFigures, type RunFigures } from './run-figures.ts';

/**
 * The project folder, found from this file as the model finds it; not imported from
 * the model, so that opening a store loads nothing but SQLite.
 */
const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `data/netsim.sqlite` under the project, unless NETSIM_DB names another file. */
export function defaultStorePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.NETSIM_DB ? resolve(env.NETSIM_DB) : resolve(PROJECT_ROOT, 'data', 'netsim.sqlite');
}

/** What produced a run and from which inputs; stored beside the result. */
export interface RunInput {
  source: 'api' | 'cli';
  scenarioId?: string | null;
  topologyId?: string | null;
  /** The request as given (scenario, year, fail, changes), for reproducing the run. */
  request: Record<string, unknown>;
  label?: string | null;
}

/** One row of the history list: the figures at a glance, without the full result. */
export interface RunSummary {
  id: number;
  createdAt: string;
  source: 'api' | 'cli';
  scenarioId: string | null;
  topologyId: string | null;
  scenarioName: string | null;
  networkName: string;
  year: number;
  failed: string[];
  label: string | null;
  totalMbps: number;
  unroutedMbps: number;
  lostMbps: number;
  overloaded: number;
  cutOff: number;
}

/** A stored run in full. */
export interface StoredRun extends RunSummary {
  request: Record<string, unknown>;
  result: SimulationResult;
}

export interface RunStoreOptions {
  /** The clock, for tests; the store is the only part that reads it. */
  now?: () => Date;
}

interface RunRow {
  id: number;
  created_at: string;
  source: 'api' | 'cli';
  scenario_id: string | null;
  topology_id: string | null;
  scenario_name: string | null;
  network_name: string;
  year: number;
  failed: string;
  label: string | null;
  total_mbps: number;
  unrouted_mbps: number;
  lost_mbps: number;
  overloaded: number;
  cut_off: number;
  request?: string;
  result?: string;
}

const SUMMARY_COLUMNS = 'id, created_at, source, scenario_id, topology_id, scenario_name, ' +
  'network_name, year, failed, label, total_mbps, unrouted_mbps, lost_mbps, overloaded, cut_off';

/**
 * The run history, one SQLite file in WAL mode, created with its schema on first open.
 * @example const store = openRunStore(); store.save(result, { source: 'cli', request: {} });
 */
export class RunStore {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly now: () => Date;

  constructor(file: string, options: RunStoreOptions = {}) {
    this.file = file;
    this.now = options.now ?? (() => new Date());
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    // WAL: readers never block the writer, and a crash mid-write loses nothing committed.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
  }

  /** Stores a result with its inputs; returns the new run's id. */
  save(result: SimulationResult, input: RunInput): number {
    return this.saveSerialised(runFigures(result), JSON.stringify(result), input);
  }

  /**
   * Stores a result already turned into JSON, with its figures: the server simulates
   * and serialises on a worker thread and hands over only text.
   */
  saveSerialised(figures: RunFigures, resultJson: string, input: RunInput): number {
    const info = this.db.prepare(`INSERT INTO runs (created_at, source, scenario_id,
        topology_id, scenario_name, network_name, year, failed, request, label, total_mbps,
        unrouted_mbps, lost_mbps, overloaded, cut_off, result_schema, result)
      VALUES (@createdAt, @source, @scenarioId, @topologyId, @scenarioName, @networkName,
        @year, @failed, @request, @label, @totalMbps, @unroutedMbps, @lostMbps, @overloaded,
        @cutOff, @resultSchema, @result)`).run({
      ...figures,
      createdAt: this.now().toISOString(),
      source: input.source,
      scenarioId: input.scenarioId ?? null,
      topologyId: input.topologyId ?? null,
      failed: JSON.stringify(figures.failed),
      request: JSON.stringify(input.request),
      label: input.label ?? null,
      result: resultJson,
    });
    return Number(info.lastInsertRowid);
  }

  /** The newest runs first. */
  list(options: { limit?: number; offset?: number } = {}): { total: number; runs: RunSummary[] } {
    const rows = this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM runs
      ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`)
      .all(options.limit ?? 50, options.offset ?? 0) as RunRow[];
    const { total } = this.db.prepare('SELECT count(*) AS total FROM runs').get() as
      { total: number };
    return { total, runs: rows.map(toSummary) };
  }

  /** One run in full, or undefined when there is none with that id. */
  get(id: number): StoredRun | undefined {
    const row = this.db.prepare(`SELECT ${SUMMARY_COLUMNS}, request, result FROM runs
      WHERE id = ?`).get(id) as RunRow | undefined;
    if (!row) return undefined;
    return {
      ...toSummary(row),
      request: JSON.parse(row.request!) as Record<string, unknown>,
      result: JSON.parse(row.result!) as SimulationResult,
    };
  }

  /**
   * How the file is kept: WAL, so that a crash mid-write loses nothing committed, and
   * `synchronous` NORMAL, which flushes at checkpoints rather than at every commit.
   */
  durability(): { journalMode: string; synchronous: string } {
    const levels = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];
    const synchronous = this.db.pragma('synchronous', { simple: true }) as number;
    return {
      journalMode: String(this.db.pragma('journal_mode', { simple: true })),
      synchronous: levels[synchronous] ?? String(synchronous),
    };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** Opens the run history at `file` (the default path when none is given). */
export function openRunStore(file: string = defaultStorePath(), options?: RunStoreOptions) {
  return new RunStore(file, options);
}

function toSummary(row: RunRow): RunSummary {
  return {
    id: row.id,
    createdAt: row.created_at,
    source: row.source,
    scenarioId: row.scenario_id,
    topologyId: row.topology_id,
    scenarioName: row.scenario_name,
    networkName: row.network_name,
    year: row.year,
    failed: JSON.parse(row.failed) as string[],
    label: row.label,
    totalMbps: row.total_mbps,
    unroutedMbps: row.unrouted_mbps,
    lostMbps: row.lost_mbps,
    overloaded: row.overloaded,
    cutOff: row.cut_off,
  };
}
