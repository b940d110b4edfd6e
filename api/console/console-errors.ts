// A thrown error under /console as a page. What the request got wrong (a NUL in the address, a
// body over the limit, a field refused) is a 4xx page and nothing for the error log; only a real
// failure (the database or Temporal away, a bug) is logged and answered with the 503 page.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { STORABLE_TEXT_MESSAGE } from '../../domain/complaint-schemas.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { BODY_LIMIT_BYTES, bodyLimitGroup } from '../http/body-limits.js';
import { renderConsoleProblem, type FieldProblem } from './pages/shell.js';

/** Whether `path` is one of the console's (its errors answer pages, not JSON). */
/** A console page's path: its errors are pages. The codec under /console/codec is JSON for the Temporal UI, as /codec is. */
export const isConsolePath = (path: string) => (path === '/console' || path.startsWith('/console/')) && !path.startsWith('/console/codec/');

export function renderConsoleError(c: Context, err: unknown, log: Logger): Response | Promise<Response> {
  if (err instanceof DomainError && ERROR_CODES[err.code] < 500) return refusalPage(c, err);
  if (err instanceof HTTPException && err.status < 500) {
    return err.status === 413 ? tooLarge(c, undefined) : renderConsoleProblem(c, err.status === 404 ? 404 : 400, err.status === 404 ? '404' : '400', { unreadable: err.status !== 404 });
  }
  log.error({ err, requestId: c.get('requestId') as string | undefined }, 'console page failed');
  return renderConsoleProblem(c, 503, '503');
}

function refusalPage(c: Context, err: DomainError) {
  switch (err.code) {
    case 'PAYLOAD_TOO_LARGE':
      return tooLarge(c, (err.details as { maxBytes?: unknown } | undefined)?.maxBytes);
    case 'NOT_FOUND':
      return renderConsoleProblem(c, 404, '404');
    case 'NOT_ALLOWED_FOR_ROLE':
    case 'UNAUTHENTICATED':
      return renderConsoleProblem(c, 403, '403');
    default: {
      const fields: FieldProblem[] = Array.isArray(err.details)
        ? err.details.map((i) => ({ field: i.path, reason: i.message === STORABLE_TEXT_MESSAGE ? 'nul' : 'other' }))
        : [];
      return renderConsoleProblem(c, ERROR_CODES[err.code] as ContentfulStatusCode, '400', { fields });
    }
  }
}

function tooLarge(c: Context, maxBytes: unknown) {
  const bytes = typeof maxBytes === 'number' ? maxBytes : BODY_LIMIT_BYTES[bodyLimitGroup(c.req.path)];
  return renderConsoleProblem(c, 413, '413', { values: { kib: Math.floor(bytes / 1024) } });
}
