// Fair work queues: a team's unassigned open complaints in the order they are owed (severity,
// then first in first out, then id — never who the customer is), and claims taken atomically.
//
// A queue member is open (not closed), confirmed by its workflow (it can take an `assign`), has
// no assignee and no live claim, and is the team's (`team`) or, not yet given to a team, its
// department's (`department` = staff_teams.department_id). Every status but `closed` allows
// `assign` (domain/lifecycle/rules.ts) and needs someone: `open_external` still waits for staff to
// record the external outcome.
//
// A claim is one statement, one transaction (the function of migration 0023): check the team, the
// claimer's membership and cap, lock the first member nobody else is locking (SKIP LOCKED), insert
// the claim (the partial unique index on live claims makes a double impossible); the route then
// rings the relay's doorbell. The assignment reaches the workflow through
// jobs/assignment-relay.ts; the complaint's `assignee` is set by the workflow's recorded
// transition, never here.
import type { Sql, TransactionSql } from 'postgres';
import type { Role } from '../domain/complaint.js';
import { DomainError } from '../domain/errors.js';
import { complaintColumns, type ComplaintRow } from './complaint-queries.js';

export const CLAIM_RELAY_CHANNEL = 'complaint_claims';

/**
 * Wakes the relays after a claim or release committed. Not inside the claim's transaction: a
 * transaction that NOTIFYs takes a database-wide lock at commit, which made twenty concurrent
 * claims commit one after another (p50 136 ms against 45 ms without). Rings within
 * `RELAY_RING_DELAY_MS` share one NOTIFY, sent at its end: under twenty claimers a NOTIFY per
 * claim was half of the claim's socket writes (a write to PostgreSQL costs ~0.2 ms of this
 * process's CPU on loopback), and the assignment reaches the workflow asynchronously anyway.
 * A lost ring only waits for the relay's next poll.
 */
export const RELAY_RING_DELAY_MS = 20;

export function relayDoorbell(sql: Sql, delayMs = RELAY_RING_DELAY_MS): { ring(): void } {
  let pending: NodeJS.Timeout | null = null;
  const send = (): void => {
    pending = null;
    sql`SELECT pg_notify(${CLAIM_RELAY_CHANNEL}, '')`.catch(() => undefined); // the relay polls as well
  };
  const ring = (): void => {
    pending ??= setTimeout(send, delayMs);
  };
  return { ring };
}

export interface QueueTeam {
  id: string;
  departmentId: string | null;
}

/** Where a page ends: the last item's sort key. */
export interface QueuePosition {
  severityRank: number;
  /** Microsecond ISO instant, as PostgreSQL keeps it (a JS Date would drop the microseconds). */
  receivedAt: string;
  id: string;
}

export type ClaimAssignment = 'pending' | 'recorded' | 'refused';
export type ClaimRelease = 'pending' | 'recorded' | 'skipped';
export type ClaimEndReason = 'released' | 'refused' | 'reassigned' | 'closed';

export interface ClaimRecord {
  id: string;
  complaintId: string;
  reference: string;
  team: string;
  claimedBy: string;
  claimedAt: string;
  assignment: ClaimAssignment;
  release: ClaimRelease | null;
  releasedAt: string | null;
  releasedBy: string | null;
  endReason: ClaimEndReason | null;
  lastError: string | null;
}

export async function findQueueTeam(sql: Sql, team: string): Promise<QueueTeam | undefined> {
  const [row] = await sql<{ id: string; department_id: string | null }[]>`SELECT id, department_id FROM staff_teams WHERE id = ${team}`;
  return row ? { id: row.id, departmentId: row.department_id } : undefined;
}

/**
 * The queue's members in fair order, after `after` (exclusive), at most `limit`. Two index scans
 * (the team's own and the department's unrouted complaints) merged: PostgreSQL cannot walk one
 * index in order through an OR of the two. The claim walks the same order in
 * `claim_queue_complaint` (migration 0023).
 */
