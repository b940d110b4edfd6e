// Staff actions that are no complaint's event (staff_audit_events, migration 0021): the auditor's
// timeline reads them beside the complaints' own events.
import type { Sql } from 'postgres';

export interface StaffAuditEntry {
  actorId: string | null;
  actorRole: string | null;
  action: string;
  subject?: string | null;
  details?: Record<string, unknown>;
}

export async function recordStaffAction(sql: Sql, entry: StaffAuditEntry): Promise<void> {
  await sql`
    INSERT INTO staff_audit_events (actor_id, actor_role, action, subject, details)
    VALUES (${entry.actorId}, ${entry.actorRole}, ${entry.action}, ${entry.subject ?? null}, ${sql.json((entry.details ?? {}) as never)})`;
}
