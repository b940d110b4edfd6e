// The tracking-PIN SMS (seed 001: "with the SMS, the complaint's tracking number and its PIN are
// sent"). Intake queues it in the transaction that stores the complaint: an outbox row whose
// body says `[tracking PIN]`, and the PIN itself sealed (payload keys) in tracking_pin_messages.
// Only delivery opens it (renderForDelivery); a trigger deletes it once the SMS is sent, and the
// intake reconciler erases what is left after TRACKING_PIN_SMS_HOURS. So the PIN is never stored
// in clear: not in the outbox that staff read, not in a column, not in a log.
import type { Sql, TransactionSql } from 'postgres';
import type { SealedBox } from '../security/sealed-box.js';
import { renderTrackingPinSms } from '../texts/messages/acknowledgement.js';
import { PIN_PLACEHOLDER } from './outbox.js';

/** How long (hours) a PIN SMS that could not be sent keeps its sealed PIN; after that it cannot be sent. */
export const TRACKING_PIN_SMS_HOURS = 72;

/** The template id of the row (staff see it on GET …/messages). */
export const TRACKING_PIN_TEMPLATE = 'tracking_pin';

export interface PinSmsComplaint {
  complaintId: string;
  reference: string;
  phone: string;
  locale: string;
  pin: string;
  /** The tracking page, when the API knows its public address. */
  trackingUrl?: string | undefined;
}

/** Queues the PIN SMS inside intake's transaction (seq 0: intake's own event). */
export async function queueTrackingPinSms(tx: TransactionSql, sealedBox: SealedBox, c: PinSmsComplaint): Promise<void> {
  const { subject, body } = renderTrackingPinSms(c.locale, { reference: c.reference, pin: PIN_PLACEHOLDER, trackingUrl: c.trackingUrl });
  const [row] = await tx<{ id: string }[]>`
    INSERT INTO outbox_messages (complaint_id, seq, ordinal, audience, channel, recipient, locale, template, params, subject, body)
    VALUES (${c.complaintId}, 0, 1, 'customer', 'sms', ${c.phone}, ${c.locale}, ${TRACKING_PIN_TEMPLATE},
      ${tx.json({ reference: c.reference })}, ${subject}, ${body})
    RETURNING id`;
  await tx`
    INSERT INTO tracking_pin_messages (outbox_message_id, complaint_id, sealed_pin, expires_at)
    VALUES (${row!.id}, ${c.complaintId}, ${sealedBox.seal({ pin: c.pin })},
      now() + make_interval(hours => ${TRACKING_PIN_SMS_HOURS}))`;
}

/** The PIN of this outbox row, unsealed; null when it is no longer kept (sent, or expired). */
export async function openTrackingPin(sql: Sql, sealedBox: SealedBox, outboxMessageId: string): Promise<string | null> {
  const [row] = await sql<{ sealed_pin: string }[]>`
    SELECT sealed_pin FROM tracking_pin_messages WHERE outbox_message_id = ${outboxMessageId} AND expires_at > now()`;
  return row ? sealedBox.open<{ pin: string }>(row.sealed_pin).pin : null;
}

/** Erases sealed PINs past their time (their SMS was never sent); answers how many. */
export async function purgeExpiredTrackingPins(sql: Sql): Promise<number> {
  const erased = await sql`DELETE FROM tracking_pin_messages WHERE expires_at <= now()`;
  return erased.count;
}
