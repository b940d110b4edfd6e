// Shared by the retention workflow, its schedule and its callers (the API's "run it now").

/** The Temporal Schedule the worker makes at start: one daily retention run. */
export const RETENTION_SCHEDULE_ID = 'plaint-retention';

export type RetentionTrigger = 'schedule' | 'manual';

export interface RetentionRunInput {
  trigger: RetentionTrigger;
  /** The admin who started a manual run. */
  startedBy?: string;
}

/** A manual run's workflow id; the schedule names its runs itself (`retention-schedule-<time>`). */
export function retentionRunWorkflowId(trigger: RetentionTrigger, unique: string): string {
  return `retention-${trigger}-${unique}`;
}

/** What one run erased (stored in `retention_runs`; GET /v1/retention/runs lists them). */
export interface RetentionRunReport {
  id: string;
  trigger: RetentionTrigger;
  startedBy: string | null;
  startedAt: string;
  finishedAt: string | null;
  erasedCount: number;
  /** Complaints erased per pinned process version (`iso-10002-default@3`). */
  byVersion: Record<string, number>;
  /** Erasures (on request or by retention) that had stopped half-way (a process died), finished by this run. */
  resumedCount: number;
  /** Complaints whose erasure failed (by id and error kind; never personal data); the next run tries again. */
  failures: Array<{ complaintId: string; error: string }>;
  /** Operational records deleted past their period, per table (`sso_sign_in_attempts`, `personal_data_reads`). */
  purged: Record<string, number>;
}
