// Process migration plans in PostgreSQL: the complaints a filter selects, the plan with its frozen
// set of complaints, each complaint's outcome as the plan's workflow learns it, and the progress
// staff read. The tables are db/migrations/0011_process_migrations.sql.
import type { Sql, TransactionSql } from 'postgres';
import type { Actor, DeadlineRules, ProcessMigratedRecord } from '../domain/lifecycle/index.js';
import type { ProcessDefinitionSnapshot } from '../domain/process-definition.js';

/** Which running complaints a plan covers; every field narrows it. */
export interface MigrationFilter {
  /** The version number they run on now; absent: any version of the definition but the target. */
  fromVersion?: number | undefined;
  status?: string[] | undefined;
  /** The timed stage whose clock runs (`investigation`, …). */
  stage?: string[] | undefined;
  category?: string[] | undefined;
  /** Received at or after (ISO instant). */
  receivedFrom?: string | undefined;
  /** Received before (ISO instant). */
  receivedTo?: string | undefined;
}

export interface MigrationScope {
  definitionId: string;
  /** The target's version id: complaints already on it are not selected. */
  targetVersionId: string;
  filter: MigrationFilter;
}

export interface CandidateRow {
  complaintId: string;
  reference: string;
  processVersion: string;
}

/** The open complaints a plan would cover now, oldest first; `limit` of them with the total. */
export async function migrationCandidates(sql: Sql, scope: MigrationScope, limit: number): Promise<{ total: number; complaints: CandidateRow[] }> {
  const where = candidateWhere(sql, scope);
  const [count] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM complaints WHERE ${where}`;
  const rows = await sql<{ id: string; reference: string; process_version: string }[]>`
    SELECT id, reference, process_version FROM complaints WHERE ${where} ORDER BY received_at, id LIMIT ${limit}`;
  return { total: count!.n, complaints: rows.map((r) => ({ complaintId: r.id, reference: r.reference, processVersion: r.process_version })) };
}

export interface NewMigrationPlan {
  id: string;
  scope: MigrationScope;
  targetVersion: number;
  target: ProcessDefinitionSnapshot;
  targetHash: string | null;
  deadlineRules: DeadlineRules;
  requestedBy: Actor;
  applyAt: string | null;
}

/** Stores the plan and freezes the complaints it covers, in one transaction; answers how many. */
export async function createMigrationPlan(sql: Sql, plan: NewMigrationPlan): Promise<number> {
  return sql.begin(async (tx) => {
    await tx`
      INSERT INTO process_migrations (id, definition_id, target_version, target_version_id, target, target_hash, filter,
        deadline_rules, requested_by, requested_role, apply_at)
      VALUES (${plan.id}, ${plan.scope.definitionId}, ${plan.targetVersion}, ${plan.scope.targetVersionId}, ${tx.json(plan.target as never)},
        ${plan.targetHash}, ${tx.json(plan.scope.filter as never)}, ${tx.json(plan.deadlineRules as never)}, ${plan.requestedBy.id},
        ${plan.requestedBy.role}, ${plan.applyAt})`;
    const inserted = await tx`
      INSERT INTO process_migration_items (migration_id, complaint_id, ordinal, reference, from_version)
      SELECT ${plan.id}, id, row_number() OVER (ORDER BY received_at, id), reference, process_version
      FROM complaints WHERE ${candidateWhere(tx, plan.scope)}`;
    return inserted.count;
  });
}

/** Removes a plan whose workflow could not be started (nothing ran). */
export async function deleteMigrationPlan(sql: Sql, id: string): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`DELETE FROM process_migration_items WHERE migration_id = ${id}`;
    await tx`DELETE FROM process_migrations WHERE id = ${id}`;
  });
}

export type ItemStatus = 'pending' | 'moved' | 'skipped' | 'failed';

export interface MigrationItemView {
  complaintId: string;
  reference: string;
  fromVersion: string;
  status: ItemStatus;
  reason: string | null;
  message: string | null;
  record: ProcessMigratedRecord | null;
  attempts: number;
  finishedAt: string | null;
}

export interface MigrationProgress {
  id: string;
  definitionId: string;
  targetVersion: number;
  targetVersionId: string;
  targetHash: string | null;
  filter: MigrationFilter;
  deadlineRules: DeadlineRules;
  requestedBy: { id: string; role: string };
  requestedAt: string;
  applyAt: string | null;
  status: 'scheduled' | 'running' | 'completed';
  startedAt: string | null;
  finishedAt: string | null;
  counts: Record<ItemStatus | 'total', number>;
  /** Skipped complaints per reason. */
  skipped: Record<string, number>;
  items: MigrationItemView[];
}

interface PlanRow {
  id: string;
  definition_id: string;
  target_version: number;
  target_version_id: string;
  target_hash: string | null;
  filter: MigrationFilter;
  deadline_rules: DeadlineRules;
  requested_by: string;
  requested_role: string;
  requested_at: Date;
  apply_at: Date | null;
  status: MigrationProgress['status'];
  started_at: Date | null;
  finished_at: Date | null;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A plan of the definition with its counts and a page of its items (in plan order); undefined when there is none. */
export async function migrationProgress(
  sql: Sql,
  definitionId: string,
  id: string,
  page: { limit: number; offset: number },
): Promise<MigrationProgress | undefined> {
  const [plan] = await sql<PlanRow[]>`
    SELECT id, definition_id, target_version, target_version_id, target_hash, filter, deadline_rules, requested_by,
      requested_role, requested_at, apply_at, status, started_at, finished_at
    FROM process_migrations WHERE id = ${id} AND definition_id = ${definitionId}`;
  if (!plan) return undefined;
  const counts = await sql<{ status: ItemStatus; reason: string | null; n: number }[]>`
    SELECT status, reason, count(*)::int AS n FROM process_migration_items WHERE migration_id = ${id} GROUP BY status, reason`;
  const items = await sql<
    { complaint_id: string; reference: string; from_version: string; status: ItemStatus; reason: string | null; message: string | null; record: ProcessMigratedRecord | null; attempts: number; finished_at: Date | null }[]
  >`
    SELECT complaint_id, reference, from_version, status, reason, message, record, attempts, finished_at
    FROM process_migration_items WHERE migration_id = ${id} ORDER BY ordinal LIMIT ${page.limit} OFFSET ${page.offset}`;
  const total: MigrationProgress['counts'] = { total: 0, pending: 0, moved: 0, skipped: 0, failed: 0 };
  const skipped: Record<string, number> = {};
  for (const c of counts) {
    total[c.status] += c.n;
    total.total += c.n;
    if (c.status === 'skipped') skipped[c.reason ?? 'unknown'] = (skipped[c.reason ?? 'unknown'] ?? 0) + c.n;
  }
  return {
    id: plan.id,
    definitionId: plan.definition_id,
    targetVersion: plan.target_version,
    targetVersionId: plan.target_version_id,
    targetHash: plan.target_hash,
    filter: plan.filter,
    deadlineRules: plan.deadline_rules,
    requestedBy: { id: plan.requested_by, role: plan.requested_role },
    requestedAt: plan.requested_at.toISOString(),
    applyAt: iso(plan.apply_at),
    status: plan.status,
    startedAt: iso(plan.started_at),
    finishedAt: iso(plan.finished_at),
    counts: total,
    skipped,
    items: items.map((r) => ({
      complaintId: r.complaint_id,
      reference: r.reference,
      fromVersion: r.from_version,
      status: r.status,
      reason: r.reason,
      message: r.message,
      record: r.record,
      attempts: r.attempts,
      finishedAt: iso(r.finished_at),
    })),
  };
}

// The plan's workflow (activities/process-migrations.ts) works through it with these.

export interface StoredPlan {
  target: ProcessDefinitionSnapshot;
  deadlineRules: DeadlineRules;
  requestedBy: Actor;
}

export async function storedPlan(sql: Sql, id: string): Promise<StoredPlan | undefined> {
  const [row] = await sql<{ target: ProcessDefinitionSnapshot; deadline_rules: DeadlineRules; requested_by: string; requested_role: Actor['role'] }[]>`
    SELECT target, deadline_rules, requested_by, requested_role FROM process_migrations WHERE id = ${id}`;
  return row && { target: row.target, deadlineRules: row.deadline_rules, requestedBy: { id: row.requested_by, role: row.requested_role } };
}

export async function markPlanRunning(sql: Sql, id: string): Promise<void> {
  await sql`UPDATE process_migrations SET status = 'running', started_at = coalesce(started_at, now()) WHERE id = ${id} AND status <> 'completed'`;
}

/** Marks the plan done; answers its counts. */
export async function markPlanCompleted(sql: Sql, id: string): Promise<Record<ItemStatus | 'total', number>> {
  await sql`UPDATE process_migrations SET status = 'completed', finished_at = coalesce(finished_at, now()) WHERE id = ${id}`;
  const rows = await sql<{ status: ItemStatus; n: number }[]>`
    SELECT status, count(*)::int AS n FROM process_migration_items WHERE migration_id = ${id} GROUP BY status`;
  const counts = { total: 0, pending: 0, moved: 0, skipped: 0, failed: 0 };
  for (const r of rows) {
    counts[r.status] += r.n;
    counts.total += r.n;
  }
  return counts;
}

/** The next complaints without an outcome, in plan order. */
export async function pendingItems(sql: Sql, id: string, size: number): Promise<string[]> {
  const rows = await sql<{ complaint_id: string }[]>`
    SELECT complaint_id FROM process_migration_items WHERE migration_id = ${id} AND status = 'pending' ORDER BY ordinal LIMIT ${size}`;
  return rows.map((r) => r.complaint_id);
}

/** Counts one more attempt at a complaint; answers how many there have been. */
export async function noteAttempt(sql: Sql, id: string, complaintId: string): Promise<number> {
  const [row] = await sql<{ attempts: number }[]>`
    UPDATE process_migration_items SET attempts = attempts + 1 WHERE migration_id = ${id} AND complaint_id = ${complaintId} RETURNING attempts`;
  return row?.attempts ?? 0;
}

export async function pendingItemCount(sql: Sql, id: string): Promise<number> {
  const [row] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM process_migration_items WHERE migration_id = ${id} AND status = 'pending'`;
  return row!.n;
}

