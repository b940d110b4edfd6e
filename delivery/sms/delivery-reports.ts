// A gateway's delivery report applied to its outbox row: found by (provider, provider message id),
// a `sent` row becomes `delivered`, `failed` or `bounced`. Reports are at-least-once on every
// gateway, so a repeated report, or one about a row already settled, changes nothing.
import type { Sql } from 'postgres';

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

export async function recordDeliveryReport(sql: Sql, report: DeliveryReport): Promise<DeliveryReportOutcome> {
  const delivered = report.status === 'delivered';
  const error = delivered ? null : (report.error ?? `the gateway reported the message ${report.status}`).slice(0, 1000);
  const [updated] = await sql<{ id: string; status: string }[]>`
    UPDATE outbox_messages
    SET status = ${report.status},
        delivered_at = ${delivered ? (report.at ?? new Date()) : null},
        last_error = coalesce(${error}, last_error)
    WHERE provider = ${report.provider} AND provider_message_id = ${report.providerMessageId} AND status = 'sent'
    RETURNING id, status`;
  if (updated) return { result: 'updated', messageId: Number(updated.id), status: updated.status };
  const [existing] = await sql<{ id: string; status: string }[]>`
    SELECT id, status FROM outbox_messages
    WHERE provider = ${report.provider} AND provider_message_id = ${report.providerMessageId}
    ORDER BY id LIMIT 1`;
  return existing ? { result: 'settled', messageId: Number(existing.id), status: existing.status } : { result: 'unknown' };
}
