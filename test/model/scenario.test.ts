import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/errors.ts';
import { loadInput } from '../../src/model/read-input.ts';

const linkIds = (year: number) =>
  new Set(loadInput('scenarios/plan-2023.yaml', { year }).network.links.map((l) => l.id));
const capacity = (file: string, id: string, year?: number) =>
  loadInput(file, { year }).network.links.find((l) => l.id === id)!.capacityMbps;

describe('scenarios', () => {
  it('baseline-2019 has no DRC, no backup links and the smaller 2019 circuits', () => {
    const input = loadInput('scenarios/baseline-2019.yaml');
    expect(input.year).toBe(2019);
    expect(input.network.sites.some((s) => s.id === 'drc')).toBe(false);
    expect(input.network.links.some((l) => l.backup)).toBe(false);
    expect(capacity('scenarios/baseline-2019.yaml', 'telkom-uplink')).toBe(500);
    expect(input.network.links.find((l) => l.id === 'fo-c3')!.medium).toBe('wireless');
  });

  it('plan-2023 applies each roadmap event from its year on', () => {
    expect(linkIds(2019).has('backup-bapenda')).toBe(false);
    expect(linkIds(2020).has('backup-bapenda')).toBe(true);
    expect(linkIds(2020).has('wan-drc')).toBe(false);
    expect(linkIds(2021).has('wan-drc')).toBe(true);
    expect(capacity('scenarios/plan-2023.yaml', 'telkom-uplink', 2019)).toBe(500);
    expect(capacity('scenarios/plan-2023.yaml', 'telkom-uplink', 2020)).toBe(1000);
    expect(capacity('scenarios/plan-2023.yaml', 'fo-c4', 2023)).toBe(1000);
  });

  it('reports a change that names a missing link at its path in the scenario', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netsim-'));
    const file = join(dir, 's.yaml');
    writeFileSync(file, `schemaVersion: 1
name: s
topology: ${join(process.cwd(), 'topology/mojokerto.yaml')}
changes:
  - { op: remove-link, id: fo-c9 }
  - { op: set-link, id: fo-c2, capacityMbps: 0 }
`);
    expect(() => loadInput(file)).toThrow(InputError);
    try {
      loadInput(file);
    } catch (err) {
      const issues = (err as InputError).issues.map((i) => `${i.path}: ${i.message}`);
      expect(issues).toEqual(['changes[1].capacityMbps: expected a positive number, got 0']);
    }
    writeFileSync(file, `schemaVersion: 1
name: s
topology: ${join(process.cwd(), 'topology/mojokerto.yaml')}
changes:
  - { op: remove-link, id: fo-c9 }
`);
    try {
      loadInput(file);
      expect.unreachable();
    } catch (err) {
      expect((err as InputError).issues.map((i) => i.path)).toEqual(['changes[0].id']);
    }
  });

  it('refuses an extends chain that loops', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netsim-'));
    writeFileSync(join(dir, 'a.yaml'), 'schemaVersion: 1\nname: a\nextends: b.yaml\n');
    writeFileSync(join(dir, 'b.yaml'), 'schemaVersion: 1\nname: b\nextends: a.yaml\n');
    expect(() => loadInput(join(dir, 'a.yaml')))
      .toThrow(/leads back to a scenario already in the chain/);
  });
});
