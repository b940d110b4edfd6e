// Whether a state-changing request comes from our own pages: the browser's Origin, else its
// Sec-Fetch-Site. A request carrying neither is refused (every browser we support sends one).
import type { Context } from 'hono';

export function fromOurOrigin(c: Context, publicOrigin: string | undefined): boolean {
  // Chromium sends `Origin: null` on a form's POST navigation from our own page (seen with Debian's
  // chromium 156); Sec-Fetch-Site, which no page can set, still says same-origin then. A null from a
  // sandboxed frame or a data: URL comes with `cross-site`, so it is still refused.
  const origin = c.req.header('origin');
  if (origin !== undefined && origin !== 'null') return origin === new URL(c.req.url).origin || (publicOrigin !== undefined && origin === publicOrigin);
  return c.req.header('sec-fetch-site') === 'same-origin';
}
