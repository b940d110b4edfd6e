// When delivery gives up on a message, the complaint's team hears of it: a staff notice
// (template `delivery_failed`) in the outbox, written in the transaction that marks the row
// failed, so the notice exists exactly when the failure does. It is filed under the failed
// message's transition (seq) with the next free ordinal, and names the row (about_message_id).
import type { TransactionSql } from 'postgres';
import { renderDeliveryFailedNotice } from '../texts/messages/delivery.js';
import type { ClaimedMessage } from './outbox-claims.js';
import { isSealed, type DataKeyStore } from '../security/data-keys.js';

const withoutSealed = <T extends Record<string, unknown>>(params: T): T =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, isSealed(v) ? '[sealed]' : v])) as T;
import { ERASED_TEXT, outboxSealer } from '../read-model/outbox.js';

export const DELIVERY_FAILED_TEMPLATE = 'delivery_failed';

/** Writes the notice; a failed notice itself tells nobody (it would go the same broken way). */
export async function writeFailureNotice(
  tx: TransactionSql,
  message: ClaimedMessage,
  failure: { error: string; bounced: boolean; staffLocale: string },
  /** Absent on the report and bounce paths that have none: the notice then says `[sealed]` for the row's address and subject. */
  dataKeys?: DataKeyStore,
): Promise<void> {
  if (message.template === DELIVERY_FAILED_TEMPLATE) return;
  const [complaint] = await tx<{ team: string | null }[]>`SELECT team FROM complaints WHERE id = ${message.complaintId}`;
  // The team that handles the complaint; before routing there is none, and its lead is asked.
  const recipient = complaint?.team ? `team:${complaint.team}` : 'escalation:teamLead';
  const params = {
    reference: message.reference,
    messageId: message.id,
    messageSubject: message.subject,
    recipient: message.recipient,
    channel: message.channel,
    attempts: message.attempts,
    bounced: failure.bounced,
    error: failure.error,
  };
  // The failed row's recipient and subject are sealed: the notice keeps them so, and says them opened.
  const shown = dataKeys ? await dataKeys.openDeep(params, { erased: ERASED_TEXT }) : withoutSealed(params);
  const rendered = renderDeliveryFailedNotice(failure.staffLocale, shown);
  const sealer = dataKeys ? await outboxSealer(tx, dataKeys, message.complaintId) : null;
  const subject = sealer ? sealer.seal(rendered.subject) : rendered.subject;
  const body = sealer ? sealer.seal(rendered.body) : rendered.body;
  // Two dispatchers may file notices under one transition at once: a taken ordinal is tried again.
  for (let i = 0; i < 10; i++) {
    const written = await tx`
      INSERT INTO outbox_messages (complaint_id, seq, ordinal, audience, channel, recipient, locale, template, params,
        subject, body, about_message_id)
      SELECT ${message.complaintId}, ${message.seq}, coalesce(max(ordinal), 0) + 1, 'staff', 'staff_inbox', ${recipient},
        ${failure.staffLocale}, ${DELIVERY_FAILED_TEMPLATE}, ${tx.json(params)}, ${subject}, ${body}, ${message.id}
      FROM outbox_messages WHERE complaint_id = ${message.complaintId} AND seq = ${message.seq}
      ON CONFLICT DO NOTHING`;
    if (written.count === 1) return;
  }
  throw new Error(`could not file the delivery failure notice of outbox message ${message.id}`);
}
