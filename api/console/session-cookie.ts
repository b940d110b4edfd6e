// The session cookie: HttpOnly, SameSite=Strict, path /console; over HTTPS also Secure with the
// `__Host-` prefix (then no subdomain can set or shadow it; the prefix requires path=/).
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { ConsoleSettings } from './deps.js';

export function sessionCookieName(settings: Pick<ConsoleSettings, 'secureCookies'>): string {
  return settings.secureCookies ? '__Host-plaint_staff' : 'plaint_staff';
}

export function readSessionCookie(c: Context, settings: Pick<ConsoleSettings, 'secureCookies'>): string | undefined {
  const token = getCookie(c, sessionCookieName(settings));
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : undefined;
}

export function setSessionCookie(c: Context, settings: ConsoleSettings, token: string): void {
  setCookie(c, sessionCookieName(settings), token, {
    path: settings.secureCookies ? '/' : '/console',
    httpOnly: true,
    sameSite: 'Strict',
    secure: settings.secureCookies,
    maxAge: settings.sessionAbsoluteHours * 3600,
  });
}

export function clearSessionCookie(c: Context, settings: ConsoleSettings): void {
  deleteCookie(c, sessionCookieName(settings), { path: settings.secureCookies ? '/' : '/console', secure: settings.secureCookies });
}
