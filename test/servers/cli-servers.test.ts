// `netsim servers`: one JSON object with --json, a table without, exit 2 on bad input.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serversCommand } from '../../src/cli/servers.ts';

let out: string;
let err: string;

beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err += String(chunk);
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

async function run(...args: string[]): Promise<number> {
  await serversCommand().exitOverride().parseAsync(args, { from: 'user' });
  return Number(process.exitCode ?? 0);
}

describe('netsim servers', () => {
  it('prints exactly one JSON object with --json', async () => {
    expect(await run('--json')).toBe(0);
    const result = JSON.parse(out);
    expect(result.years.map((y: { year: number }) => y.year))
      .toEqual([2019, 2020, 2021, 2022, 2023]);
    expect(result.planRunsOutYear).toBe(2021);
    expect(err).toBe('');
  });

  it('reports one year with --year', async () => {
    expect(await run('--year', '2022', '--json')).toBe(0);
    expect(JSON.parse(out).years.map((y: { year: number }) => y.year)).toEqual([2022]);
  });

  it('prints a table per year and when the planned servers run out', async () => {
    expect(await run()).toBe(0);
    expect(out).toContain('Plan: 8 servers; they run out in 2021');
    expect(out).toMatch(/^year +tiers new +tiers live +replicas +servers +needed/m);
    expect(out).toMatch(/^2023 +73 +340 +375 +8 +14 /m);
  });

  it('exits 2 naming the file and the fault when the catalogue is bad', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netsim-servers-'));
    try {
      const file = join(dir, 'bad.yaml');
      writeFileSync(file, 'schemaVersion: 2\n');
      expect(await run(file)).toBe(2);
      expect(err).toContain('error E_INPUT_SCHEMA');
      expect(err).toContain('bad.yaml: schemaVersion: expected one of 1, got 2');
      expect(err).toContain('bad.yaml: applications: expected an array, got nothing');
      expect(out).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 for a year outside the catalogue', async () => {
    expect(await run('--year', '2030')).toBe(2);
    expect(err).toContain('--year: expected a year from 2019 to 2023, got 2030');
  });
});
