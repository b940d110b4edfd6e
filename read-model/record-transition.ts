// The read model: each transition of a complaint's workflow becomes, in ONE transaction, an event
// in its timeline, the new row state, the messages it sends (outbox) and its response links.
// Keyed by (complaint, seq) with the transition's hash: an activity retried after a crash changes
// nothing twice, and a different transition under a recorded key (a reset workflow) fails loudly.
import { ApplicationFailure, log } from '@temporalio/activity';
import type { Sql, TransactionSql } from 'postgres';
import type { LinkPurpose } from '../security/signed-links.js';
import type { ComplaintIntake, ComplaintSnapshot } from '../workflows/complaint.messages.js';
import { writeMessages, type OutboxDeps, type OutgoingMessage } from './outbox.js';
import { writeAgentAcknowledgement } from './acknowledgement-routing.js';
import { transitionHash } from './transition-hash.js';
import { transitionColumns } from './transition-columns.js';
import type { CalendarResolver } from './calendar-resolver.js';
import { closingResolutionTime, refreshPriorComplaints, writeReportFacts } from './report-facts.js';
import type { CustomerLookupHasher } from '../security/customer-lookup.js';
import type { DataKeyStore } from '../security/data-keys.js';

export type { OutgoingMessage } from './outbox.js';

export interface LinkRequest {
  linkId: string;
  purpose: LinkPurpose;
  round?: number;
  requestId?: string;
  /** When the link stops working (ISO); absent: `linkTtlDays` after the transition. */
  expiresAt?: string;
}

export interface TransitionRecord {
  complaintId: string;
  seq: number;
  at: string;
  event: { type: string; actorId: string; actorRole: string; data: Record<string, unknown> };
  status: ComplaintSnapshot;
  messages: OutgoingMessage[];
  links: LinkRequest[];
  /** Revoke the complaint's open links (answered, superseded, closed) before issuing new ones. */
  revokeLinks: boolean;
  /** The link an answer came through: marked used. */
  usedLinkId?: string;
}

export interface ReadModelDeps extends OutboxDeps {
  sql: Sql;
  linkTtlDays: number;
  /** The complaints' calendars with their overrides: a closure's resolution time is counted in them. */
  calendars: CalendarResolver;
  /** Hashes the customer's e-mail and phone for staff's exact lookup (never a plain index of them). */
  customerLookup: CustomerLookupHasher;
  /** Opens the workflow's sealed personal fields where a plain column needs them, and seals the outbox's. */
  dataKeys: DataKeyStore;
}

