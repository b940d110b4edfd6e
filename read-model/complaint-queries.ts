import type { Sql } from 'postgres';
import type { DataKeyStore } from '../security/data-keys.js';
import { ERASED_TEXT } from './outbox.js';
import { DomainError } from '../domain/errors.js';
import type { ComplaintView, PossibleDuplicateView } from '../api/staff/complaints.schemas.js';
import type { DecisionType } from '../domain/complaint.js';
import { businessMinutesBetween, type Calendar } from '../domain/calendar/index.js';
import { CALENDAR_YEAR_LIMITS } from '../domain/calendar/registry.js';
import type { CalendarResolver } from './calendar-resolver.js';
import type { PossibleDuplicate } from './possible-duplicates.js';

/** The columns a `ComplaintView` is made of (every query of the staff view selects these). */
export interface ComplaintRow {
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
  updated_at: Date;
  recorded_at: Date | null;
  closure: string | null;
  round: number;
  stage: string | null;
  stage_started_at: Date | null;
  stage_warning_at: Date | null;
  stage_deadline_at: Date | null;
  stage_paused: boolean;
  calendar_id: string | null;
  escalation_level: string | null;
  breach_count: number;
  assignee: string | null;
  team: string | null;
  department: string | null;
  severity: string | null;
  answer_due_at: Date | null;
  acknowledged_at: Date | null;
  closed_at: Date | null;
  last_seq: number;
  process_version: string | null;
  process_definition_id: string | null;
  process_definition_version: number | null;
  process_definition_hash: string | null;
  lifecycle: { state?: Record<string, unknown>; deadlines?: { progressUpdateAt?: string | null }; calendarId?: string } | null;
  entered_at: Date | null;
  entered_by: string | null;
  front_office: string | null;
  intermediary: string | null;
}

/** The SELECT list of a ComplaintRow, for `sql.unsafe`-free composition: sql`SELECT ${COMPLAINT_COLUMNS(sql)} FROM complaints c`. */
export const complaintColumns = (sql: Sql) => sql`
  c.id, c.reference, c.channel, c.status, c.customer_name, c.customer_email, c.customer_phone, c.customer_locale,
  c.customer_country, c.customer_postal_address, c.subject, c.description, c.category, c.product, c.received_at, c.updated_at,
  c.recorded_at, c.closure, c.round, c.stage, c.stage_started_at, c.stage_warning_at, c.stage_deadline_at, c.stage_paused,
  c.calendar_id, c.escalation_level, c.breach_count, c.assignee, c.team, c.department, c.severity, c.answer_due_at,
  c.acknowledged_at, c.closed_at, c.last_seq, c.process_version, c.process_definition_id, c.process_definition_version,
  c.process_definition_hash, c.lifecycle, c.entered_at, c.entered_by, c.front_office, c.intermediary`;

const iso = (d: Date | null) => d?.toISOString() ?? null;

export interface ViewOptions {
  /** The instant "time left" counts from. */
  now: Date;
  calendars: CalendarResolver;
  /** The caller's decisions now (single complaint), or null (lists, workflow away). */
  allowedDecisions?: (row: ComplaintRow) => Promise<DecisionType[] | null>;
  /** Its possible duplicates (single complaint: a similarity search per complaint); null in lists or when the search ran out of time. */
  possibleDuplicates?: (row: ComplaintRow) => Promise<PossibleDuplicate[] | null>;
}

/** Rows as staff see them, with business time left to each stage deadline in the complaint's calendar. */
export async function complaintViews(rows: readonly ComplaintRow[], opts: ViewOptions): Promise<ComplaintView[]> {
  const minutesLeft = await businessMinutesLeft(rows, opts);
  return Promise.all(
    rows.map(async (row, i) => {
      const [allowed, duplicates] = await Promise.all([
        opts.allowedDecisions ? opts.allowedDecisions(row) : null,
        opts.possibleDuplicates ? opts.possibleDuplicates(row) : null,
      ]);
      // Unmasked here, as the customer is: the API masks both for the reader's role (complaintAsReadBy).
      return toView(row, minutesLeft[i] ?? null, allowed, duplicates?.map((d) => ({ ...d, customer: { ...d.customer, masked: false } })) ?? null);
    }),
  );
}