export type ItemOutcome =
  | { status: 'moved'; record: ProcessMigratedRecord | null }
  | { status: 'skipped' | 'failed'; reason: string; message: string };

/** Writes a complaint's outcome once: a retried batch never overwrites one already known. */
export async function recordItemOutcome(sql: Sql, id: string, complaintId: string, outcome: ItemOutcome): Promise<void> {
  const record = outcome.status === 'moved' && outcome.record ? sql.json(outcome.record as never) : null;
  const reason = outcome.status === 'moved' ? null : outcome.reason;
  const message = outcome.status === 'moved' ? null : outcome.message.slice(0, 2_000);
  await sql`
    UPDATE process_migration_items SET status = ${outcome.status}, reason = ${reason}, message = ${message}, record = ${record}, finished_at = now()
    WHERE migration_id = ${id} AND complaint_id = ${complaintId} AND status = 'pending'`;
}

function candidateWhere(sql: Sql | TransactionSql, { definitionId, targetVersionId, filter }: MigrationScope) {
  const conditions = [
    sql`status <> 'closed'`,
    filter.fromVersion !== undefined
      ? sql`process_version = ${`${definitionId}@${filter.fromVersion}`}`
      : sql`starts_with(process_version, ${`${definitionId}@`})`,
    sql`process_version <> ${targetVersionId}`,
    ...(filter.status?.length ? [sql`status IN ${sql(filter.status)}`] : []),
    ...(filter.stage?.length ? [sql`stage IN ${sql(filter.stage)}`] : []),
    ...(filter.category?.length ? [sql`category IN ${sql(filter.category)}`] : []),
    ...(filter.receivedFrom ? [sql`received_at >= ${filter.receivedFrom}`] : []),
    ...(filter.receivedTo ? [sql`received_at < ${filter.receivedTo}`] : []),
  ];
  return conditions.reduce((all, next) => sql`${all} AND ${next}`);
}

/** What the complaint's timeline recorded for this plan, if it took it (the outcome a retried batch missed). */
export async function recordedMigration(sql: Sql, complaintId: string, migrationId: string): Promise<ProcessMigratedRecord | null> {
  const [row] = await sql<{ data: ProcessMigratedRecord }[]>`
    SELECT data FROM complaint_events
    WHERE complaint_id = ${complaintId} AND type = 'process_migrated' AND data->>'migrationId' = ${migrationId}
    ORDER BY seq LIMIT 1`;
  return row?.data ?? null;
}
