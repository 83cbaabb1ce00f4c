// Every limit of src/model/limits.ts, at its real value: an input at the limit loads, one
// just over it is refused under E_INPUT_LIMIT with the limit's own issue code and message.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseGml } from '../../src/io/gml.ts';
import { parseGraphml } from '../../src/io/graphml.ts';
import { parseNetworkText, readNetworkFile } from '../../src/io/index.ts';
import { parseJsonGraph } from '../../src/io/json-graph.ts';
import { parseSndlibNative } from '../../src/io/sndlib-native.ts';
import { parseSndlibXml } from '../../src/io/sndlib-xml.ts';
import { validateTopology } from '../../src/model/load-topology.ts';
import { LIMITS } from '../../src/model/limits.ts';
import { loadInput } from '../../src/model/read-input.ts';
import { parseYamlText } from '../../src/model/yaml-text.ts';
import { classify, classifyAsync, keepTallies, type Outcome } from './outcome.ts';

keepTallies(import.meta.filename);

const MIB = 1024 * 1024;

function expectLoaded(outcome: Outcome): void {
  if (outcome.kind === 'refused') throw new Error(`refused: ${outcome.error.message}`);
}

function expectLimit(outcome: Outcome, code: string, message: string): void {
  expect(outcome.kind).toBe('refused');
  if (outcome.kind !== 'refused') return;
  expect(outcome.error.code).toBe('E_INPUT_LIMIT');
  expect(outcome.error.issues).toHaveLength(1);
  expect(outcome.error.issues[0]).toMatchObject({ code, message });
}

const run = (parser: string, file: string, parse: (t: string, f: string) => unknown) =>
  (text: string) => classify(parser, file, () => parse(text, file));

describe('the limits as stated', () => {
  it('are the values the README gives', () => {
    expect(LIMITS).toEqual({
      fileBytes: 16 * MIB, yamlBytes: MIB, sites: 50_000, links: 200_000, yamlAliases: 1000,
      depth: 64, sndlibEntryTokens: 1000,
    });
  });
});

