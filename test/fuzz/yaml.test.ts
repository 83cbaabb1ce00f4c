// Fuzzing the YAML loaders: yaml-text, topologies, scenarios, catalogues and read-input
// on mutated real files, values out of range, and adversarial YAML.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseTopology } from '../../src/model/load-topology.ts';
import { parseScenario } from '../../src/model/load-scenario.ts';
import { loadInput } from '../../src/model/read-input.ts';
import { parseYamlText } from '../../src/model/yaml-text.ts';
import { parseCatalogue } from '../../src/servers/load-catalogue.ts';
import { classify, keepTallies } from './outcome.ts';
import { checkPlainData, withValueAt, withOwnKey, pathsOf } from './data-paths.ts';
import {
  mutated, nested, oddValue, projectPath, projectText, PROTO_KEYS, runs,
} from './mutate.ts';

keepTallies(import.meta.filename);

const TOPOLOGY = projectText('topology/mojokerto.yaml');
const CATALOGUE = projectText('topology/mojokerto-apps.yaml');
const SCENARIOS = ['baseline-2019', 'plan-2023', 'dc-outage-2023', 'fo-cut-cluster-2',
  'telkom-down-2023'].map((name) => projectText(`scenarios/${name}.yaml`));
const YAML_WORDS = ['&a ', '*a', '*b', '<<: *a', '!!binary ', '!!js/function ', '? ', '- ',
  ': ', '{', '}', '[', ']', '|', '>-', '---\n', '...\n', '%YAML 1.1\n', '"', "'", '\n  ',
  'id: ', 'sites: ', 'links: ', '__proto__: ', 'constructor: ', 'prototype: ', '.nan',
  '.inf', '-.inf', '1e400', 'null', '~', 'yes', '0o17', '0x1f', '\t'];

/** Runs one YAML loader on `text`, and checks what it loaded is plain, finite data. */
function load(parser: string, parse: (text: string, file: string) => unknown, text: string) {
  const outcome = classify(parser, 'fuzz.yaml', () => parse(text, 'fuzz.yaml'));
  if (outcome.kind === 'loaded' && parser !== 'yaml-text') checkPlainData(outcome.value);
  return outcome;
}

describe('the YAML loaders on mutated real files', () => {
  it('parseYamlText loads or refuses every mutation of every scenario', () => {
    fc.assert(fc.property(fc.constantFrom(...SCENARIOS).chain((s) => mutated(s, YAML_WORDS)),
      (text) => { load('yaml-text', parseYamlText, text); }), runs(400));
  });

  it('parseTopology loads or refuses mutations of mojokerto.yaml', () => {
    fc.assert(fc.property(mutated(TOPOLOGY, YAML_WORDS),
      (text) => { load('topology', parseTopology, text); }), runs(60));
  });

  it('parseScenario loads or refuses mutations of the scenarios', () => {
    fc.assert(fc.property(fc.constantFrom(...SCENARIOS).chain((s) => mutated(s, YAML_WORDS)),
      (text) => { load('scenario', parseScenario, text); }), runs(400));
  });

  it('parseCatalogue loads or refuses mutations of mojokerto-apps.yaml', () => {
    fc.assert(fc.property(mutated(CATALOGUE, YAML_WORDS),
      (text) => { load('catalogue', parseCatalogue, text); }), runs(25));
  });
});

describe('the YAML loaders on odd values', () => {
  const topologyData = parseYamlText(TOPOLOGY, 'mojokerto.yaml');
  const catalogueData = parseYamlText(CATALOGUE, 'apps.yaml');
  const scenarioData = parseYamlText(SCENARIOS[1], 'plan-2023.yaml');

  it.each([
    ['topology', topologyData, parseTopology, 50],
    ['catalogue', catalogueData, parseCatalogue, 15],
    ['scenario', scenarioData, parseScenario, 300],
  ] as const)('the %s loader refuses NaN, Infinity and wrong types anywhere, naming the path',
    (parser, data, parse, numRuns) => {
      const paths = pathsOf(data);
      fc.assert(fc.property(fc.constantFrom(...paths), oddValue, fc.boolean(),
        (path, value, asJson) => {
          const changed = withValueAt(data, path, value);
          const text = asJson ? JSON.stringify(changed) : stringify(changed);
          load(parser, parse, text);
        }), runs(numRuns));
    });

  it.each([
    ['topology', topologyData, parseTopology, 40],
    ['scenario', scenarioData, parseScenario, 150],
  ] as const)('the %s loader takes __proto__, constructor and prototype keys as plain keys',
    (parser, data, parse, numRuns) => {
      const paths = pathsOf(data).filter((p) => p.kind === 'map');
      fc.assert(fc.property(fc.constantFrom(...paths), fc.constantFrom(...PROTO_KEYS), oddValue,
        (path, key, value) => {
          const text = JSON.stringify(withOwnKey(data, path, key, value));
          load(parser, parse, text);
        }), runs(numRuns));
    });
});

