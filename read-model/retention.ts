// Retention runs (issue 14): which closed complaints are due for erasure under their pinned
// process version's `retention`, the operational records past their period (migration 0041), and
// the report of each run (`retention_runs`, migration 0038).
import type { Sql } from 'postgres';
import type { RetentionRunReport, RetentionTrigger } from '../workflows/retention.messages.js';

export interface DueComplaint {
  complaintId: string;
  processVersion: string;
}

/**
 * Closed complaints whose closure plus their pinned version's `erasePersonalDataAfterClosureMonths`
 * has passed and that no erasure has touched, oldest closure first. A complaint pinned to a
 * version that is not stored, or that says nothing of retention, is kept.
 */
export async function dueForErasure(sql: Sql, opts: { limit: number; skip: readonly string[] }): Promise<DueComplaint[]> {
  const rows = await sql<{ id: string; process_version: string }[]>`
    WITH kept AS (
      SELECT definition_id, version, (content::jsonb #>> '{retention,erasePersonalDataAfterClosureMonths}')::int AS months
      FROM process_definition_versions
      WHERE status <> 'draft' AND content::jsonb #>> '{retention,erasePersonalDataAfterClosureMonths}' IS NOT NULL
    )
    SELECT c.id, c.process_version
    FROM kept k
    JOIN complaints c ON c.process_definition_id = k.definition_id AND c.process_definition_version = k.version
    WHERE c.status = 'closed' AND c.closed_at + make_interval(months => k.months) <= now()
      AND NOT EXISTS (SELECT 1 FROM erasures e WHERE e.complaint_id = c.id)
      AND c.id <> ALL(${sql.array([...opts.skip], 2950)}::uuid[])
    ORDER BY c.closed_at, c.id
    LIMIT ${opts.limit}`;
  return rows.map((r) => ({ complaintId: r.id, processVersion: r.process_version }));
}

/** How long the retention run keeps operational records that would otherwise grow forever. */
export interface PurgePeriods {
  /** Days after its expiry an SSO sign-in attempt is deleted. */
  ssoSignInAttemptDays: number;
  /** Days the record of who read personal data is kept (the database refuses less than a year). */
  personalDataReadDays: number;
}

export const DEFAULT_PURGE_PERIODS: PurgePeriods = { ssoSignInAttemptDays: 90, personalDataReadDays: 730 };

/** Deletes at most `batch` SSO sign-in attempts expired more than `days` ago; how many. */
export async function purgeSsoSignInAttempts(sql: Sql, days: number, batch: number): Promise<number> {
  const rows = await sql`
    DELETE FROM sso_sign_in_attempts WHERE id_hash IN (
      SELECT id_hash FROM sso_sign_in_attempts WHERE expires_at < now() - make_interval(days => ${days})
      ORDER BY expires_at LIMIT ${batch} FOR UPDATE SKIP LOCKED)
    RETURNING 1`;
  return rows.length;
}

/**
 * Deletes at most `batch` personal-data reads older than `days`; how many. The table is append-only
 * (migration 0040): its trigger lets this transaction, declared the retention purge, delete rows
 * more than a year old, and nothing else.
 */
export async function purgePersonalDataReads(sql: Sql, days: number, batch: number): Promise<number> {
  return sql.begin(async (tx) => {
    await tx`SELECT set_config('plaint.retention_purge', 'personal_data_reads', true)`;
    const rows = await tx`
      DELETE FROM personal_data_reads WHERE id IN (
        SELECT id FROM personal_data_reads WHERE at < now() - make_interval(days => ${days})
        ORDER BY at, id LIMIT ${batch})
      RETURNING 1`;
    return rows.length;
  });
}

/** Adds rows deleted per table to the run's report. */
export async function addPurgedToRetentionRun(sql: Sql, runId: string, purged: Record<string, number>): Promise<void> {
  await sql.begin(async (tx) => {
    const [row] = await tx<{ purged: Record<string, number> }[]>`SELECT purged FROM retention_runs WHERE id = ${runId} FOR UPDATE`;
    if (!row) throw new Error(`retention run ${runId} has no report row`);
    const next = { ...row.purged };
    for (const [table, n] of Object.entries(purged)) next[table] = (next[table] ?? 0) + n;
    await tx`UPDATE retention_runs SET purged = ${tx.json(next)} WHERE id = ${runId}`;
  });
}

/** The run's report row; a retried activity finds the one its first attempt made. */
export async function startRetentionRun(sql: Sql, run: { id: string; trigger: RetentionTrigger; startedBy: string | null }): Promise<void> {
  await sql`
    INSERT INTO retention_runs (id, trigger, started_by) VALUES (${run.id}, ${run.trigger}, ${run.startedBy})
    ON CONFLICT (id) DO NOTHING`;
}

/** Adds one batch's outcome to the run's report. */
export async function addToRetentionRun(
  sql: Sql,
  runId: string,
  batch: { byVersion: Record<string, number>; resumed: number; failures: Array<{ complaintId: string; error: string }> },
): Promise<void> {
  await sql.begin(async (tx) => {
    const [row] = await tx<{ by_version: Record<string, number>; failures: Array<{ complaintId: string; error: string }> }[]>`
      SELECT by_version, failures FROM retention_runs WHERE id = ${runId} FOR UPDATE`;
    if (!row) throw new Error(`retention run ${runId} has no report row`);
    const byVersion = { ...row.by_version };
    let erased = 0;
    for (const [version, n] of Object.entries(batch.byVersion)) {
      byVersion[version] = (byVersion[version] ?? 0) + n;
      erased += n;
    }
    const failures = [...row.failures.filter((f) => !batch.failures.some((b) => b.complaintId === f.complaintId)), ...batch.failures];
    await tx`
      UPDATE retention_runs SET erased_count = erased_count + ${erased}, resumed_count = resumed_count + ${batch.resumed},
        by_version = ${tx.json(byVersion)}, failures = ${tx.json(failures)}
      WHERE id = ${runId}`;
  });
}

export async function finishRetentionRun(sql: Sql, runId: string): Promise<RetentionRunReport> {
  await sql`UPDATE retention_runs SET finished_at = coalesce(finished_at, now()) WHERE id = ${runId}`;
  return (await findRetentionRun(sql, runId))!;
}

interface RunRow {
  id: string;
  trigger: RetentionTrigger;
  started_by: string | null;
  started_at: Date;
  finished_at: Date | null;
  erased_count: number;
  by_version: Record<string, number>;
  resumed_count: number;
  failures: Array<{ complaintId: string; error: string }>;
  purged: Record<string, number>;
}

function toReport(row: RunRow): RetentionRunReport {
  return {
    id: row.id,
    trigger: row.trigger,
    startedBy: row.started_by,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    erasedCount: row.erased_count,
    byVersion: row.by_version,
    resumedCount: row.resumed_count,
    failures: row.failures,
    purged: row.purged,
  };
}

export async function findRetentionRun(sql: Sql, runId: string): Promise<RetentionRunReport | undefined> {
  const [row] = await sql<RunRow[]>`SELECT * FROM retention_runs WHERE id = ${runId}`;
  return row && toReport(row);
}

/** The latest runs first. */
export async function listRetentionRuns(sql: Sql, limit: number): Promise<RetentionRunReport[]> {
  const rows = await sql<RunRow[]>`SELECT * FROM retention_runs ORDER BY started_at DESC, id LIMIT ${limit}`;
  return rows.map(toReport);
}
