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
} as const;

/** An error the API answers with its own status, code and message. */
export class ApiError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly issues: Array<Pick<InputIssue, 'path' | 'code' | 'message'>> | undefined;

  constructor(
    statusCode: number,
    code: string,
    message: string,
    issues?: Array<Pick<InputIssue, 'path' | 'code' | 'message'>>,
  ) {
    super(message);
    this.name = 'ApiError';
    this.statusCode = statusCode;
    this.code = code;
    this.issues = issues;
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
