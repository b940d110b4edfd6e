import type { Hook } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { isStorableText, STORABLE_TEXT_MESSAGE } from '../../domain/complaint-schemas.js';
import type { FieldIssue } from '../../domain/errors.js';
import { requestError, validationError } from './errors.js';

/**
 * Turns a failed request validation into 400 VALIDATION_FAILED with one entry per bad field, or
 * 422 UNPROCESSABLE when every issue is a rule the document states only in words (`ruleIssue`).
 */
export const validationHook: Hook<unknown, any, any, any> = (result) => {
  if (!result.success) {
    const prefix = result.target === 'json' ? [] : [result.target];
    throw requestError(result.error.issues, prefix);
  }
};

/**
 * 400 for a NUL (`%00`) in the path or in a query parameter, whatever the route: no route then
 * has to think of it (a page that shows `?reference=` back, a path parameter sent to PostgreSQL).
 * Percent-decoding never yields an unpaired surrogate (bad UTF-8 decodes to U+FFFD).
 */
export const refuseUnstorableUrl: MiddlewareHandler = async (c, next) => {
  const url = new URL(c.req.url);
  const issues: FieldIssue[] = [];
  if (!isStorableText(safeDecode(url.pathname))) issues.push({ path: 'path', message: STORABLE_TEXT_MESSAGE });
  for (const [name, value] of url.searchParams) {
    if (!isStorableText(name) || !isStorableText(value)) issues.push({ path: `query.${name.replace(/\0/g, '')}`, message: STORABLE_TEXT_MESSAGE });
  }
  if (issues.length > 0) throw validationError(issues);
  return next();
};

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path; // malformed escapes: the router answers 404 for them
  }
}