describe('fileBytes: the largest network file', () => {
  const over = `expected at most ${16 * MIB} bytes, got ${16 * MIB + 1}`;
  const gml = 'graph [ node [ id 0 ] ]';

  it('loads a GML file of exactly 16 MiB and refuses one byte more', () => {
    const parse = run('limits', 'big.gml', parseNetworkText);
    expectLoaded(parse(gml + ' '.repeat(16 * MIB - gml.length)));
    expectLimit(parse(gml + ' '.repeat(16 * MIB + 1 - gml.length)), 'file_too_large', over);
  });

  it('counts bytes, not characters: 8 Mi two-byte characters and one more are over', () => {
    const text = `${gml}#${'é'.repeat(8 * MIB)}`;
    expect(text.length).toBeLessThan(16 * MIB);
    expectLimit(run('limits', 'wide.gml', parseNetworkText)(text), 'file_too_large',
      `expected at most ${16 * MIB} bytes, got ${16 * MIB + gml.length + 1}`);
  });

  const dir = mkdtempSync(join(tmpdir(), 'netsim-limits-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a file over it on disk before reading it, in both readers', async () => {
    const path = join(dir, 'big.gml');
    writeFileSync(path, gml + ' '.repeat(16 * MIB + 1 - gml.length));
    expectLimit(await classifyAsync('limits', path, () => readNetworkFile(path)),
      'file_too_large', over);
    expectLimit(classify('limits', path, () => loadInput(path)), 'file_too_large', over);
  });
});

describe('yamlBytes: the largest YAML file', () => {
  const parse = run('limits', 'big.yaml', parseYamlText);
  const yaml = 'name: padded\n#';

  it('loads YAML of exactly 1 MiB and refuses one byte more', () => {
    expectLoaded(parse(yaml + 'x'.repeat(MIB - yaml.length)));
    expectLimit(parse(yaml + 'x'.repeat(MIB + 1 - yaml.length)), 'file_too_large',
      `expected at most ${MIB} bytes of YAML, got ${MIB + 1}`);
  });

  it('holds a topology file read from disk to it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netsim-limits-'));
    const path = join(dir, 'big.yaml');
    writeFileSync(path, yaml + 'x'.repeat(MIB + 1 - yaml.length));
    try {
      expectLimit(classify('limits', path, () => loadInput(path)), 'file_too_large',
        `expected at most ${MIB} bytes of YAML, got ${MIB + 1}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('sites: the most nodes', () => {
  const count = (n: number, node: (i: number) => string) =>
    Array.from({ length: n }, (_, i) => node(i)).join('\n');
  const over = 'expected at most 50000 nodes, got more';

  it.each([
    ['GML', 'n.gml', parseGml, (n: number) =>
      `graph [\n${count(n, (i) => `node [ id ${i} ]`)}\n]`],
    ['GraphML', 'n.graphml', parseGraphml, (n: number) =>
      `<graphml><graph>${count(n, (i) => `<node id="n${i}"/>`)}</graph></graphml>`],
    ['SNDlib native', 'n.txt', parseSndlibNative, (n: number) =>
      `NODES (\n${count(n, (i) => `n${i}`)}\n)\n`],
    ['SNDlib XML', 'n.xml', parseSndlibXml, (n: number) => '<network><networkStructure><nodes>' +
      `${count(n, (i) => `<node id="n${i}"/>`)}</nodes></networkStructure></network>`],
    ['JSON', 'n.json', parseJsonGraph, (n: number) =>
      `{"nodes": [${count(n, (i) => `{"id": ${i}}`).replace(/\n/g, ',')}], "links": []}`],
  ] as const)('%s loads 50,000 nodes and refuses 50,001', (_format, file, parse, make) => {
    expectLoaded(run('limits', file, parse)(make(LIMITS.sites)));
    expectLimit(run('limits', file, parse)(make(LIMITS.sites + 1)), 'too_many_nodes', over);
  });

  it('a topology refuses 50,001 sites before checking them', () => {
    const sites = Array.from({ length: LIMITS.sites + 1 }, (_, i) => ({ id: `s${i}` }));
    expectLimit(classify('limits', 't.yaml', () => validateTopology({ sites }, 't.yaml')),
      'too_many_sites', 'expected at most 50000 sites, got 50001');
  });
});

describe('links: the most edges and demands', () => {
  const repeat = (n: number, item: string, sep = '\n') => Array(n).fill(item).join(sep);

  it('GML loads 200,000 edges and refuses 200,001', () => {
    const make = (n: number) => `graph [ node [ id 0 ] node [ id 1 ]\n${
      repeat(n, 'edge [ source 0 target 1 ]')}\n]`;
    expectLoaded(run('limits', 'e.gml', parseGml)(make(LIMITS.links)));
    expectLimit(run('limits', 'e.gml', parseGml)(make(LIMITS.links + 1)), 'too_many_edges',
      'expected at most 200000 edges, got more');
  });

  it.each([
    ['GraphML', 'e.graphml', parseGraphml, `<graphml><graph><node id="a"/>${
      repeat(LIMITS.links + 1, '<edge source="a" target="a"/>', '')}</graph></graphml>`,
    'too_many_edges'],
    ['SNDlib native links', 'e.txt', parseSndlibNative, `NODES (\n A\n)\nLINKS (\n${
      Array.from({ length: LIMITS.links + 1 }, (_, i) => `L${i} ( A A ) 1`).join('\n')}\n)\n`,
    'too_many_edges'],
    ['SNDlib native demands', 'd.txt', parseSndlibNative, `NODES (\n A\n)\nDEMANDS (\n${
      Array.from({ length: LIMITS.links + 1 }, (_, i) => `D${i} ( A A ) 1 1`).join('\n')}\n)\n`,
    'too_many_demands'],
    ['SNDlib XML', 'e.xml', parseSndlibXml, '<network><networkStructure><links>' +
      `${repeat(LIMITS.links + 1, '<link id="l"/>', '')}</links></networkStructure></network>`,
    'too_many_edges'],
    ['JSON', 'e.json', parseJsonGraph, `{"nodes": [], "links": [${
      repeat(LIMITS.links + 1, '{}', ',')}]}`, 'too_many_edges'],
  ] as const)('%s refuses 200,001', (_format, file, parse, text, code) => {
    const what = code === 'too_many_demands' ? 'demands' : 'edges';
    expectLimit(run('limits', file, parse)(text), code,
      `expected at most 200000 ${what}, got more`);
  });

  it('a topology refuses 200,001 links before checking them', () => {
    const links = Array(LIMITS.links + 1).fill({});
    expectLimit(classify('limits', 't.yaml', () =>
      validateTopology({ sites: [], links }, 't.yaml')),
    'too_many_links', 'expected at most 200000 links, got 200001');
  });
});

describe('yamlAliases: the most alias expansions', () => {
  const aliases = (n: number) => `a: &x 1\nb: [${Array(n).fill('*x').join(', ')}]\n`;

  it('loads 1,000 aliases and refuses 1,001', () => {
    const parse = run('limits', 'a.yaml', parseYamlText);
    const loaded = parse(aliases(LIMITS.yamlAliases));
    expectLoaded(loaded);
    expect((loaded as { value: { b: number[] } }).value.b).toHaveLength(1000);
    expectLimit(parse(aliases(LIMITS.yamlAliases + 1)), 'yaml_aliases',
      'expected at most 1000 alias expansions, got more');
  });
});

describe('depth: the deepest nesting', () => {
  const message = 'expected nesting of at most 64 levels';
  const cases = [
    ['YAML', 'd.yaml', parseYamlText, (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`],
    ['JSON', 'd.json', parseJsonGraph, (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`],
    // The graph and node lists are two levels.
    ['GML', 'd.gml', parseGml, (n: number) =>
      `graph [ node [ id 0 ${'a [ '.repeat(n - 2)}${' ]'.repeat(n - 2)} ] ]`],
    // graphml, graph, node and data are four.
    ['GraphML', 'd.graphml', parseGraphml, (n: number) => '<graphml><graph><node id="a">' +
      `<data key="k">${'<b>'.repeat(n - 4)}${'</b>'.repeat(n - 4)}</data></node></graph>` +
      '</graphml>'],
  ] as const;

  it.each(cases)('%s takes 64 levels and refuses 65', (_format, file, parse, make) => {
    const outcome = run('limits', file, parse)(make(LIMITS.depth));
    // 64 empty lists load as data; a JSON list is no network, refused for its schema.
    if (outcome.kind === 'refused') expect(outcome.error.code).toBe('E_INPUT_SCHEMA');
    expectLimit(run('limits', file, parse)(make(LIMITS.depth + 1)), 'too_deep', message);
  });
});

describe('sndlibEntryTokens: the longest SNDlib native entry', () => {
  it('loads a META entry of 1,000 tokens and refuses 1,001', () => {
    const meta = (n: number) =>
      `META (\n k = ${Array(n - 2).fill('v').join(' ')}\n)\nNODES (\n A\n)\n`;
    const parse = run('limits', 'm.txt', parseSndlibNative);
    expectLoaded(parse(meta(LIMITS.sndlibEntryTokens)));
    expectLimit(parse(meta(LIMITS.sndlibEntryTokens + 1)), 'entry_too_long',
      'expected at most 1000 tokens in one entry, got more');
  });
});
