// What a sign-in request brings besides the e-mail and password: the language to answer in, where
// to go afterwards (our own console pages only: no open redirect), and the pre-session forgery
// token (a double-submit cookie: a page of another origin can make the browser post, but can read
// neither our cookie nor the token in our form).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { CONSOLE_LANGUAGES, type ConsoleLanguage } from '../../../texts/console/languages.js';
import type { ConsoleSettings } from '../deps.js';

/** `lang` when it names a staff language, else the browser's Accept-Language (by weight), else English. */
export function signInLanguage(lang: string | undefined, acceptLanguage: string | undefined): ConsoleLanguage {
  const known = (tag: string) => CONSOLE_LANGUAGES.find((l) => l === tag.trim().toLowerCase().split(/[-_]/)[0]);
  const chosen = lang ? known(lang) : undefined;
  if (chosen) return chosen;
  const offered = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
      return { tag, q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((o) => o.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const o of offered) {
    const language = known(o.tag);
    if (language) return language;
  }
  return 'en';
}

/** `next` when it is a path of the console (not sign-in itself), else undefined. */
export function safeNext(next: string | undefined): string | undefined {
  if (!next || next.length > 2000 || !next.startsWith('/console') || /[\\\s\u0000-\u001f]/.test(next) || next.startsWith('//')) return undefined;
  const url = new URL(next, 'http://console.invalid');
  if (url.origin !== 'http://console.invalid') return undefined;
  if (url.pathname !== '/console' && !url.pathname.startsWith('/console/')) return undefined;
  if (url.pathname.startsWith('/console/sign-in')) return undefined;
  return url.pathname + url.search;
}

export const SIGN_IN_CSRF_FIELD = '_csrf';
const NONCE_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const cookieName = (settings: Pick<ConsoleSettings, 'secureCookies'>) => (settings.secureCookies ? '__Host-plaint_sign_in' : 'plaint_sign_in');

/** The token for this browser's sign-in form; sets its cookie when it has none. */
export function issueSignInToken(c: Context, settings: ConsoleSettings): string {
  const current = getCookie(c, cookieName(settings));
  if (current && NONCE_PATTERN.test(current)) return current;
  const nonce = randomBytes(32).toString('base64url');
  setCookie(c, cookieName(settings), nonce, {
    path: settings.secureCookies ? '/' : '/console/sign-in',
    httpOnly: true,
    sameSite: 'Strict',
    secure: settings.secureCookies,
    maxAge: 12 * 3600,
  });
  return nonce;
}

/** Whether the posted token is this browser's cookie. */
export function signInTokenMatches(c: Context, settings: ConsoleSettings, presented: unknown): boolean {
  const nonce = getCookie(c, cookieName(settings));
  if (!nonce || !NONCE_PATTERN.test(nonce) || typeof presented !== 'string') return false;
  const a = Buffer.from(nonce);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}
