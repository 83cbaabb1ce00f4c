// The browser tests' harness: the server on a free port of 127.0.0.1, and Debian's
// Chromium driven by playwright-core with a fresh profile. Chromium is installed by
// test/setup/chromium.mjs; when it is missing the tests fail and say how to get it.
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildServer } from '../../src/api/server.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Where Debian's `chromium` package puts the browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Harness {
  app: FastifyInstance;
  origin: string;
  dir: string;
  context: BrowserContext;
  /** Every URL the browser asked for, in order. */
  requests: string[];
  /** Console errors and page errors (a CSP violation lands here). */
  errors: string[];
  open: (hash?: string) => Promise<Page>;
  close: () => Promise<void>;
}

/**
 * Starts the server on a copy of scenarios/ and topology/ (plus `extraTopologies`) and
 * a browser. Throws, never skips, when Chromium is not installed.
 */
export async function startHarness(extraTopologies: Record<string, string> = {}) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`browser tests: Chromium is missing at ${CHROMIUM}. Install Debian's ` +
      'chromium with `node test/setup/chromium.mjs` (apt-get, as root), or set CHROMIUM_PATH.');
  }
  const dir = mkdtempSync(join(tmpdir(), 'netsim-web-'));
  const dirs = { scenariosDir: join(dir, 'scenarios'), topologiesDir: join(dir, 'topology') };
  cpSync(join(ROOT, 'scenarios'), dirs.scenariosDir, { recursive: true });
  cpSync(join(ROOT, 'topology'), dirs.topologiesDir, { recursive: true });
  for (const [id, yaml] of Object.entries(extraTopologies)) {
    writeFileSync(join(dirs.topologiesDir, `${id}.yaml`), yaml);
  }

  const app = await buildServer({ dirs, store: join(dir, 'runs.sqlite'), logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;

  // A persistent context is how playwright takes a user-data-dir: a fresh one per run.
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM, headless: true, args: ARGS,
    viewport: { width: 1600, height: 1000 }, acceptDownloads: true,
  });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (r) => requests.push(r.url()));

  const open = async (hash = '') => {
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${origin}/${hash}`);
    await page.waitForSelector('body[data-ready=true]', { timeout: 45_000 });
    return page;
  };

  return {
    app, origin, dir, context, requests, errors, open,
    close: async () => {
      await context.close();
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  } satisfies Harness;
}

/** Saves a screenshot when NETSIM_SCREENSHOTS names a folder (for people to look at). */
export async function snapshot(page: Page, name: string): Promise<void> {
  const folder = process.env.NETSIM_SCREENSHOTS;
  if (folder) await page.screenshot({ path: join(folder, `${name}.png`) });
}

/** The numbers in a text as shown: "1,107.2 Mbps" -> [1107.2]. */
export function numbersIn(text: string): number[] {
  return [...text.matchAll(/-?\d[\d,]*(\.\d+)?/g)].map((m) => Number(m[0].replace(/,/g, '')));
}

/** An attribute of every element a selector finds, in document order. */
export function attrs(page: Page, selector: string, name = 'data-id'): Promise<string[]> {
  return page.$$eval(selector, (els, n) => els.map((e) => e.getAttribute(n) ?? ''), name);
}
