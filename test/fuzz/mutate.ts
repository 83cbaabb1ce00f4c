// Arbitraries for fuzzing: real files with a few random edits, adversarial values, and
// the fixed seed every property in test/fuzz/ runs with.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';

/** One seed for every property here, so that a failure reproduces run after run. */
export const SEED = 20261204;

/** fast-check parameters: the fixed seed and `numRuns` inputs. */
export function runs(numRuns: number): fc.Parameters<unknown> {
  return { seed: SEED, numRuns, endOnFailure: true };
}

const ROOT = resolve(import.meta.dirname, '..', '..');

/** A path of the project from its root (topology/, scenarios/, test/datasets/). */
export function projectPath(path: string): string {
  return resolve(ROOT, path);
}

/** A file of the project by its path from the root. */
export function projectText(path: string): string {
  return readFileSync(projectPath(path), 'utf8');
}

/** Text that breaks parsers: control bytes, lone surrogates, BOMs, quotes, brackets. */
const NASTY = [
  '\u0000', '\uFEFF', '\uD800', '\uDFFF', '\u2028', '\r', '\r\n', '\t', '"', "'", '\\',
  '&', '<', '>', '[', ']', '{', '}', '(', ')', ':', '#', '-', '*', '!', '%', '@', '`',
  '__proto__', 'constructor', 'prototype', 'NaN', 'Infinity', '-Infinity', '1e400',
  '-1e400', '9007199254740993', '0x1F', '1_000', '.nan', '.inf', '-.inf', '~', 'null',
];

/** Random text from one of several alphabets: printable, any code unit, raw bytes. */
export const junk: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.uint8Array({ maxLength: 16 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  fc.constantFrom(...NASTY),
);

type Edit = (text: string) => string;

/** One random edit of a text; `words` are tokens of its format worth inserting. */
function edit(words: readonly string[]): fc.Arbitrary<Edit> {
  // Uniform over the text: fast-check's numbers lean to their bounds, which would put
  // most edits on the first line.
  const at = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000);
  const place = (text: string, f: number) => Math.floor(f * (text.length + 1));
  const token = words.length > 0 ? fc.oneof(fc.constantFrom(...words), junk) : junk;
  return fc.oneof(
    // Truncated, as by a cut download.
    at.map((f): Edit => (t) => t.slice(0, place(t, f))),
    // A range deleted.
    fc.tuple(at, fc.nat(200)).map(([f, n]): Edit => (t) => {
      const i = place(t, f);
      return t.slice(0, i) + t.slice(i + n);
    }),
    // A token or junk inserted.
    fc.tuple(at, token).map(([f, w]): Edit => (t) => {
      const i = place(t, f);
      return t.slice(0, i) + w + t.slice(i);
    }),
    // One character replaced.
    fc.tuple(at, token).map(([f, w]): Edit => (t) => {
      const i = place(t, f);
      return t.slice(0, i) + w + t.slice(i + 1);
    }),
    // A range repeated, as a duplicated key, node or line.
    fc.tuple(at, fc.nat(400)).map(([f, n]): Edit => (t) => {
      const i = place(t, f);
      return t.slice(0, i + n) + t.slice(i, i + n) + t.slice(i + n);
    }),
    // Line edits keep the markup around them whole, so that more inputs get past the
    // syntax to the checks behind it: a line dropped, repeated, or a token put before it.
    fc.tuple(at, fc.nat(3)).map(([f, n]): Edit => (t) => {
      const [start, end] = lineRange(t, place(t, f), n);
      return t.slice(0, start) + t.slice(end);
    }),
    fc.tuple(at, fc.nat(3)).map(([f, n]): Edit => (t) => {
      const [start, end] = lineRange(t, place(t, f), n);
      return t.slice(0, end) + t.slice(start, end) + t.slice(end);
    }),
    fc.tuple(at, token).map(([f, w]): Edit => (t) => {
      const [start] = lineRange(t, place(t, f), 0);
      return `${t.slice(0, start)}${w}\n${t.slice(start)}`;
    }),
    // A byte order mark or binary garbage at the start.
    fc.constant<Edit>((t) => `\uFEFF${t}`),
    junk.map((w): Edit => (t) => w + t),
  );
}

/** `base` with one to four random edits. */
export function mutated(base: string, words: readonly string[] = []): fc.Arbitrary<string> {
  return fc.array(edit(words), { minLength: 1, maxLength: 4 })
    .map((edits) => edits.reduce((text, e) => e(text), base));
}

/** Values that a schema or importer must refuse or carry faithfully. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(NaN, Infinity, -Infinity, 1e308, -1e308, 5e-324, -0, 2 ** 53 + 2,
    '', ' ', '__proto__', null, true, [], {}, [[[]]], { __proto__: { polluted: 1 } }),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

/** Keys that reach prototypes when code assigns them carelessly. */
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** `depth` levels of nesting, built without recursion: `open` repeated, then `close`. */
export function nested(open: string, inner: string, close: string, depth: number): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}

/** The offsets of the line holding `at` and the `more` lines after it, newlines included. */
function lineRange(text: string, at: number, more: number): [number, number] {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  let end = start;
  for (let k = 0; k <= more && end < text.length; k++) {
    const next = text.indexOf('\n', end);
    end = next < 0 ? text.length : next + 1;
  }
  return [start, end];
}