function toView(row: ComplaintRow, minutesLeft: number | null, allowed: DecisionType[] | null, duplicates: PossibleDuplicateView[] | null): ComplaintView {
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
      // As stored; the API masks it for a role that may not read it (complaintAsReadBy).
      masked: false,
    },
    subject: row.subject,
    description: row.description,
    category: row.category,
    product: row.product,
    receivedAt: row.received_at.toISOString(),
    entry: {
      enteredAt: iso(row.entered_at),
      enteredBy: row.entered_by,
      frontOffice: row.front_office,
      intermediary: row.intermediary,
    },
    updatedAt: row.updated_at.toISOString(),
    recordedByWorkflow: row.recorded_at !== null,
    closure: row.closure,
    round: row.round,
    stage: row.stage
      ? {
          id: row.stage,
          startedAt: iso(row.stage_started_at),
          warningAt: iso(row.stage_warning_at),
          deadline: iso(row.stage_deadline_at),
          paused: row.stage_paused,
          businessMinutesLeft: minutesLeft,
        }
      : null,
    calendarId: calendarOf(row),
    escalationLevel: row.escalation_level,
    breachCount: row.breach_count,
    assignee: row.assignee,
    team: row.team,
    department: row.department,
    severity: row.severity,
    answerDueAt: iso(row.answer_due_at),
    progressUpdateAt: row.lifecycle?.deadlines?.progressUpdateAt ?? null,
    acknowledgedAt: iso(row.acknowledged_at),
    closedAt: iso(row.closed_at),
    seq: row.last_seq,
    processVersion: row.process_version,
    process:
      row.process_definition_id !== null && row.process_definition_version !== null
        ? { definitionId: row.process_definition_id, version: row.process_definition_version, contentHash: row.process_definition_hash }
        : null,
    lifecycle: row.lifecycle?.state ?? null,
    repeatOf: repeatLinkOf(row),
    possibleDuplicates: duplicates,
    allowedDecisions: allowed,
  };
}

/** The repeat link as the lifecycle holds it (`link_repeat`); complaints never linked have none. */
function repeatLinkOf(row: ComplaintRow): ComplaintView['repeatOf'] {
  const link = row.lifecycle?.state?.repeatOf as { reference?: unknown; linkedAt?: unknown; linkedBy?: unknown } | undefined;
  if (!link || typeof link.reference !== 'string' || typeof link.linkedAt !== 'string' || typeof link.linkedBy !== 'string') return null;
  return { reference: link.reference, linkedAt: link.linkedAt, linkedBy: link.linkedBy };
}

const calendarOf = (row: ComplaintRow) => row.calendar_id ?? row.lifecycle?.calendarId ?? null;

/**
 * Working minutes from `now` to each running (unpaused) stage deadline, truncated toward zero;
 * null where there is none or the calendar cannot say (an unknown id, years out of range).
 * One calendar build per calendar id in the page, spanning every deadline in it.
 */
async function businessMinutesLeft(rows: readonly ComplaintRow[], { now, calendars }: ViewOptions): Promise<(number | null)[]> {
  const spans = new Map<string, { from: number; to: number }>();
  for (const row of rows) {
    const calendarId = calendarOf(row);
    if (!calendarId || !row.stage_deadline_at || row.stage_paused) continue;
    const years = [now.getUTCFullYear(), row.stage_deadline_at.getUTCFullYear()];
    const span = spans.get(calendarId) ?? { from: Infinity, to: -Infinity };
    spans.set(calendarId, { from: Math.min(span.from, ...years) - 1, to: Math.max(span.to, ...years) + 1 });
  }
  const built = new Map<string, Calendar | undefined>();
  await Promise.all(
    [...spans].map(async ([calendarId, span]) => {
      const years = { from: Math.max(span.from, span.to - CALENDAR_YEAR_LIMITS.maxSpan + 1), to: span.to };
      built.set(calendarId, await calendars.forYears(calendarId, years).then((b) => b.calendar, () => undefined));
    }),
  );
  return rows.map((row) => {
    const calendar = built.get(calendarOf(row) ?? '');
    if (!calendar || !row.stage_deadline_at || row.stage_paused) return null;
    try {
      return Math.trunc(businessMinutesBetween(calendar, now, row.stage_deadline_at)) || 0;
    } catch {
      return null; // a deadline outside the years a calendar can be built for
    }
  });
}

