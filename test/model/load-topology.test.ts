import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/errors.ts';
import { parseTopology } from '../../src/model/load-topology.ts';

function refuse(text: string): InputError {
  try {
    parseTopology(text, 'bad.yaml');
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected the topology to be refused');
}

const header = 'schemaVersion: 1\nname: t\nbaseYear: 2019\n';

describe('parseTopology', () => {
  it('reports a negative capacity, an unknown link end and a duplicate id together', () => {
    const err = refuse(`${header}sites:
  - { id: a, name: A, kind: router }
  - { id: b, name: B, kind: router }
  - { id: a, name: A again, kind: router }
links:
  - { id: l1, a: a, b: b, medium: fibre, capacityMbps: -5 }
  - { id: l2, a: a, b: nowhere, medium: fibre, capacityMbps: 10 }
`);
    const lines = err.message.split('\n');
    expect(lines).toContain('bad.yaml: links[0].capacityMbps: expected a positive number, got -5');
    expect(lines).toContain(
      'bad.yaml: links[1].b: link end "nowhere" is not a site in this topology');
    expect(lines).toContain('bad.yaml: sites[2].id: duplicate site id "a" (first at sites[0])');
    expect(err.issues).toHaveLength(3);
  });

  it('gives the line and column of a YAML syntax error', () => {
    const err = refuse(`${header}sites: [ { id: a\n`);
    expect(err.code).toBe('E_INPUT_SYNTAX');
    expect(err.issues[0].path).toMatch(/^line \d+, column \d+$/);
  });

  it('refuses an office that belongs to no cluster when clusters exist', () => {
    const err = refuse(`${header}clusters:
  - { id: c1, name: C1, hub: h, uplink: up }
sites:
  - { id: h, name: Hub, kind: hub, cluster: c1 }
  - { id: bb, name: Backbone, kind: datacenter }
  - { id: d, name: Dinas, kind: dinas }
  - { id: k, name: Kecamatan, kind: kecamatan }
links:
  - { id: up, a: h, b: bb, medium: fibre, capacityMbps: 100 }
`);
    expect(err.code).toBe('E_INPUT_REFERENCE');
    expect(err.issues.map((i) => i.path)).toEqual(['sites[2].cluster']);
  });

  it('refuses an estimate that names no rule, or a rule not written down', () => {
    const err = refuse(`${header}rules: { r1: "one rule" }
sites:
  - { id: a, name: A, kind: router }
  - { id: b, name: B, kind: router }
links:
  - { id: l1, a: a, b: b, medium: fibre, capacityMbps: { value: 10, source: estimate } }
  - { id: l2, a: a, b: b, medium: fibre, capacityMbps: { value: 10, source: estimate, rule: r2 } }
`);
    expect(err.issues.map((i) => i.path)).toEqual([
      'links[0].capacityMbps.rule',
      'links[1].capacityMbps.rule',
    ]);
  });
});
