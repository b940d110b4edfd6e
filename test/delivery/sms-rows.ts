// Outbox rows of SMS already handed to a gateway (`sent`, with the gateway's id), for the
// delivery-report tests. Not a test file itself.
import { randomInt, randomUUID } from 'node:crypto';
import type { Sql } from 'postgres';

/** A complaint with one SMS row per given gateway id, each `sent` through `provider`. */
export async function sentSmsRows(sql: Sql, provider: string, providerMessageIds: string[]): Promise<{ complaintId: string; rowIds: number[] }> {
  const complaintId = randomUUID();
  await sql`
    INSERT INTO complaints (id, reference, channel, status, customer_name, customer_phone, customer_locale, subject, description, pin_hash, received_at)
    VALUES (${complaintId}, ${`SMS-${randomInt(10 ** 9)}`}, 'phone', 'received', 'Ayşe Yılmaz', '+905321234567', 'tr', 'Fatura', 'Fazla ücret', 'x', now())`;
  const rowIds: number[] = [];
  for (const [i, id] of providerMessageIds.entries()) {
    const [row] = await sql<{ id: string }[]>`
      INSERT INTO outbox_messages (complaint_id, seq, ordinal, audience, channel, recipient, locale, template, subject, body,
        status, provider, provider_message_id, sending_started_at, sent_at)
      VALUES (${complaintId}, 1, ${i + 1}, 'customer', 'sms', '+905321234567', 'tr', 'acknowledgement', 'Şikayetiniz alındı',
        'Şikayetiniz alındı.', 'sent', ${provider}, ${id}, now(), now())
      RETURNING id`;
    rowIds.push(Number(row!.id));
  }
  return { complaintId, rowIds };
}

export async function rowStatus(sql: Sql, id: number) {
  const [row] = await sql<{ status: string; last_error: string | null; delivered_at: Date | null }[]>`
    SELECT status, last_error, delivered_at FROM outbox_messages WHERE id = ${id}`;
  return row!;
}
