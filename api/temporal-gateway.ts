// The only module that calls client.workflow.*; it maps SDK errors to DomainErrors.
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { DomainError } from '../domain/errors.js';
import { complaintWorkflowId, type ComplaintIntake, type ComplaintSnapshot, statusQuery } from '../workflows/complaint.messages.js';
import type { complaintWorkflow } from '../workflows/complaint.workflow.js';

export interface TemporalGateway {
  /** Starts the complaint's workflow; starting one that already runs is not an error. */
  startComplaint(intake: ComplaintIntake): Promise<{ started: boolean }>;
  complaintStatus(complaintId: string): Promise<ComplaintSnapshot>;
  /** True when the Temporal frontend answers. */
  isReachable(): Promise<boolean>;
}

export function createTemporalGateway(client: Client, taskQueue: string): TemporalGateway {
  return {
    async startComplaint(intake) {
      try {
        await client.workflow.start<typeof complaintWorkflow>('complaintWorkflow', {
          workflowId: complaintWorkflowId(intake.complaintId),
          taskQueue,
          args: [intake],
        });
        return { started: true };
      } catch (err) {
        if (err instanceof WorkflowExecutionAlreadyStartedError) return { started: false };
        throw unavailable(err);
      }
    },
    async complaintStatus(complaintId) {
      try {
        return await client.workflow.getHandle(complaintWorkflowId(complaintId)).query(statusQuery);
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) throw new DomainError('NOT_FOUND', 'No such complaint');
        throw unavailable(err);
      }
    },
    async isReachable() {
      try {
        await client.connection.workflowService.getSystemInfo({});
        return true;
      } catch {
        return false;
      }
    },
  };
}

function unavailable(cause: unknown): DomainError {
  return new DomainError('TEMPORARILY_UNAVAILABLE', 'The workflow service is unavailable; retry shortly', undefined, { cause });
}