function queueMembers(sql: Sql, team: QueueTeam, opts: { limit: number; after?: QueuePosition | undefined }) {
  const after = opts.after
    ? sql`AND (c.severity_rank, c.received_at, c.id) > (${opts.after.severityRank}, ${opts.after.receivedAt}::timestamptz, ${opts.after.id}::uuid)`
    : sql``;
  // OFFSET 0 keeps the NOT EXISTS a per-row probe of complaint_claims_live_idx: as an anti join
  // PostgreSQL hashed the (few) live claims, read the whole queue, and sorted it again
  // (561 rows and 1,000 heap fetches at a million complaints, instead of the first 32).
  const member = sql`c.assignee IS NULL AND c.status <> 'closed' AND c.recorded_at IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM complaint_claims l WHERE l.complaint_id = c.id AND l.released_at IS NULL OFFSET 0)
    ${after}`;
  const columns = sql`c.id, c.severity_rank, c.received_at`;
  const ofDepartment = team.departmentId !== null
    ? sql`UNION ALL (SELECT ${columns} FROM complaints c
        WHERE c.department = ${team.departmentId} AND c.team IS NULL AND ${member}
        ORDER BY c.severity_rank, c.received_at, c.id LIMIT ${opts.limit})`
    : sql``;
  return sql`(SELECT ${columns} FROM complaints c
      WHERE c.team = ${team.id} AND c.team IS NOT NULL AND ${member}
      ORDER BY c.severity_rank, c.received_at, c.id LIMIT ${opts.limit})
    ${ofDepartment}`;
}

/** One page of the queue: complaint ids in fair order, and the position after the last (when more follow). */
export async function queuePage(
  sql: Sql,
  team: QueueTeam,
  opts: { limit: number; after?: QueuePosition | undefined },
): Promise<{ ids: string[]; next: QueuePosition | null }> {
  const rows = await sql<{ id: string; severity_rank: number; received_at: string }[]>`
    SELECT m.id, m.severity_rank, to_char(m.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS received_at
    FROM (${queueMembers(sql, team, { limit: opts.limit + 1, after: opts.after })}) m
    ORDER BY m.severity_rank, m.received_at, m.id
    LIMIT ${opts.limit + 1}`;
  const page = rows.slice(0, opts.limit);
  const last = page.at(-1);
  const next = rows.length > opts.limit && last ? { severityRank: last.severity_rank, receivedAt: last.received_at, id: last.id } : null;
  return { ids: page.map((r) => r.id), next };
}

/** How many complaints wait in a queue, and how many of them have a stage clock past its warning point or deadline. */
export interface QueueCounts {
  total: number;
  /** Past the running stage's warning point, deadline not yet passed, clock running. */
  atRisk: number;
  /** Past the running stage's deadline, clock running. */
  overdue: number;
}

/**
 * The queue counted, exactly, in one statement of two parts, each planned on its own. The members
 * are found as the page finds them (the team's partial queue index, and the department's), but the
 * live claims are left to the planner: counting reads every member, so one hashed anti join of
 * the few live claims beats the page's per-member probe (its OFFSET 0 is for reading the first few
 * in order). The total reads the queue's index alone (an index-only scan: 12,000 members in 5 ms on
 * a loaded machine). The clocks are not in that index, so the late ones are found by intersecting
 * it with the running clocks' warning index (`complaints_stage_warning_idx`, a BitmapAnd) and only
 * their rows are read: the cost grows with how many are late, not with the queue. A clock past its
 * deadline is past its warning point too (the warning is a share of the stage's time).
 */
