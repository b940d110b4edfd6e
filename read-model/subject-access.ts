// Subject access (KVKK art. 11, GDPR art. 15): everything Plaint holds about one person, found
// through the customer lookup hashes (security/customer-lookup.ts) — never a scan of plain text —
// and read where it lives: the complaint, its timeline, what was sent to them and how it went,
// their files, survey answers, inbound e-mails, chat and social messages, and for an erased
// complaint only that (and when) it was erased. Sealed values are opened (DataKeyStore.openDeep);
// a value whose key was destroyed opens as null.
import type { Sql } from 'postgres';
import type { DataKeyStore } from '../security/data-keys.js';

export type SubjectKey = { email: Buffer } | { phone: Buffer };

const iso = (d: Date | null) => d?.toISOString() ?? null;

interface ComplaintRow {
  id: string;
  reference: string;
  channel: string;
  status: string;
  closure: string | null;
  customer_name: string | null;
  customer_email: string | null;
  customer_phone: string | null;
  customer_locale: string;
  customer_country: string | null;
  customer_postal_address: string | null;
  subject: string | null;
  description: string | null;
  category: string | null;
  product: string | null;
  received_at: Date;
  acknowledged_at: Date | null;
  closed_at: Date | null;
  updated_at: Date;
  entered_at: Date | null;
  entered_by: string | null;
  front_office: string | null;
  intermediary: string | null;
  destroyed_at: Date | null;
  destroyed_reason: string | null;
}

/** The ids of the person's complaints, oldest first (the hash indexes of migration 0017). */
export async function complaintsOfSubject(sql: Sql, key: SubjectKey): Promise<ComplaintRow[]> {
  const match = 'email' in key ? sql`c.customer_email_hash = ${key.email}` : sql`c.customer_phone_hash = ${key.phone}`;
  return sql<ComplaintRow[]>`
    SELECT c.id, c.reference, c.channel, c.status, c.closure, c.customer_name, c.customer_email, c.customer_phone,
      c.customer_locale, c.customer_country, c.customer_postal_address, c.subject, c.description, c.category, c.product,
      c.received_at, c.acknowledged_at, c.closed_at, c.updated_at, c.entered_at, c.entered_by, c.front_office, c.intermediary,
      k.destroyed_at, k.destroyed_reason
    FROM complaints c LEFT JOIN complaint_data_keys k ON k.complaint_id = c.id
    WHERE ${match}
    ORDER BY c.received_at, c.id`;
}