export function createReadModelActivities(deps: ReadModelDeps) {
  const { sql } = deps;
  return {
    /**
     * Writes the complaint's row (or confirms the one intake wrote) and its `registered` event.
     * Started before intake's transaction committed (`intakeTransaction`): waits for its outcome,
     * and answers `never_stored` if it rolled back (the caller got an error; nothing is written).
     */
    async recordComplaint(sealedIntake: ComplaintIntake, intakeTransaction?: string): Promise<'stored' | 'never_stored'> {
      if (intakeTransaction !== undefined && !(await intakeCommitted(sql, intakeTransaction, sealedIntake.complaintId))) return 'never_stored';
      // Intake wrote the row already (plain: search, duplicates and lookup need it; erasure blanks
      // it); this writes one only for a complaint started without intake's transaction. An erased
      // complaint's fields open as empty.
      const intake = await deps.dataKeys.openDeep(sealedIntake, { erased: '' });
      const c = intake.customer;
      await sql.begin(async (tx) => {
        await tx`
          INSERT INTO complaints (id, reference, channel, status, customer_name, customer_email,
            customer_phone, customer_locale, customer_country, customer_postal_address, subject, description, category,
            product, pin_hash, received_at, recorded_at, customer_email_hash, customer_phone_hash)
          VALUES (${intake.complaintId}, ${intake.reference}, ${intake.channel}, 'received', ${c.name},
            ${c.email ?? null}, ${c.phone ?? null}, ${c.locale}, ${c.country ?? null}, ${c.postalAddress ?? null}, ${intake.subject},
            ${intake.description}, ${intake.category ?? null}, ${intake.product ?? null},
            ${intake.pinHash}, ${intake.receivedAt}, now(), ${deps.customerLookup.email(c.email)}, ${deps.customerLookup.phone(c.phone)})
          ON CONFLICT (id) DO UPDATE SET recorded_at = coalesce(complaints.recorded_at, now())`;
        if (intake.category) await refreshPriorComplaints(tx, intake.complaintId, intake.category);
        await tx`
          INSERT INTO complaint_events (complaint_id, seq, type, actor_id, actor_role, occurred_at, data)
          VALUES (${intake.complaintId}, 1, 'registered', 'system', 'system', now(),
            ${tx.json({ channel: intake.channel })})
          ON CONFLICT DO NOTHING`;
      });
      return 'stored';
    },

    async recordTransition(record: TransitionRecord): Promise<void> {
      const hash = transitionHash(record);
      const resolution = await closingResolutionTime(deps.calendars, record.status, (err) =>
        log.warn('resolution time not counted: the calendar cannot count it', { complaintId: record.complaintId, error: err.message }),
      );
      // The row's lifecycle is read by every staff and customer view, and the report facts keep the
      // root causes KPI reports group by: both take the snapshot opened, like the row's other plain
      // columns, which erasure blanks. The timeline event keeps the sealed texts. Opened before the
      // transaction, as the keys are read from the pool.
      const opened = { ...record, status: await deps.dataKeys.openDeep(record.status, { erased: '' }) };
      await sql.begin(async (tx) => {
        const inserted = await tx`
          INSERT INTO complaint_events (complaint_id, seq, type, actor_id, actor_role, occurred_at, data, transition_hash)
          VALUES (${record.complaintId}, ${record.seq}, ${record.event.type}, ${record.event.actorId},
            ${record.event.actorRole}, ${record.at}, ${tx.json(record.event.data as never)}, ${hash})
          ON CONFLICT DO NOTHING RETURNING 1`;
        if (inserted.length === 0) return confirmRecorded(tx, record, hash);
        if (record.usedLinkId) {
          await tx`UPDATE response_links SET used_at = ${record.at} WHERE id = ${record.usedLinkId} AND used_at IS NULL`;
        }
        if (record.revokeLinks) {
          await tx`UPDATE response_links SET revoked_at = ${record.at}
                   WHERE complaint_id = ${record.complaintId} AND revoked_at IS NULL`;
        }
        const defaultExpiry = new Date(Date.parse(record.at) + deps.linkTtlDays * 86_400_000);
        // Links go in before the messages: a message of this transition names the link it carries.
        for (const link of record.links) {
          const expiresAt = link.expiresAt ? new Date(link.expiresAt) : defaultExpiry;
          await tx`
            INSERT INTO response_links (id, complaint_id, purpose, round, request_id, expires_at)
            VALUES (${link.linkId}, ${record.complaintId}, ${link.purpose}, ${link.round ?? null},
              ${link.requestId ?? null}, ${expiresAt})
            ON CONFLICT (id) DO NOTHING`;
        }
        await writeMessages(tx, deps, { ...record, calendarId: record.status.calendarId });
        if (record.event.type === 'process_started') {
          // A letter, fax or front-office complaint: an agent acknowledges it by the acknowledgement stage's deadline.
          const stage = record.status.deadlines.stage;
          const dueAt = stage?.id === 'acknowledgement' ? stage.deadline : null;
          const firstOrdinal = record.messages.length + 1;
          await writeAgentAcknowledgement(tx, deps, { ...record, calendarId: record.status.calendarId, firstOrdinal, dueAt });
        }
        await writeReportFacts(tx, opened, resolution);
        await updateComplaintRow(tx, opened);
      });
    },
  };
}

/** How long one attempt waits for intake's transaction to end before the activity's retry takes over. */
const INTAKE_COMMIT_WAIT_MS = 20_000;

/**
 * Whether intake's transaction committed: waits while it is in progress (the workflow was started
 * beside its commit and may run first). One PostgreSQL cannot tell (too old, or from a database
 * ahead of this one) committed if the complaint's row is there.
 */
