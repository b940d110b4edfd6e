// The address a request comes from, for per-address rate limits, and its network, for PIN lockouts.
import { createHmac } from 'node:crypto';
import { isIP } from 'node:net';
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

/**
 * The client network an address belongs to, which PIN lockouts count by: an IPv4 address itself,
 * an IPv6 address's /64 (one subscriber usually holds a whole /64, so counting single addresses
 * would hand out 2^64 fresh starts). IPv4-mapped IPv6 (`::ffff:192.0.2.1`) counts as IPv4.
 */
export function clientNetwork(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (isIP(address) !== 6) return address;
  const [head = '', tail = ''] = address.split('%')[0]!.toLowerCase().split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const left = groups(head);
  const right = address.includes('::') ? groups(tail) : [];
  const full = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${full.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** Hashes client addresses with HMAC-SHA256 under a key derived from `secret`. */
export type ClientAddressHasher = (address: string) => string;

export function clientAddressHasher(secret: string): ClientAddressHasher {
  // A key of its own, so these hashes never double as link signatures.
  const key = createHmac('sha256', secret).update('plaint:client-address-hash:v1').digest();
  // One spelling per address: an IPv4 client behind a dual-stack socket arrives as ::ffff:a.b.c.d.
  return (address) =>
    createHmac('sha256', key)
      .update(address.trim().toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, ''))
      .digest('hex');
}
