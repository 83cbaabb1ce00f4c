// Runs the whole vitest suite and closes with one plain line, `N passed, N failed`,
// counted from vitest's JSON report rather than read from its console summary.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium } from './setup/chromium.mjs';

// The browser tests drive Debian's Chromium: install it first when it is missing.
ensureChromium();

const dir = mkdtempSync(join(tmpdir(), 'netsim-test-'));
const reportFile = join(dir, 'report.json');
const vitest = join('node_modules', 'vitest', 'vitest.mjs');

const run = spawnSync(
  process.execPath,
  [vitest, 'run', '--reporter=default', '--reporter=json',
    `--outputFile.json=${reportFile}`, ...process.argv.slice(2)],
  { stdio: 'inherit', env: process.env },
);

let passed = 0;
let failed = 0;
if (existsSync(reportFile)) {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  for (const file of report.testResults ?? []) {
    let failedHere = 0;
    for (const test of file.assertionResults ?? []) {
      if (test.status === 'passed') passed += 1;
      else if (test.status === 'failed') failedHere += 1;
    }
    // A file that failed outside its tests (it did not load, or a hook threw and its
    // tests were not run) is a failure too.
    if (failedHere === 0 && file.status === 'failed') failedHere = 1;
    failed += failedHere;
  }
} else {
  failed += 1;
}
rmSync(dir, { recursive: true, force: true });

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || run.status !== 0 ? 1 : 0);
