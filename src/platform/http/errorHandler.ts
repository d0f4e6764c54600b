import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, fieldError, toProblem } from '../errors.js';
import type { SecurityHeaders } from './headers.js';
import { toFieldErrors } from './validation.js';

const PG_DATA_EXCEPTION = /^22/;

/** Maps every failure to problem+json; only a genuine fault is a 5xx, and it never shows internals. */
function toAppError(error: FastifyError & { severity?: string; code?: string }): AppError {
  if (error instanceof AppError) return error;
  if (error.validation) {
    return new AppError(
      'validation',
      toFieldErrors(error.validation as never, error.validationContext ?? 'body'),
    );
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('payload_too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('unsupported_media_type');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('validation', [fieldError('body', 'format')]);
  }
  if (error.statusCode === 429) return new AppError('rate_limited');
  // Errors raised by PostgreSQL carry a severity and an SQLSTATE.
  if (error.severity && error.code) {
    if (PG_DATA_EXCEPTION.test(error.code)) return new AppError('validation', [fieldError('body', 'format')]);
    if (error.code === '42501') return new AppError('forbidden');
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError(error.statusCode === 404 ? 'not_found' : 'validation', [
      fieldError('request', 'format'),
    ]);
  }
  return new AppError('internal');
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const appError = toAppError(error);
  if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
  const retryAfter = appError.extra.retryAfterSeconds;
  if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
  return reply.status(appError.status).type('application/problem+json').send(toProblem(appError));
}

/**
 * Longer path parameters than any route takes still reach their route, so its schema names the
 * parameter in a 400; only beyond this does the router refuse the path itself.
 */
export const MAX_PARAM_LENGTH = 2048;

/**
 * The router's own refusals, before any route is chosen and so before any hook: a path that does
 * not percent-decode (`%ZZ`), a parameter past MAX_PARAM_LENGTH. They answer problem+json naming
 * the path, with the security headers, like every other refusal; not the framework's bare JSON.
 */
export function frameworkErrorHandler(headers: SecurityHeaders) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    headers(request.raw, reply.raw);
    const appError =
      error.code === 'FST_ERR_ASYNC_CONSTRAINT'
        ? new AppError('internal')
        : new AppError('validation', [
            fieldError('path', error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'too_long' : 'format'),
          ]);
    return reply
      .status(appError.status)
      .header('cache-control', 'no-store')
      .type('application/problem+json')
      .send(toProblem(appError));
  };
}
