// Every error leaves the API as { error: { code, message, requestId, details? } }.
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { ZodError, type core } from 'zod';
import { DomainError, ERROR_CODES, type ErrorCode, type FieldIssue } from '../../domain/errors.js';
import { isRuleIssue } from '../../domain/schema-issues.js';
import { ResponseSchemaError } from './response-body.js';

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]).meta({ example: 'VALIDATION_FAILED' }),
      message: z.string().meta({ example: 'The request has 1 invalid field' }),
      requestId: z.string().optional(),
      details: z.unknown().optional().meta({ description: 'For VALIDATION_FAILED: one { path, message } per bad field' }),
    }),
  })
  .meta({ id: 'Error' });

export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Response entries to spread into a route's `responses`. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: STATUS_TEXT[s] ?? 'Error', content: { 'application/json': { schema: errorBodySchema } } },
    ]),
  );
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Invalid input (VALIDATION_FAILED), one entry per bad field',
  401: 'Missing or wrong API key',
  403: 'The role may not do this',
  404: 'Not found',
  405: 'The path does not take this method (see the Allow header)',
  409: 'Conflict with the current state',
  410: 'No longer valid',
  412: 'The complaint changed since the `ETag` sent as `If-Match` (PRECONDITION_FAILED): read it again',
  413: 'The body is larger than this route takes (PAYLOAD_TOO_LARGE)',
  415: 'The body is not of a media type this route takes',
  422: 'The request fits the document, but a rule stated in its description refuses it (UNPROCESSABLE), one entry per field',
  431: 'The request line or headers are larger than the server reads (64 KiB)',
  429: 'Too many requests',
  503: 'A dependency is unavailable; retry',
};

export function fieldIssues(issues: readonly core.$ZodIssue[], prefix: string[] = []): FieldIssue[] {
  return issues.map((i) => ({ path: [...prefix, ...i.path.map(String)].join('.') || '(body)', message: i.message }));
}

export function validationError(issues: FieldIssue[]): DomainError {
  const n = issues.length;
  return new DomainError('VALIDATION_FAILED', `The request has ${n} invalid field${n === 1 ? '' : 's'}`, issues);
}

/** 422 UNPROCESSABLE: every field fits the document, but rules it states in words refuse these. */
export function unprocessableError(issues: FieldIssue[]): DomainError {
  const n = issues.length;
  return new DomainError('UNPROCESSABLE', `The request breaks ${n} rule${n === 1 ? '' : 's'} of this operation`, issues);
}

/**
 * The error for a failed parse of a request: 400 when any issue is off the document (all issues
 * listed), 422 when every one is a rule the document states only in words (`ruleIssue`).
 */
export function requestError(issues: readonly core.$ZodIssue[], prefix: string[] = []): DomainError {
  const fields = fieldIssues(issues, prefix);
  return issues.length > 0 && issues.every(isRuleIssue) ? unprocessableError(fields) : validationError(fields);
}

/** Renders any thrown value; unexpected ones are logged with the request id and hidden. */
export function renderError(c: Context, err: unknown, log: Logger) {
  const requestId = c.get('requestId') as string | undefined;
  const body = (code: ErrorCode, message: string, details?: unknown): ErrorBody => ({
    error: { code, message, requestId, ...(details === undefined ? {} : { details }) },
  });
  if (err instanceof DomainError) {
    return c.json(body(err.code, err.message, err.details), ERROR_CODES[err.code] as ContentfulStatusCode);
  }
  // A body off its own schema is our fault: a 500, never the 400 a ZodError of the request gets.
  if (err instanceof ResponseSchemaError) {
    log.error({ err, issues: err.issues, requestId, method: c.req.method, path: c.req.path }, 'response failed its own schema');
    return c.json(body('INTERNAL', 'Something went wrong on our side; the request id helps us find it'), 500);
  }
  if (err instanceof ZodError) {
    const e = requestError(err.issues);
    return c.json(body(e.code, e.message, e.details), ERROR_CODES[e.code] as ContentfulStatusCode);
  }
  if (err instanceof HTTPException && err.status < 500) {
    if (err.status === 401) return c.json(body('UNAUTHENTICATED', err.message || 'Unauthenticated'), 401);
    if (err.status === 404) return c.json(body('NOT_FOUND', err.message || 'Not found'), 404);
    // Anything else the client sent wrong (malformed JSON, a body that is not JSON: 415) is
    // invalid input, which the API always answers with 400.
    const message = err.status === 415 ? 'The body must be JSON (content-type: application/json)' : err.message || 'Bad request';
    return c.json(body('VALIDATION_FAILED', message), 400);
  }
  log.error({ err, requestId }, 'unhandled error');
  return c.json(body('INTERNAL', 'Something went wrong on our side; the request id helps us find it'), 500);
}
