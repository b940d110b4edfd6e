// The acknowledgement back through the channel the complaint came in (seed 001). Web and e-mail
// get the workflow's acknowledgement by e-mail; a phone complaint's acknowledgement is the PIN SMS
// intake queued (reference, PIN, link: read-model/tracking-pin-sms.ts), so the workflow's own
// would be a second SMS saying the same. A letter, fax or front-office complaint is acknowledged
// by an agent, the way it came: when its process starts, the outbox gets the text to pass on (a
// row on channel `agent`, which the dispatcher never sends) and a staff message telling the
// complaint's owner what to pass on and by when: the acknowledgement stage's deadline (6 working
// hours in the shipped process), in the complaint's calendar, as its clock counts it. A chat or
// social complaint whose customer gave neither e-mail nor phone is passed on the same way, on its
// platform, to the handle the platform filed it with (integration_messages).
import type { TransactionSql } from 'postgres';
import type { Channel } from '../domain/complaint.js';
import { acknowledgementChannel, isAgentAcknowledged, type CustomerContactDetails } from '../domain/reply-channel.js';
import { renderAgentAcknowledgementTask } from '../texts/messages/acknowledgement.js';
import { renderCustomerMessage } from '../texts/messages/customer.js';
import { outboxSealer, type OutboxDeps } from './outbox.js';

/** Who is told to pass it on: the complaint's owner when the message is delivered (the address book resolves it). */
export const AGENT_TASK_RECIPIENT = 'escalation:assignee';

/** True when the workflow's acknowledgement must not be written: it goes (or went) another way. */
export async function acknowledgedOtherwise(
  tx: TransactionSql,
  complaintId: string,
  customer: CustomerContactDetails & { channel: Channel },
): Promise<boolean> {
  const channel = acknowledgementChannel(customer.channel, customer);
  if (channel === 'agent') return true;
  if (channel !== 'sms') return false;
  const [pinSms] = await tx`SELECT 1 FROM outbox_messages WHERE complaint_id = ${complaintId} AND template = 'tracking_pin'`;
  return pinSms !== undefined;
}

interface StartedComplaint {
  channel: Channel;
  reference: string;
  name: string;
  locale: string;
  phone: string | null;
  email: string | null;
  postalAddress: string | null;
  receivedAt: Date;
  /** The platform and handle a chat or social complaint came from, when a platform filed it. */
  platform: string | null;
  handle: string | null;
  conversationUrl: string | null;
}

/** At `process_started`: the agent's acknowledgement task for a letter, fax or front-office complaint, or one on a platform only. */
export async function writeAgentAcknowledgement(
  tx: TransactionSql,
  deps: OutboxDeps,
  record: { complaintId: string; seq: number; at: string; calendarId: string; firstOrdinal: number; dueAt: string | null },
): Promise<void> {
  const [c] = await tx<StartedComplaint[]>`
    SELECT channel, reference, customer_name AS name, customer_locale AS locale, customer_phone AS phone, customer_email AS email,
      customer_postal_address AS "postalAddress", received_at AS "receivedAt",
      m.platform, m.handle, m.conversation_url AS "conversationUrl"
    FROM complaints LEFT JOIN integration_messages m ON m.complaint_id = complaints.id
    WHERE complaints.id = ${record.complaintId}`;
  if (!c || !isAgentAcknowledged(c.channel, c)) return;
  const timeZone = deps.timeZoneOf(record.calendarId);
  const trackingUrl = `${deps.publicBaseUrl}/track?reference=${encodeURIComponent(c.reference)}`;
  const params = { reference: c.reference, timeZone, receivedAt: c.receivedAt.toISOString(), channel: c.channel };
  const letter = renderCustomerMessage('acknowledgement', c.locale, { ...params, trackingUrl, writtenAt: record.at });
  const onPlatform = c.platform && c.handle ? { name: c.platform, handle: c.handle, conversationUrl: c.conversationUrl } : null;
  const recipient =
    c.channel === 'letter' && c.postalAddress
      ? c.postalAddress
      : (c.phone ?? (onPlatform && `${onPlatform.handle} (${onPlatform.name})`) ?? c.postalAddress ?? 'in person');
  const task = renderAgentAcknowledgementTask(deps.staffLocale, {
    reference: c.reference, channel: c.channel, customerName: c.name, postalAddress: c.postalAddress, phone: c.phone, platform: onPlatform,
    dueAt: record.dueAt, timeZone,
    // With an e-mail or phone the workflow acknowledges at once (its effect, unchanged); without, the agent records it.
    manual: !c.email && !c.phone,
  });
  const taskParams = { ...params, ...(record.dueAt ? { dueAt: record.dueAt } : {}) };
  // The customer's address and the task's text (their name, phone, address) sealed with the complaint's key.
  const sealer = await outboxSealer(tx, deps.dataKeys, record.complaintId);
  if (!sealer) return;
  const seal = sealer.seal;
  await tx`
    INSERT INTO outbox_messages (complaint_id, seq, ordinal, audience, channel, recipient, locale, template, params, subject, body)
    VALUES
      (${record.complaintId}, ${record.seq}, ${record.firstOrdinal}, 'customer', 'agent', ${seal(recipient)}, ${c.locale},
        'acknowledgement', ${tx.json(params)}, ${seal(letter.subject)}, ${seal(letter.body)}),
      (${record.complaintId}, ${record.seq}, ${record.firstOrdinal + 1}, 'staff', 'staff_inbox', ${AGENT_TASK_RECIPIENT},
        ${deps.staffLocale}, 'agent_acknowledgement', ${tx.json(taskParams)}, ${seal(task.subject)}, ${seal(task.body)})
    ON CONFLICT DO NOTHING`;
}
