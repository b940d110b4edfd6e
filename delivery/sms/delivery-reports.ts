// A gateway's delivery report applied to its outbox row: found by (provider, provider message id),
// a `sent` row becomes `delivered`, `failed` or `bounced`. Reports are at-least-once on every
// gateway, so a repeated report, or one about a row already settled, changes nothing. A failure
// or bounce reported later is a failure like the dispatcher's: logged, and the team is told.
import type { Sql } from 'postgres';
import { writeFailureNotice } from '../failure-notice.js';
import type { ClaimedMessage } from '../outbox-claims.js';

export const DELIVERY_REPORT_STATUSES = ['delivered', 'failed', 'bounced'] as const;
export type DeliveryReportStatus = (typeof DELIVERY_REPORT_STATUSES)[number];

export interface DeliveryReport {
  /** The adapter's name as the row holds it (`webhook`, `netgsm`). */
  provider: string;
  providerMessageId: string;
  status: DeliveryReportStatus;
  /** The gateway's reason for a failure or bounce. */
  error?: string | undefined;
  /** When the handset got it, if the gateway says (else: now). */
  at?: Date | undefined;
}

/** `updated`: the row moved; `settled`: it had already left `sent`; `unknown`: no row has this id (yet). */
export type DeliveryReportOutcome = { result: 'updated' | 'settled'; messageId: number; status: string } | { result: 'unknown' };

export async function recordDeliveryReport(sql: Sql, report: DeliveryReport, staffLocale = 'tr'): Promise<DeliveryReportOutcome> {
  const delivered = report.status === 'delivered';
  const error = delivered ? null : (report.error ?? `the gateway reported the message ${report.status}`).slice(0, 1000);
  const moved = await sql.begin(async (tx) => {
    const [updated] = await tx<(Omit<ClaimedMessage, 'reclaimed'> & { status: string })[]>`
      UPDATE outbox_messages m
      SET status = ${report.status},
          delivered_at = ${delivered ? (report.at ?? new Date()) : null},
          last_error = coalesce(${error}, m.last_error)
      FROM complaints c
      WHERE c.id = m.complaint_id AND m.provider = ${report.provider}
        AND m.provider_message_id = ${report.providerMessageId} AND m.status = 'sent'
      RETURNING m.id::int AS id, m.complaint_id AS "complaintId", c.reference, m.seq, m.audience, m.channel, m.recipient,
        m.locale, m.template, m.subject, m.body, m.response_link_id AS "responseLinkId",
        m.idempotency_key AS "idempotencyKey", m.attempts, m.status`;
    if (updated && !delivered) {
      await tx`INSERT INTO outbox_delivery_log (message_id, event, detail) VALUES (${updated.id}, ${report.status}, ${error})`;
      await writeFailureNotice(tx, { ...updated, reclaimed: false }, { error: error ?? '', bounced: report.status === 'bounced', staffLocale });
    }
    return updated;
  });
  if (moved) return { result: 'updated', messageId: Number(moved.id), status: moved.status };
  const [existing] = await sql<{ id: string; status: string }[]>`
    SELECT id, status FROM outbox_messages
    WHERE provider = ${report.provider} AND provider_message_id = ${report.providerMessageId}
    ORDER BY id LIMIT 1`;
  return existing ? { result: 'settled', messageId: Number(existing.id), status: existing.status } : { result: 'unknown' };
}
