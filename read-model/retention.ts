// Retention runs (issue 14): which closed complaints are due for erasure under their pinned
// process version's `retention`, and the report of each run (`retention_runs`, migration 0038).
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
