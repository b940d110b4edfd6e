// Message definitions shared by the workflow and its callers (API, worker, tests), so the
// wire names, the task queue and the workflow-ID format are declared once.
import { defineQuery } from '@temporalio/workflow';

/** Default task queue of complaint workflows (config TEMPORAL_TASK_QUEUE may override). */
export const TASK_QUEUE = 'complaints';

/** The complaint's workflow ID is the complaint's ID: a UUID, never personal data. */
export function complaintWorkflowId(complaintId: string): string {
  return complaintId;
}

/** What intake hands the workflow. Personal fields travel encrypted (see temporal/codec.ts). */
export interface ComplaintIntake {
  complaintId: string;
  reference: string;
  receivedAt: string;
  channel: string;
  customer: { name: string; email?: string; phone?: string; locale: string; country?: string };
  subject: string;
  description: string;
  category?: string;
  product?: string;
  pinHash: string;
}

export interface ComplaintSnapshot {
  complaintId: string;
  reference: string;
  status: string;
  recorded: boolean;
}

export const statusQuery = defineQuery<ComplaintSnapshot>('status');
