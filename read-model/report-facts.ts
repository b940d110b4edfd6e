// The KPI report's facts (db/migrations/0018), written by the transaction that records each
// transition (record-transition.ts), so they never drift from the timeline: stage clock runs,
// escalation steps, proposal rounds, corrective actions, the repeat-complaint link and, on
// closure, the resolution time in the complaint's calendar. Every write is an upsert that
// merges, so a transition written twice, or one whose predecessor's facts were never written (a
// complaint running since before 0018), leaves the facts exact.
import type { Sql, TransactionSql } from 'postgres';
import { DomainError } from '../domain/errors.js';
import { resolutionTime, type ResolutionTime } from '../domain/reports/resolution-time.js';
import { transitionFacts, type FactSnapshot, type RecordedTransition } from '../domain/reports/transition-facts.js';
import type { CalendarResolver } from './calendar-resolver.js';

type Tx = TransactionSql | Sql;

/** Namespace of the per-customer advisory locks (the key is the hash's `hashtext`). */
const CUSTOMER_LOCK_CLASS = 71_002_018;

export interface FactsTransition extends RecordedTransition {
  complaintId: string;
  status: FactSnapshot & { calendarId: string };
}

/**
 * The resolution time of a closed complaint, computed BEFORE the transaction opens: building its
 * calendar may read the overrides in force from the pool, and a transaction waiting on the pool
 * it holds a connection of deadlocks under load. Null while open, and when the calendar cannot
 * count it (unknown calendar, overrides that no longer fit, years out of range): `onUnavailable`
 * hears why, and `backfillReportFacts` retries later.
 */
export async function closingResolutionTime(
  calendars: CalendarResolver,
  status: FactsTransition['status'],
  onUnavailable: (err: Error) => void = () => undefined,
): Promise<ResolutionTime | null> {
  const { receivedAt, closedAt } = status.state;
  if (status.state.status !== 'closed' || !closedAt) return null;
  try {
    const calendar = await calendars(status.calendarId, new Date(closedAt), undefined, new Date(receivedAt));
    return resolutionTime(calendar, new Date(receivedAt), new Date(closedAt));
  } catch (err) {
    if (!(err instanceof DomainError || err instanceof RangeError)) throw err;
    onUnavailable(err);
    return null;
  }
}

/**
 * Writes the facts of a newly recorded transition. Call it inside the recording transaction,
 * after the event's insert and before the complaint's row is updated: the row still holds the
 * snapshot of the previous transition, which the facts are derived against.
 */
