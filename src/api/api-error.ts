// Errors the API raises itself, with a stable code and an HTTP status.
import type { InputIssue } from '../model/errors.ts';

/** Codes of errors raised by the API layer (the model's E_INPUT_* codes pass through). */
export const ApiErrorCode = {
  notFound: 'E_NOT_FOUND',
  notAvailable: 'E_NOT_AVAILABLE',
  payloadTooLarge: 'E_PAYLOAD_TOO_LARGE',
  unsupportedMediaType: 'E_UNSUPPORTED_MEDIA_TYPE',
  badRequest: 'E_BAD_REQUEST',
  conflict: 'E_CONFLICT',
  internal: 'E_INTERNAL',
  /** 503: every slot and queue place for expensive work is taken; retry later. */
  overloaded: 'E_OVERLOADED',
  /** 429: this client sent more expensive requests than its rate allows. */
  rateLimited: 'E_RATE_LIMITED',
  /** 503: the work took longer than its kind may and was stopped. */
  timeout: 'E_TIMEOUT',
  /** 503: the server is stopping and takes no new work. */
  shuttingDown: 'E_SHUTTING_DOWN',
  /** 499: the client went away, so the work was stopped (nobody reads this answer). */
  cancelled: 'E_CANCELLED',
} as const;

type Issue = Pick<InputIssue, 'path' | 'code' | 'message'>;

/** An error the API answers with its own status, code and message. */
export class ApiError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly issues: Issue[] | undefined;
  /** Headers the answer carries, such as `retry-after`. */
  readonly headers: Record<string, string>;

  constructor(
    statusCode: number, code: string, message: string, issues?: Issue[],
    headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.statusCode = statusCode;
    this.code = code;
    this.issues = issues;
    this.headers = headers;
  }
}

/** 404 for a named thing that does not exist. */
export function notFound(what: string, id: string): ApiError {
  return new ApiError(404, ApiErrorCode.notFound, `${what} "${id}" does not exist`, [
    {
      path: '', code: 'not_found',
      message: `expected the id of an existing ${what}, got "${id}"`,
    },
  ]);
}

/** 501 for a feature whose module has not landed in this build. */
export function notAvailable(feature: string, detail: string): ApiError {
  return new ApiError(501, ApiErrorCode.notAvailable, `${feature} is not available: ${detail}`);
}

/** 503 with `Retry-After`: no room for more expensive work just now. */
export function overloaded(message: string, retryAfterS: number): ApiError {
  return new ApiError(503, ApiErrorCode.overloaded, message, undefined,
    { 'retry-after': String(retryAfterS) });
}

/** 503: the work ran past its time and was stopped. */
export function timedOut(what: string, timeoutMs: number): ApiError {
  return new ApiError(503, ApiErrorCode.timeout,
    `${what} took longer than ${formatSeconds(timeoutMs)} and was stopped; ` +
    'ask for less (one year, depth 1, fewer element kinds)');
}

/** 503 with `Connection: close`: the server is stopping. */
export function shuttingDown(): ApiError {
  return new ApiError(503, ApiErrorCode.shuttingDown,
    'the server is shutting down and takes no new work', undefined, { connection: 'close' });
}

/** 499: the client closed the connection before the answer. */
export function cancelled(what: string): ApiError {
  return new ApiError(499, ApiErrorCode.cancelled, `${what} was cancelled: the client went away`);
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
