// Installs Debian's Chromium for the browser tests when it is missing (root, apt-get).
// Run by .ci/run and by test/run.mjs before vitest; `--check` only reports.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where the browser tests expect Chromium: Debian's `chromium` package. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Installs Chromium with apt-get unless it is there; returns whether it is there after. */
export function ensureChromium({ checkOnly = false } = {}) {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (checkOnly) return false;

  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = asRoot ? [] : ['sudo', '-n'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  process.stderr.write(`chromium: ${CHROMIUM_PATH} is missing; installing Debian's chromium\n`);
  for (const args of [['apt-get', 'update'], ['apt-get', 'install', '-y', 'chromium']]) {
    const cmd = [...sudo, ...args];
    const run = spawnSync(cmd[0], cmd.slice(1), { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (run.status !== 0) {
      process.stderr.write(`chromium: "${cmd.join(' ')}" failed (exit ${run.status})\n`);
      return false;
    }
  }
  return existsSync(CHROMIUM_PATH);
}

// Run as a script: install (or check) and exit 1 if Chromium is still missing.
if (import.meta.url === `file://${process.argv[1]}`) {
  const ok = ensureChromium({ checkOnly: process.argv.includes('--check') });
  process.stderr.write(ok ? `chromium: ${CHROMIUM_PATH} ready\n`
    : `chromium: ${CHROMIUM_PATH} is missing; the browser tests will fail\n`);
  process.exit(ok ? 0 : 1);
}
