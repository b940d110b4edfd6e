// requireStaffSession: every console page after sign-in. It finds the session of the cookie,
// ends it on an idle or absolute timeout (or when the person was deactivated or lost the role),
// and for every request that changes something checks the origin and the session's CSRF token, so
// no page handler checks forgery itself.
import type { MiddlewareHandler } from 'hono';
import { consoleLanguageOf } from '../../texts/console/languages.js';
import { consoleTranslator } from '../../texts/console/translate.js';
import type { ConsoleDeps } from './deps.js';
import type { ConsoleEnv } from './env.js';
import { renderConsoleProblem } from './pages/shell.js';
import { fromOurOrigin } from './same-origin.js';
import { clearSessionCookie, readSessionCookie } from './session-cookie.js';
import { csrfTokenMatches, csrfTokenOf, endSession, findSession, sessionEndReason, touchSession } from './session-store.js';
import { recordStaffAction } from './staff-audit.js';

export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function requireStaffSession(deps: Pick<ConsoleDeps, 'sql' | 'settings'>): MiddlewareHandler<ConsoleEnv> {
  const { sql, settings } = deps;
  return async (c, next) => {
    const token = readSessionCookie(c, settings);
    let session = token ? await findSession(sql, token) : undefined;
    if (session) {
      const now = new Date();
      const reason = sessionEndReason(session, now, settings.sessionIdleMinutes);
      if (reason) {
        await endSession(sql, session.idHash, reason);
        await recordStaffAction(sql, { actorId: session.person.id, actorRole: session.role, action: 'session_ended', details: { reason } });
        session = undefined;
      } else {
        await touchSession(sql, session, now);
      }
    }
    if (!session) {
      if (token) clearSessionCookie(c, settings);
      const next = c.req.method === 'GET' ? `?next=${encodeURIComponent(new URL(c.req.url).pathname + new URL(c.req.url).search)}` : '';
      if (c.req.header('hx-request')) {
        c.header('HX-Redirect', `/console/sign-in${next}`);
        return c.body(null, 401);
      }
      return c.redirect(`/console/sign-in${next}`, 303);
    }
    const language = consoleLanguageOf(session.person.language);
    c.set('staff', {
      sessionIdHash: session.idHash,
      person: { id: session.person.id, name: session.person.name, email: session.person.email, language, roles: session.person.roles },
      role: session.role,
      csrfToken: csrfTokenOf(session.csrfKey),
      language,
      t: consoleTranslator(language),
    });
    if (!SAFE_METHODS.has(c.req.method)) {
      const presented = c.req.header(CSRF_HEADER) ?? (await formToken(c.req));
      if (!fromOurOrigin(c, settings.publicOrigin) || !csrfTokenMatches(session.csrfKey, presented)) {
        await recordStaffAction(sql, { actorId: session.person.id, actorRole: session.role, action: 'forgery_refused', subject: new URL(c.req.url).pathname });
        return renderConsoleProblem(c, 403, 'CSRF');
      }
    }
    return next();
  };
}

/** The `_csrf` field of a posted form (parseBody caches the body for the handler), or undefined. */
async function formToken(req: { header(name: string): string | undefined; parseBody(): Promise<Record<string, unknown>> }): Promise<string | undefined> {
  const type = req.header('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return undefined;
  try {
    const value = (await req.parseBody())[CSRF_FIELD];
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