export async function queueCounts(sql: Sql, team: QueueTeam, now: Date): Promise<QueueCounts> {
  const member = sql`c.assignee IS NULL AND c.status <> 'closed' AND c.recorded_at IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM complaint_claims l WHERE l.complaint_id = c.id AND l.released_at IS NULL)`;
  // `column` is what each member gives: nothing for the total (so the queue's index alone answers), the deadline for the late ones.
  const arms = (column: ReturnType<Sql>, late: ReturnType<Sql>) => {
    const own = sql`SELECT ${column} FROM complaints c WHERE c.team = ${team.id} AND c.team IS NOT NULL AND ${member} ${late}`;
    return team.departmentId === null
      ? own
      : sql`${own} UNION ALL SELECT ${column} FROM complaints c WHERE c.department = ${team.departmentId} AND c.team IS NULL AND ${member} ${late}`;
  };
  const [row] = await sql<{ total: number; late: number; overdue: number }[]>`
    SELECT (SELECT count(*) FROM (${arms(sql`1 AS one`, sql``)}) m)::int AS total, l.late, l.overdue
    FROM (SELECT count(*)::int AS late, count(*) FILTER (WHERE m.deadline <= ${now})::int AS overdue
          FROM (${arms(sql`c.stage_deadline_at AS deadline`, sql`AND NOT c.stage_paused AND c.stage_warning_at <= ${now}`)}) m) l`;
  return { total: row!.total, atRisk: row!.late - row!.overdue, overdue: row!.overdue };
}

export interface ClaimRequest {
  /** The team whose queue is claimed from: its id (an unknown one is NOT_FOUND). */
  team: string;
  claimer: { id: string; role: Role };
  /** Live claims one person may hold (0: no limit). */
  maxLiveClaims: number;
}

export interface Claimed {
  claim: ClaimRecord;
  /** The claimed complaint's row as the claim locked it. */
  complaint: ComplaintRow;
}

/**
 * Roles that claim from any team's queue; everyone else (agents) only from a team they are an
 * active member of (staff_team_members). An API key whose id the staff directory does not know
 * belongs to no team.
 */
export const CLAIMS_FROM_ANY_TEAM: readonly Role[] = ['supervisor', 'admin'];

type ClaimOutcome = 'claimed' | 'no_team' | 'not_member' | 'capped' | 'empty';

/**
 * Gives the claimer the first queue member nobody else holds, atomically. Answers undefined when
 * the queue is empty; NOT_FOUND for an unknown team; NOT_TEAM_MEMBER for an agent outside the
 * team; CONFLICT when the claimer already holds `maxLiveClaims` live claims.
 *
 * One round trip whatever happens: `claim_queue_complaint` (migration 0023) checks the team, the
 * membership and the cap, walks the queue in fair order past what other claimers hold locked
 * (SKIP LOCKED) or took since its snapshot (the unique index of live claims), and inserts the
 * claim. Under twenty claimers every round trip waits its turn on a busy machine, so the retries
 * a collision needs run inside PostgreSQL.
 */
export async function claimNext(sql: Sql, req: ClaimRequest): Promise<Claimed | undefined> {
  const membersOnly = !CLAIMS_FROM_ANY_TEAM.includes(req.claimer.role);
  const [row] = await sql<(ComplaintRow & { outcome: ClaimOutcome; live_claims: number; claim_id: string | null; claim_claimed_at: Date | null })[]>`
    SELECT r.outcome, r.live_claims, r.claim_id, r.claimed_at AS claim_claimed_at, ${complaintColumns(sql)}
    FROM claim_queue_complaint(${req.team}, ${req.claimer.id}, ${req.claimer.role}, ${req.maxLiveClaims}, ${membersOnly}) r
    LEFT JOIN LATERAL (SELECT (r.complaint).*) c ON true`;
  if (!row) throw new Error('claim_queue_complaint answered no row');
  const { outcome, live_claims: live, claim_id: claimId, claim_claimed_at: claimedAt, ...complaint } = row;
  switch (outcome) {
    case 'no_team':
      throw new DomainError('NOT_FOUND', `No team ${req.team}`);
    case 'not_member':
      throw new DomainError(
        'NOT_TEAM_MEMBER',
        `You are not a member of team ${req.team}: an agent claims only from the queues of their own teams (supervisors and admins from any)`,
        { team: req.team, role: req.claimer.role },
      );
    case 'capped':
      throw new DomainError('CONFLICT', `You already hold ${live} claimed complaints (at most ${req.maxLiveClaims}); release one or work on them first`, {
        liveClaims: live,
        maxLiveClaims: req.maxLiveClaims,
      });
    case 'empty':
      return undefined;
    case 'claimed':
      if (!claimId || !claimedAt) throw new Error('claim_queue_complaint claimed without a claim');
      return {
        complaint,
        claim: {
          id: claimId,
          complaintId: complaint.id,
          reference: complaint.reference,
          team: req.team,
          claimedBy: req.claimer.id,
          claimedAt: claimedAt.toISOString(),
          assignment: 'pending',
          release: null,
          releasedAt: null,
          releasedBy: null,
          endReason: null,
          lastError: null,
        },
      };
  }
}

