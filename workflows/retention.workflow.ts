// Retention (issue 14): a daily run, started by a Temporal Schedule (temporal/retention-schedule.ts),
// erases the personal data of closed complaints whose pinned process says how long to keep it.
// All the work is one activity over PostgreSQL, in batches that heartbeat: a run stopped anywhere
// is retried and carries on (each erasure is idempotent, the report row is the run's own).
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { RetentionRunInput, RetentionRunReport } from './retention.messages.js';

const retention = proxyActivities<Activities>({
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 10 },
});

export async function retentionWorkflow(input: RetentionRunInput): Promise<RetentionRunReport> {
  return retention.runRetention({ runId: workflowInfo().workflowId, trigger: input.trigger, startedBy: input.startedBy ?? null });
}
