// Every form a console page posts is read once, before its handler: a body that is no form (JSON,
// a broken multipart), a file where every console field is text, or a NUL character (PostgreSQL
// cannot store one, and a handler may write the field to its own tables) is refused here with a
// page naming each bad field, so no handler has to think of them and none can turn them into a 5xx.
import type { Context, MiddlewareHandler } from 'hono';
import { isStorableText } from '../../domain/complaint-schemas.js';
import { renderConsoleProblem, type FieldProblem } from './pages/shell.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);
/** The most fields one refusal page lists (a fuzzer may send thousands). */
const LISTED_FIELDS = 20;

/** Refuses, with a 400 or 415 page, a state-changing request whose body is not a form every handler can take. */
export const refuseUnreadableForms: MiddlewareHandler = async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  const type = c.req.header('content-type');
  // No type: no body to read (htmx posts without fields send the form type anyway).
  if (type !== undefined) {
    const mediaType = type.split(';')[0]!.trim().toLowerCase();
    if (!FORM_TYPES.has(mediaType)) return renderConsoleProblem(c, 415, '415', { values: { type: mediaType.slice(0, 100) || '(none)' } });
  }
  const fields = await formFields(c);
  if (fields === undefined) return renderConsoleProblem(c, 400, '400', { unreadable: true });
  const problems: FieldProblem[] = [];
  for (const [name, value] of fields) {
    const field = shown(name);
    if (typeof value !== 'string') problems.push({ field, reason: 'file' });
    else if (!isStorableText(name) || !isStorableText(value)) problems.push({ field, reason: `${name}${value}`.includes('\0') ? 'nul' : 'other' });
  }
  if (problems.length > 0) return renderConsoleProblem(c, 400, '400', { fields: problems.slice(0, LISTED_FIELDS) });
  return next();
};

/** Every field of the body as sent (repeated names too), or undefined when it cannot be read as a form. */
async function formFields(c: Context): Promise<Array<[string, unknown]> | undefined> {
  try {
    // parseBody caches the parsed form: the handler's own parseBody reads the same.
    const body = await c.req.parseBody({ all: true });
    return Object.entries(body).flatMap(([name, value]) => (Array.isArray(value) ? value.map((v): [string, unknown] => [name, v]) : [[name, value]]));
  } catch {
    return undefined;
  }
}

/** A field's name as a page can show it: without NUL, at most 60 characters. */
const shown = (name: string) => name.replace(/\0/g, '').slice(0, 60) || '(unnamed)';
