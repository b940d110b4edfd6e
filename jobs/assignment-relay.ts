// The assignment relay: takes queue claims whose assignment (or release) has not reached the
// complaint's workflow yet and sends it as an `assign` decision, as the outbox dispatcher sends
// messages: rows taken with FOR UPDATE SKIP LOCKED (several relays never take one claim), the
// take committed before the call, woken by NOTIFY complaint_claims, polling for retries.
//
// Taken once: the update id is derived from the claim (`queue-claim:<id>`, `queue-release:<id>`),
// so a relay killed mid-call, whose claim another relay takes after the lease, sends the same
// update id and Temporal answers with the first result (the run also remembers the ids it
// applied across continue-as-new). The workflow's recorded transition sets the read model's
// assignee; the relay only records where the claim stands.
import { startNotifiedPollLoop, type NotifiedPollLoop } from '../db/notified-poll-loop.js';
import type { Sql } from 'postgres';
import type { Logger } from 'pino';
import { retryDelayMs } from '../delivery/backoff.js';
import { DomainError, type ErrorCode } from '../domain/errors.js';
import {
  recordAssigned,
  recordRefused,
  recordRelayRetry,
  recordReleased,
  takeDueClaims,
  type RelayTask,
} from '../read-model/claim-relay.js';
import { CLAIM_RELAY_CHANNEL } from '../read-model/work-queues.js';
import type { TemporalGateway } from '../temporal/gateway.js';

export interface AssignmentRelayOptions {
  pollMs: number;
  leaseMs: number;
  batchSize?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Language of the notice a claimer gets when the workflow refused their claim. */
  staffLocale?: string;
  /** Relay only these teams' claims (a test's relay leaves others' claims alone). */
  teams?: readonly string[];
}

/** What the workflow answers when it takes no such assignment: retrying cannot change it. */
const REFUSALS: readonly ErrorCode[] = ['INVALID_TRANSITION', 'NOT_ALLOWED_FOR_ROLE', 'VALIDATION_FAILED', 'GONE', 'NOT_FOUND', 'CONFLICT'];

export const claimUpdateKey = (claimId: string) => `queue-claim:${claimId}`;
export const releaseUpdateKey = (claimId: string) => `queue-release:${claimId}`;

type Step = 'done' | 'retry' | 'lost';

export function createAssignmentRelay(deps: { sql: Sql; temporal: TemporalGateway; log: Logger }, opts: AssignmentRelayOptions) {
  const { sql, temporal } = deps;
  const log = deps.log.child({ component: 'assignment-relay' });
  const batchSize = opts.batchSize ?? 20;
  const backoff = { baseMs: opts.backoffBaseMs ?? 5_000, maxMs: opts.backoffMaxMs ?? 300_000 };

  const isRefusal = (err: unknown): err is DomainError => err instanceof DomainError && REFUSALS.includes(err.code);

  async function retry(task: RelayTask, err: unknown): Promise<Step> {
    const delayMs = retryDelayMs(task.attempts, backoff);
    const error = err instanceof Error ? err.message.slice(0, 500) : String(err);
    log.info({ claimId: task.claimId, attempts: task.attempts, delayMs, error }, 'assignment not delivered; will retry');
    return (await recordRelayRetry(sql, task, error, delayMs)) ? 'retry' : 'lost';
  }

  /** Sends the claim's assignment; answers the workflow's assignee after it, or how it ended. */
  async function assign(task: RelayTask): Promise<{ step: Step; assignee?: string | null }> {
    try {
      const status = await temporal.decide(
        task.complaintId,
        { actor: { id: task.claimedBy, role: task.claimedByRole }, decision: { type: 'assign', assignee: task.claimedBy, team: task.team } },
        claimUpdateKey(task.claimId),
      );
      if (!(await recordAssigned(sql, task))) return { step: 'lost' };
      return { step: 'done', assignee: status.state.assignee };
    } catch (err) {
      if (!isRefusal(err)) return { step: await retry(task, err) };
      log.info({ claimId: task.claimId, reference: task.reference, code: err.code }, 'the workflow refused a queue assignment; the claim ends');
      return { step: (await recordRefused(sql, task, err.message, opts.staffLocale ?? 'tr')) ? 'done' : 'lost' };
    }
  }

  /** Clears the workflow's assignee, unless someone else has the complaint by now. */
  async function release(task: RelayTask, assignee: string | null): Promise<Step> {
    if (assignee !== task.claimedBy) {
      return (await recordReleased(sql, task, 'skipped', assignee ? `assigned to ${assignee} meanwhile` : 'nobody was assigned')) ? 'done' : 'lost';
    }
    try {
      await temporal.decide(
        task.complaintId,
        {
          actor: { id: task.releasedBy ?? task.claimedBy, role: task.releasedByRole ?? task.claimedByRole },
          decision: { type: 'assign', assignee: null },
        },
        releaseUpdateKey(task.claimId),
      );
      return (await recordReleased(sql, task, 'recorded')) ? 'done' : 'lost';
    } catch (err) {
      if (!isRefusal(err)) return retry(task, err);
      return (await recordReleased(sql, task, 'skipped', err.message)) ? 'done' : 'lost';
    }
  }

  async function relay(task: RelayTask): Promise<Step> {
    let assignee = task.assignee;
    if (task.assign) {
      const assigned = await assign(task);
      if (assigned.step !== 'done' || assigned.assignee === undefined) return assigned.step;
      assignee = assigned.assignee;
    }
    return task.release ? release(task, assignee) : 'done';
  }

  /** One round: takes a batch and relays it. Answers how many claims it took. */
  async function runOnce(): Promise<number> {
    const tasks = await takeDueClaims(sql, { batchSize, leaseMs: opts.leaseMs, teams: opts.teams });
    await Promise.all(
      tasks.map((task) =>
        // A database error while recording leaves the take leased: the lease brings it back.
        relay(task).catch((err: unknown) => log.error({ err, claimId: task.claimId }, 'could not record a queue assignment')),
      ),
    );
    return tasks.length;
  }

  /** Runs until stopped: wakes on NOTIFY complaint_claims and every pollMs. `stop` lets in-flight work finish. */
  function start(): NotifiedPollLoop {
    return startNotifiedPollLoop({ sql: sql, log, channel: CLAIM_RELAY_CHANNEL, pollMs: opts.pollMs, batchSize: batchSize, runOnce, failure: 'taking queue claims failed; trying again after the poll interval' });
  }

  return { runOnce, start };
}

export type AssignmentRelay = ReturnType<typeof createAssignmentRelay>;
