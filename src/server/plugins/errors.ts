import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError, commonError } from '../errors';

/** Raised by the validator with every issue, so the UI can mark each field. */
export class RequestValidationError extends Error {
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super('validation failed');
  }
}

export interface ErrorBody {
  code: string;
  message: string;
  field?: string;
  issues?: { field: string; code: string; message: string }[];
  requestId: string;
}

const fieldOf = (path: PropertyKey[]) => path.map(String).join('.');

function toAppError(error: FastifyError | Error, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  const fastifyError = error as FastifyError & { validationContext?: string };
  if (error instanceof RequestValidationError || fastifyError.code === 'FST_ERR_VALIDATION') {
    const issues = error instanceof RequestValidationError ? error.issues : [];
    const first = issues[0];
    let field = first ? fieldOf(first.path) : undefined;
    if (first?.code === 'unrecognized_keys') field = [field, first.keys[0]].filter(Boolean).join('.');
    return commonError('VALIDATION_FAILED', {
      field: field || fastifyError.validationContext,
      message: first ? `${first.message}` : undefined,
      details: {
        issues: issues.map((issue) => ({
          field: issue.code === 'unrecognized_keys' ? [fieldOf(issue.path), ...issue.keys].filter(Boolean).join('.') : fieldOf(issue.path),
          code: issue.code,
          message: issue.message,
        })),
      },
    });
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return commonError('BODY_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return commonError('UNSUPPORTED_MEDIA_TYPE');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return commonError('MALFORMED_JSON');
    case 'FST_ERR_RATE_LIMIT_EXCEEDED':
      return commonError('RATE_LIMITED');
  }
  if (fastifyError.statusCode === 429) return commonError('RATE_LIMITED');
  // Postgres: a write that breaks a uniqueness rule or a foreign key is the user's conflict, not our crash.
  const pgCode = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
  if (pgCode === '23505') return commonError('CONFLICT', { message: 'Dette finnes allerede.' });
  if (pgCode === '22P02' || pgCode === '22007' || pgCode === '22008') return commonError('VALIDATION_FAILED');
  if (pgCode === '42501') {
    request.log.warn({ err: error }, 'database refused the application role');
    return commonError('FORBIDDEN');
  }
  return commonError('INTERNAL');
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error, request);
    if (appError.status >= 500) request.log.error({ err: error }, 'unhandled error');
    const body: ErrorBody = { code: appError.code, message: appError.message, requestId: request.id };
    if (appError.field) body.field = appError.field;
    const issues = appError.details?.issues as ErrorBody['issues'];
    if (issues?.length) body.issues = issues;
    if (appError.code === 'RATE_LIMITED' && error.statusCode === 429) reply.header('retry-after', reply.getHeader('retry-after') ?? '60');
    return reply.code(appError.status).type('application/json; charset=utf-8').send(body);
  });
}
