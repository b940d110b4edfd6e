// What shows that a customer's answer came through the customer's link, for the timeline: the
// client address as a keyed hash (an operator holding the secret can check a suspected address;
// nobody reading the timeline learns one) and the browser's User-Agent, cut short.
import { createHmac } from 'node:crypto';
import type { Context } from 'hono';
import type { AnswerOrigin } from '../../workflows/complaint.messages.js';
import { clientAddress } from '../http/client-address.js';

/** Characters of the User-Agent kept: enough to tell browsers and scripts apart. */
export const USER_AGENT_MAX_CHARS = 200;

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

export interface AnswerOriginDeps {
  trustProxy: boolean;
  hashClientAddress: ClientAddressHasher;
}

/** Where this request came from, as the timeline records it. */
export function answerOrigin(c: Context, deps: AnswerOriginDeps): AnswerOrigin {
  const agent = c.req.header('user-agent')?.replace(/\p{Cc}/gu, ' ').trim();
  return {
    clientAddressHash: deps.hashClientAddress(clientAddress(c, deps.trustProxy)),
    userAgent: agent ? agent.slice(0, USER_AGENT_MAX_CHARS) : null,
  };
}
