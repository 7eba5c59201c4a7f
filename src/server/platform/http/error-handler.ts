// Every error leaves as { code, message } with a 4xx/5xx status; stack traces go to the log only.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERROR_CODES, isAppError, isDatabaseUnavailable, type TErrorCode, type TFieldError } from '../errors.ts';
import { toDataError } from '../data-errors.ts';
import { redactQueryParams } from '../log-safety.ts';
import { NO_STORE } from './no-store.ts';

const FASTIFY_CODES: Record<string, TErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'request.malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request.malformed_json',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request.invalid',
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.too_large',
};

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => sendError(request, reply, toAppError(error, request)));
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  if (error.retryAfterSeconds) reply.header('retry-after', String(error.retryAfterSeconds));
  // Also before any route's own hook ran (the auth guard's 401, an unknown /api/ address).
  reply.header('cache-control', NO_STORE);
  const body: { code: string; message: string; fields?: TFieldError[] } = { code: error.code, message: error.message };
  if (error.fields) body.fields = error.fields;
  return reply.status(error.status).type('application/json; charset=utf-8').send(body);
}

function toAppError(error: FastifyError, request: FastifyRequest): AppError {
  if (isAppError(error)) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.map((v) => ({
      field: fieldName(error.validationContext, v.instancePath),
      message: v.message ?? 'Invalid value.',
    }));
    return new AppError('request.invalid', { message: fields.map((f) => f.message).join(' '), fields });
  }
  if (error.validation) {
    return new AppError('request.invalid', { message: error.message });
  }
  const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (mapped) return new AppError(mapped);
  if (isDatabaseUnavailable(error)) {
    request.log.error({ err: redactQueryParams(error) }, 'database unavailable');
    return new AppError('db.unavailable');
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError('request.invalid', { message: ERROR_CODES['request.invalid'].message });
  }
  const refused = toDataError(error);
  if (refused) {
    // Input the database refused: the caller's mistake, logged in case a route should have caught it earlier.
    request.log.warn({ err: redactQueryParams(error), code: refused.code }, 'input refused by the database');
    return refused;
  }
  request.log.error({ err: redactQueryParams(error) }, 'unhandled error');
  return new AppError('internal');
}

/** Body fields are named as the form names them ("username"); others keep their part ("query.page"). */
function fieldName(context: string | undefined, instancePath: string): string {
  const path = instancePath.split('/').filter(Boolean);
  const parts = context && context !== 'body' ? [context, ...path] : path;
  return parts.join('.') || context || 'body';
}
