// Who has a complaint page open (complaint_viewers): the page and its poll renew the viewer's row;
// anyone seen within the window counts as there now. Console-only state, so the console's own SQL.
import type { Sql } from 'postgres';

/** Seen this recently (the poll renews every 15 s, so a closed tab drops out within a minute). */
export const PRESENCE_WINDOW_SECONDS = 60;

export interface Viewer {
  id: string;
  name: string;
}

/** Records that `personId` has the complaint open now. */
export async function markViewing(sql: Sql, complaintId: string, personId: string): Promise<void> {
  await sql`
    INSERT INTO complaint_viewers (complaint_id, person_id, seen_at) VALUES (${complaintId}, ${personId}, now())
    ON CONFLICT (complaint_id, person_id) DO UPDATE SET seen_at = now()`;
}

/** The person closed the page (pagehide): they are not there any more. */
export async function stopViewing(sql: Sql, complaintId: string, personId: string): Promise<void> {
  await sql`DELETE FROM complaint_viewers WHERE complaint_id = ${complaintId} AND person_id = ${personId}`;
}

/** Everyone else seen on the complaint within the window, by name. */
export async function otherViewers(sql: Sql, complaintId: string, personId: string): Promise<Viewer[]> {
  return sql<Viewer[]>`
    SELECT p.id, p.name FROM complaint_viewers v JOIN staff_people p ON p.id = v.person_id
    WHERE v.complaint_id = ${complaintId} AND v.person_id <> ${personId}
      AND v.seen_at > now() - make_interval(secs => ${PRESENCE_WINDOW_SECONDS})
    ORDER BY p.name, p.id`;
}

/**
 * The complaint's id for presence (the poll runs every 15 s per open page: asking the API, and so
 * the workflow for allowed decisions, each time would cost a query per viewer for nothing).
 */
export async function complaintIdOf(sql: Sql, reference: string): Promise<string | null> {
  const [row] = await sql<{ id: string }[]>`SELECT id FROM complaints WHERE reference = ${reference}`;
  return row?.id ?? null;
}
