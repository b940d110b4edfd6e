import type { Sql } from 'postgres';
import type { ComplaintIntake } from '../workflows/complaint.messages.js';

export function createReadModelActivities({ sql }: { sql: Sql }) {
  return {
    /**
     * Writes the complaint's row (or confirms the one intake wrote) and its `registered` event.
     * Idempotent: a retry after a crash changes nothing twice.
     */
    async recordComplaint(intake: ComplaintIntake): Promise<void> {
      const c = intake.customer;
      await sql.begin(async (tx) => {
        await tx`
          INSERT INTO complaints (id, reference, channel, status, customer_name, customer_email,
            customer_phone, customer_locale, customer_country, subject, description, category,
            product, pin_hash, received_at, recorded_at)
          VALUES (${intake.complaintId}, ${intake.reference}, ${intake.channel}, 'received', ${c.name},
            ${c.email ?? null}, ${c.phone ?? null}, ${c.locale}, ${c.country ?? null}, ${intake.subject},
            ${intake.description}, ${intake.category ?? null}, ${intake.product ?? null},
            ${intake.pinHash}, ${intake.receivedAt}, now())
          ON CONFLICT (id) DO UPDATE SET recorded_at = coalesce(complaints.recorded_at, now())`;
        await tx`
          INSERT INTO complaint_events (complaint_id, seq, type, actor_id, actor_role, occurred_at, data)
          VALUES (${intake.complaintId}, 1, 'registered', 'system', 'system', now(),
            ${tx.json({ channel: intake.channel })})
          ON CONFLICT DO NOTHING`;
      });
    },
  };
}
