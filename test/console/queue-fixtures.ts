// For the queues and search tests: teams of their own and complaints written straight into the
// read model (as the seeder writes them; no workflow runs for them), enough for lists, filters,
// counts and clocks, which are PostgreSQL's alone. Decisions need real complaints (the driver's).
import { randomUUID } from 'node:crypto';
import type { Sql } from 'postgres';

const run = randomUUID().slice(0, 6);
let referenceSeq = Math.floor(Math.random() * 1_000_000_000);

/** A team in a department of its own. */
export async function aTeam(sql: Sql, name: string): Promise<{ team: string; department: string }> {
  const team = `t-${run}-${name}`;
  const department = `d-${run}-${name}`;
  await sql`INSERT INTO staff_departments (id, name) VALUES (${department}, ${department}) ON CONFLICT DO NOTHING`;
  await sql`INSERT INTO staff_teams (id, name, department_id) VALUES (${team}, ${team}, ${department}) ON CONFLICT DO NOTHING`;
  return { team, department };
}

export async function joinTeam(sql: Sql, team: string, personId: string): Promise<void> {
  await sql`INSERT INTO staff_team_members (team_id, person_id) VALUES (${team}, ${personId}) ON CONFLICT DO NOTHING`;
}

export async function aRow(
  sql: Sql,
  row: {
    team?: string | null; department?: string | null; severity?: string | null; receivedAt?: string; status?: string;
    assignee?: string | null; subject?: string; category?: string | null; channel?: string;
    /** The running stage's clock: warning and deadline this many minutes from now (negative: past). */
    clock?: { warningIn: number; deadlineIn: number };
    breachCount?: number;
  },
): Promise<{ id: string; reference: string }> {
  const id = randomUUID();
  const reference = `CMP-1999-${String(referenceSeq++).padStart(10, '0')}`;
  const at = (minutes: number) => new Date(Date.now() + minutes * 60_000);
  await sql`
    INSERT INTO complaints (id, reference, channel, status, customer_name, customer_locale, subject, description, pin_hash,
      received_at, recorded_at, team, department, severity, assignee, category,
      stage, stage_started_at, stage_warning_at, stage_deadline_at, breach_count)
    VALUES (${id}, ${reference}, ${row.channel ?? 'web'}, ${row.status ?? 'investigating'}, 'A. Customer', 'tr', ${row.subject ?? 'Subject'}, 'A description',
      'x', ${row.receivedAt ?? new Date().toISOString()}, ${new Date()}, ${row.team ?? null}, ${row.department ?? null},
      ${row.severity ?? null}, ${row.assignee ?? null}, ${row.category ?? null},
      ${row.clock ? 'investigation' : null}, ${row.clock ? at(-60) : null}, ${row.clock ? at(row.clock.warningIn) : null},
      ${row.clock ? at(row.clock.deadlineIn) : null}, ${row.breachCount ?? 0})`;
  return { id, reference };
}
