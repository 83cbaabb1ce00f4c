// Fuzzing the SNDlib native importer with mutated polska.txt and adversarial entries.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSndlibNative } from '../../src/io/sndlib-native.ts';
import { expectOutcome, keepTallies } from './outcome.ts';
import { importText } from './network-check.ts';
import { mutated, nested, PROTO_KEYS, projectText, runs } from './mutate.ts';

keepTallies(import.meta.filename);

const POLSKA = projectText('test/datasets/sndlib/polska.txt');
const WORDS = ['(', ')', '#', '?SNDlib native format; type: demands', 'NODES (', 'LINKS (',
  'DEMANDS (', 'META (', 'ADMISSIBLE_PATHS (', 'Gdansk', 'Nowhere', '( Gdansk Warsaw )',
  '( 1e400 NaN )', 'NaN', 'Infinity', '-1', '1e400', '0x10', 'UNLIMITED', '__proto__ = x',
  'constructor = y', 'L ( Gdansk Warsaw ) 1 2 3 4 ( 155 1 )', 'D ( Gdansk Warsaw ) 1 NaN',
  'N ( 1 2 )', '\r\n', 'granularity = 1'];

function load(text: string, file = 'polska.txt') {
  return importText('sndlib-native', file, text, parseSndlibNative);
}

describe('the SNDlib native importer on mutated real files', () => {
  it('loads or refuses every mutation of polska.txt', () => {
    fc.assert(fc.property(mutated(POLSKA, WORDS), (text) => { load(text); }), runs(2000));
  });

  it('loads or refuses sections assembled from random tokens', () => {
    const line = fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }).map((w) => w.join(' '));
    fc.assert(fc.property(fc.array(line, { maxLength: 30 }),
      (lines) => { load(`NODES (\n Gdansk\n Warsaw\n)\n${lines.join('\n')}\n`); }), runs(500));
  });
});

describe('the SNDlib native importer on adversarial text', () => {
  const cases: Array<[string, string, string, string | null]> = [
    ['nested parentheses', `NODES (\n A ${nested('( ', '', ' )', 100_000)}\n)`,
      'E_INPUT_LIMIT', 'entry_too_long'],
    ['an unclosed section', 'NODES (\n A\n B\n', 'E_INPUT_SYNTAX', 'sndlib_syntax'],
    ['a demands file', '?SNDlib native format; type: demands\nDEMANDS (\n)\n',
      'E_INPUT_SYNTAX', 'not_network'],
    ['binary garbage', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) % 256))
      .toString('latin1'), 'E_INPUT_SYNTAX', 'sndlib_syntax'],
    ['a BOM', '\uFEFFNODES (\n A\n B\n)\n', 'loaded', null],
    ['CRLF lines', 'NODES (\r\n A ( 1 2 )\r\n B\r\n)\r\n' +
      'LINKS (\r\n L ( A B ) 10 0 0 0 # c\r\n)\r\n', 'loaded', null],
    ['NaN coordinates', 'NODES (\n A ( NaN 1 )\n)\n', 'E_INPUT_SYNTAX', 'sndlib_syntax'],
    ['an infinite capacity', 'NODES (\n A\n B\n)\nLINKS (\n L ( A B ) 1e400 0 0 0\n)\n',
      'E_INPUT_SYNTAX', 'sndlib_syntax'],
    ['a negative demand', 'NODES (\n A\n B\n)\nDEMANDS (\n D ( A B ) 1 -5 UNLIMITED\n)\n',
      'loaded', null],
    ['a link to nowhere', 'NODES (\n A\n)\nLINKS (\n L ( A Z ) 1 0 0 0\n)\n',
      'E_INPUT_REFERENCE', 'unknown_node'],
    ['a very long line', `NODES (\n${' A'.repeat(200_000)}\n)\n`, 'E_INPUT_LIMIT',
      'entry_too_long'],
  ];

  it.each(cases)('%s is loaded or refused under its code', (_name, text, expected, issue) => {
    expectOutcome(load(text, 'bad.txt'), expected, issue);
  });

  it.each(PROTO_KEYS)('keeps a META key named %s as an own attribute', (key) => {
    const outcome = load(`META (\n ${key} = v w\n)\nNODES (\n A\n)\n`, 'meta.txt');
    expect(outcome.kind).toBe('loaded');
    if (outcome.kind !== 'loaded') return;
    const { attributes } = outcome.value as { attributes: object };
    expect(Object.getOwnPropertyDescriptor(attributes, key)?.value).toBe('v w');
  });
});
