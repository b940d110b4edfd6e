// The assignment relay's statements on complaint_claims. A take is committed (lease started, the
// attempt counted) before the workflow is called; every later write names the take by its
// attempt number, so a relay whose lease expired and was taken over writes nothing.
import type { Sql, TransactionSql } from 'postgres';
import type { Role } from '../domain/complaint.js';
import { renderClaimRefusedNotice } from '../texts/messages/work-queues.js';

export interface RelayTask {
  claimId: string;
  complaintId: string;
  reference: string;
  team: string;
  claimedBy: string;
  claimedByRole: Role;
  /** The assignment still has to reach the workflow. */
  assign: boolean;
  /** The claim was released and the workflow's assignee still has to be cleared. */
  release: boolean;
  releasedBy: string | null;
  releasedByRole: Role | null;
  /** The read model's assignee now (the workflow's, as last recorded). */
  assignee: string | null;
  /** Counting this one: the take's fence. */
  attempts: number;
}

/**
 * Takes up to `batchSize` claims with work due; ones another relay holds are skipped. A
 * complaint's claims are delivered oldest first: a later claim waits until every earlier one of
 * the same complaint is done, or a late release could clear the next holder's assignment.
 */
export async function takeDueClaims(
  sql: Sql,
  opts: { batchSize: number; leaseMs: number; teams?: readonly string[] | undefined },
): Promise<RelayTask[]> {
  const ofTeams = opts.teams ? sql`AND cc.team = ANY(${opts.teams as string[]})` : sql``;
  const rows = await sql<
    {
      id: string; complaint_id: string; reference: string; team: string; claimed_by: string; claimed_by_role: Role;
      assignment: string; release: string | null; released_by: string | null; released_by_role: Role | null;
      assignee: string | null; attempts: number;
    }[]
  >`
    WITH picked AS (
      SELECT cc.id FROM complaint_claims cc
      WHERE (cc.assignment = 'pending' OR cc.release = 'pending') AND cc.next_attempt_at <= now()
        AND (cc.relay_started_at IS NULL OR cc.relay_started_at < now() - ${opts.leaseMs} * interval '1 millisecond') ${ofTeams}
        AND NOT EXISTS (
          SELECT 1 FROM complaint_claims earlier
          WHERE earlier.complaint_id = cc.complaint_id AND (earlier.claimed_at, earlier.id) < (cc.claimed_at, cc.id)
            AND (earlier.assignment = 'pending' OR earlier.release = 'pending'))
      ORDER BY cc.next_attempt_at
      LIMIT ${opts.batchSize}
      FOR UPDATE OF cc SKIP LOCKED)
    UPDATE complaint_claims cc SET relay_started_at = clock_timestamp(), attempts = cc.attempts + 1
    FROM picked, complaints c
    WHERE cc.id = picked.id AND c.id = cc.complaint_id
    RETURNING cc.id, cc.complaint_id, c.reference, cc.team, cc.claimed_by, cc.claimed_by_role, cc.assignment, cc.release,
      cc.released_by, cc.released_by_role, c.assignee, cc.attempts`;
  return rows.map((r) => ({
    claimId: r.id,
    complaintId: r.complaint_id,
    reference: r.reference,
    team: r.team,
    claimedBy: r.claimed_by,
    claimedByRole: r.claimed_by_role,
    assign: r.assignment === 'pending',
    release: r.release === 'pending',
    releasedBy: r.released_by,
    releasedByRole: r.released_by_role,
    assignee: r.assignee,
    attempts: r.attempts,
  }));
}

type Take = Pick<RelayTask, 'claimId' | 'attempts'>;
const fenced = (sql: Sql | TransactionSql, t: Take) => sql`id = ${t.claimId} AND attempts = ${t.attempts} AND relay_started_at IS NOT NULL`;

/**
 * The workflow recorded the assignment. If the complaint has moved on since (someone else
 * assigned), the claim ends here, as the trigger of 0019 would have ended it.
 */
