// The statements of inbound mail (inbound/): the one row per Message-ID that makes a second
// delivery of a message change nothing, what a reply threads onto, and a bounce recorded on the
// outbox message it reports (with the team's notice, as when the dispatcher gives up).
import { randomUUID } from 'node:crypto';
import type { Sql } from 'postgres';
import { writeFailureNotice } from '../delivery/failure-notice.js';
import type { ClaimedMessage, SendableChannel } from '../delivery/outbox-claims.js';
import { renderStaffMessage } from '../texts/messages/staff.js';

export type InboundVia = 'smtp' | 'webhook';

export type InboundOutcome = 'complaint_filed' | 'reply_recorded' | 'after_closure' | 'bounce_recorded' | 'ignored';

export interface InboundClaim {
  id: string;
  /** Handled before (a second delivery): what became of it, and nothing is done again. */
  earlier?: { outcome: InboundOutcome; reason: string | null; complaintId: string | null };
}

/** Takes the message's row, or answers what an earlier delivery of it came to. A row left `processing` (a crash) is taken again. */
export async function claimInboundEmail(
  sql: Sql,
  mail: { messageKey: string; via: InboundVia; sizeBytes: number; senderHash: Buffer | null },
): Promise<InboundClaim> {
  const [inserted] = await sql<{ id: string }[]>`
    INSERT INTO inbound_emails (id, message_key, via, size_bytes, sender_hash, outcome)
    VALUES (${randomUUID()}, ${mail.messageKey}, ${mail.via}, ${mail.sizeBytes}, ${mail.senderHash}, 'processing')
    ON CONFLICT (message_key) DO NOTHING RETURNING id`;
  if (inserted) return { id: inserted.id };
  const [row] = await sql<{ id: string; outcome: InboundOutcome | 'processing'; reason: string | null; complaint_id: string | null }[]>`
    SELECT id, outcome, reason, complaint_id FROM inbound_emails WHERE message_key = ${mail.messageKey}`;
  if (!row) throw new Error(`inbound e-mail ${mail.messageKey} is neither new nor stored`);
  if (row.outcome === 'processing') return { id: row.id };
  return { id: row.id, earlier: { outcome: row.outcome, reason: row.reason, complaintId: row.complaint_id } };
}

export async function finishInboundEmail(
  sql: Sql,
  id: string,
  result: { outcome: InboundOutcome; reason?: string; complaintId?: string; outboxMessageId?: number; refusedAttachments?: readonly string[] },
): Promise<void> {
  await sql`
    UPDATE inbound_emails SET outcome = ${result.outcome}, reason = ${result.reason ?? null},
      complaint_id = ${result.complaintId ?? null}, outbox_message_id = ${result.outboxMessageId ?? null},
      refused_attachments = ${sql.array([...(result.refusedAttachments ?? [])])}, finished_at = now()
    WHERE id = ${id}`;
}

export interface ThreadedComplaint {
  id: string;
  reference: string;
  status: string;
}

/** The complaint with this reference. */
export async function complaintByReference(sql: Sql, reference: string): Promise<ThreadedComplaint | undefined> {
  const [row] = await sql<ThreadedComplaint[]>`SELECT id, reference, status FROM complaints WHERE reference = ${reference}`;
  return row;
}

/** The complaint one of our customer messages (by its idempotency key, the Message-ID's left part) belongs to. */
export async function complaintOfOurMessage(sql: Sql, keys: readonly string[]): Promise<ThreadedComplaint | undefined> {
  if (keys.length === 0) return undefined;
  const [row] = await sql<ThreadedComplaint[]>`
    SELECT c.id, c.reference, c.status FROM outbox_messages o JOIN complaints c ON c.id = o.complaint_id
    WHERE o.idempotency_key = ANY(${sql.array([...keys])}::uuid[]) AND o.audience = 'customer'
    ORDER BY o.id DESC LIMIT 1`;
  return row;
}

