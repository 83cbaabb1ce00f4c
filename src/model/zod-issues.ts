// Turns zod's issues into ours: a path, what was expected, what came in.
import type { z } from 'zod';
import { describeValue, formatPath, type InputIssue } from './errors.ts';

/** Converts every zod issue, keeping the deepest useful one out of union failures. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[]): InputIssue[] {
  const out: InputIssue[] = [];
  for (const issue of issues) collect(issue, [], out);
  return dedupe(out);
}

function collect(issue: z.core.$ZodIssue, prefix: PropertyKey[], out: InputIssue[]): void {
  const path = [...prefix, ...issue.path];

  // A figure is "a number or a sourced map": report the branch that matches the shape given.
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const input = (issue as { input?: unknown }).input;
    const branch = issue.errors.find((errs) =>
      errs.every((e) => e.code !== 'invalid_type' || e.path.length > 0),
    ) ?? (typeof input === 'object' && input !== null ? issue.errors.at(-1) : issue.errors[0]);
    if (branch) {
      for (const inner of branch) collect(inner, path, out);
      return;
    }
  }

  const received = describeValue((issue as { input?: unknown }).input);
  const expected = expectedOf(issue);
  let message: string;
  if (issue.code === 'unrecognized_keys') {
    // Keys as JSON, bounded: a key may hold a newline or a whole paragraph.
    const keys = issue.keys.map((k) => describeValue(k)).join(', ');
    message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}`;
  } else if (expected) {
    message = `expected ${expected}, got ${received}`;
  } else {
    message = `${issue.message}${received !== 'nothing' ? `, got ${received}` : ''}`;
  }
  out.push({ code: issue.code, path: formatPath(path), message, expected, received });
}

function expectedOf(issue: z.core.$ZodIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return `${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
    case 'too_small':
      if (issue.origin === 'number') {
        if (issue.minimum === 0 && !issue.inclusive) return 'a positive number';
        return `a number ${issue.inclusive ? '>=' : '>'} ${issue.minimum}`;
      }
      if (issue.origin === 'array') return `at least ${issue.minimum} item(s)`;
      if (issue.origin === 'string') return `text of at least ${issue.minimum} character(s)`;
      return undefined;
    case 'too_big':
      if (issue.origin === 'number') {
        return `a number ${issue.inclusive ? '<=' : '<'} ${issue.maximum}`;
      }
      if (issue.origin === 'array') return `at most ${issue.maximum} item(s)`;
      if (issue.origin === 'string') return `text of at most ${issue.maximum} character(s)`;
      return undefined;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      return issue.message.replace(/^expected /, '');
    case 'custom':
      return issue.message.startsWith('expected ') ? issue.message.slice(9) : undefined;
    default:
      return undefined;
  }
}

function dedupe(issues: InputIssue[]): InputIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
