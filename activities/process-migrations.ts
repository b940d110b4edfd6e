// The activities of a process migration plan: the preview (each complaint as it stands, through
// the same re-arm function the complaint's migration runs, on this worker's calendars) and the
// batches that apply a stored plan, writing each complaint's outcome as soon as it is known.
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Sql } from 'postgres';
import type { MigrationSkipReason } from '../domain/lifecycle/index.js';
import { DETERMINISTIC_ACTIVITY_ERRORS, DomainError } from '../domain/errors.js';
import { migrationConsequences, planComplaintMigration, type CalendarFor, type ComplaintMigrationPlan } from '../domain/process-migration.js';
import {
  markPlanCompleted,
  markPlanRunning,
  noteAttempt,
  pendingItemCount,
  pendingItems,
  recordedMigration,
  recordItemOutcome,
  storedPlan,
  type ItemOutcome,
  type StoredPlan,
} from '../read-model/process-migrations.js';
import type { TemporalGateway } from '../temporal/gateway.js';
import type { MigrationCandidate, MigrationPreviewInput, MigrationPreviewItem } from '../workflows/process-migration.messages.js';
import type { CalendarResolver } from './calendars.js';
import { migrationCalendars } from './migration-calendars.js';

/** Times a complaint that does not answer (no worker took its update in time) is tried before it counts as failed. */
const MAX_ATTEMPTS = 5;

/** The migration id a preview plans under: no complaint has taken a plan of that id. */
const PREVIEW_MIGRATION_ID = 'preview';

export interface ProcessMigrationDeps {
  sql: Sql;
  /** Sends the complaints their migration update and queries them; a worker without one cannot run plans. */
  temporal?: TemporalGateway | undefined;
  calendars: CalendarResolver;
}

export function createProcessMigrationActivities(deps: ProcessMigrationDeps) {
  const { sql, calendars } = deps;
  const temporal = () => {
    if (deps.temporal) return deps.temporal;
    throw ApplicationFailure.nonRetryable('this worker was started without a Temporal client for process migrations', 'UnexpectedError');
  };
  return {
    /** What applying the plan would do to each complaint, as it stands now. */
    async previewComplaintMigrations(input: MigrationPreviewInput): Promise<MigrationPreviewItem[]> {
      const items: MigrationPreviewItem[] = [];
      for (const complaint of input.complaints) items.push(await previewOne(temporal(), calendars, input, complaint));
      return items;
    },

    async beginProcessMigration(input: { migrationId: string }): Promise<void> {
      await markPlanRunning(sql, input.migrationId);
    },

    /** Migrates the next `size` complaints without an outcome; answers how many are left. */
    async migrateComplaintBatch(input: { migrationId: string; size: number }): Promise<{ remaining: number }> {
      const { migrationId } = input;
      const plan = await storedPlan(sql, migrationId);
      if (!plan) throw ApplicationFailure.nonRetryable(`no process migration plan ${migrationId}`, 'NOT_FOUND');
      const context = Context.current();
      for (const complaintId of await pendingItems(sql, migrationId, input.size)) {
        // A stopping worker cancels the batch between complaints; the next attempt starts at this one.
        if (context.cancellationSignal.aborted) throw context.cancellationSignal.reason;
        const attempts = await noteAttempt(sql, migrationId, complaintId);
        await recordItemOutcome(sql, migrationId, complaintId, await migrateOne(sql, temporal(), plan, migrationId, complaintId, attempts));
        context.heartbeat(complaintId);
      }
      return { remaining: await pendingItemCount(sql, migrationId) };
    },

    async finishProcessMigration(input: { migrationId: string }) {
      return markPlanCompleted(sql, input.migrationId);
    },
  };
}

async function previewOne(
  temporal: TemporalGateway,
  calendars: CalendarResolver,
  input: MigrationPreviewInput,
  complaint: MigrationCandidate,
): Promise<MigrationPreviewItem> {
  let view;
  try {
    view = await temporal.migrationView(complaint.complaintId);
  } catch (err) {
    const reason = skipReasonOf(err);
    if (!reason) throw err;
    return { ...complaint, status: 'closed', fromVersion: '', outcome: { migrates: false, skip: { reason, message: (err as Error).message } } };
  }
  const planInput = {
    at: new Date().toISOString(),
    state: view.state,
    timers: view.timers,
    current: view.process,
    target: input.target,
    deadlineRules: input.deadlineRules,
    migrationId: PREVIEW_MIGRATION_ID,
    migrations: view.migrations,
  };
  let plan: ComplaintMigrationPlan;
  let calendarFor: CalendarFor;
  try {
    calendarFor = await migrationCalendars(calendars, planInput);
    plan = planComplaintMigration(calendarFor, planInput);
  } catch (err) {
    if (!isPermanent(err)) throw err;
    // What the migration itself would refuse as `cannot_compute` (a calendar outside its years, …).
    const message = `${(err as Error).name}: ${(err as Error).message}`.slice(0, 2_000);
    return { ...complaint, status: view.state.status, fromVersion: view.process.versionId, outcome: { migrates: false, skip: { reason: 'cannot_compute', message } } };
  }
  const outcome = plan.ok
    ? { migrates: true as const, record: plan.record, consequences: migrationConsequences(calendarFor, planInput, plan) }
    : { migrates: false as const, skip: plan.skip };
  return { ...complaint, status: view.state.status, fromVersion: view.process.versionId, outcome };
}

/** One complaint's outcome; throws (so the batch is retried) while its workflow is unavailable. */
async function migrateOne(sql: Sql, temporal: TemporalGateway, plan: StoredPlan, migrationId: string, complaintId: string, attempts: number): Promise<ItemOutcome> {
  try {
    const { record } = await temporal.migrateProcess(complaintId, { migrationId, actor: plan.requestedBy, target: plan.target, deadlineRules: plan.deadlineRules });
    return { status: 'moved', record };
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const reason = skipReasonOf(err);
    // An earlier attempt moved it, and the outcome was lost with that attempt: the timeline has it.
    if (reason === 'already_migrated') return { status: 'moved', record: await recordedMigration(sql, complaintId, migrationId) };
    if (reason) return { status: 'skipped', reason, message: err.message };
    if (err.code === 'TEMPORARILY_UNAVAILABLE' && attempts < MAX_ATTEMPTS) throw err;
    return { status: 'failed', reason: err.code, message: err.message };
  }
}

/** An error no retry cures (the calendar's years, a clock in another state): the migration would refuse it too. */
function isPermanent(err: unknown): boolean {
  return err instanceof Error && (DETERMINISTIC_ACTIVITY_ERRORS as readonly string[]).includes(err.name);
}

function skipReasonOf(err: unknown): MigrationSkipReason | undefined {
  if (!(err instanceof DomainError) || err.code !== 'NOT_MIGRATABLE') return undefined;
  return (err.details as { reason?: MigrationSkipReason } | undefined)?.reason;
}
