// A server for API tests: the project's files (read-only) or a temporary copy of
// scenarios/ and topology/ for tests that write, and a run store in a temporary folder.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { LimitsOverride } from '../../src/api/limits.ts';
import { buildServer } from '../../src/api/server.ts';
import type { WorkspaceDirs } from '../../src/api/workspace.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

export interface TestServer {
  app: FastifyInstance;
  /** The temporary folder holding the run store (and the copied files, when copied). */
  dir: string;
  dirs: WorkspaceDirs;
  close: () => Promise<void>;
}

export interface TestServerOptions {
  copy?: boolean;
  store?: boolean;
  /** Files written into the copied topology folder before the server starts. */
  topologies?: Record<string, string>;
  limits?: LimitsOverride;
  threads?: number;
}

/**
 * Starts a server on inject(). `copy: true` works on a temporary copy of scenarios/
 * and topology/, so that saves touch nothing of the project's.
 */
export async function testServer(options: TestServerOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'netsim-api-'));
  let dirs: WorkspaceDirs = {
    scenariosDir: join(ROOT, 'scenarios'), topologiesDir: join(ROOT, 'topology'),
  };
  if (options.copy || options.topologies) {
    dirs = { scenariosDir: join(dir, 'scenarios'), topologiesDir: join(dir, 'topology') };
    cpSync(join(ROOT, 'scenarios'), dirs.scenariosDir, { recursive: true });
    cpSync(join(ROOT, 'topology'), dirs.topologiesDir, { recursive: true });
    for (const [id, yaml] of Object.entries(options.topologies ?? {})) {
      writeFileSync(join(dirs.topologiesDir, `${id}.yaml`), yaml);
    }
  }
  const app = await buildServer({
    dirs,
    store: options.store === false ? null : join(dir, 'runs.sqlite'),
    logger: false,
    limits: options.limits,
    threads: options.threads,
  });
  return {
    app, dir, dirs,
    close: async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  } satisfies TestServer;
}

/** The error body's shape, checked once for every error a test sees. */
export function expectErrorBody(body: unknown, statusCode: number, code: string): void {
  const b = body as Record<string, unknown>;
  if (b.statusCode !== statusCode || b.code !== code || typeof b.error !== 'string' ||
    typeof b.message !== 'string') {
    throw new Error(`expected an error body ${statusCode} ${code}, got ${JSON.stringify(b)}`);
  }
  if (JSON.stringify(b).includes('    at ')) throw new Error('the error body holds a stack trace');
}
