// The read model: each transition of a complaint's workflow becomes, in ONE transaction, an event
// in its timeline, the new row state, the messages it sends (outbox) and its response links.
// Keyed by (complaint, seq): an activity retried after a crash changes nothing twice.
import type { Sql, TransactionSql } from 'postgres';
import { customerAnswerDueAt, type StaffRecipient, type StaffTemplate } from '../domain/lifecycle.js';
import type { LinkSigner, LinkPurpose } from '../security/signed-links.js';
import type { ComplaintIntake, ComplaintStatus } from '../workflows/complaint.messages.js';
import { renderCustomerMessage, renderStaffMessage, type CustomerMessageTemplate, type MessageParams } from './message-templates.js';
import { replyChannel } from './reply-channel.js';

export type OutgoingMessage =
  | { audience: 'customer'; template: CustomerMessageTemplate; params: MessageParams }
  | { audience: 'staff'; recipient: StaffRecipient; template: StaffTemplate; params: MessageParams };

export interface LinkRequest {
  linkId: string;
  purpose: LinkPurpose;
  round?: number;
  requestId?: string;
}

export interface TransitionRecord {
  complaintId: string;
  seq: number;
  at: string;
  event: { type: string; actorId: string; actorRole: string; data: Record<string, unknown> };
  status: ComplaintStatus;
  messages: OutgoingMessage[];
  links: LinkRequest[];
  /** Revoke the complaint's open links (answered, superseded, closed) before issuing new ones. */
  revokeLinks: boolean;
  /** The link an answer came through: marked used. */
  usedLinkId?: string;
}

export interface ReadModelDeps {
  sql: Sql;
  linkSigner: LinkSigner;
  /** Base of links in messages, e.g. https://complaints.example.com */
  publicBaseUrl: string;
  linkTtlDays: number;
  staffLocale: string;
  timeZoneOf: (calendarId: string) => string;
}

const LINK_TEMPLATES: Partial<Record<CustomerMessageTemplate, LinkPurpose>> = {
  resolution_proposed: 'resolution',
  answer_reminder: 'resolution',
  info_requested: 'info_request',
  info_reminder: 'info_request',
};

export function createReadModelActivities(deps: ReadModelDeps) {
  const { sql } = deps;
  return {
    /** Writes the complaint's row (or confirms the one intake wrote) and its `registered` event. */
    async recordComplaint(intake: ComplaintIntake): Promise<void> {
      const c = intake.customer;
      await sql.begin(async (tx) => {
        await tx`
          INSERT INTO complaints (id, reference, channel, status, customer_name, customer_email,
            customer_phone, customer_locale, customer_country, subject, description, category,
            product, pin_hash, received_at, recorded_at)
          VALUES (${intake.complaintId}, ${intake.reference}, ${intake.channel}, 'received', ${c.name},
            ${c.email ?? null}, ${c.phone ?? null}, ${c.locale}, ${c.country ?? null}, ${intake.subject},
            ${intake.description}, ${intake.category ?? null}, ${intake.product ?? null},
            ${intake.pinHash}, ${intake.receivedAt}, now())
          ON CONFLICT (id) DO UPDATE SET recorded_at = coalesce(complaints.recorded_at, now())`;
        await tx`
          INSERT INTO complaint_events (complaint_id, seq, type, actor_id, actor_role, occurred_at, data)
          VALUES (${intake.complaintId}, 1, 'registered', 'system', 'system', now(),
            ${tx.json({ channel: intake.channel })})
          ON CONFLICT DO NOTHING`;
      });
    },

    async recordTransition(record: TransitionRecord): Promise<void> {
      await sql.begin(async (tx) => {
        const inserted = await tx`
          INSERT INTO complaint_events (complaint_id, seq, type, actor_id, actor_role, occurred_at, data)
          VALUES (${record.complaintId}, ${record.seq}, ${record.event.type}, ${record.event.actorId},
            ${record.event.actorRole}, ${record.at}, ${tx.json(record.event.data as never)})
          ON CONFLICT DO NOTHING RETURNING 1`;
        if (inserted.length === 0) return; // recorded by an earlier attempt
        if (record.usedLinkId) {
          await tx`UPDATE response_links SET used_at = ${record.at} WHERE id = ${record.usedLinkId} AND used_at IS NULL`;
        }
        if (record.revokeLinks) {
          await tx`UPDATE response_links SET revoked_at = ${record.at}
                   WHERE complaint_id = ${record.complaintId} AND revoked_at IS NULL`;
        }
        const expiresAt = new Date(Date.parse(record.at) + deps.linkTtlDays * 86_400_000);
        for (const link of record.links) {
          await tx`
            INSERT INTO response_links (id, complaint_id, purpose, round, request_id, expires_at)
            VALUES (${link.linkId}, ${record.complaintId}, ${link.purpose}, ${link.round ?? null},
              ${link.requestId ?? null}, ${expiresAt})
            ON CONFLICT (id) DO NOTHING`;
        }
        await writeMessages(tx, deps, record);
        await updateComplaintRow(tx, record);
      });
    },
  };
}

