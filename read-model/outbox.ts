// The outbox: every message a transition sends, rendered in the recipient's language, one row each.
// Staff read these rows (GET …/messages), so a customer message never holds a live answer link:
// its body has ANSWER_LINK_PLACEHOLDER where the link goes and the row names the link
// (response_link_id); delivery signs it into the body (outbox-delivery.ts).
import type { TransactionSql } from 'postgres';
import type { Channel } from '../domain/complaint.js';
import type { StaffRecipient, StaffTemplate } from '../domain/lifecycle/index.js';
import type { LinkPurpose } from '../security/signed-links.js';
import { isRetiredCustomerTemplate, renderCustomerMessage, type CustomerMessageTemplate } from '../texts/messages/customer.js';
import type { MessageParams } from '../texts/messages/params.js';
import { renderStaffMessage } from '../texts/messages/staff.js';
import { renderSmsMessage } from '../texts/messages/sms.js';
import { answeredOnPlatform, replyChannel, type CustomerContactDetails, type ReplyChannel } from '../domain/reply-channel.js';
import { acknowledgedOtherwise } from './acknowledgement-routing.js';
import { DataKeyDestroyedError, type ComplaintSealer, type DataKeyStore } from '../security/data-keys.js';

export type OutgoingMessage =
  | { audience: 'customer'; template: CustomerMessageTemplate; params: MessageParams }
  | { audience: 'staff'; recipient: StaffRecipient; template: StaffTemplate; params: MessageParams };

/** Where the answer link stands in a stored body; only delivery puts the signed URL there. */
export const ANSWER_LINK_PLACEHOLDER = '[answer link]';

/** Where the tracking PIN stands in a stored SMS body; delivery unseals it (read-model/tracking-pin-sms.ts). */
export const PIN_PLACEHOLDER = '[tracking PIN]';

/** What the customer answers through, per template that carries an answer link. */
const LINK_TEMPLATES: Partial<Record<CustomerMessageTemplate, LinkPurpose>> = {
  resolution_proposed: 'resolution',
  answer_reminder: 'resolution',
  info_requested: 'info_request',
  info_reminder: 'info_request',
  // The closure message carries the survey link when the closure is surveyed (none: no link, no sentence).
  complaint_closed: 'survey',
};

export interface OutboxDeps {
  publicBaseUrl: string;
  staffLocale: string;
  timeZoneOf: (calendarId: string) => string;
  /** Opens the workflow's sealed texts to render a message, and seals the stored row's recipient, subject and body. */
  dataKeys: DataKeyStore;
}

/** What a rendered message shows where a text's key was destroyed (staff notices of an erased complaint). */
export const ERASED_TEXT = '[erased]';

/**
 * The complaint's sealer for its outbox rows, or null once its personal data was erased. A
 * complaint filed before data keys existed gets one now: its later rows are sealed too.
 */
export async function outboxSealer(tx: TransactionSql, dataKeys: DataKeyStore, complaintId: string): Promise<ComplaintSealer | null> {
  try {
    return await dataKeys.ensure(complaintId, tx);
  } catch (err) {
    if (err instanceof DataKeyDestroyedError) return null;
    throw err;
  }
}

interface CustomerContact extends CustomerContactDetails {
  channel: Channel;
  locale: string;
  reference: string;
  /** `@handle (Platform)` when a platform filed the complaint (integration_messages). */
  platformContact: string | null;
}

