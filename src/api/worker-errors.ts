// Errors across a thread boundary: a worker sends its error as plain data and the
// server throws it again as the same kind, so that the answer has the same status and
// code as work done inline. Internal faults keep their stack for the log only.
import { InputError, type InputErrorCodeValue, type InputIssue } from '../model/errors.ts';
import { ApiError } from './api-error.ts';

export type WireError =
  | { kind: 'input'; code: InputErrorCodeValue; file: string; issues: InputIssue[] }
  | {
    kind: 'api'; statusCode: number; code: string; message: string;
    issues?: ApiError['issues']; headers: Record<string, string>;
  }
  | { kind: 'internal'; name: string; message: string; stack?: string };

/** The error as data a worker can post. */
export function toWire(err: unknown): WireError {
  if (err instanceof InputError) {
    return { kind: 'input', code: err.code, file: err.file, issues: err.issues };
  }
  if (err instanceof ApiError) {
    return {
      kind: 'api', statusCode: err.statusCode, code: err.code, message: err.message,
      issues: err.issues, headers: err.headers,
    };
  }
  const e = err instanceof Error ? err : new Error(String(err));
  return { kind: 'internal', name: e.name, message: e.message, stack: e.stack };
}

/** The error again, of the kind it was thrown as. */
export function fromWire(wire: WireError): Error {
  switch (wire.kind) {
    case 'input':
      return new InputError(wire.code, wire.file, wire.issues);
    case 'api':
      return new ApiError(wire.statusCode, wire.code, wire.message, wire.issues, wire.headers);
    default: {
      const err = new Error(`worker: ${wire.message}`);
      err.name = wire.name;
      if (wire.stack) err.stack = `${err.name}: worker: ${wire.stack.replace(/^[^\n]*\n?/, '')}`;
      return err;
    }
  }
}