async function writeMessages(tx: TransactionSql, deps: ReadModelDeps, record: TransitionRecord): Promise<void> {
  if (record.messages.length === 0) return;
  const [customer] = await tx<{ channel: string; email: string | null; phone: string | null; locale: string; reference: string }[]>`
    SELECT channel, customer_email AS email, customer_phone AS phone, customer_locale AS locale, reference
    FROM complaints WHERE id = ${record.complaintId}`;
  if (!customer) throw new Error(`complaint ${record.complaintId} has no row`);
  const timeZone = deps.timeZoneOf(record.status.calendarId);
  const trackingUrl = `${deps.publicBaseUrl}/track?reference=${encodeURIComponent(customer.reference)}`;
  let ordinal = 0;
  for (const message of record.messages) {
    ordinal++;
    let channel: string;
    let recipient: string;
    let locale: string;
    let rendered: { subject: string; body: string };
    const params: MessageParams = { ...message.params, reference: customer.reference, timeZone };
    if (message.audience === 'customer') {
      channel = replyChannel(customer.channel as never, customer);
      recipient = channel === 'email' ? customer.email! : channel === 'sms' ? customer.phone! : 'postal address on file';
      locale = customer.locale;
      const purpose = LINK_TEMPLATES[message.template];
      const responseUrl = purpose ? await responseUrlFor(tx, deps, record, purpose) : undefined;
      rendered = renderCustomerMessage(message.template, locale, { ...params, trackingUrl, ...(responseUrl ? { responseUrl } : {}) });
    } else {
      channel = 'staff_inbox';
      recipient = staffRecipient(message.recipient);
      locale = deps.staffLocale;
      rendered = renderStaffMessage(message.template, locale, params);
    }
    await tx`
      INSERT INTO outbox_messages (complaint_id, seq, ordinal, audience, channel, recipient, locale, template, params, subject, body)
      VALUES (${record.complaintId}, ${record.seq}, ${ordinal}, ${message.audience}, ${channel}, ${recipient}, ${locale},
        ${message.template}, ${tx.json(params as never)}, ${rendered.subject}, ${rendered.body})
      ON CONFLICT DO NOTHING`;
  }
}

/** The link of this purpose issued in this transition, else the newest one still open. */
async function responseUrlFor(tx: TransactionSql, deps: ReadModelDeps, record: TransitionRecord, purpose: LinkPurpose) {
  const [link] = await tx<{ id: string; round: number | null; request_id: string | null; expires_at: Date }[]>`
    SELECT id, round, request_id, expires_at FROM response_links
    WHERE complaint_id = ${record.complaintId} AND purpose = ${purpose} AND revoked_at IS NULL AND used_at IS NULL
    ORDER BY created_at DESC, id LIMIT 1`;
  if (!link) return undefined;
  const token = deps.linkSigner.sign({
    linkId: link.id,
    complaintId: record.complaintId,
    purpose,
    ...(link.round !== null ? { round: link.round } : {}),
    ...(link.request_id !== null ? { requestId: link.request_id } : {}),
    expiresAt: Math.floor(link.expires_at.getTime() / 1000),
  });
  return `${deps.publicBaseUrl}/r/${token}`;
}

function staffRecipient(r: StaffRecipient): string {
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

async function updateComplaintRow(tx: TransactionSql, record: TransitionRecord): Promise<void> {
  const { state, deadlines, escalationLevel, processVersion, seq } = record.status;
  await tx`
    UPDATE complaints SET
      status = ${state.status}, closure = ${state.closure}, round = ${state.round},
      stage = ${deadlines.stage?.id ?? null}, stage_started_at = ${deadlines.stage?.startedAt ?? null},
      stage_warning_at = ${deadlines.stage?.warningAt ?? null}, stage_deadline_at = ${deadlines.stage?.deadline ?? null},
      stage_paused = ${deadlines.stage?.paused ?? false}, escalation_level = ${escalationLevel},
      assignee = ${state.assignee}, team = ${state.team}, department = ${state.classification?.department ?? null},
      severity = ${state.classification?.severity ?? null}, category = coalesce(${state.classification?.category ?? null}, category),
      product = coalesce(${state.classification?.product ?? null}, product),
      answer_due_at = ${customerAnswerDueAt(state, deadlines)}, acknowledged_at = ${state.acknowledgedAt},
      closed_at = ${state.closedAt}, process_version = ${processVersion}, last_seq = ${seq},
      lifecycle = ${tx.json(record.status as never)}, updated_at = ${record.at}
    WHERE id = ${record.complaintId} AND last_seq < ${seq}`;
}
