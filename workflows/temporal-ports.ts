// What a complaint's run gets from Temporal: activity proxies with their retry policies, patch
// markers, deterministic ids and time, and the failure types updates and incidents use.
import { ActivityFailure, ApplicationFailure, patched, proxyActivities, uuid4 } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { DETERMINISTIC_ACTIVITY_ERRORS, type DomainError } from '../domain/errors.js';
import type { RunPorts } from './complaint-run.js';

// The read model's activities retry until they succeed (PostgreSQL back, a fixed template
// deployed): a complaint waits, it never fails, and never runs ahead of what staff see. Only a
// divergence from a reset (READ_MODEL_DIVERGED, thrown non-retryable) stops them.
const readModel = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// Clock arithmetic that no retry can cure (out of the calendar's years, a clock in the wrong state)
// fails at once and becomes an incident on the timeline (`tolerate`) instead of holding every
// timer and decision behind it.
const clocks = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: [...DETERMINISTIC_ACTIVITY_ERRORS],
  },
});

export const temporalRunPorts: RunPorts = {
  readModel,
  clocks,
  patched,
  uuid: uuid4,
  // The start time of the current workflow task: deterministic on replay.
  now: () => new Date().toISOString(),
  permanentFailure(err) {
    const cause = err instanceof ActivityFailure ? err.cause : undefined;
    if (!(cause instanceof ApplicationFailure) || !isPermanent(cause)) return undefined;
    return { errorType: cause.type ?? 'Error', message: cause.message };
  },
  refusal: asFailure,
};

/** Failed for good: thrown as non-retryable, or of a type the retry policy does not retry. */
function isPermanent(failure: ApplicationFailure): boolean {
  return failure.nonRetryable || (DETERMINISTIC_ACTIVITY_ERRORS as readonly string[]).includes(failure.type ?? '');
}

/** A refusal crosses to the caller as an ApplicationFailure whose type is the error code. */
function asFailure(error: DomainError): ApplicationFailure {
  return ApplicationFailure.create({ type: error.code, message: error.message, details: [error.details ?? null], nonRetryable: true });
}