export async function writeReportFacts(tx: Tx, record: FactsTransition, resolution: ResolutionTime | null): Promise<void> {
  const [row] = await tx<{ lifecycle: FactSnapshot | null; last_seq: number; breach_count: number; resolution_business_minutes: number | null }[]>`
    SELECT lifecycle, last_seq, breach_count, resolution_business_minutes FROM complaints WHERE id = ${record.complaintId}`;
  // The row is ahead of this transition (its update will not apply either): nothing to derive against.
  if (!row || row.last_seq >= record.seq) return;
  const facts = transitionFacts(row.lifecycle, record.status, record);
  const id = record.complaintId;
  for (const run of facts.stageClocks) {
    await tx`
      INSERT INTO complaint_stage_clocks (complaint_id, stage, started_at, deadline_at, ended_at, breached)
      VALUES (${id}, ${run.stage}, ${run.startedAt}, ${run.deadlineAt}, ${run.endedAt}, ${run.breached})
      ON CONFLICT (complaint_id, stage, started_at) DO UPDATE SET
        deadline_at = coalesce(excluded.deadline_at, complaint_stage_clocks.deadline_at),
        ended_at = coalesce(complaint_stage_clocks.ended_at, excluded.ended_at),
        breached = complaint_stage_clocks.breached OR excluded.breached`;
  }
  if (facts.escalation) {
    const e = facts.escalation;
    await tx`
      INSERT INTO complaint_escalations (complaint_id, seq, stage, level, occurred_at)
      VALUES (${id}, ${e.seq}, ${e.stage}, ${e.level}, ${e.occurredAt})
      ON CONFLICT (complaint_id, seq) DO NOTHING`;
  }
  for (const p of facts.proposals) {
    await tx`
      INSERT INTO complaint_proposals (complaint_id, round, outcome, remedy, amount, currency, proposed_at, answer, answered_at)
      VALUES (${id}, ${p.round}, ${p.outcome}, ${p.remedy}, ${p.amount}, ${p.currency}, ${p.proposedAt}, ${p.answer}, ${p.answeredAt})
      ON CONFLICT (complaint_id, round) DO UPDATE SET
        outcome = excluded.outcome, remedy = excluded.remedy, amount = excluded.amount, currency = excluded.currency,
        proposed_at = excluded.proposed_at, answer = excluded.answer, answered_at = excluded.answered_at`;
  }
  for (const a of facts.correctiveActions) {
    await tx`
      INSERT INTO complaint_corrective_actions (complaint_id, action_id, root_cause, recorded_at)
      VALUES (${id}, ${a.actionId}, ${a.rootCause}, ${a.recordedAt})
      ON CONFLICT (complaint_id, action_id) DO NOTHING`;
  }
  // The resolution time is the closing transition's (later overrides do not rewrite it), unless it was never written.
  const writeResolution = resolution !== null && (facts.closed || row.resolution_business_minutes === null);
  // Most transitions change neither: no second row version for them.
  if (writeResolution || facts.breachCount !== row.breach_count) {
    await tx`
      UPDATE complaints SET breach_count = ${facts.breachCount}
        ${writeResolution ? tx`, resolution_business_minutes = ${resolution.businessMinutes}, closed_within_3_business_days = ${resolution.closedWithin3BusinessDays}` : tx``}
      WHERE id = ${id}`;
  }
  if (facts.categoryChanged) await refreshPriorComplaints(tx, id, record.status.state.classification!.category);
}

/**
 * Recomputes `prior_complaint_at` after complaint `complaintId`'s category became `category`:
 * its own, and that of the same customer's later complaints, whose latest earlier complaint in
 * their category it may now be or have stopped being. A complaint's customer is its e-mail hash,
 * else its phone hash; the earlier complaint is matched on that same hash. Customers are locked
 * (advisory, per hash) so that two of their complaints classified at once both see each other.
 */
export async function refreshPriorComplaints(tx: Tx, complaintId: string, category: string): Promise<void> {
  const [me] = await tx<{ email: Buffer | null; phone: Buffer | null; received_at: Date }[]>`
    SELECT customer_email_hash AS email, customer_phone_hash AS phone, received_at FROM complaints WHERE id = ${complaintId}`;
  if (!me || (!me.email && !me.phone)) return;
  const keys = await tx<{ key: number }[]>`
    SELECT DISTINCT hashtext(encode(h, 'hex')) AS key FROM unnest(ARRAY[${me.email}::bytea, ${me.phone}::bytea]) AS h
    WHERE h IS NOT NULL ORDER BY key`;
  // One lock at a time, in key order: two transactions locking the same customers never deadlock.
  for (const { key } of keys) await tx`SELECT pg_advisory_xact_lock(${CUSTOMER_LOCK_CLASS}, ${key})`;
  // The row's own category column is updated after this, in the same transaction: read it as `category` here.
  await tx`
    UPDATE complaints x SET prior_complaint_at = (
      SELECT max(y.received_at) FROM complaints y
      WHERE y.id <> x.id AND y.received_at < x.received_at
        AND CASE WHEN y.id = ${complaintId} THEN ${category} ELSE y.category END
          = CASE WHEN x.id = ${complaintId} THEN ${category} ELSE x.category END
        AND ((x.customer_email_hash IS NOT NULL AND y.customer_email_hash = x.customer_email_hash)
          OR (x.customer_email_hash IS NULL AND y.customer_phone_hash = x.customer_phone_hash)))
    WHERE x.id = ${complaintId}
       OR (x.received_at > ${me.received_at}
           AND (x.customer_email_hash = ${me.email}
             OR (x.customer_email_hash IS NULL AND x.customer_phone_hash = ${me.phone})))`;
}
