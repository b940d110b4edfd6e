// Whether a state-changing request comes from our own pages: the browser's Origin, else its
// Sec-Fetch-Site. A request carrying neither is refused (every browser we support sends one).
// `Origin: null` is what a browser sends under `Referrer-Policy: no-referrer` (the app-wide
// secureHeaders default) even for our own forms: then Sec-Fetch-Site decides.
import type { Context } from 'hono';

export function fromOurOrigin(c: Context, publicOrigin: string | undefined): boolean {
  const origin = c.req.header('origin');
  if (origin !== undefined && origin !== 'null') return origin === new URL(c.req.url).origin || (publicOrigin !== undefined && origin === publicOrigin);
  return c.req.header('sec-fetch-site') === 'same-origin';
}
