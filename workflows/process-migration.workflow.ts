// The workflows of a process migration plan. `processMigrationWorkflow` applies a stored plan in
// batches, from its `applyAt` on: the plan and the frozen set of complaints live in PostgreSQL,
// each complaint's outcome is written there as it is known, and each complaint takes the plan at
// most once (the update id is the plan's, the complaint remembers the plan), so a run interrupted
// anywhere resumes where it was. `processMigrationPreviewWorkflow` runs a preview on the worker,
// with the calendars and the function the migration itself uses.
import { continueAsNew, proxyActivities, sleep, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { MigrationPreviewInput, MigrationPreviewItem, ProcessMigrationInput } from './process-migration.messages.js';

/** Complaints per activity call: a worker stopped mid-batch loses at most this much progress report, never an outcome. */
const BATCH_SIZE = 25;

/** Complaints one preview activity covers. */
const PREVIEW_BATCH_SIZE = 50;

/** History length after which a long plan continues as new. */
const HISTORY_EVENTS_BEFORE_CONTINUE_AS_NEW = 2_000;

// A batch heartbeats after every complaint: a worker that died is noticed within the heartbeat
// timeout and the batch is retried on another, from the first complaint without an outcome.
const migrations = proxyActivities<Activities>({
  startToCloseTimeout: '15 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

const previews = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 seconds', maximumAttempts: 3 },
});

/** Applies one plan to its complaints, in batches; answers the final counts. */
export async function processMigrationWorkflow(input: ProcessMigrationInput) {
  const wait = input.applyAt ? Date.parse(input.applyAt) - Date.now() : 0;
  if (wait > 0) await sleep(wait);
  await migrations.beginProcessMigration({ migrationId: input.migrationId });
  for (;;) {
    const { remaining } = await migrations.migrateComplaintBatch({ migrationId: input.migrationId, size: BATCH_SIZE });
    if (remaining === 0) break;
    if (workflowInfo().historyLength > HISTORY_EVENTS_BEFORE_CONTINUE_AS_NEW || workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof processMigrationWorkflow>({ migrationId: input.migrationId });
    }
  }
  return migrations.finishProcessMigration({ migrationId: input.migrationId });
}

/** What applying a plan would do to each complaint given, as of now. */
export async function processMigrationPreviewWorkflow(input: MigrationPreviewInput): Promise<MigrationPreviewItem[]> {
  const items: MigrationPreviewItem[] = [];
  for (let i = 0; i < input.complaints.length; i += PREVIEW_BATCH_SIZE) {
    items.push(...(await previews.previewComplaintMigrations({ ...input, complaints: input.complaints.slice(i, i + PREVIEW_BATCH_SIZE) })));
  }
  return items;
}
