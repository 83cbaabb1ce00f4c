// Fuzzing the GML importer with mutated Topology Zoo files and adversarial GML.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGml } from '../../src/io/gml.ts';
import { expectOutcome, keepTallies } from './outcome.ts';
import { importText } from './network-check.ts';
import { mutated, nested, PROTO_KEYS, projectText, runs } from './mutate.ts';

keepTallies(import.meta.filename);

const GML = ['Sprint', 'Nsfcnet', 'Karen', 'Sanet', 'Chinanet'].map((name) =>
  projectText(`test/datasets/topologyzoo/gml/${name}.gml`));
const GML_WORDS = ['node [ id 0 ]', 'node [ id "a" ]', 'node [ ]', 'edge [ source 0 target 1 ]',
  'edge [ source 0 target 999 ]', 'edge [ ]', '[', ']', '"', 'id', 'source', 'target',
  'LinkSpeedRaw 1e400', 'LinkSpeedRaw INF', 'LinkSpeedRaw NAN', 'LinkSpeedRaw -1',
  'Longitude NaN', 'Latitude 1e999', '__proto__ 1', 'constructor "x"', 'prototype [ a 1 ]',
  'directed 1', 'multigraph 1', '&amp;', '&#x110000;', '&#99999999999;', '# comment', '\\"',
  'graph [', 'id 1.5', 'id -0', 'id 9007199254740993'];

function load(text: string, file = 'zoo.gml') {
  return importText('gml', file, text, parseGml);
}

describe('the GML importer on mutated real files', () => {
  it('loads or refuses every mutation of Topology Zoo files', () => {
    fc.assert(fc.property(fc.constantFrom(...GML).chain((t) => mutated(t, GML_WORDS)),
      (text) => { load(text); }), runs(1500));
  });

  it('loads or refuses GML assembled from random tokens', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...GML_WORDS), { maxLength: 60 }),
      (words) => { load(`graph [\n${words.join('\n')}\n]`); }), runs(500));
  });
});

describe('the GML importer on adversarial text', () => {
  const cases: Array<[string, string, string, string | null]> = [
    ['deep lists', `graph [ node [ id 0 ${nested('a [ ', '', ' ]', 100_000)} ] ]`,
      'E_INPUT_LIMIT', 'too_deep'],
    ['an unterminated string', 'graph [ node [ id 0 label "never closed ] ]',
      'E_INPUT_SYNTAX', 'gml_syntax'],
    ['an unclosed list', 'graph [ node [ id 0 ]', 'E_INPUT_SYNTAX', 'gml_syntax'],
    ['a stray ]', 'graph [ ] ]', 'E_INPUT_SYNTAX', 'gml_syntax'],
    ['binary garbage', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) % 256))
      .toString('latin1'), 'E_INPUT_SYNTAX', 'gml_syntax'],
    ['a BOM', '\uFEFFgraph [ node [ id 0 ] ]', 'loaded', null],
    ['NaN and Infinity', 'graph [ node [ id 0 Longitude NAN Latitude INF ] node [ id 1 ] ' +
      'edge [ source 0 target 1 LinkSpeedRaw 1e400 ] ]', 'loaded', null],
    ['an id of INF', 'graph [ node [ id INF ] ]', 'E_INPUT_SYNTAX', 'missing_node_id'],
    ['a huge id', 'graph [ node [ id 1e400 ] ]', 'E_INPUT_SYNTAX', 'missing_node_id'],
    ['duplicate ids', 'graph [ node [ id 0 ] node [ id 0 ] ]', 'E_INPUT_REFERENCE',
      'duplicate_node'],
    ['ids 1 and 1.0', 'graph [ node [ id 1 ] node [ id 1.0 ] ]', 'E_INPUT_REFERENCE',
      'duplicate_node'],
    ['an edge to nowhere', 'graph [ node [ id 0 ] edge [ source 0 target 7 ] ]',
      'E_INPUT_REFERENCE', 'unknown_node'],
    ['a long line of keys', `graph [ ${'a 1 '.repeat(100_000)}node [ id 0 ] ]`, 'loaded', null],
    ['no graph', 'creator "x"', 'E_INPUT_SYNTAX', 'missing_graph'],
    ['a million edges', `graph [ node [ id 0 ]\n${'edge [ ]\n'.repeat(1_000_000)}]`,
      'E_INPUT_LIMIT', 'too_many_edges'],
  ];

  it.each(cases)('%s is loaded or refused under its code', (_name, text, expected, issue) => {
    expectOutcome(load(text, 'bad.gml'), expected, issue);
  });

  it.each(PROTO_KEYS)('keeps a node attribute named %s as an own attribute', (key) => {
    const outcome = load(`graph [ node [ id 0 ${key} "v" ${key} [ x 1 ] ] ]`, 'proto.gml');
    expect(outcome.kind).toBe('loaded');
    if (outcome.kind !== 'loaded') return;
    const node = (outcome.value as { nodes: Array<{ attributes: object }> }).nodes[0];
    expect(Object.getOwnPropertyDescriptor(node.attributes, key)?.value).toBe('v');
    expect(Object.getOwnPropertyDescriptor(node.attributes, `${key}.x`)?.value).toBe(1);
  });
});
