// Turns every error into the one body shape: { statusCode, code, error, message, issues? }.
// No stack traces leave the server; internal faults are logged with theirs.
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { InputError, InputErrorCode, type InputIssue } from '../model/errors.ts';
import { ApiError, ApiErrorCode } from './api-error.ts';

/** The body of every error response. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  error: string;
  message: string;
  issues?: Array<Pick<InputIssue, 'path' | 'code' | 'message'>>;
}

/**
 * HTTP status of each model error code: malformed input is 400, well-formed input that
 * names what does not exist is 404 or 422, a server file it cannot read is 500.
 */
const STATUS_OF_INPUT_CODE: Record<string, number> = {
  [InputErrorCode.syntax]: 400,
  [InputErrorCode.schema]: 400,
  [InputErrorCode.limit]: 400,
  [InputErrorCode.reference]: 422,
  [InputErrorCode.notFound]: 404,
  [InputErrorCode.unreadable]: 500,
};

/** Installs the error and not-found handlers on the root instance. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | Error, request, reply) => {
    const body = errorBody(err, request);
    // Faults of the server are logged with their stack; refusals (overload included,
    // which can come by the thousand) are one short line each.
    if (body.statusCode >= 500 && !(err instanceof ApiError)) {
      request.log.error({ err }, 'request failed');
    } else if (body.code === ApiErrorCode.timeout) {
      request.log.warn({ code: body.code, statusCode: body.statusCode }, 'request timed out');
    } else {
      request.log.info({ code: body.code, statusCode: body.statusCode }, 'request refused');
    }
    if (err instanceof ApiError) reply.headers(err.headers);
    return reply.code(body.statusCode).type('application/json; charset=utf-8').send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    return reply.code(404).send(makeBody(404, ApiErrorCode.notFound,
      `no route ${request.method} ${path}`));
  });
}

/** The error body for any thrown value. */
export function errorBody(err: unknown, request?: FastifyRequest): ErrorBody {
  if (err instanceof ApiError) {
    return makeBody(err.statusCode, err.code, err.message, err.issues);
  }
  if (err instanceof InputError) {
    const status = STATUS_OF_INPUT_CODE[err.code] ?? 422;
    const message = status >= 500 ? `${err.file}: the server could not read this file`
      : err.message;
    const issues = status >= 500 ? undefined
      : err.issues.map((i) => ({ path: i.path, code: i.code, message: i.message }));
    return makeBody(status, err.code, message, issues);
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = (err as { validationContext?: string }).validationContext ?? 'body';
    const issues = err.validation.map((v) => ({
      path: pathOf(v.instancePath),
      code: String(v.keyword),
      message: modelWording(v.message ?? 'invalid value'),
    }));
    const message = issues
      .map((i) => `request ${where}: ${i.path ? `${i.path}: ` : ''}${i.message}`).join('\n');
    return makeBody(400, InputErrorCode.schema, message, issues);
  }

  const fastifyError = err as Partial<FastifyError>;
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return makeBody(status, codeOf(fastifyError, status), fastifyError.message ?? 'bad request',
      status === 400 ? [{ path: '', code: 'request', message: fastifyError.message ?? '' }]
        : undefined);
  }
  void request;
  return makeBody(500, ApiErrorCode.internal, 'internal error; the server log has the details');
}

function makeBody(
  statusCode: number, code: string, message: string, issues?: ErrorBody['issues'],
): ErrorBody {
  const body: ErrorBody = {
    statusCode, code, error: STATUS_CODES[statusCode] ?? 'Error', message,
  };
  if (issues !== undefined) body.issues = issues;
  return body;
}

/** Fastify's own 4xx errors under our codes, so clients match one set. */
function codeOf(err: Partial<FastifyError>, status: number): string {
  if (status === 413) return ApiErrorCode.payloadTooLarge;
  if (status === 415) return ApiErrorCode.unsupportedMediaType;
  if (status === 404) return ApiErrorCode.notFound;
  if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err.name === 'SyntaxError' ||
    err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') return InputErrorCode.syntax;
  return ApiErrorCode.badRequest;
}

/**
 * zod's messages in the model's words: `Invalid input: expected number, received
 * string` as `expected a number, got string`, `Unrecognized key: "a"` as `unknown
 * field "a"`; any other message as zod wrote it.
 */
function modelWording(message: string): string {
  const typed = /^Invalid input: expected (\w+), received (.+)$/.exec(message);
  if (typed) {
    const article = /^[aeiou]/.test(typed[1]) ? 'an' : 'a';
    return `expected ${article} ${typed[1]}, got ${typed[2]}`;
  }
  const keys = /^Unrecognized keys?: (.+)$/.exec(message);
  if (keys) return `unknown field${keys[1].includes(',') ? 's' : ''} ${keys[1]}`;
  return message.replace(/^Invalid input: /, '');
}

/** `/changes/0/op` as `changes[0].op`, the model's way of writing a path. */
function pathOf(instancePath: string): string {
  let out = '';
  for (const part of instancePath.split('/').filter((p) => p !== '')) {
    if (/^\d+$/.test(part)) out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}