export interface ReleaseRequest {
  team: QueueTeam;
  reference: string;
  by: { id: string; role: Role };
}

/** Roles that may give back someone else's claim. */
const RELEASES_ANY_CLAIM: readonly Role[] = ['supervisor', 'admin'];

/**
 * Gives a live claim back: the holder, or a supervisor or admin. The workflow's assignee is
 * cleared by the relay; the complaint rejoins the queue, at its fair place, once that is recorded.
 */
export async function releaseClaim(sql: Sql, req: ReleaseRequest): Promise<ClaimRecord> {
  return sql.begin(async (tx) => {
    const [complaint] = await tx<{ id: string }[]>`SELECT id FROM complaints WHERE reference = ${req.reference}`;
    if (!complaint) throw new DomainError('NOT_FOUND', 'No complaint has this reference');
    const [live] = await tx<{ id: string; team: string; claimed_by: string }[]>`
      SELECT id, team, claimed_by FROM complaint_claims WHERE complaint_id = ${complaint.id} AND released_at IS NULL FOR UPDATE`;
    if (!live) throw new DomainError('CONFLICT', `${req.reference} has no live claim to release`);
    if (live.team !== req.team.id) {
      throw new DomainError('CONFLICT', `${req.reference} was claimed from the queue of ${live.team}, not ${req.team.id}`, { team: live.team });
    }
    if (live.claimed_by !== req.by.id && !RELEASES_ANY_CLAIM.includes(req.by.role)) {
      throw new DomainError('NOT_ALLOWED_FOR_ROLE', `${req.reference} is claimed by someone else; only they, a supervisor or an admin may release it`, {
        role: req.by.role,
      });
    }
    await tx`
      UPDATE complaint_claims SET released_at = now(), released_by = ${req.by.id}, released_by_role = ${req.by.role},
        end_reason = 'released', release = 'pending', next_attempt_at = now()
      WHERE id = ${live.id}`;
    const [record] = await claimRecords(tx, sql`cc.id = ${live.id}`);
    return record!;
  });
}

/** A person's claims from one team's queue, newest first: live ones, and how the others ended. */
export function claimsOf(sql: Sql, team: string, claimer: string, limit: number): Promise<ClaimRecord[]> {
  return claimRecords(sql, sql`cc.team = ${team} AND cc.claimed_by = ${claimer}`, limit);
}

async function claimRecords(sql: Sql | TransactionSql, where: ReturnType<Sql>, limit = 1): Promise<ClaimRecord[]> {
  const rows = await sql<
    {
      id: string; complaint_id: string; reference: string; team: string; claimed_by: string; claimed_at: Date;
      assignment: ClaimAssignment; release: ClaimRelease | null; released_at: Date | null; released_by: string | null;
      end_reason: ClaimEndReason | null; last_error: string | null;
    }[]
  >`
    SELECT cc.id, cc.complaint_id, c.reference, cc.team, cc.claimed_by, cc.claimed_at, cc.assignment, cc.release,
      cc.released_at, cc.released_by, cc.end_reason, cc.last_error
    FROM complaint_claims cc JOIN complaints c ON c.id = cc.complaint_id
    WHERE ${where}
    ORDER BY cc.claimed_at DESC LIMIT ${limit}`;
  return rows.map((r) => ({
    id: r.id,
    complaintId: r.complaint_id,
    reference: r.reference,
    team: r.team,
    claimedBy: r.claimed_by,
    claimedAt: r.claimed_at.toISOString(),
    assignment: r.assignment,
    release: r.release,
    releasedAt: r.released_at?.toISOString() ?? null,
    releasedBy: r.released_by,
    endReason: r.end_reason,
    lastError: r.last_error,
  }));
}