describe('the YAML loaders on adversarial text', () => {
  const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const prev = String.fromCharCode(96 + i);
    const next = String.fromCharCode(97 + i);
    laughs.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }

  const cases: Array<[string, string, string | null]> = [
    ['billion laughs', laughs.join('\n'), 'yaml_aliases'],
    ['deep flow lists', nested('[', '1', ']', 20_000), 'too_deep'],
    ['deep flow maps', nested('{a: ', '1', '}', 20_000), 'too_deep'],
    ['deep block maps', Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'),
      'too_deep'],
    ['an undefined alias', 'a: *nowhere', 'yaml_alias'],
    ['a million links', `links: [${Array(1_000_000).fill('{}').join(',')}]`, 'file_too_large'],
    ['a duplicate key', 'name: a\nname: b\n', 'yaml_duplicate_key'],
    ['a duplicate __proto__ key', '__proto__: a\n__proto__: b\n', 'yaml_duplicate_key'],
    ['an unterminated string', 'name: "never closed\n', null],
    ['an unterminated flow map', '{ sites: [ { id: a ', null],
    ['two documents', 'a: 1\n---\nb: 2\n', 'yaml_multiple_docs'],
    ['a tab indent', 'sites:\n\t- id: a\n', null],
    ['binary garbage', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) % 256))
      .toString('latin1'), null],
    ['a lone BOM', '\uFEFF', null],
    ['NUL bytes', 'name: a\u0000b\n', null],
    ['a merge key', 'base: &b { x: 1 }\nother: { <<: *b }\n', null],
    ['a js tag', 'name: !!js/function "function(){}"\n', null],
    ['prototype pollution by merge', '__proto__: &p { polluted: 1 }\nx: { <<: *p }\n', null],
  ];

  it.each(cases)('%s is loaded as data or refused under its code', (_name, text, code) => {
    for (const [parser, parse] of [['yaml-text', parseYamlText], ['topology', parseTopology],
      ['scenario', parseScenario], ['catalogue', parseCatalogue]] as const) {
      const outcome = load(parser, parse, text);
      if (code !== null) {
        expect(outcome.kind).toBe('refused');
        if (outcome.kind === 'refused') expect(outcome.error.issues[0].code).toBe(code);
      }
    }
  });

  it('names the line and column of an alias with no anchor before it', () => {
    const outcome = load('yaml-text', parseYamlText, 'a: 1\nb: [*x, 2]\nc: &x 3\n');
    expect(outcome.kind === 'refused' && outcome.error.message).toBe('fuzz.yaml: line 2, ' +
      'column 5: expected an anchor "&x" before the alias "*x", got none');
  });

  it('keeps each issue on one line when a key holds line breaks', () => {
    const outcome = load('scenario', parseScenario, '"two\\nlines": 1\ntopology: t.yaml\n');
    if (outcome.kind !== 'refused') throw new Error('expected a refusal');
    expect(outcome.error.message.split('\n')).toEqual([
      'fuzz.yaml: schemaVersion: expected one of 1, got nothing',
      'fuzz.yaml: name: expected a string, got nothing',
      'fuzz.yaml: unknown field "two\\nlines"',
    ]);
  });

  it('reads a __proto__ key as an own key, leaving the prototype of the map alone', () => {
    const data = parseYamlText('__proto__: { polluted: 1 }\nconstructor: 2\n', 'p.yaml');
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.keys(data as object)).toEqual(['__proto__', 'constructor']);
    expect((data as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('read-input on mutated scenario and topology files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'netsim-fuzz-'));
  cpSync(projectPath('topology'), join(dir, 'topology'), { recursive: true });
  cpSync(projectPath('scenarios'), join(dir, 'scenarios'), { recursive: true });
  // A fault may lie in the scenario, the topology or the catalogue it names: the error
  // names that file, which is one of the copies.
  const inCopy = (file: string) => file.startsWith(`${dir}/`);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loadInput loads or refuses a mutated scenario, its topology kept', () => {
    const path = join(dir, 'scenarios', 'fuzz.yaml');
    fc.assert(fc.property(fc.constantFrom(...SCENARIOS).chain((s) => mutated(s, YAML_WORDS)),
      (text) => {
        writeFileSync(path, text);
        classify('read-input', inCopy, () => loadInput(path));
      }), runs(60));
  });

  it('loadInput loads or refuses a scenario whose topology is mutated', () => {
    const topologyPath = join(dir, 'topology', 'fuzz.yaml');
    const scenarioPath = join(dir, 'scenarios', 'fuzz-topology.yaml');
    writeFileSync(scenarioPath, SCENARIOS[1].replace('mojokerto.yaml', 'fuzz.yaml'));
    fc.assert(fc.property(mutated(TOPOLOGY, YAML_WORDS), (text) => {
      writeFileSync(topologyPath, text);
      const outcome = classify('read-input', inCopy, () => loadInput(scenarioPath));
      // A fault of the topology names a file the topology leads to, never the scenario.
      if (outcome.kind === 'refused') expect(outcome.error.file).not.toBe(scenarioPath);
    }), runs(15));
  });
});
