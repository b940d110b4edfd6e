// Forgery protection of the public form, two locks: the browser's Origin (or Sec-Fetch-Site)
// must be ours (hono's csrf(), which only looks at form-like posts, as this one is), and the
// hidden token must be the HMAC of the random nonce in this browser's cookie (a signed
// double-submit token). A foreign page can make a browser post, but can neither read our
// cookie nor compute its token.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';

export const FORM_COOKIE = 'plaint_form';
const NONCE_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;

export interface FormGuard {
  /** The token for this browser's form, setting its cookie when it has none (or a malformed one). */
  issueToken(c: Context): string;
  /** Whether the post comes from our own pages (Origin / Sec-Fetch-Site). */
  sameOrigin(c: Context): Promise<boolean>;
  /** Whether the posted token belongs to this browser's cookie. */
  tokenMatches(c: Context, token: string | undefined): boolean;
}

/**
 * `secret` is the link-signing secret (a key of its own is derived from it); `publicBaseUrl` is the
 * address customers open (behind a proxy the request URL is the proxy's, not theirs).
 */
export function formGuard(secret: string, publicBaseUrl?: string): FormGuard {
  const key = createHmac('sha256', secret).update('plaint:complaint-form-csrf:v1').digest();
  const publicOrigin = publicBaseUrl ? new URL(publicBaseUrl).origin : undefined;
  const secure = publicOrigin?.startsWith('https:') ?? false;
  const originCheck = csrf({ origin: (origin, c) => origin === new URL(c.req.url).origin || origin === publicOrigin });
  const tokenOf = (nonce: string) => createHmac('sha256', key).update(nonce).digest('base64url');
  const nonceOf = (c: Context) => {
    const nonce = getCookie(c, FORM_COOKIE);
    return nonce && NONCE_PATTERN.test(nonce) ? nonce : undefined;
  };
  return {
    issueToken(c) {
      let nonce = nonceOf(c);
      if (!nonce) {
        nonce = randomBytes(24).toString('base64url');
        // Lax: sent when the customer follows a link to the form, never with a cross-site post.
        setCookie(c, FORM_COOKIE, nonce, { path: '/complaints', httpOnly: true, sameSite: 'Lax', secure, maxAge: 24 * 3600 });
      }
      return tokenOf(nonce);
    },
    async sameOrigin(c) {
      try {
        await originCheck(c, async () => undefined);
        return true;
      } catch (err) {
        if (err instanceof HTTPException && err.status === 403) return false;
        throw err;
      }
    },
    tokenMatches(c, token) {
      const nonce = nonceOf(c);
      if (!nonce || !token) return false;
      const expected = Buffer.from(tokenOf(nonce));
      const given = Buffer.from(token);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
