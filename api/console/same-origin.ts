// Whether a state-changing request comes from our own pages: the browser's Origin, else its
// Sec-Fetch-Site. A request carrying neither is refused (every browser we support sends one).
import type { Context } from 'hono';

export function fromOurOrigin(c: Context, publicOrigin: string | undefined): boolean {
  const origin = c.req.header('origin');
  // Under `Referrer-Policy: no-referrer` (the app's secureHeaders sets it on every response, the
  // console's pages too) Chromium sends `Origin: null` with a form's POST navigation; Sec-Fetch-Site,
  // which no page can set, then says whether it came from our origin.
  if (origin === 'null') return c.req.header('sec-fetch-site') === 'same-origin';
  if (origin !== undefined) return origin === new URL(c.req.url).origin || (publicOrigin !== undefined && origin === publicOrigin);
  return c.req.header('sec-fetch-site') === 'same-origin';
}
