// What the delivery worker sends: a stored outbox message with its answer link signed in. The
// live link exists only here, on its way to the customer; the stored row keeps the placeholder
// and the link's id, so no staff view and no column holds a token that answers for the customer.
import type { Sql } from 'postgres';
import { DeliveryError } from '../delivery/transport.js';
import type { SealedBox } from '../security/sealed-box.js';
import type { LinkPurpose, LinkSigner } from '../security/signed-links.js';
import { ANSWER_LINK_PLACEHOLDER, PIN_PLACEHOLDER } from './outbox.js';
import { openTrackingPin } from './tracking-pin-sms.js';
import type { DataKeyStore } from '../security/data-keys.js';

/** The message's complaint was erased: its recipient and text are unreadable, so it is never sent (nor retried). */
export class ErasedMessageError extends Error {
  constructor(readonly complaintId: string) {
    super('undeliverable: erased');
    this.name = 'ErasedMessageError';
  }
}

export interface OutboxDeliveryDeps {
  sql: Sql;
  linkSigner: LinkSigner;
  /** Base of links in messages, e.g. https://complaints.example.com */
  publicBaseUrl: string;
  /** Opens the sealed tracking PIN of a PIN SMS (the payload keys); without it such a row cannot be sent. */
  sealedBox?: SealedBox;
  /** Opens the row's sealed recipient, subject and body (the complaint's data key). */
  dataKeys: DataKeyStore;
}

/** An outbox row as delivery reads it. */
export interface StoredMessage {
  /** outbox_messages.id: names the sealed PIN of a PIN SMS. */
  id?: string;
  complaintId: string;
  /** The address, sealed for a customer's row since data keys exist (a staff recipient is plain). */
  recipient?: string;
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
    async renderForDelivery(message: StoredMessage): Promise<{ recipient: string | undefined; subject: string; body: string }> {
      const [recipient, subject, opened] = await Promise.all([
        message.recipient === undefined ? undefined : deps.dataKeys.open(message.recipient),
        deps.dataKeys.open(message.subject),
        deps.dataKeys.open(message.body),
      ]);
      if (recipient === null || subject === null || opened === null) throw new ErasedMessageError(message.complaintId);
      let body = opened;
      if (message.responseLinkId !== null) {
        const url = await signedLinkUrl(deps, message.complaintId, message.responseLinkId);
        body = body.replaceAll(ANSWER_LINK_PLACEHOLDER, url);
      }
      if (body.includes(PIN_PLACEHOLDER)) body = body.replaceAll(PIN_PLACEHOLDER, await trackingPin(deps, message));
      return { recipient, subject, body };
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
  // Survey links open the survey page (api/customer/pages/survey-page.tsx); answer links the answer page.
  return `${deps.publicBaseUrl}/${link.purpose === 'survey' ? 's' : 'r'}/${token}`;
}
