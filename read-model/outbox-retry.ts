// Staff send a message again that delivery gave up on (POST …/messages/{id}/retry): the row goes
// back to pending with its attempts reset, the dispatcher is woken (trigger 0013), and who did it
// stays on the row and in outbox_delivery_log.
import type { Sql } from 'postgres';
import type { Actor } from '../domain/lifecycle/index.js';

/** Rows a retry applies to: given up, or skipped for want of an address (the directory may know one now). */
export const RETRYABLE_STATUSES = ['failed', 'bounced', 'skipped'] as const;

export type RetryResult = { ok: true } | { ok: false; reason: 'not_found' } | { ok: false; reason: 'not_retryable'; status: string };

export async function retryMessage(sql: Sql, complaintId: string, messageId: number, actor: Actor): Promise<RetryResult> {
  return sql.begin(async (tx) => {
    const [row] = await tx<{ status: string }[]>`
      SELECT status FROM outbox_messages WHERE id = ${messageId} AND complaint_id = ${complaintId} FOR UPDATE`;
    if (!row) return { ok: false, reason: 'not_found' } as const;
    if (!(RETRYABLE_STATUSES as readonly string[]).includes(row.status)) return { ok: false, reason: 'not_retryable', status: row.status } as const;
    await tx`
      UPDATE outbox_messages SET status = 'pending', attempts = 0, next_attempt_at = NULL, sending_started_at = NULL,
        retried_by = ${actor.id}, retried_at = now()
      WHERE id = ${messageId}`;
    await tx`
      INSERT INTO outbox_delivery_log (message_id, event, actor_id, actor_role, detail)
      VALUES (${messageId}, 'retried', ${actor.id}, ${actor.role}, ${`was ${row.status}`})`;
    // A skipped row does not fire the retry trigger; wake the dispatchers all the same.
    await tx`SELECT pg_notify('outbox_messages', '')`;
    return { ok: true } as const;
  });
}
