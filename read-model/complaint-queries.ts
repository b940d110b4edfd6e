import type { Sql } from 'postgres';
import { DomainError } from '../domain/errors.js';
import type { ComplaintView } from '../api/staff/complaints.schemas.js';

interface ComplaintRow {
  id: string;
  reference: string;
  channel: ComplaintView['channel'];
  status: string;
  customer_name: string;
  customer_email: string | null;
  customer_phone: string | null;
  customer_locale: string;
  customer_country: string | null;
  customer_postal_address: string | null;
  subject: string;
  description: string;
  category: string | null;
  product: string | null;
  received_at: Date;
  recorded_at: Date | null;
  closure: string | null;
  round: number;
  stage: string | null;
  stage_started_at: Date | null;
  stage_warning_at: Date | null;
  stage_deadline_at: Date | null;
  stage_paused: boolean;
  escalation_level: string | null;
  assignee: string | null;
  team: string | null;
  department: string | null;
  severity: string | null;
  answer_due_at: Date | null;
  acknowledged_at: Date | null;
  closed_at: Date | null;
  process_version: string | null;
  process_definition_id: string | null;
  process_definition_version: number | null;
  process_definition_hash: string | null;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A complaint as staff see it, in one query; undefined when there is no such reference. */
export async function findComplaintByReference(sql: Sql, reference: string): Promise<ComplaintView | undefined> {
  const [row] = await sql<ComplaintRow[]>`SELECT ${complaintViewColumns(sql)} FROM complaints WHERE reference = ${reference}`;
  return row ? toComplaintView(row) : undefined;
}

/** Complaints as staff see them, in the order of `ids` (lists: queues); unknown ids are left out. */
export async function findComplaintsByIds(sql: Sql, ids: readonly string[]): Promise<ComplaintView[]> {
  if (ids.length === 0) return [];
  const rows = await sql<(ComplaintRow & { id: string })[]>`
    SELECT ${complaintViewColumns(sql)} FROM complaints WHERE id = ANY(${ids as string[]}::uuid[])`;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toComplaintView(row)] : [];
  });
}

function complaintViewColumns(sql: Sql) {
  return sql`id, reference, channel, status, customer_name, customer_email, customer_phone, customer_locale,
      customer_country, customer_postal_address, subject, description, category, product, received_at, recorded_at, closure, round, stage,
      stage_started_at, stage_warning_at, stage_deadline_at, stage_paused, escalation_level, assignee, team,
      department, severity, answer_due_at, acknowledged_at, closed_at, process_version,
      process_definition_id, process_definition_version, process_definition_hash`;
}

function toComplaintView(row: ComplaintRow): ComplaintView {
  return {
    id: row.id,
    reference: row.reference,
    channel: row.channel,
    status: row.status,
    customer: {
      name: row.customer_name,
      email: row.customer_email,
      phone: row.customer_phone,
      locale: row.customer_locale,
      country: row.customer_country,
      postalAddress: row.customer_postal_address,
    },
    subject: row.subject,
    description: row.description,
    category: row.category,
    product: row.product,
    receivedAt: row.received_at.toISOString(),
    recordedByWorkflow: row.recorded_at !== null,
    closure: row.closure,
    round: row.round,
    stage: row.stage
      ? { id: row.stage, startedAt: iso(row.stage_started_at), warningAt: iso(row.stage_warning_at), deadline: iso(row.stage_deadline_at), paused: row.stage_paused }
      : null,
    escalationLevel: row.escalation_level,
    assignee: row.assignee,
    team: row.team,
    department: row.department,
    severity: row.severity,
    answerDueAt: iso(row.answer_due_at),
    acknowledgedAt: iso(row.acknowledged_at),
    closedAt: iso(row.closed_at),
    processVersion: row.process_version,
    process:
      row.process_definition_id !== null && row.process_definition_version !== null
        ? { definitionId: row.process_definition_id, version: row.process_definition_version, contentHash: row.process_definition_hash }
        : null,
  };
}

/** The complaint ID behind a reference; NOT_FOUND when there is none. */
export async function complaintIdByReference(sql: Sql, reference: string): Promise<string> {
  const [row] = await sql<{ id: string }[]>`SELECT id FROM complaints WHERE reference = ${reference}`;
  if (!row) throw new DomainError('NOT_FOUND', 'No complaint has this reference');
  return row.id;
}

export interface TimelineEntry {
  seq: number;
  type: string;
  actor: { id: string; role: string };
  at: string;
  data: Record<string, unknown>;
}

/** The complaint's append-only timeline, oldest first. */
export async function timeline(sql: Sql, complaintId: string): Promise<TimelineEntry[]> {
  const rows = await sql<{ seq: number; type: string; actor_id: string; actor_role: string; occurred_at: Date; data: Record<string, unknown> }[]>`
    SELECT seq, type, actor_id, actor_role, occurred_at, data FROM complaint_events
    WHERE complaint_id = ${complaintId} ORDER BY seq`;
  return rows.map((r) => ({ seq: r.seq, type: r.type, actor: { id: r.actor_id, role: r.actor_role }, at: r.occurred_at.toISOString(), data: r.data }));
}

export interface MessageRecord {
  id: number;
  seq: number;
  audience: string;
  channel: string;
  recipient: string;
  locale: string;
  template: string;
  subject: string;
  body: string;
  status: string;
  attempts: number;
  lastError: string | null;
  provider: string | null;
  providerMessageId: string | null;
  createdAt: string;
  sentAt: string | null;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
  retriedBy: string | null;
  retriedAt: string | null;
}

interface MessageRow {
  id: number; seq: number; audience: string; channel: string; recipient: string; locale: string; template: string;
  subject: string; body: string; status: string; attempts: number; last_error: string | null; provider: string | null;
  provider_message_id: string | null; created_at: Date; sent_at: Date | null; delivered_at: Date | null;
  next_attempt_at: Date | null; retried_by: string | null; retried_at: Date | null;
}

/** Everything sent about the complaint, to whom, when, as rendered; answer links stay `[answer link]` (only delivery signs them). */
export async function communicationRecord(sql: Sql, complaintId: string, messageId?: number): Promise<MessageRecord[]> {
  const rows = await sql<MessageRow[]>`
    SELECT id, seq, audience, channel, recipient, locale, template, subject, body, status, attempts, last_error, provider,
      provider_message_id, created_at, sent_at, delivered_at, next_attempt_at, retried_by, retried_at
    FROM outbox_messages WHERE complaint_id = ${complaintId} ${messageId === undefined ? sql`` : sql`AND id = ${messageId}`}
    ORDER BY seq, ordinal`;
  return rows.map((r) => ({
    id: r.id, seq: r.seq, audience: r.audience, channel: r.channel, recipient: r.recipient, locale: r.locale,
    template: r.template, subject: r.subject, body: r.body, status: r.status, attempts: r.attempts,
    lastError: r.last_error, provider: r.provider, providerMessageId: r.provider_message_id,
    createdAt: r.created_at.toISOString(), sentAt: r.sent_at?.toISOString() ?? null,
    deliveredAt: r.delivered_at?.toISOString() ?? null, nextAttemptAt: r.next_attempt_at?.toISOString() ?? null,
    retriedBy: r.retried_by, retriedAt: r.retried_at?.toISOString() ?? null,
  }));
}