/** A complaint as staff see it, in one query; undefined when there is no such reference. */
export async function findComplaintByReference(sql: Sql, reference: string, opts: ViewOptions): Promise<ComplaintView | undefined> {
  const row = await findComplaintRowByReference(sql, reference);
  return row && (await complaintViews([row], opts))[0];
}

/** The complaint's row as a view is made from it; undefined when there is no such reference. */
export async function findComplaintRowByReference(sql: Sql, reference: string): Promise<ComplaintRow | undefined> {
  const [row] = await sql<ComplaintRow[]>`SELECT ${complaintColumns(sql)} FROM complaints c WHERE c.reference = ${reference}`;
  return row;
}

/** Complaints as staff see them, in the order of `ids` (lists: queues); unknown ids are left out. */
export async function findComplaintsByIds(sql: Sql, ids: readonly string[], opts: ViewOptions): Promise<ComplaintView[]> {
  if (ids.length === 0) return [];
  const rows = await sql<ComplaintRow[]>`SELECT ${complaintColumns(sql)} FROM complaints c WHERE c.id = ANY(${ids as string[]}::uuid[])`;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return complaintViews(ids.flatMap((id) => byId.get(id) ?? []), opts);
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

/**
 * The complaint's append-only timeline, oldest first. Its events keep personal texts sealed with
 * the complaint's data key: opened here, null once the complaint was erased (the event stays).
 */
export async function timeline(sql: Sql, complaintId: string, dataKeys: DataKeyStore): Promise<TimelineEntry[]> {
  const rows = await sql<{ seq: number; type: string; actor_id: string; actor_role: string; occurred_at: Date; data: Record<string, unknown> }[]>`
    SELECT seq, type, actor_id, actor_role, occurred_at, data FROM complaint_events
    WHERE complaint_id = ${complaintId} ORDER BY seq`;
  return Promise.all(
    rows.map(async (r) => ({ seq: r.seq, type: r.type, actor: { id: r.actor_id, role: r.actor_role }, at: r.occurred_at.toISOString(), data: await dataKeys.openDeep(r.data) })),
  );
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
export async function communicationRecord(sql: Sql, complaintId: string, dataKeys: DataKeyStore, messageId?: number): Promise<MessageRecord[]> {
  const rows = await sql<MessageRow[]>`
    SELECT id, seq, audience, channel, recipient, locale, template, subject, body, status, attempts, last_error, provider,
      provider_message_id, created_at, sent_at, delivered_at, next_attempt_at, retried_by, retried_at
    FROM outbox_messages WHERE complaint_id = ${complaintId} ${messageId === undefined ? sql`` : sql`AND id = ${messageId}`}
    ORDER BY seq, ordinal`;
  // Recipient, subject and body are sealed with the complaint's key: `[erased]` once it was destroyed.
  const open = async (text: string) => (await dataKeys.open(text, { erased: ERASED_TEXT }))!;
  return Promise.all(rows.map(async (r) => ({
    id: r.id, seq: r.seq, audience: r.audience, channel: r.channel, recipient: await open(r.recipient), locale: r.locale,
    template: r.template, subject: await open(r.subject), body: await open(r.body), status: r.status, attempts: r.attempts,
    lastError: r.last_error, provider: r.provider, providerMessageId: r.provider_message_id,
    createdAt: r.created_at.toISOString(), sentAt: r.sent_at?.toISOString() ?? null,
    deliveredAt: r.delivered_at?.toISOString() ?? null, nextAttemptAt: r.next_attempt_at?.toISOString() ?? null,
    retriedBy: r.retried_by, retriedAt: r.retried_at?.toISOString() ?? null,
  })));
}

/**
 * Waits until the read model holds the complaint's transition `seq`, at most `timeoutMs`; answers
 * whether it does. A decision is answered once it is in the workflow's history and its transitions
 * reach the read model moments later: what shows the page or list after it waits for them here.
 */
export async function readModelReached(sql: Sql, reference: string, seq: number, { timeoutMs = 3_000, pollMs = 10 } = {}): Promise<boolean> {
  const giveUpAt = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await sql<{ last_seq: number }[]>`SELECT last_seq FROM complaints WHERE reference = ${reference}`;
    if (!row || row.last_seq >= seq) return Boolean(row);
    if (Date.now() >= giveUpAt) return false;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
