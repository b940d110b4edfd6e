// A customer page's refusal that happens before its route runs (a body over the route's limit):
// a page in the customer's language with the status the JSON route would answer, never JSON.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { DomainError, ERROR_CODES } from '../../../domain/errors.js';
import { renderPage } from './frame.js';
import { problemText } from './layout.js';
import { pageLanguage } from './page-language.js';

/** The paths of customer pages that take a post (the complaint form answers its own refusals). */
export function isCustomerPagePath(path: string): boolean {
  return path === '/track' || path.startsWith('/r/') || path.startsWith('/s/');
}

export function renderCustomerPageError(c: Context, err: unknown, log: Logger) {
  const code = err instanceof DomainError ? err.code : 'INTERNAL';
  if (code === 'INTERNAL') log.error({ err, requestId: c.get('requestId') }, 'unhandled error before a customer page');
  const language = pageLanguage(c);
  const { title, text } = problemText(language, code);
  return renderPage(c, ERROR_CODES[code] as ContentfulStatusCode, { language, title, children: <p>{text}</p> });
}
