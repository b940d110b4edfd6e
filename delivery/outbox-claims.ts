// The dispatcher's statements on outbox_messages. A claim is committed (status `sending`, the
// attempt counted) before the provider is called; every later write names the claim by its
// attempt number, so a dispatcher whose lease expired and was taken over cannot overwrite the
// outcome the new owner recorded.
import type { Sql, TransactionSql } from 'postgres';

export type SendableChannel = 'email' | 'sms' | 'staff_inbox';

export interface ClaimedMessage {
  id: number;
  complaintId: string;
  reference: string;
  seq: number;
  audience: string;
  channel: SendableChannel;
  recipient: string;
  locale: string;
  template: string;
  subject: string;
  body: string;
  responseLinkId: string | null;
  idempotencyKey: string;
  /** Counting this one: the claim token. */
  attempts: number;
  /** The row was left `sending` by a dispatcher that did not finish: the provider may have it. */
  reclaimed: boolean;
}

export interface ClaimOptions {
  channels: readonly SendableChannel[];
  batchSize: number;
  leaseMs: number;
  /** Only rows created at or after this instant (tests). */
  notBefore?: Date | undefined;
}

/** Takes up to `batchSize` due rows; rows another dispatcher holds are skipped, not waited for. */
export async function claimDue(sql: Sql, opts: ClaimOptions): Promise<ClaimedMessage[]> {
  const notBefore = opts.notBefore ?? new Date(0);
  return sql<ClaimedMessage[]>`
    WITH picked AS (
      SELECT id, status = 'sending' AS reclaimed FROM outbox_messages
      WHERE channel = ANY(${opts.channels as string[]}) AND created_at >= ${notBefore}
        AND ((status = 'pending' AND coalesce(next_attempt_at, created_at) <= now())
          OR (status = 'sending' AND sending_started_at < now() - ${opts.leaseMs} * interval '1 millisecond'))
      ORDER BY coalesce(next_attempt_at, created_at), id
      LIMIT ${opts.batchSize}
      FOR UPDATE SKIP LOCKED)
    UPDATE outbox_messages o
    SET status = 'sending', sending_started_at = clock_timestamp(), attempts = o.attempts + 1
    FROM picked, complaints c
    WHERE o.id = picked.id AND c.id = o.complaint_id
    RETURNING o.id, o.complaint_id AS "complaintId", c.reference, o.seq, o.audience, o.channel, o.recipient, o.locale,
      o.template, o.subject, o.body, o.response_link_id AS "responseLinkId", o.idempotency_key AS "idempotencyKey",
      o.attempts, picked.reclaimed`;
}

type Claim = Pick<ClaimedMessage, 'id' | 'attempts'>;

/** The provider took it. False when the claim was taken over meanwhile (nothing written). */
export async function recordSent(sql: Sql, claim: Claim, provider: string, providerMessageId: string): Promise<boolean> {
  const rows = await sql`
    UPDATE outbox_messages SET status = 'sent', sent_at = now(), provider = ${provider},
      provider_message_id = ${providerMessageId}, last_error = NULL, next_attempt_at = NULL
    WHERE id = ${claim.id} AND status = 'sending' AND attempts = ${claim.attempts}`;
  return rows.count === 1;
}

/** A transient failure: pending again, due after `delayMs`. */
export async function recordRetry(sql: Sql, claim: Claim, error: string, delayMs: number): Promise<boolean> {
  const rows = await sql`
    UPDATE outbox_messages SET status = 'pending', last_error = ${error},
      next_attempt_at = now() + ${delayMs} * interval '1 millisecond'
    WHERE id = ${claim.id} AND status = 'sending' AND attempts = ${claim.attempts}`;
  return rows.count === 1;
}

/** Nobody to send it to (a staff recipient without e-mail addresses). */
export async function recordSkipped(sql: Sql, claim: Claim, reason: string): Promise<boolean> {
  const rows = await sql`
    UPDATE outbox_messages SET status = 'skipped', last_error = ${reason}, next_attempt_at = NULL
    WHERE id = ${claim.id} AND status = 'sending' AND attempts = ${claim.attempts}`;
  return rows.count === 1;
}

/** Given up: `failed` or `bounced`, logged; the caller adds the team's notice in the same transaction. */
export async function recordGivenUp(tx: TransactionSql, claim: Claim, status: 'failed' | 'bounced', error: string, provider: string | null): Promise<boolean> {
  const rows = await tx`
    UPDATE outbox_messages SET status = ${status}, last_error = ${error}, next_attempt_at = NULL,
      provider = coalesce(${provider}, provider)
    WHERE id = ${claim.id} AND status = 'sending' AND attempts = ${claim.attempts}`;
  if (rows.count !== 1) return false;
  await tx`INSERT INTO outbox_delivery_log (message_id, event, detail) VALUES (${claim.id}, ${status}, ${error})`;
  return true;
}