/** Everything held about the person, complaint by complaint (the shape of api/staff/data-subjects.ts). */
export async function subjectAccessRecords(sql: Sql, dataKeys: DataKeyStore, rows: readonly ComplaintRow[]) {
  const live = rows.filter((r) => r.destroyed_at === null).map((r) => r.id);
  const [events, messages, deliveries, attachments, surveys, consents, proposals, inbound, integrations] = await Promise.all([
    sql<{ complaint_id: string; seq: number; type: string; actor_id: string; actor_role: string; occurred_at: Date; data: Record<string, unknown> }[]>`
      SELECT complaint_id, seq, type, actor_id, actor_role, occurred_at, data FROM complaint_events
      WHERE complaint_id = ANY(${live}::uuid[]) ORDER BY complaint_id, seq`,
    sql<{ id: string; complaint_id: string; channel: string; recipient: string; locale: string; template: string; subject: string; body: string; status: string; created_at: Date; sent_at: Date | null; delivered_at: Date | null }[]>`
      SELECT id::text, complaint_id, channel, recipient, locale, template, subject, body, status, created_at, sent_at, delivered_at
      FROM outbox_messages WHERE complaint_id = ANY(${live}::uuid[]) AND audience = 'customer' ORDER BY complaint_id, seq, ordinal`,
    sql<{ message_id: string; at: Date; event: string; detail: string | null }[]>`
      SELECT l.message_id::text, l.at, l.event, l.detail FROM outbox_delivery_log l JOIN outbox_messages m ON m.id = l.message_id
      WHERE m.complaint_id = ANY(${live}::uuid[]) AND m.audience = 'customer' ORDER BY l.message_id, l.at, l.id`,
    sql<{ id: string; complaint_id: string; original_name: string; content_type: string; size_bytes: number; sha256: string; created_at: Date }[]>`
      SELECT id, complaint_id, original_name, content_type, size_bytes, sha256, created_at FROM complaint_attachments
      WHERE complaint_id = ANY(${live}::uuid[]) ORDER BY complaint_id, position`,
    sql<{ complaint_id: string; handling: number; outcome: number; reasons: string[]; comment: string | null; language: string; answered_at: Date }[]>`
      SELECT complaint_id, handling, outcome, reasons, comment, language, answered_at FROM survey_answers WHERE complaint_id = ANY(${live}::uuid[])`,
    sql<{ complaint_id: string; notice_sha256: string; language: string; consented_at: Date }[]>`
      SELECT complaint_id, notice_sha256, language, consented_at FROM complaint_privacy_consents WHERE complaint_id = ANY(${live}::uuid[])`,
    sql<{ complaint_id: string; round: number; outcome: string | null; remedy: string; amount: string | null; currency: string | null; proposed_at: Date; answer: string | null; answered_at: Date | null }[]>`
      SELECT complaint_id, round, outcome, remedy, amount::text, currency, proposed_at, answer, answered_at FROM complaint_proposals
      WHERE complaint_id = ANY(${live}::uuid[]) ORDER BY complaint_id, round`,
    sql<{ complaint_id: string; via: string; received_at: Date; size_bytes: number; outcome: string; reason: string | null; refused_attachments: string[] }[]>`
      SELECT complaint_id, via, received_at, size_bytes, outcome, reason, refused_attachments FROM inbound_emails
      WHERE complaint_id = ANY(${live}::uuid[]) ORDER BY complaint_id, received_at`,
    sql<{ complaint_id: string; source: string; message_id: string; platform: string; handle: string; conversation_url: string | null; created_at: Date }[]>`
      SELECT complaint_id, source, message_id, platform, handle, conversation_url, created_at FROM integration_messages
      WHERE complaint_id = ANY(${live}::uuid[]) ORDER BY complaint_id, created_at`,
  ]);
  const of = <T extends { complaint_id: string }>(list: readonly T[], id: string) => list.filter((r) => r.complaint_id === id);
  const complaints = rows.map((r) => {
    if (r.destroyed_at !== null) {
      return { erased: true as const, reference: r.reference, receivedAt: r.received_at.toISOString(), erasedAt: r.destroyed_at.toISOString(), erasureReason: r.destroyed_reason };
    }
    return {
      erased: false as const,
      reference: r.reference,
      channel: r.channel,
      status: r.status,
      closure: r.closure,
      receivedAt: r.received_at.toISOString(),
      acknowledgedAt: iso(r.acknowledged_at),
      closedAt: iso(r.closed_at),
      updatedAt: r.updated_at.toISOString(),
      locale: r.customer_locale,
      customer: {
        name: r.customer_name,
        email: r.customer_email,
        phone: r.customer_phone,
        country: r.customer_country,
        postalAddress: r.customer_postal_address,
      },
      subject: r.subject,
      description: r.description,
      category: r.category,
      product: r.product,
      entry: { enteredAt: iso(r.entered_at), enteredBy: r.entered_by, frontOffice: r.front_office, intermediary: r.intermediary },
      privacyConsents: of(consents, r.id).map((p) => ({ noticeSha256: p.notice_sha256, language: p.language, consentedAt: p.consented_at.toISOString() })),
      timeline: of(events, r.id).map((e) => ({ seq: e.seq, type: e.type, actor: { id: e.actor_id, role: e.actor_role }, at: e.occurred_at.toISOString(), data: e.data })),
      messages: of(messages, r.id).map((m) => ({
        channel: m.channel,
        recipient: m.recipient,
        locale: m.locale,
        template: m.template,
        subject: m.subject,
        body: m.body,
        status: m.status,
        createdAt: m.created_at.toISOString(),
        sentAt: iso(m.sent_at),
        deliveredAt: iso(m.delivered_at),
        delivery: deliveries.filter((d) => d.message_id === m.id).map((d) => ({ at: d.at.toISOString(), event: d.event, detail: d.detail })),
      })),
      proposals: of(proposals, r.id).map((p) => ({
        round: p.round,
        outcome: p.outcome,
        remedy: p.remedy,
        amount: p.amount,
        currency: p.currency,
        proposedAt: p.proposed_at.toISOString(),
        answer: p.answer,
        answeredAt: iso(p.answered_at),
      })),
      attachments: of(attachments, r.id).map((a) => ({
        id: a.id,
        name: a.original_name,
        contentType: a.content_type,
        sizeBytes: a.size_bytes,
        sha256: a.sha256,
        createdAt: a.created_at.toISOString(),
        href: `/v1/complaints/${r.reference}/attachments/${a.id}`,
      })),
      surveyAnswers: of(surveys, r.id).map((s) => ({
        handling: s.handling,
        outcome: s.outcome,
        reasons: s.reasons,
        comment: s.comment,
        language: s.language,
        answeredAt: s.answered_at.toISOString(),
      })),
      inboundEmails: of(inbound, r.id).map((m) => ({
        via: m.via,
        receivedAt: m.received_at.toISOString(),
        sizeBytes: m.size_bytes,
        outcome: m.outcome,
        reason: m.reason,
        refusedAttachments: m.refused_attachments,
      })),
      integrationMessages: of(integrations, r.id).map((m) => ({
        source: m.source,
        messageId: m.message_id,
        platform: m.platform,
        handle: m.handle,
        conversationUrl: m.conversation_url,
        receivedAt: m.created_at.toISOString(),
      })),
    };
  });
  return dataKeys.openDeep(complaints);
}