async function intakeCommitted(sql: Sql, xid: string, complaintId: string): Promise<boolean> {
  const giveUpAt = Date.now() + INTAKE_COMMIT_WAIT_MS;
  for (let pause = 2; ; pause = Math.min(pause * 2, 100)) {
    const status = await transactionStatus(sql, xid);
    if (status === 'committed') return true;
    if (status === 'aborted') return false;
    if (status === null) return (await sql`SELECT 1 FROM complaints WHERE id = ${complaintId}`).length > 0;
    if (Date.now() >= giveUpAt) throw new Error(`intake's transaction ${xid} is still in progress after ${INTAKE_COMMIT_WAIT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

/**
 * `pg_xact_status`; null when PostgreSQL cannot say: too old, or "in the future" (22023) on a
 * database restored or failed over to a replica behind the one intake wrote to.
 */
async function transactionStatus(sql: Sql, xid: string): Promise<string | null> {
  try {
    const [row] = await sql<{ status: string | null }[]>`SELECT pg_xact_status(${xid}::xid8) AS status`;
    return row?.status ?? null;
  } catch (err) {
    if ((err as { code?: string }).code === '22023') return null;
    throw err;
  }
}

/**
 * An earlier attempt recorded this key: the same transition is a no-op; another one means the
 * workflow's history no longer matches the read model (a reset reused the sequence number), and
 * writing nothing would leave staff and customers looking at the old run. Never retried: it
 * needs an operator (README, "Resetting a complaint").
 */
async function confirmRecorded(tx: TransactionSql, record: TransitionRecord, hash: string): Promise<void> {
  const [recorded] = await tx<{ type: string; transition_hash: string | null }[]>`
    SELECT type, transition_hash FROM complaint_events WHERE complaint_id = ${record.complaintId} AND seq = ${record.seq}`;
  // Recorded before transitions had hashes: nothing to compare with.
  if (!recorded || recorded.transition_hash === null || recorded.transition_hash === hash) return;
  const details = {
    complaintId: record.complaintId,
    seq: record.seq,
    recordedType: recorded.type,
    recordedHash: recorded.transition_hash,
    type: record.event.type,
    hash,
  };
  log.error('read model diverged from the workflow: a different transition under a recorded sequence number', details);
  throw ApplicationFailure.create({
    type: 'READ_MODEL_DIVERGED',
    message:
      `complaint ${record.complaintId}: seq ${record.seq} is recorded as '${recorded.type}' (${recorded.transition_hash.slice(0, 12)}), ` +
      `the workflow now records '${record.event.type}' (${hash.slice(0, 12)}); was it reset? See README, "Resetting a complaint"`,
    details: [details],
    nonRetryable: true,
  });
}

async function updateComplaintRow(tx: TransactionSql, record: TransitionRecord): Promise<void> {
  const c = transitionColumns(record.status);
  const repeatOf = record.status.state.repeatOf;
  await tx`
    UPDATE complaints SET
      status = ${c.status}, closure = ${c.closure}, round = ${c.round},
      stage = ${c.stage}, stage_started_at = ${c.stage_started_at},
      stage_warning_at = ${c.stage_warning_at}, stage_deadline_at = ${c.stage_deadline_at},
      stage_paused = ${c.stage_paused}, escalation_level = ${c.escalation_level},
      assignee = ${c.assignee}, team = ${c.team}, department = ${c.department},
      severity = ${c.severity}, category = coalesce(${c.category}, category),
      product = coalesce(${c.product}, product),
      answer_due_at = ${c.answer_due_at}, acknowledged_at = ${c.acknowledged_at},
      closed_at = ${c.closed_at}, process_version = ${c.process_version}, last_seq = ${c.last_seq},
      lifecycle = ${tx.json(record.status as never)}, updated_at = ${record.at},
      calendar_id = ${c.calendar_id}, breach_count = ${c.breach_count},
      repeat_of_id = ${repeatOf ? tx`(SELECT r.id FROM complaints r WHERE r.reference = ${repeatOf.reference})` : null}
    WHERE id = ${record.complaintId} AND last_seq < ${c.last_seq}`;
}
