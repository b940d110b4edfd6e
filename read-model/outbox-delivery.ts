// What the delivery worker sends: a stored outbox message with its answer link signed in. The
// live link exists only here, on its way to the customer; the stored row keeps the placeholder
// and the link's id, so no staff view and no column holds a token that answers for the customer.
import type { Sql } from 'postgres';
import { DeliveryError } from '../delivery/transport.js';
import type { SealedBox } from '../security/sealed-box.js';
import type { LinkPurpose, LinkSigner } from '../security/signed-links.js';
import { ANSWER_LINK_PLACEHOLDER, PIN_PLACEHOLDER } from './outbox.js';
import { openTrackingPin } from './tracking-pin-sms.js';

export interface OutboxDeliveryDeps {
  sql: Sql;
  linkSigner: LinkSigner;
  /** Base of links in messages, e.g. https://complaints.example.com */
  publicBaseUrl: string;
  /** Opens the sealed tracking PIN of a PIN SMS (the payload keys); without it such a row cannot be sent. */
  sealedBox?: SealedBox;
}

/** An outbox row as delivery reads it. */
export interface StoredMessage {
  /** outbox_messages.id: names the sealed PIN of a PIN SMS. */
  id?: string;
  complaintId: string;
  subject: string;
  body: string;
  /** The answer link the body refers to (outbox_messages.response_link_id), if any. */
  responseLinkId: string | null;
}

export function createOutboxDelivery(deps: OutboxDeliveryDeps) {
  return {
    /**
     * The message as the customer gets it: the placeholder replaced by the signed `/r/{token}` URL.
     * A link answered or replaced since is still signed; its page then says so (410).
     */
    async renderForDelivery(message: StoredMessage): Promise<{ subject: string; body: string }> {
      let body = message.body;
      if (message.responseLinkId !== null) {
        const url = await signedLinkUrl(deps, message.complaintId, message.responseLinkId);
        body = body.replaceAll(ANSWER_LINK_PLACEHOLDER, url);
      }
      if (body.includes(PIN_PLACEHOLDER)) body = body.replaceAll(PIN_PLACEHOLDER, await trackingPin(deps, message));
      return { subject: message.subject, body };
    },
  };
}

export type OutboxDelivery = ReturnType<typeof createOutboxDelivery>;

/** The PIN sealed for this row; gone (sent already, or expired) is permanent: the SMS cannot be sent again. */
async function trackingPin(deps: OutboxDeliveryDeps, message: StoredMessage): Promise<string> {
  if (!deps.sealedBox || message.id === undefined) throw new Error('a PIN SMS needs the sealed box and the outbox row id to be rendered');
  const pin = await openTrackingPin(deps.sql, deps.sealedBox, message.id);
  if (pin === null) throw new DeliveryError('the tracking PIN of this SMS is no longer kept (sent already, or expired)', true);
  return pin;
}

async function signedLinkUrl(deps: OutboxDeliveryDeps, complaintId: string, linkId: string): Promise<string> {
  type LinkRow = { purpose: LinkPurpose; round: number | null; request_id: string | null; expires_at: Date };
  const [link] = await deps.sql<LinkRow[]>`
    SELECT purpose, round, request_id, expires_at FROM response_links
    WHERE id = ${linkId} AND complaint_id = ${complaintId}`;
  if (!link) throw new Error(`outbox message of complaint ${complaintId} names link ${linkId}, which does not exist`);
  const token = deps.linkSigner.sign({
    linkId,
    complaintId,
    purpose: link.purpose,
    ...(link.round !== null ? { round: link.round } : {}),
    ...(link.request_id !== null ? { requestId: link.request_id } : {}),
    expiresAt: Math.floor(link.expires_at.getTime() / 1000),
  });
  return `${deps.publicBaseUrl}/r/${token}`;
}
