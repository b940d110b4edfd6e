// A customer's answer, kept before it goes to the workflow: the customer's one click is never
// refused because workers are down or deploying. The answer is checked against the read model
// (the link open, its round or question the open one), recorded once per round or question, then
// delivered as the workflow's update, at once when a worker takes it and else by the relay
// (jobs/customer-answer-relay.ts). The update id is fixed at receipt, so however often delivery is
// tried the workflow takes the answer once; a round the workflow has closed meanwhile refuses it.
import { randomUUID } from 'node:crypto';
import type { Sql } from 'postgres';
import { DomainError, type ErrorCode } from '../domain/errors.js';
import { DataKeyDestroyedError, type DataKeyStore } from '../security/data-keys.js';
import type { TemporalGateway } from '../temporal/gateway.js';
import type { ComplaintSnapshot, CustomerAnswerInput } from '../workflows/complaint.messages.js';


export interface ReceivedAnswer {
  complaintId: string;
  /** What makes two answers one: `round:<n>` for a proposal, `info:<requestId>` for a question. */
  slot: string;
  updateId: string;
  input: CustomerAnswerInput;
}

export interface StoredAnswer {
  id: string;
  updateId: string;
  status: 'pending' | 'delivered' | 'refused';
  refusal: { code: ErrorCode; message: string } | null;
}

/** Records the answer unless its round or question has one already; answers the row that counts. */
export async function recordCustomerAnswer(sql: Sql, dataKeys: DataKeyStore, answer: ReceivedAnswer): Promise<StoredAnswer> {
  // A complaint filed before data keys gets one now (as the sealing gateway does); an erased one takes nothing.
  const sealer = await dataKeys.sealerOfRunning(answer.complaintId).catch((err: unknown) => {
    if (err instanceof DataKeyDestroyedError) throw new DomainError('GONE', 'The personal data of this complaint was erased; it takes nothing more');
    throw err;
  });
  type Row = { id: string; update_id: string; status: StoredAnswer['status']; refusal: StoredAnswer['refusal'] };
  const [inserted] = await sql<Row[]>`
    INSERT INTO customer_answers (id, complaint_id, answer_slot, link_id, update_id, sealed_input)
    VALUES (${randomUUID()}, ${answer.complaintId}, ${answer.slot}, ${answer.input.linkId}, ${answer.updateId},
      ${sealer.seal(JSON.stringify(answer.input))})
    ON CONFLICT (complaint_id, answer_slot) DO NOTHING
    RETURNING id, update_id, status, refusal`;
  // A statement of its own: the conflicting row may be a concurrent request's, committed after the insert began.
  const [row] = inserted
    ? [inserted]
    : await sql<Row[]>`SELECT id, update_id, status, refusal FROM customer_answers WHERE complaint_id = ${answer.complaintId} AND answer_slot = ${answer.slot}`;
  return { id: row!.id, updateId: row!.update_id, status: row!.status, refusal: row!.refusal };
}

export type DeliveryOutcome = { delivered: true; status: ComplaintSnapshot } | { delivered: false };

/**
 * One delivery attempt: the workflow's answer, or `{ delivered: false }` while no worker takes it
 * (the row stays pending for the relay). A refusal by the workflow is recorded and thrown.
 */
export async function deliverCustomerAnswer(
  deps: { sql: Sql; temporal: TemporalGateway },
  answer: { id: string; complaintId: string; updateId: string; input: CustomerAnswerInput },
  waitMs?: number,
): Promise<DeliveryOutcome> {
  try {
    const status = await deps.temporal.answerAsCustomer(answer.complaintId, answer.input, answer.updateId, waitMs);
    await deps.sql`
      UPDATE customer_answers SET status = 'delivered', settled_at = now(), lease_until = NULL
      WHERE id = ${answer.id} AND status = 'pending'`;
    return { delivered: true, status };
  } catch (err) {
    if (err instanceof DomainError && err.code !== 'TEMPORARILY_UNAVAILABLE' && err.code !== 'INTERNAL') {
      await deps.sql`
        UPDATE customer_answers SET status = 'refused', settled_at = now(), lease_until = NULL,
          refusal = ${deps.sql.json({ code: err.code, message: err.message })}
        WHERE id = ${answer.id} AND status = 'pending'`;
      throw err;
    }
    if (err instanceof DomainError) return { delivered: false };
    throw err;
  }
}

/** Pending answers due for an attempt, leased to this relay for `leaseMs` (another relay skips them). */
export async function claimPendingAnswers(
  sql: Sql,
  dataKeys: DataKeyStore,
  opts: { batch: number; leaseMs: number },
): Promise<Array<{ id: string; complaintId: string; updateId: string; input: CustomerAnswerInput | null; attempts: number }>> {
  const rows = await sql<{ id: string; complaint_id: string; update_id: string; sealed_input: string; attempts: number }[]>`
    UPDATE customer_answers SET lease_until = now() + make_interval(secs => ${opts.leaseMs / 1000}), attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM customer_answers
      WHERE status = 'pending' AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())
      ORDER BY next_attempt_at LIMIT ${opts.batch} FOR UPDATE SKIP LOCKED)
    RETURNING id, complaint_id, update_id, sealed_input, attempts`;
  return Promise.all(
    rows.map(async (r) => {
      const opened = await dataKeys.open(r.sealed_input);
      return { id: r.id, complaintId: r.complaint_id, updateId: r.update_id, input: opened === null ? null : (JSON.parse(opened) as CustomerAnswerInput), attempts: r.attempts };
    }),
  );
}

/** Puts an answer back for a later attempt (the workflow was unreachable), `delayMs` from now. */
export async function retryCustomerAnswerLater(sql: Sql, id: string, delayMs: number): Promise<void> {
  await sql`
    UPDATE customer_answers SET lease_until = NULL, next_attempt_at = now() + make_interval(secs => ${delayMs / 1000})
    WHERE id = ${id} AND status = 'pending'`;
}

/** Settles an answer that can no longer go anywhere (its complaint's personal data was erased). */
export async function refuseCustomerAnswer(sql: Sql, id: string, refusal: { code: ErrorCode; message: string }): Promise<void> {
  await sql`
    UPDATE customer_answers SET status = 'refused', settled_at = now(), lease_until = NULL, refusal = ${sql.json(refusal)}
    WHERE id = ${id} AND status = 'pending'`;
}