/** Writes a transition's messages; (complaint, seq, ordinal) makes a retry a no-op. */
export async function writeMessages(
  tx: TransactionSql,
  deps: OutboxDeps,
  record: { complaintId: string; seq: number; at: string; calendarId: string; messages: OutgoingMessage[] },
): Promise<void> {
  if (record.messages.length === 0) return;
  const [customer] = await tx<CustomerContact[]>`
    SELECT channel, customer_email AS email, customer_phone AS phone, customer_postal_address AS "postalAddress",
      customer_locale AS locale, reference, m.handle || ' (' || m.platform || ')' AS "platformContact"
    FROM complaints LEFT JOIN integration_messages m ON m.complaint_id = complaints.id
    WHERE complaints.id = ${record.complaintId}`;
  if (!customer) throw new Error(`complaint ${record.complaintId} has no row`);
  const timeZone = deps.timeZoneOf(record.calendarId);
  const trackingUrl = `${deps.publicBaseUrl}/track?reference=${encodeURIComponent(customer.reference)}`;
  const sealer = await outboxSealer(tx, deps.dataKeys, record.complaintId);
  let ordinal = 0;
  for (const message of record.messages) {
    // Queued by older workflow code for a message that no longer exists (the survey): dropped.
    if (message.audience === 'customer' && isRetiredCustomerTemplate(message.template)) continue;
    // A customer whose personal data was erased is addressed no more: nobody to write to, nothing to say it with.
    if (message.audience === 'customer' && sealer === null) continue;
    // An agent passes it on, or the PIN SMS already said it (read-model/acknowledgement-routing.ts).
    if (message.audience === 'customer' && message.template === 'acknowledgement' && (await acknowledgedOtherwise(tx, record.complaintId, customer))) continue;
    ordinal++;
    // The workflow's params carry its sealed texts (a proposal's summary, a question): stored so, rendered opened.
    const params: MessageParams = { ...message.params, reference: customer.reference, timeZone };
    const opened: MessageParams = await deps.dataKeys.openDeep(params, { erased: ERASED_TEXT });
    let row: { channel: string; recipient: string; locale: string; subject: string; body: string; linkId: string | null };
    if (message.audience === 'customer') {
      const channel = customerChannel(customer);
      const purpose = LINK_TEMPLATES[message.template];
      const linkId = purpose ? await openLinkId(tx, record.complaintId, purpose) : null;
      const responseUrl = linkId ? { responseUrl: ANSWER_LINK_PLACEHOLDER } : {};
      const customerParams = { ...opened, trackingUrl, writtenAt: record.at, ...responseUrl };
      const rendered = renderCustomerMessage(message.template, customer.locale, customerParams);
      // By SMS the customer gets the short text (texts/messages/sms.ts); staff still read the subject.
      if (channel === 'sms') rendered.body = renderSmsMessage(message.template, customer.locale, customerParams);
      row = { channel, recipient: customerRecipient(channel, customer), locale: customer.locale, ...rendered, linkId };
    } else {
      const rendered = renderStaffMessage(message.template, deps.staffLocale, opened);
      row = { channel: 'staff_inbox', recipient: staffRecipient(message.recipient), locale: deps.staffLocale, ...rendered, linkId: null };
    }
    if (sealer) {
      row.subject = sealer.seal(row.subject);
      row.body = sealer.seal(row.body);
      // A customer's address is personal; a staff recipient (`team:…`) names no customer and routes the row.
      if (message.audience === 'customer') row.recipient = sealer.seal(row.recipient);
    }
    await tx`
      INSERT INTO outbox_messages (complaint_id, seq, ordinal, audience, channel, recipient, locale, template, params,
        subject, body, response_link_id)
      VALUES (${record.complaintId}, ${record.seq}, ${ordinal}, ${message.audience}, ${row.channel}, ${row.recipient},
        ${row.locale}, ${message.template}, ${tx.json(params as never)}, ${row.subject}, ${row.body}, ${row.linkId})
      ON CONFLICT DO NOTHING`;
  }
}

/** The link of this purpose issued in this transition, else the newest one still open. */
async function openLinkId(tx: TransactionSql, complaintId: string, purpose: LinkPurpose): Promise<string | null> {
  const [link] = await tx<{ id: string }[]>`
    SELECT id FROM response_links
    WHERE complaint_id = ${complaintId} AND purpose = ${purpose} AND revoked_at IS NULL AND used_at IS NULL
    ORDER BY created_at DESC, id LIMIT 1`;
  return link?.id ?? null;
}

/**
 * How a customer message goes: the reply rules, except for a chat or social customer we can reach
 * only on the platform, whose messages an agent passes on there (channel `agent`, never sent).
 */
function customerChannel(customer: CustomerContact): ReplyChannel | 'agent' {
  return answeredOnPlatform(customer.channel, customer) ? 'agent' : replyChannel(customer.channel, customer);
}

/** The address on the envelope: e-mail, phone, the postal address the customer gave, or their handle on the platform. */
function customerRecipient(channel: ReplyChannel | 'agent', customer: CustomerContact): string {
  switch (channel) {
    case 'agent':
      return customer.platformContact ?? 'on the platform';
    case 'email':
      return customer.email!;
    case 'sms':
      return customer.phone!;
    case 'letter':
      // Intake requires an address for letter complaints without e-mail or phone; a walk-in may have none.
      return customer.postalAddress ?? 'no postal address on file';
  }
}

/** A staff recipient as the outbox's `recipient` column holds it (`escalation:teamLead`). */
export function staffRecipient(r: StaffRecipient): string {
  switch (r.kind) {
    case 'user':
      return `user:${r.userId}`;
    case 'team':
      return `team:${r.team}`;
    case 'department':
      return `department:${r.department}`;
    case 'role':
      return `role:${r.role}`;
    case 'escalation_level':
      return `escalation:${r.level}`;
  }
}
