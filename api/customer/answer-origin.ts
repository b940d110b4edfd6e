// What shows that a customer's answer came through the customer's link, for the timeline: the
// client address as a keyed hash (an operator holding the secret can check a suspected address;
// nobody reading the timeline learns one) and the browser's User-Agent, cut short.
import type { Context } from 'hono';
import type { AnswerOrigin } from '../../workflows/complaint.messages.js';
import { clientAddress, type ClientAddressHasher } from '../http/client-address.js';

export { clientAddressHasher, type ClientAddressHasher } from '../http/client-address.js';

/** Characters of the User-Agent kept: enough to tell browsers and scripts apart. */
export const USER_AGENT_MAX_CHARS = 200;

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
