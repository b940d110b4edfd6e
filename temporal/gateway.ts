// The only module that calls client.workflow.*; it maps SDK errors to DomainErrors.
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  type Client,
} from '@temporalio/client';
import { ActivityFailure, ApplicationFailure } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { DomainError, isErrorCode } from '../domain/errors.js';
import type { DecisionType, Role } from '../domain/complaint.js';
import {
  allowedDecisionsQuery,
  complaintWorkflowId,
  customerAnswerUpdate,
  customerAnswerUpdateId,
  customerMessageUpdate,
  decideUpdate,
  erasePersonalDataUpdate,
  migrateProcessUpdate,
  migrationViewQuery,
  type ComplaintSnapshot,
  type DecisionResult,
  type ComplaintWorkflowInput,
  type CustomerAnswerInput,
  type CustomerMessageInput,
  type DecisionInput,
  type ErasePersonalDataInput,
  type MigrateProcessInput,
  type MigrateProcessResult,
  type MigrationView,
} from '../workflows/complaint.messages.js';
import type { complaintWorkflow } from '../workflows/complaint.workflow.js';
import {
  migrationPreviewWorkflowId,
  processMigrationWorkflowId,
  type MigrationPreviewInput,
  type MigrationPreviewItem,
  type ProcessMigrationInput,
} from '../workflows/process-migration.messages.js';
import { retentionRunWorkflowId, type RetentionRunInput } from '../workflows/retention.messages.js';
import type { retentionWorkflow } from '../workflows/retention.workflow.js';
import type { processMigrationPreviewWorkflow, processMigrationWorkflow } from '../workflows/process-migration.workflow.js';

export interface TemporalGateway {
  /** Starts the complaint's workflow; starting one that already runs is not an error. */
  startComplaint(input: ComplaintWorkflowInput): Promise<{ started: boolean }>;
  /**
   * An agent's decision; `requestKey` (the Idempotency-Key) makes a retry return the first result.
   * Temporal compares update ids only, not payloads: the caller makes sure a key carries one
   * decision (read-model/request-keys.ts).
   */
  decide(complaintId: string, input: DecisionInput, requestKey: string): Promise<DecisionResult>;
  /**
   * The decisions `role` may take on the complaint now, from its workflow: `[]` once it has
   * completed (closed); null when the workflow does not answer within a short deadline.
   */
  allowedDecisions(complaintId: string, role: Role): Promise<DecisionType[] | null>;
  /** The customer's answer through a signed link; `requestKey` names the link and the answer's hash. */
  /** `waitMs`: how long to wait for a worker (default the gateway's update deadline); the customer's answer waits in PostgreSQL after that. */
  answerAsCustomer(complaintId: string, input: CustomerAnswerInput, requestKey: string, waitMs?: number): Promise<ComplaintSnapshot>;
  /**
   * What the customer wrote to us (an e-mail reply); `messageKey` (the mail's Message-ID, hashed)
   * makes a second delivery of the same mail change nothing. GONE once the complaint is closed;
   * NOT_FOUND when no workflow runs (not started yet, or closed before the server's retention).
   */
  customerWrote(complaintId: string, input: CustomerMessageInput, messageKey: string): Promise<ComplaintSnapshot>;
  /**
   * Moves one complaint to another process version. The update id is the plan's, so a retry
   * (a resumed plan) takes it once; a refusal is `NOT_MIGRATABLE` with `details.reason`.
   */
  migrateProcess(complaintId: string, input: MigrateProcessInput): Promise<MigrateProcessResult>;
  /** What a migration preview needs of a complaint (its timers, state and process). */
  migrationView(complaintId: string): Promise<MigrationView>;
  /** Runs a migration preview on the worker (the calendars live there) and answers its items. */
  previewProcessMigration(input: MigrationPreviewInput): Promise<MigrationPreviewItem[]>;
  /** Starts the workflow that applies a stored plan; starting one that already runs is not an error. */
  startProcessMigration(input: ProcessMigrationInput): Promise<{ started: boolean }>;
  /**
   * Closes an open complaint for the erasure of its personal data (silently, as `withdrawn`); the
   * update id is the erasure's, so a retry closes it once. `already_closed` when its workflow has
   * completed (or had closed for another reason).
   */
  closeForErasure(complaintId: string, erasureId: string, actor: { id: string; role: string }): Promise<'withdrawn' | 'already_closed'>;
  /**
   * Starts a retention run now (an admin's `POST /v1/retention/runs`) and waits up to `waitMs` for
   * it: its run id, and whether it finished in that time (its report is then in the read model).
   */
  runRetention(input: RetentionRunInput, waitMs: number): Promise<{ runId: string; finished: boolean }>;
  /** True when the Temporal frontend answers. */
  isReachable(): Promise<boolean>;
}

