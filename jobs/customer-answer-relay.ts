// Delivers the customers' answers that no worker took when they were given (a deploy, a worker
// outage): each is the same update as at receipt, so the workflow takes it once however often it
// is tried. Leased with SKIP LOCKED, so two relays never send one answer at the same moment.
import type { Logger } from 'pino';
import type { Sql } from 'postgres';
import { DomainError } from '../domain/errors.js';
import { claimPendingAnswers, deliverCustomerAnswer, refuseCustomerAnswer, retryCustomerAnswerLater } from '../read-model/customer-answers.js';
import type { DataKeyStore } from '../security/data-keys.js';
import type { TemporalGateway } from '../temporal/gateway.js';

export interface CustomerAnswerRelayDeps {
  sql: Sql;
  /** The sealing gateway: the answer's words go into the workflow sealed, as from the API. */
  temporal: TemporalGateway;
  dataKeys: DataKeyStore;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
}

export interface CustomerAnswerRelayOptions {
  pollMs: number;
  /** How long a claimed answer is this relay's: longer than one update's deadline. */
  leaseMs?: number;
  batch?: number;
  /** Longest wait between two attempts at one answer. */
  maxBackoffMs?: number;
  /** How long one attempt waits for a worker to take the update (default the gateway's deadline). */
  waitMs?: number;
}

/** Delay before the next attempt after `attempts` failed ones: 1 s, 2 s, 4 s … up to the cap. */
export function answerRetryDelayMs(attempts: number, maxMs: number): number {
  return Math.min(maxMs, 1000 * 2 ** Math.max(0, attempts - 1));
}

/** One round: every due answer tried once, side by side. Answers how many were delivered, refused and left pending. */
export async function relayCustomerAnswers(deps: CustomerAnswerRelayDeps, opts: CustomerAnswerRelayOptions) {
  const claimed = await claimPendingAnswers(deps.sql, deps.dataKeys, { batch: opts.batch ?? 50, leaseMs: opts.leaseMs ?? 60_000 });
  const outcomes = await Promise.all(claimed.map((answer) => relayOne(deps, opts, answer)));
  return {
    delivered: outcomes.filter((o) => o === 'delivered').length,
    refused: outcomes.filter((o) => o === 'refused').length,
    pending: outcomes.filter((o) => o === 'pending').length,
  };
}

async function relayOne(
  deps: CustomerAnswerRelayDeps,
  opts: CustomerAnswerRelayOptions,
  answer: Awaited<ReturnType<typeof claimPendingAnswers>>[number],
): Promise<'delivered' | 'refused' | 'pending'> {
  if (answer.input === null) {
    await refuseCustomerAnswer(deps.sql, answer.id, { code: 'GONE', message: 'The personal data of this complaint was erased' });
    return 'refused';
  }
  try {
    const outcome = await deliverCustomerAnswer(deps, { ...answer, input: answer.input }, opts.waitMs);
    if (outcome.delivered) return 'delivered';
  } catch (err) {
    if (err instanceof DomainError) {
      // Recorded as refused: the round closed before the answer arrived (deemed accepted, say).
      deps.log.warn({ complaintId: answer.complaintId, code: err.code }, 'a received customer answer was refused by its complaint');
      return 'refused';
    }
    deps.log.error({ err, complaintId: answer.complaintId }, 'customer answer delivery failed; retrying');
  }
  await retryCustomerAnswerLater(deps.sql, answer.id, answerRetryDelayMs(answer.attempts, opts.maxBackoffMs ?? 60_000));
  return 'pending';
}

/** Runs rounds every `pollMs` until stopped; `stop()` resolves once the round in flight is done. */
export function runCustomerAnswerRelay(deps: CustomerAnswerRelayDeps, opts: CustomerAnswerRelayOptions): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<unknown> = Promise.resolve();
  const round = () => {
    if (stopped) return;
    inFlight = relayCustomerAnswers(deps, opts)
      .then((counts) => {
        if (counts.delivered + counts.refused > 0) deps.log.info(counts, 'customer answers relayed');
      })
      .catch((err: unknown) => deps.log.error({ err }, 'customer answer relay round failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(round, opts.pollMs);
      });
  };
  round();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
    },
  };
}
