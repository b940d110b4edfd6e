// The address a request comes from, for per-address rate limits.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** `X-Forwarded-For`'s first entry when the proxy is trusted, else the socket's peer address. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  const forwarded = trustProxy ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // no socket: the app was called in-process (tests)
  }
}
