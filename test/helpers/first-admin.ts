// For tests of the first administrator (scripts/first-admin.ts): the shared test database may hold
// an `admin` from an earlier file; this removes it with its sessions and password.
import type { Sql } from 'postgres';
import { FIRST_ADMIN_ID } from '../../scripts/first-admin.js';

export async function forgetFirstAdmin(sql: Sql): Promise<void> {
  await sql`DELETE FROM staff_sessions WHERE person_id = ${FIRST_ADMIN_ID}`;
  await sql`DELETE FROM staff_credentials WHERE person_id = ${FIRST_ADMIN_ID}`;
  await sql`DELETE FROM staff_saved_queues WHERE person_id = ${FIRST_ADMIN_ID}`;
  await sql`DELETE FROM complaint_viewers WHERE person_id = ${FIRST_ADMIN_ID}`;
  await sql`DELETE FROM staff_team_members WHERE person_id = ${FIRST_ADMIN_ID}`;
  await sql`DELETE FROM staff_people WHERE id = ${FIRST_ADMIN_ID}`;
}
