// What delivery hands to the outside world: an e-mail to an SMTP server, an SMS to a gateway.
// The dispatcher (delivery/dispatcher.ts) claims outbox rows and calls these; adapters live
// beside this file (smtp.ts, sms/*.ts). Every send carries the outbox row's idempotency key: as
// the e-mail Message-ID, as the SMS gateway's client reference, so a retry after a crash between
// sending and recording is recognised instead of sent twice.
import type { Language } from '../texts/languages.js';

/** What the provider said when it took the message: its own id, for delivery reports. */
export interface Accepted {
  providerMessageId: string;
}

export interface OutgoingEmail {
  /** The outbox row's idempotency key; becomes `Message-ID: <key@domain>`. */
  idempotencyKey: string;
  to: readonly string[];
  /** The per-complaint reply address: a reply to it lands on the complaint (inbound/). */
  replyTo?: string;
  language: Language;
  subject: string;
  text: string;
  html: string;
}

export interface OutgoingSms {
  /** The outbox row's idempotency key; the gateway's client reference. */
  idempotencyKey: string;
  /** E.164, e.g. +905321234567. */
  to: string;
  text: string;
}

export interface EmailTransport {
  send(message: OutgoingEmail): Promise<Accepted>;
  close?(): void;
}

export interface SmsProvider {
  /** `netgsm`, `webhook`: stored with the row, names which adapter's reports apply. */
  readonly name: string;
  send(message: OutgoingSms): Promise<Accepted>;
  /**
   * The message the provider already accepted under this key, if it can tell (a crash between
   * the provider's acceptance and our record): the dispatcher then records it instead of resending.
   */
  findAccepted?(idempotencyKey: string): Promise<Accepted | null>;
}

/**
 * A send that did not go through. `permanent`: retrying cannot help (bad address, refused
 * credentials); `bounced`: the provider refused the recipient. Anything else thrown counts as transient.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly bounced = false,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}
