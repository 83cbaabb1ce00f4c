// Loading a catalogue: a bad file is refused whole, with every fault and its path.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/errors.ts';
import { parseCatalogue } from '../../src/servers/load-catalogue.ts';

const HEADER = `schemaVersion: 1
name: test
years: { first: 2019, last: 2023 }
rules: { r: "a rule" }
offices: [a-office, b-office]
groups: { both: [a-office, b-office] }
servers:
  spec: { name: s, cores: 16, memoryGiB: 128, storageGiB: 2000, overhead: 0.1 }
  fleet:
    - { id: dc, site: datacenter, role: primary, count: 2, from: 2019 }
  targetUtilisation: 0.7
  warnUtilisation: 0.85
`;

const TIER = 'cores: 1, memoryGiB: 2, storageGiB: 20, peakRps: 1, serviceTimeMs: 10';

function app(id: string, extra = '', tiers = `      - { name: web, ${TIER} }`): string {
  return `  - id: ${id}
    name: App ${id}
    owner: a-office
    users: [both]
    development: new
    type: umum
    function: operasional
    live: 2020
    priority: 3
    officeMbps: 0.5
${extra}    tiers:
${tiers}
`;
}

function refuse(text: string): InputError {
  try {
    parseCatalogue(text, 'apps.yaml');
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected the catalogue to be refused');
}

describe('parseCatalogue', () => {
  it('reads a sound catalogue, defaulting a tier\'s year and replicas', () => {
    const c = parseCatalogue(`${HEADER}applications:\n${app('x')}`, 'apps.yaml');
    expect(c.applications[0].tiers[0]).toMatchObject({ name: 'web', cores: 1 });
    expect(c.applications[0].tiers[0].live).toBeUndefined();
  });

  it('reports every fault at once, each with its path', () => {
    const first = app('x', '', [
      `      - { name: web, ${TIER.replace('cores: 1', 'cores: -1')} }`,
      `      - { name: web, ${TIER} }`,
      `      - { name: db, live: 2019, ${TIER} }`,
    ].join('\n'));
    const second = app('x', '    figures: { source: estimate, rule: nowhere }\n')
      .replace('owner: a-office', 'owner: ghost')
      .replace('users: [both]', 'users: [both, nobody]');
    const err = refuse(`${HEADER}applications:\n${first}${second}`);
    const byPath = new Map(err.issues.map((i) => [i.path, i.message]));
    expect(err.code).toBe('E_INPUT_SCHEMA');
    expect(byPath.get('applications[0].tiers[0].cores')).toBe('expected a number >= 1, got -1');
    expect(byPath.get('applications[0].tiers[1].name'))
      .toBe('duplicate tier name "web" (first at tiers[0])');
    expect(byPath.get('applications[0].tiers[2].live'))
      .toBe('a tier cannot go live before its application (2020), got 2019');
    expect(byPath.get('applications[1].id'))
      .toBe('duplicate application id "x" (first at applications[0])');
    expect(byPath.get('applications[1].owner')).toBe('office "ghost" is not in offices');
    expect(byPath.get('applications[1].users[1]'))
      .toBe('"nobody" is neither an office nor a group');
    expect(byPath.get('applications[1].figures.rule'))
      .toBe('rule "nowhere" is not defined in rules');
    expect(err.issues).toHaveLength(7);
    expect(err.message.split('\n')).toContain(
      'apps.yaml: applications[1].owner: office "ghost" is not in offices');
  });

  it('refuses an application whose year is not that of its first tier', () => {
    const late = app('x', '', `      - { name: web, live: 2021, ${TIER} }`);
    const err = refuse(`${HEADER}applications:\n${late}`);
    expect(err.code).toBe('E_INPUT_REFERENCE');
    expect(err.issues.map((i) => [i.path, i.message])).toEqual([[
      'applications[0].live',
      'expected the year of the application\'s first tier (2021), got 2020',
    ]]);
  });

  it('refuses a tier year outside the catalogue\'s years and an estimate with no rule', () => {
    const err = refuse(`${HEADER}applications:\n${app('x', '', `      - { name: web, ${TIER} }
      - { name: db, live: 2030, cores: { value: 2, source: estimate }, memoryGiB: 2,
          storageGiB: 20, peakRps: 1, serviceTimeMs: 10 }`)}`);
    const paths = err.issues.map((i) => i.path).sort();
    expect(paths)
      .toEqual(['applications[0].tiers[1].cores.rule', 'applications[0].tiers[1].live']);
  });

  it('gives the line and column of a YAML syntax error', () => {
    const err = refuse(`${HEADER}applications: [ { id: a\n`);
    expect(err.code).toBe('E_INPUT_SYNTAX');
    expect(err.issues[0].path).toMatch(/^line \d+, column \d+$/);
  });
});
