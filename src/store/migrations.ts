// The run-history schema, one migration per version; PRAGMA user_version says which ran.
import type { Database } from 'better-sqlite3';

/** Each entry brings the schema from its index to the next version. Append, never edit. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE runs (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     created_at TEXT NOT NULL,
     source TEXT NOT NULL,
     scenario_id TEXT,
     topology_id TEXT,
     scenario_name TEXT,
     network_name TEXT NOT NULL,
     year INTEGER NOT NULL,
     failed TEXT NOT NULL,
     request TEXT NOT NULL,
     label TEXT,
     total_mbps REAL NOT NULL,
     unrouted_mbps REAL NOT NULL,
     lost_mbps REAL NOT NULL,
     overloaded INTEGER NOT NULL,
     cut_off INTEGER NOT NULL,
     result_schema INTEGER NOT NULL,
     result TEXT NOT NULL
   );
   CREATE INDEX runs_by_time ON runs (created_at DESC, id DESC);`,
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Runs the migrations a database has not seen yet, each in its own transaction. */
export function migrate(db: Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(`run store: the database is at schema ${current}, newer than this ` +
      `program's ${SCHEMA_VERSION}; upgrade netsim or use another file`);
  }
  for (let v = current; v < SCHEMA_VERSION; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]);
      // user_version takes no bound parameter; v is our own integer.
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return SCHEMA_VERSION;
}