export async function recordAssigned(sql: Sql, t: Take): Promise<boolean> {
  const rows = await sql`
    UPDATE complaint_claims cc SET assignment = 'recorded', last_error = NULL,
      released_at = CASE WHEN cc.released_at IS NULL AND (c.status = 'closed' OR c.assignee IS DISTINCT FROM cc.claimed_by)
        THEN now() ELSE cc.released_at END,
      end_reason = CASE WHEN cc.released_at IS NOT NULL THEN cc.end_reason
        WHEN c.status = 'closed' THEN 'closed' WHEN c.assignee IS DISTINCT FROM cc.claimed_by THEN 'reassigned' END,
      relay_started_at = CASE WHEN cc.release = 'pending' THEN cc.relay_started_at END
    FROM complaints c
    WHERE c.id = cc.complaint_id AND cc.id = ${t.claimId} AND cc.attempts = ${t.attempts} AND cc.relay_started_at IS NOT NULL`;
  return rows.count === 1;
}

export const CLAIM_REFUSED_TEMPLATE = 'queue_claim_refused';

/**
 * The workflow refused the assignment: the claim ends, there is nothing to clear, and the
 * claimer is told in the same transaction (a staff notice in the outbox, under the complaint's
 * last transition with the next free ordinal, as delivery's failure notices are filed).
 */
export async function recordRefused(
  sql: Sql,
  task: Pick<RelayTask, 'claimId' | 'attempts' | 'complaintId' | 'reference' | 'team' | 'claimedBy'>,
  reason: string,
  staffLocale: string,
): Promise<boolean> {
  return sql.begin(async (tx) => {
    const rows = await tx`
      UPDATE complaint_claims SET assignment = 'refused', release = NULL, last_error = ${reason}, relay_started_at = NULL,
        released_at = coalesce(released_at, now()), end_reason = coalesce(end_reason, 'refused')
      WHERE ${fenced(tx, task)}`;
    if (rows.count !== 1) return false;
    const [complaint] = await tx<{ status: string; last_seq: number }[]>`SELECT status, last_seq FROM complaints WHERE id = ${task.complaintId}`;
    const params = { reference: task.reference, team: task.team, claimId: task.claimId, closed: complaint?.status === 'closed' };
    const { subject, body } = renderClaimRefusedNotice(staffLocale, params);
    await tx`
      INSERT INTO outbox_messages (complaint_id, seq, ordinal, audience, channel, recipient, locale, template, params, subject, body)
      SELECT ${task.complaintId}, ${complaint?.last_seq ?? 0}, coalesce(max(ordinal), 0) + 1, 'staff', 'staff_inbox',
        ${`user:${task.claimedBy}`}, ${staffLocale}, ${CLAIM_REFUSED_TEMPLATE}, ${tx.json(params)}, ${subject}, ${body}
      FROM outbox_messages WHERE complaint_id = ${task.complaintId} AND seq = ${complaint?.last_seq ?? 0}`;
    return true;
  });
}

/** The release reached the workflow (`recorded`), or needed not (`skipped`: someone else has it, or it closed). */
export async function recordReleased(sql: Sql, t: Take, outcome: 'recorded' | 'skipped', note: string | null = null): Promise<boolean> {
  const rows = await sql`
    UPDATE complaint_claims SET release = ${outcome}, last_error = ${note}, relay_started_at = NULL
    WHERE ${fenced(sql, t)}`;
  return rows.count === 1;
}

/** A transient failure (Temporal away, no worker in time): tried again after `delayMs`. */
export async function recordRelayRetry(sql: Sql, t: Take, error: string, delayMs: number): Promise<boolean> {
  const rows = await sql`
    UPDATE complaint_claims SET last_error = ${error}, relay_started_at = NULL,
      next_attempt_at = now() + ${delayMs} * interval '1 millisecond'
    WHERE ${fenced(sql, t)}`;
  return rows.count === 1;
}
