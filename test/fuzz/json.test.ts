// Fuzzing the JSON importer: node-link graphs and topologies as JSON, mutated and odd.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGml } from '../../src/io/gml.ts';
import { parseJsonGraph } from '../../src/io/json-graph.ts';
import { parseYamlText } from '../../src/model/yaml-text.ts';
import { pathsOf, withOwnKey, withValueAt } from './data-paths.ts';
import { expectOutcome, keepTallies } from './outcome.ts';
import { importText } from './network-check.ts';
import { mutated, nested, oddValue, PROTO_KEYS, projectText, runs } from './mutate.ts';

keepTallies(import.meta.filename);

// Node-link JSON as networkx writes it, made from Topology Zoo files.
const NODE_LINK = ['Sprint', 'Karen', 'Sanet'].map((name) => {
  const graph = parseGml(projectText(`test/datasets/topologyzoo/gml/${name}.gml`), name);
  return JSON.stringify({
    directed: false, multigraph: true, graph: { name },
    nodes: graph.nodes.map((n) => ({ id: n.id, ...n.attributes })),
    links: graph.edges.map((e) => ({ source: e.source, target: e.target, ...e.attributes })),
  }, null, 1);
});
const TOPOLOGY_JSON = JSON.stringify(parseYamlText(projectText('topology/mojokerto.yaml'),
  'mojokerto.yaml'), null, 1);
const JSON_WORDS = ['{', '}', '[', ']', ',', ':', '"', '\\u0000', '\\ud800', 'null', 'true',
  '1e400', '-0', 'NaN', 'Infinity', '"__proto__":', '"constructor":', '"prototype":',
  '{"id": 1}', '{"source": 0, "target": 99}', '"id":', '"nodes": [],', '"sites":'];

function load(text: string, file = 'net.json') {
  return importText('json', file, text, parseJsonGraph);
}

describe('the JSON importer on mutated files', () => {
  it('loads or refuses every mutation of node-link graphs', () => {
    fc.assert(fc.property(fc.constantFrom(...NODE_LINK).chain((t) => mutated(t, JSON_WORDS)),
      (text) => { load(text); }), runs(1500));
  });

  it('loads or refuses mutations of the Mojokerto topology as JSON', () => {
    fc.assert(fc.property(mutated(TOPOLOGY_JSON, JSON_WORDS),
      (text) => { load(text, 'mojokerto.json'); }), runs(60));
  });

  it('loads or refuses node-link graphs with odd values and prototype keys anywhere', () => {
    const data = JSON.parse(NODE_LINK[0]) as unknown;
    const paths = pathsOf(data);
    const maps = paths.filter((p) => p.kind === 'map');
    fc.assert(fc.property(fc.constantFrom(...paths), oddValue, fc.constantFrom(...maps),
      fc.constantFrom(...PROTO_KEYS), (path, value, mapPath, key) => {
        load(JSON.stringify(withValueAt(withOwnKey(data, mapPath, key, value), path, value)));
      }), runs(800));
  });
});

describe('the JSON importer on adversarial text', () => {
  const cases: Array<[string, string, string, string | null]> = [
    ['deep lists', nested('[', '', ']', 200_000), 'E_INPUT_LIMIT', 'too_deep'],
    ['deep maps', nested('{"a":', '1', '}', 200_000), 'E_INPUT_LIMIT', 'too_deep'],
    ['an unterminated string', '{"nodes": [{"id": "a}], "links": []}', 'E_INPUT_SYNTAX',
      'json_syntax'],
    ['a BOM', '\uFEFF{"nodes": [{"id": "a"}], "links": []}', 'loaded', null],
    ['binary garbage', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) % 256))
      .toString('latin1'), 'E_INPUT_SYNTAX', 'json_syntax'],
    ['duplicate keys', '{"nodes": [{"id": "a"}], "nodes": [{"id": "b"}], "links": []}',
      'loaded', null],
    ['a huge number', '{"nodes": [{"id": 1e400}], "links": []}', 'E_INPUT_SYNTAX',
      'missing_node_id'],
    ['__proto__ as a key', '{"__proto__": {"polluted": 1}, "nodes": [{"id": "a", ' +
      '"__proto__": {"polluted": 1}}], "links": []}', 'loaded', null],
    ['a million links to nowhere', `{"nodes": [{"id": "a"}], "links": [${
      Array(1_000_000).fill('{}').join(',')}]}`, 'E_INPUT_LIMIT', 'too_many_edges'],
    ['a lone surrogate id', '{"nodes": [{"id": "\\ud800"}], "links": []}', 'loaded', null],
    ['neither shape', '[1, 2, 3]', 'E_INPUT_SCHEMA', 'unknown_json'],
  ];

  it.each(cases)('%s is loaded or refused under its code', (_name, text, expected, issue) => {
    expectOutcome(load(text, 'bad.json'), expected, issue);
  });

  it.each(PROTO_KEYS)('keeps a node field named %s as an own attribute', (key) => {
    const outcome = load(`{"nodes": [{"id": "a", "${key}": "v"}], "links": []}`, 'p.json');
    expect(outcome.kind).toBe('loaded');
    if (outcome.kind !== 'loaded') return;
    const node = (outcome.value as { nodes: Array<{ attributes: object }> }).nodes[0];
    expect(Object.getOwnPropertyDescriptor(node.attributes, key)?.value).toBe('v');
  });
});
