// What a complaint's run gets from Temporal: activity proxies with their retry policies, patch
// markers, deterministic ids and time, and the failure types updates and incidents use.
import { ActivityFailure, ApplicationFailure, patched, proxyActivities, proxyLocalActivities, uuid4 } from '@temporalio/workflow';
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
const CLOCK_RETRY = {
  initialInterval: '1 second',
  backoffCoefficient: 2,
  maximumInterval: '1 minute',
  nonRetryableErrorTypes: [...DETERMINISTIC_ACTIVITY_ERRORS],
};
const clocks = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', retry: CLOCK_RETRY });

/**
 * `local-clocks` (issue 15): the clock arithmetic runs as local activities, in the worker that runs
 * the workflow task, so a decision that moves a clock costs no round trip through the server per
 * computation. Only activities without side effects may: a local activity runs before the workflow
 * task that asks for it is recorded, so a worker killed in between runs it again with a later `now`. The
 * read-model writes stay remote for that reason (their input is fixed in the history before they
 * write; the chaos run found local ones diverging). Their results are markers where activity
 * events were, so runs recorded before replay on the remote activities. The same retry policy;
 * beyond `localRetryThreshold` a retry waits on a timer. The migration plan stays remote.
 */
const LOCAL_CLOCKS = 'local-clocks';
const clocksLocal = proxyLocalActivities<Activities>({ startToCloseTimeout: '30 seconds', retry: CLOCK_RETRY, localRetryThreshold: '10 seconds' });

type Proxied = ReturnType<typeof proxyActivities<Activities>>;

/** Each call asks the patch where it runs: a run recorded before it keeps its remote activities on replay. */
function localWhenPatched<K extends keyof Proxied>(local: Proxied, remote: Proxied, names: readonly K[]): Pick<Proxied, K> {
  const chosen = {} as Pick<Proxied, K>;
  for (const name of names) {
    const call = (...args: unknown[]) => ((patched(LOCAL_CLOCKS) ? local : remote)[name] as (...a: unknown[]) => unknown)(...args);
    chosen[name] = call as Proxied[K];
  }
  return chosen;
}

export const temporalRunPorts: RunPorts = {
  readModel,
  clocks: {
    ...localWhenPatched(clocksLocal, clocks, [
      'startStageClock',
      'pauseStageClock',
      'resumeStageClock',
      'stopStageClock',
      'fireDueEscalations',
      'answerDeadlines',
      'infoRequestDeadlines',
      'progressUpdateDue',
      'surveyLinkExpiry',
    ]),
    planProcessMigration: clocks.planProcessMigration,
  },
  patched,
  uuid: uuid4,
  // The start time of the current workflow task: deterministic on replay.
  now: () => new Date().toISOString(),
  permanentFailure(err) {
    // A remote activity's failure arrives as ActivityFailure around the cause; a local one's (1.24) as the ApplicationFailure itself.
    const cause = err instanceof ActivityFailure ? err.cause : err instanceof ApplicationFailure ? err : undefined;
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