/** How long a preview may take before the caller gets 503: it queries every complaint it covers. */
const PREVIEW_DEADLINE_MS = 60_000;

/** How long intake waits for Temporal to start a workflow before answering 202 (the reconciler starts it). */
const START_DEADLINE_MS = 5_000;

/** How long a read waits for the workflow's allowed decisions before it shows none known (null). */
const QUERY_DEADLINE_MS = 2_000;

/** How long a caller waits for a worker to take an update before it gets 503 (and may retry). */
const UPDATE_DEADLINE_MS = 10_000;

export function createTemporalGateway(client: Client, taskQueue: string, updateDeadlineMs = UPDATE_DEADLINE_MS): TemporalGateway {
  // Without a deadline the SDK re-sends an update until a worker accepts it: a request would hang.
  const withinDeadline = <T>(fn: () => Promise<T>) => client.withDeadline(Date.now() + updateDeadlineMs, fn);
  const handle = (complaintId: string) => client.workflow.getHandle(complaintWorkflowId(complaintId));
  return {
    async startComplaint(input) {
      try {
        // Intake answers 202 when Temporal is away; the SDK alone would retry for ~20 s first.
        await client.withDeadline(Date.now() + START_DEADLINE_MS, () => client.workflow.start<typeof complaintWorkflow>('complaintWorkflow', {
          workflowId: complaintWorkflowId(input.intake.complaintId),
          taskQueue,
          args: [input],
          // A closed complaint's ID is never reused: a late retry of its intake must not revive it.
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        }));
        return { started: true };
      } catch (err) {
        if (err instanceof WorkflowExecutionAlreadyStartedError) return { started: false };
        throw toDomainError(err);
      }
    },
    async decide(complaintId, input, requestKey) {
      try {
        return await withinDeadline(() =>
          handle(complaintId).executeUpdate(decideUpdate, { args: [input], updateId: `decide:${requestKey}` }),
        );
      } catch (err) {
        // The read model knows the complaint, so a missing workflow has completed: it is closed.
        if (err instanceof WorkflowNotFoundError) {
          throw new DomainError('INVALID_TRANSITION', 'This complaint is closed; it takes no more decisions', { status: 'closed', allowed: [] });
        }
        throw toDomainError(err);
      }
    },
    async allowedDecisions(complaintId, role) {
      try {
        return await client.withDeadline(Date.now() + QUERY_DEADLINE_MS, () => handle(complaintId).query(allowedDecisionsQuery, role));
      } catch (err) {
        // The read model knows the complaint, so a missing workflow has completed: it takes nothing more.
        if (err instanceof WorkflowNotFoundError) return [];
        return null;
      }
    },
    async answerAsCustomer(complaintId, input, requestKey, waitMs = updateDeadlineMs) {
      try {
        return await client.withDeadline(Date.now() + waitMs, () =>
          handle(complaintId).executeUpdate(customerAnswerUpdate, { args: [input], updateId: customerAnswerUpdateId(requestKey) }),
        );
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) throw new DomainError('GONE', 'This complaint is closed');
        throw toDomainError(err);
      }
    },
    async customerWrote(complaintId, input, messageKey) {
      try {
        return await withinDeadline(() =>
          handle(complaintId).executeUpdate(customerMessageUpdate, { args: [input], updateId: `wrote:${messageKey}` }),
        );
      } catch (err) {
        // Not started yet (intake stored it while Temporal was away), or closed long ago: the caller's read model tells.
        if (err instanceof WorkflowNotFoundError) throw new DomainError('NOT_FOUND', 'This complaint has no running workflow');
        throw toDomainError(err);
      }
    },
    async closeForErasure(complaintId, erasureId, actor) {
      try {
        const status = await withinDeadline(() =>
          handle(complaintId).executeUpdate(erasePersonalDataUpdate, {
            args: [{ erasureId, actor: actor as ErasePersonalDataInput['actor'] }],
            updateId: `erase:${erasureId}`,
          }),
        );
        return status.state.closure === 'withdrawn' && !status.state.customer.reachable ? 'withdrawn' : 'already_closed';
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) return 'already_closed';
        throw toDomainError(err);
      }
    },
    async runRetention(input, waitMs) {
      try {
        const workflowId = retentionRunWorkflowId(input.trigger, randomUUID());
        const run = await client.withDeadline(Date.now() + START_DEADLINE_MS, () =>
          client.workflow.start<typeof retentionWorkflow>('retentionWorkflow', { workflowId, taskQueue, args: [input] }),
        );
        let timer: NodeJS.Timeout | undefined;
        const finished = await Promise.race([
          run.result().then(() => true),
          new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), waitMs))),
        ]).finally(() => clearTimeout(timer));
        return { runId: workflowId, finished };
      } catch (err) {
        throw toDomainError(err);
      }
    },
    async migrateProcess(complaintId, input) {
      try {
        return await withinDeadline(() =>
          handle(complaintId).executeUpdate(migrateProcessUpdate, { args: [input], updateId: `migrate:${input.migrationId}` }),
        );
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) throw closedForMigration();
        throw toDomainError(err);
      }
    },
    async migrationView(complaintId) {
      try {
        return await withinDeadline(() => handle(complaintId).query(migrationViewQuery));
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) throw closedForMigration();
        throw toDomainError(err);
      }
    },
    async previewProcessMigration(input) {
      try {
        return await client.withDeadline(Date.now() + PREVIEW_DEADLINE_MS, () =>
          client.workflow.execute<typeof processMigrationPreviewWorkflow>('processMigrationPreviewWorkflow', {
            workflowId: migrationPreviewWorkflowId(randomUUID()),
            taskQueue,
            args: [input],
            workflowExecutionTimeout: PREVIEW_DEADLINE_MS,
          }),
        );
      } catch (err) {
        throw toDomainError(err);
      }
    },
    async startProcessMigration(input) {
      try {
        await client.withDeadline(Date.now() + START_DEADLINE_MS, () =>
          client.workflow.start<typeof processMigrationWorkflow>('processMigrationWorkflow', {
            workflowId: processMigrationWorkflowId(input.migrationId),
            taskQueue,
            args: [input],
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
          }),
        );
        return { started: true };
      } catch (err) {
        if (err instanceof WorkflowExecutionAlreadyStartedError) return { started: false };
        throw toDomainError(err);
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

/** A complaint without a running workflow has completed: it is closed and takes no migration. */
function closedForMigration(): DomainError {
  return new DomainError('NOT_MIGRATABLE', 'the complaint is closed', { reason: 'closed' });
}

/** Refusals come back as ApplicationFailures whose type is one of our error codes. */
export function toDomainError(err: unknown): DomainError {
  if (err instanceof DomainError) return err;
  if (err instanceof WorkflowNotFoundError) return new DomainError('NOT_FOUND', 'No such complaint');
  if (err instanceof WorkflowUpdateFailedError) {
    const cause = err.cause;
    if (cause instanceof ApplicationFailure && isErrorCode(cause.type)) {
      const [details] = cause.details ?? [];
      return new DomainError(cause.type, cause.message, details as Record<string, unknown> | undefined);
    }
    // Retrying cannot help: the read model holds another run's transition (README, resetting a complaint).
    if (cause instanceof ActivityFailure && cause.cause instanceof ApplicationFailure && cause.cause.type === 'READ_MODEL_DIVERGED') {
      return new DomainError('READ_MODEL_DIVERGED', "This complaint's record no longer matches its workflow; an operator must reconcile it");
    }
    if (/completed|closed/i.test(String(cause?.message ?? ''))) {
      return new DomainError('GONE', 'This complaint is closed');
    }
  }
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    return new DomainError('TEMPORARILY_UNAVAILABLE', 'The complaint did not answer in time; retry with the same Idempotency-Key', undefined, { cause: err });
  }
  return new DomainError('TEMPORARILY_UNAVAILABLE', 'The workflow service is unavailable; retry shortly', undefined, { cause: err });
}
