// The daily retention run as a Temporal Schedule, made by the worker at start. Creating it is
// idempotent: a schedule that exists (another worker made it, or an earlier start) is left as it
// is, so an operator may pause it or move its time in the Temporal UI and a restart keeps that.
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { RETENTION_SCHEDULE_ID, type RetentionRunInput } from '../workflows/retention.messages.js';

/** When the run starts each day (UTC): a quiet hour, after the night's deliveries. */
export const RETENTION_RUN_AT_UTC = { hour: 3, minute: 30 } as const;

export async function ensureRetentionSchedule(
  client: Client,
  taskQueue: string,
  scheduleId: string = RETENTION_SCHEDULE_ID,
): Promise<{ created: boolean }> {
  try {
    await client.schedule.create({
      scheduleId,
      spec: { calendars: [{ hour: RETENTION_RUN_AT_UTC.hour, minute: RETENTION_RUN_AT_UTC.minute, comment: 'daily retention run' }] },
      action: {
        type: 'startWorkflow',
        workflowType: 'retentionWorkflow',
        workflowId: `retention-schedule`,
        taskQueue,
        args: [{ trigger: 'schedule' } satisfies RetentionRunInput],
      },
      // A run still going (a large backlog) makes the next one wait for tomorrow, not run beside it.
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
    });
    return { created: true };
  } catch (err) {
    if (err instanceof ScheduleAlreadyRunning) return { created: false };
    throw err;
  }
}