/** The complaint with this reference whose customer's e-mail has this keyed hash (the subject fallback). */
export async function complaintOfSender(sql: Sql, reference: string, senderHash: Buffer | null): Promise<ThreadedComplaint | undefined> {
  if (!senderHash) return undefined;
  const [row] = await sql<ThreadedComplaint[]>`
    SELECT id, reference, status FROM complaints WHERE reference = ${reference} AND customer_email_hash = ${senderHash}`;
  return row;
}

/**
 * Marks the e-mails a delivery status notification reports as `bounced`, each with the team's
 * notice, in one transaction. Only rows the provider took (`sent`, `delivered`): a row still
 * being sent or already given up keeps what the dispatcher records. Answers the rows it marked.
 */
export async function recordReportedBounce(
  sql: Sql,
  report: { keys: readonly string[]; reason: string; staffLocale: string },
): Promise<Array<{ id: number; complaintId: string }>> {
  if (report.keys.length === 0) return [];
  return sql.begin(async (tx) => {
    const rows = await tx<ClaimedMessage[]>`
      UPDATE outbox_messages o SET status = 'bounced', last_error = ${report.reason}, next_attempt_at = NULL
      FROM complaints c
      WHERE c.id = o.complaint_id AND o.idempotency_key = ANY(${tx.array([...report.keys])}::uuid[])
        AND o.channel IN ('email', 'staff_inbox') AND o.status IN ('sent', 'delivered')
      RETURNING o.id, o.complaint_id AS "complaintId", c.reference, o.seq, o.audience, o.channel, o.recipient, o.locale,
        o.template, o.subject, o.body, o.response_link_id AS "responseLinkId", o.idempotency_key AS "idempotencyKey",
        o.attempts, false AS reclaimed`;
    for (const row of rows) {
      await tx`INSERT INTO outbox_delivery_log (message_id, event, detail) VALUES (${row.id}, 'bounced', ${report.reason})`;
      await writeFailureNotice(tx, { ...row, channel: row.channel as SendableChannel }, { error: report.reason, bounced: true, staffLocale: report.staffLocale });
    }
    return rows.map((r) => ({ id: r.id, complaintId: r.complaintId }));
  });
}

/**
 * A customer's message to a closed complaint: no workflow runs to put it on the timeline, so its
 * owner (the assignee, else the team, else the team lead) gets it in a notice, filed under the
 * complaint's last transition with the next free ordinal, as delivery failure notices are.
 */
export async function writeAfterClosureNotice(
  sql: Sql,
  note: { complaintId: string; message: string; staffLocale: string },
): Promise<number> {
  return sql.begin(async (tx) => {
    const [complaint] = await tx<{ reference: string; assignee: string | null; team: string | null; seq: number }[]>`
      SELECT c.reference, c.assignee, c.team, coalesce((SELECT max(seq) FROM complaint_events WHERE complaint_id = c.id), 0) AS seq
      FROM complaints c WHERE c.id = ${note.complaintId} FOR UPDATE`;
    if (!complaint) throw new Error(`complaint ${note.complaintId} has no row`);
    const recipient = complaint.assignee ? `user:${complaint.assignee}` : complaint.team ? `team:${complaint.team}` : 'escalation:teamLead';
    const params = { reference: complaint.reference, channel: 'email', message: note.message };
    const { subject, body } = renderStaffMessage('customer_wrote', note.staffLocale, params);
    const [row] = await tx<{ id: number }[]>`
      INSERT INTO outbox_messages (complaint_id, seq, ordinal, audience, channel, recipient, locale, template, params, subject, body)
      SELECT ${note.complaintId}, ${complaint.seq}, coalesce(max(ordinal), 0) + 1, 'staff', 'staff_inbox', ${recipient},
        ${note.staffLocale}, 'customer_wrote', ${tx.json(params)}, ${subject}, ${body}
      FROM outbox_messages WHERE complaint_id = ${note.complaintId} AND seq = ${complaint.seq}
      RETURNING id`;
    return row!.id;
  });
}
