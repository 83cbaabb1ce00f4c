// Runs a parser on one input and classifies what came out: loaded, or refused under a
// stable code with a well-formed message. Anything else fails the test that asked.
import { afterAll, expect } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { InputError, InputErrorCode } from '../../src/model/errors.ts';

/** The codes an input may be refused with. */
export const STABLE_CODES: ReadonlySet<string> = new Set(Object.values(InputErrorCode));

/**
 * Issues about the whole file, which have no place inside it to name, and the schema's
 * issues about the document's root (an unknown top-level field, a list for a map),
 * whose path is the root's, empty.
 */
const WHOLE_FILE_ISSUES = new Set([
  'file_too_large', 'unknown_format', 'unknown_json', 'missing_graph', 'yaml_aliases',
  'too_many_nodes', 'too_many_edges', 'too_many_demands', 'unreadable', 'not_network',
  'unrecognized_keys', 'invalid_type',
]);

/**
 * "No hang": one input of a few hundred KB parses in well under a second on one core;
 * this bound only catches a parser that runs away.
 */
export const HANG_BOUND_MS = 10_000;

/** The file an error must name, or a test of the name when it may be one of several. */
export type FileRule = string | ((file: string) => boolean);

export type Outcome = { kind: 'loaded'; value: unknown } | { kind: 'refused'; error: InputError };

/** What one parser saw: inputs tried, loaded, refused by code, the slowest input. */
export interface ParserTally {
  tried: number;
  loaded: number;
  refused: Record<string, number>;
  maxMs: number;
}

const tallies = new Map<string, ParserTally>();

/**
 * Runs `parse` on one input meant for `file`. Returns the outcome when the parser
 * loaded the input or refused it properly; throws, naming the input's fault, when it
 * threw anything other than an InputError under a stable code whose every line names
 * the file (and a path, unless the issue is about the whole file), when it took longer
 * than HANG_BOUND_MS, or when it changed Object.prototype.
 */
export function classify(parser: string, file: FileRule, parse: () => unknown): Outcome {
  const start = performance.now();
  let outcome: Outcome;
  try {
    outcome = { kind: 'loaded', value: parse() };
  } catch (err) {
    checkRefusal(err, file);
    outcome = { kind: 'refused', error: err as InputError };
  }
  return settle(parser, outcome, start);
}

/** Like `classify` for a parser that answers asynchronously. */
export async function classifyAsync(
  parser: string,
  file: FileRule,
  parse: () => Promise<unknown>,
): Promise<Outcome> {
  const start = performance.now();
  let outcome: Outcome;
  try {
    outcome = { kind: 'loaded', value: await parse() };
  } catch (err) {
    checkRefusal(err, file);
    outcome = { kind: 'refused', error: err as InputError };
  }
  return settle(parser, outcome, start);
}

/** Checks the time and the prototypes after one input, and counts its outcome. */
function settle(parser: string, outcome: Outcome, start: number): Outcome {
  const ms = performance.now() - start;
  checkPrototypes();
  if (ms > HANG_BOUND_MS) throw new Error(`${parser}: one input took ${Math.round(ms)} ms`);
  record(parser, outcome, ms);
  return outcome;
}

/** Counts an outcome decided elsewhere (an HTTP answer), with its time. */
export function recordOutcome(parser: string, result: string, ms: number): void {
  const tally = tallyOf(parser);
  tally.tried += 1;
  if (result === 'loaded') tally.loaded += 1;
  else tally.refused[result] = (tally.refused[result] ?? 0) + 1;
  tally.maxMs = Math.max(tally.maxMs, ms);
}

/** The tally of one parser so far (a test may check that inputs were refused). */
export function tallyOf(parser: string): ParserTally {
  let tally = tallies.get(parser);
  if (!tally) {
    tally = { tried: 0, loaded: 0, refused: {}, maxMs: 0 };
    tallies.set(parser, tally);
  }
  return tally;
}

/**
 * Writes the tallies of a test file as JSON under $FUZZ_TALLY_DIR, when it is set, so
 * that the counts can be tabled without the tests printing anything.
 */
export function keepTallies(testFile: string): void {
  afterAll(() => {
    const dir = process.env.FUZZ_TALLY_DIR;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    const name = basename(testFile).replace(/\.test\.ts$/, '.json');
    writeFileSync(join(dir, name), JSON.stringify(Object.fromEntries(tallies), null, 1));
  });
}

/** `loaded`, or the code the input was refused under. */
export function resultOf(outcome: Outcome): string {
  return outcome.kind === 'loaded' ? 'loaded' : outcome.error.code;
}

/** Expects an input to have loaded, or been refused under `code` with `issue` first. */
export function expectOutcome(outcome: Outcome, code: string, issue: string | null): void {
  expect(resultOf(outcome)).toBe(code);
  if (issue !== null && outcome.kind === 'refused') {
    expect(outcome.error.issues[0].code).toBe(issue);
  }
}

function record(parser: string, outcome: Outcome, ms: number): void {
  recordOutcome(parser, resultOf(outcome), ms);
}

function checkRefusal(err: unknown, rule: FileRule): void {
  if (!(err instanceof InputError)) {
    const what = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    throw new Error(`expected an InputError or a result, got ${what}`, { cause: err });
  }
  if (!STABLE_CODES.has(err.code)) throw new Error(`unstable code ${err.code}`);
  const file = err.file;
  if (typeof rule === 'string' ? file !== rule : !rule(file)) {
    throw new Error(`the error names the wrong file: ${file}`);
  }
  if (err.issues.length === 0) throw new Error(`${err.code} with no issue`);
  for (const line of err.message.split('\n')) {
    if (!line.startsWith(`${file}: `)) throw new Error(`a line without the file: ${line}`);
  }
  for (const issue of err.issues) {
    if (issue.path === '' && !WHOLE_FILE_ISSUES.has(issue.code)) {
      throw new Error(`issue ${issue.code} names no path: ${issue.message}`);
    }
    if (issue.message.trim() === '') throw new Error(`issue ${issue.code} has no message`);
  }
}

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join(',');
const ARRAY_KEYS = Object.getOwnPropertyNames(Array.prototype).sort().join(',');

/** Throws when an input reached Object.prototype or Array.prototype. */
export function checkPrototypes(): void {
  const probe = {} as Record<string, unknown>;
  if (probe.polluted !== undefined) throw new Error('Object.prototype.polluted is set');
  if (Object.getOwnPropertyNames(Object.prototype).sort().join(',') !== PROTOTYPE_KEYS) {
    throw new Error('Object.prototype has changed');
  }
  if (Object.getOwnPropertyNames(Array.prototype).sort().join(',') !== ARRAY_KEYS) {
    throw new Error('Array.prototype has changed');
  }
  if (Object.getPrototypeOf(probe) !== Object.prototype) throw new Error('{} lost its prototype');
}
