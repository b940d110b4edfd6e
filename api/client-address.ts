// The address a request comes from, for per-address rate limits.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * `X-Forwarded-For`'s last entry when the proxy is trusted, else the socket's peer address. The
 * last entry is the one our proxy appended; earlier ones are whatever the client sent, so taking
 * the first would let a client rotate it past every per-address limit.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  const forwarded = trustProxy ? c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim() : undefined;
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // no socket: the app was called in-process (tests)
  }
}
