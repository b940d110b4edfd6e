// The benches' claimers are agents, and an agent claims only from a team they are a member of
// (read-model/work-queues.ts): the benches put them in the staff directory and in the team for
// the run, and take them out again afterwards, as they take their claims out and leave the
// complaints as their lifecycle records them.
import type { Sql } from 'postgres';

/** Makes `ids` active agents in the staff directory and members of `team`; the answer undoes it. */
export async function enrolClaimers(sql: Sql, team: string, ids: readonly string[]): Promise<() => Promise<void>> {
  const people = ids as string[];
  // Only the people this run added are removed again (a rerun after a crash finds them there).
  const added = await sql<{ id: string }[]>`
    INSERT INTO staff_people (id, name, roles)
    SELECT id, id, '{agent}' FROM unnest(${people}::text[]) AS id
    ON CONFLICT (id) DO NOTHING RETURNING id`;
  const joined = await sql<{ person_id: string }[]>`
    INSERT INTO staff_team_members (team_id, person_id)
    SELECT ${team}, id FROM unnest(${people}::text[]) AS id
    ON CONFLICT DO NOTHING RETURNING person_id`;
  return async () => {
    await sql`DELETE FROM staff_team_members WHERE team_id = ${team} AND person_id = ANY(${joined.map((r) => r.person_id)}::text[])`;
    await sql`DELETE FROM staff_people WHERE id = ANY(${added.map((r) => r.id)}::text[])
              AND NOT EXISTS (SELECT 1 FROM staff_team_members m WHERE m.person_id = staff_people.id)`;
  };
}

/**
 * Gives the complaints of removed claims back the assignee and team their lifecycle records, where
 * they differ. Only those rows are updated, found first with a plain read: rewriting unchanged
 * rows left dead versions in the queue indexes at every run, and an UPDATE that touches none still
 * waits for a lock another process's migration may hold on complaints for minutes.
 */
export async function restoreAssignees(sql: Sql, complaintIds: readonly string[]): Promise<void> {
  if (complaintIds.length === 0) return;
  const differing = await sql<{ id: string }[]>`
    SELECT id FROM complaints WHERE id = ANY(${complaintIds as string[]}::uuid[])
      AND (assignee IS DISTINCT FROM lifecycle -> 'state' ->> 'assignee' OR team IS DISTINCT FROM lifecycle -> 'state' ->> 'team')`;
  if (differing.length === 0) return;
  await sql`UPDATE complaints SET assignee = lifecycle -> 'state' ->> 'assignee', team = lifecycle -> 'state' ->> 'team'
            WHERE id = ANY(${differing.map((r) => r.id)}::uuid[])`;
}
