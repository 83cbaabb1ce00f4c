// Fuzzing the XML importers (GraphML and SNDlib XML, both over xml-reader.ts) with
// mutated Topology Zoo and SNDlib files and adversarial XML.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGraphml } from '../../src/io/graphml.ts';
import { parseSndlibXml } from '../../src/io/sndlib-xml.ts';
import { expectOutcome, keepTallies } from './outcome.ts';
import { importText } from './network-check.ts';
import { mutated, nested, PROTO_KEYS, projectText, runs } from './mutate.ts';

keepTallies(import.meta.filename);

const GRAPHML = ['Sprint', 'Nsfcnet', 'Karen', 'Sanet'].map((name) =>
  projectText(`test/datasets/topologyzoo/graphml/${name}.graphml`));
const SNDLIB_XML = projectText('test/datasets/sndlib/polska.xml');
const XML_WORDS = ['<node id="n0"/>', '<node id="__proto__"/>', '<node/>', '</node>',
  '<edge source="0" target="1"/>', '<edge source="0" target="zz"/>', '<edge/>', '</edge>',
  '<graph edgedefault="directed">', '</graph>', '<data key="d32">NaN</data>',
  '<data key="d32">Infinity</data>', '<data key="d32">1e400</data>', '<data>', '</data>',
  '<key id="d99" for="node" attr.name="__proto__"><default>1</default></key>',
  '<key id="d98" for="edge" attr.name="LinkSpeedRaw" attr.type="double"/>',
  '<![CDATA[', ']]>', '<!--', '-->', '<?xml version="1.0"?>', '<!DOCTYPE x [<!ENTITY a "b">]>',
  '&a;', '&amp;', '&#0;', '&#x110000;', '&lt;', '"', "'", '=', '<', '>', '/>', 'xmlns:y="u"',
  '<y:ShapeNode>', '<link id="L">', '</link>', '<source>Gdansk</source>',
  '<demandValue>-1</demandValue>', '<capacity>NaN</capacity>', '<x>1e400</x>', '</nodes>'];

describe('the XML importers on mutated real files', () => {
  it('parseGraphml loads or refuses every mutation of Topology Zoo files', () => {
    fc.assert(fc.property(fc.constantFrom(...GRAPHML).chain((t) => mutated(t, XML_WORDS)),
      (text) => { importText('graphml', 'zoo.graphml', text, parseGraphml); }), runs(1500));
  });

  it('parseSndlibXml loads or refuses every mutation of polska.xml', () => {
    fc.assert(fc.property(mutated(SNDLIB_XML, XML_WORDS),
      (text) => { importText('sndlib-xml', 'polska.xml', text, parseSndlibXml); }),
      runs(1500));
  });
});

describe('the XML importers on adversarial text', () => {
  const laughs = ['<!DOCTYPE graphml [', '<!ENTITY a0 "lol">'];
  for (let i = 1; i < 10; i++) laughs.push(`<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`);
  laughs.push(']>');
  const doctype = laughs.join('\n');
  const graph = (inner: string, keys = '') =>
    `<graphml>${keys}<graph edgedefault="undirected">${inner}</graph></graphml>`;

  const cases: Array<[string, string, string, string | null]> = [
    ['entity expansion (billion laughs)',
      `${doctype}${graph('<node id="&a9;"/>')}`, 'E_INPUT_SYNTAX', 'xml_syntax'],
    ['an external entity', '<!DOCTYPE graphml [<!ENTITY x SYSTEM "file:///etc/passwd">]>' +
      graph('<node id="&x;"/>'), 'E_INPUT_SYNTAX', 'xml_syntax'],
    ['deep elements', `<graphml>${nested('<a>', '', '</a>', 50_000)}</graphml>`,
      'E_INPUT_LIMIT', 'too_deep'],
    ['deep markup inside data', graph(`<node id="a"><data key="k">${nested('<b>', 'x', '</b>',
      50_000)}</data></node>`), 'E_INPUT_LIMIT', 'too_deep'],
    ['an unterminated attribute', '<graphml><graph><node id="a', 'E_INPUT_SYNTAX', 'xml_syntax'],
    ['an unclosed root', '<graphml><graph>', 'E_INPUT_SYNTAX', 'xml_syntax'],
    ['binary garbage', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) % 256))
      .toString('latin1'), 'E_INPUT_SYNTAX', null],
    ['a BOM before the prolog', `\uFEFF<?xml version="1.0"?>${graph('<node id="a"/>')}`,
      'loaded', null],
    ['NaN and Infinity coordinates', graph('<node id="a"><data key="x">NaN</data></node>' +
      '<node id="b"><data key="x">-Infinity</data></node>',
    '<key id="x" for="node" attr.name="Longitude" attr.type="double"/>'), 'loaded', null],
    ['a huge link speed', graph('<node id="a"/><node id="b"/><edge source="a" target="b">' +
      '<data key="s">1e400</data></edge>',
    '<key id="s" for="edge" attr.name="LinkSpeedRaw" attr.type="double"/>'), 'loaded', null],
    ['duplicate node ids', graph('<node id="a"/><node id="a"/>'), 'E_INPUT_REFERENCE',
      'duplicate_node'],
    ['duplicate attributes', graph('<node id="a" id="b"/>'), 'E_INPUT_SYNTAX', 'xml_syntax'],
  ];

  it.each(cases)('%s is loaded or refused under its code', (_name, text, expected, issue) => {
    expectOutcome(importText('graphml', 'bad.graphml', text, parseGraphml), expected, issue);
  });

  it('entity expansion in SNDlib XML is refused as a syntax error', () => {
    const text = `${doctype.replace('graphml', 'network')}<network><networkStructure>` +
      '<nodes><node id="&a9;"/></nodes></networkStructure></network>';
    const outcome = importText('sndlib-xml', 'bad.xml', text, parseSndlibXml);
    expect(outcome.kind === 'refused' && outcome.error.code).toBe('E_INPUT_SYNTAX');
  });

  it.each(PROTO_KEYS)('keeps a GraphML attribute named %s as an own attribute', (name) => {
    const text = graph('<node id="a"/><node id="b"><data key="k">v</data></node>',
      `<key id="k" for="node" attr.name="${name}"><default>d</default></key>`);
    const outcome = importText('graphml', 'proto.graphml', text, parseGraphml);
    expect(outcome.kind).toBe('loaded');
    if (outcome.kind !== 'loaded') return;
    const [a, b] = (outcome.value as { nodes: Array<{ attributes: object }> }).nodes;
    expect(Object.getOwnPropertyDescriptor(a.attributes, name)?.value).toBe('d');
    expect(Object.getOwnPropertyDescriptor(b.attributes, name)?.value).toBe('v');
    expect(Object.getPrototypeOf(a.attributes)).toBe(Object.prototype);
  });
});
