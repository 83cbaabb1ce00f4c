// Input errors as data: every fault names its file, its path inside it, what was
// expected and what came in, under a stable code that tests and the API can match.

/** One fault in an input file. `path` is dotted with indices: `links[12].capacityMbps`. */
export interface InputIssue {
  code: string;
  path: string;
  message: string;
  expected?: string;
  received?: string;
}

/** Stable codes for whole-input failures. */
export const InputErrorCode = {
  /** The file is not well-formed YAML, JSON, XML, GML or SNDlib. */
  syntax: 'E_INPUT_SYNTAX',
  /** The file parsed but does not match its schema. */
  schema: 'E_INPUT_SCHEMA',
  /** Ids that do not resolve, duplicates, missing clusters. */
  reference: 'E_INPUT_REFERENCE',
  /** The input is over one of the stated limits (size, element count, depth). */
  limit: 'E_INPUT_LIMIT',
  /** The file could not be read at all. */
  unreadable: 'E_INPUT_UNREADABLE',
  /** A name given on the command line or in a request does not exist. */
  notFound: 'E_NOT_FOUND',
} as const;

export type InputErrorCodeValue = (typeof InputErrorCode)[keyof typeof InputErrorCode];

/**
 * A refused input. The message lists every issue, one per line, each prefixed with
 * the file name, so that a person sees all faults at once.
 */
export class InputError extends Error {
  readonly code: InputErrorCodeValue;
  readonly file: string;
  readonly issues: InputIssue[];

  constructor(code: InputErrorCodeValue, file: string, issues: InputIssue[]) {
    super(formatIssues(file, issues));
    this.name = 'InputError';
    this.code = code;
    this.file = file;
    this.issues = issues;
  }
}

/**
 * `file: path: message`, one line per issue. A line break that came in with the input
 * (an id or key holding one) is shown as `\n`, so that each issue stays one line.
 */
export function formatIssues(file: string, issues: InputIssue[]): string {
  return issues
    .map((issue) => `${file}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`)
    .map((line) => line.replace(/\r?\n|\r|\u2028|\u2029/g, '\\n'))
    .join('\n');
}

/** Renders a path array from zod or our own checks as `links[12].capacityMbps`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** A short, bounded rendering of a received value for an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const text = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return JSON.stringify(text);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'a map';
  return typeof value;
}
