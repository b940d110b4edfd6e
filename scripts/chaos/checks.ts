// What must hold after a chaos run, checked against PostgreSQL, the workflows and the mail that
// reached the SMTP server: every flow at its end, the read model equal to each workflow's state,
// no timeline event missing or doubled, no outbox message doubled or left undelivered, and no
// customer sent one message twice.
import type { Client } from '@temporalio/client';
import type { Sql } from 'postgres';
import type { ComplaintSnapshot } from '../../workflows/complaint.messages.js';
import { EXPECTED_END, type Flow } from './flows.js';

export interface ReceivedMail {
  messageId: string;
  to: string;
}

export async function findAnomalies(deps: { sql: Sql; client: Client; flows: Flow[]; mail: ReceivedMail[] }): Promise<string[]> {
  const anomalies: string[] = [];
  const { sql, client, flows } = deps;
  for (const flow of flows) {
    const name = `${flow.reference ?? '(not filed)'} (${flow.kind})`;
    if (flow.error) anomalies.push(`${name}: ${flow.error}`);
    if (!flow.id) continue;
    const [row] = await sql<{ status: string; closure: string | null; last_seq: number }[]>`
      SELECT status, closure, last_seq FROM complaints WHERE id = ${flow.id}`;
    if (!row) {
      anomalies.push(`${name}: no complaint row`);
      continue;
    }
    const expected = EXPECTED_END[flow.kind];
    if (row.status !== expected.status || row.closure !== expected.closure) {
      anomalies.push(`${name}: ended ${row.status}/${row.closure}, expected ${expected.status}/${expected.closure}`);
    }
    // The workflow's own state (a closed workflow still answers queries) against the read model.
    const status = await client.workflow.getHandle(flow.id).query<ComplaintSnapshot>('status').catch((err: Error) => err);
    if (status instanceof Error) anomalies.push(`${name}: the workflow did not answer: ${status.message}`);
    else if (status.state.status !== row.status || status.seq !== row.last_seq) {
      anomalies.push(`${name}: workflow ${status.state.status}@${status.seq}, read model ${row.status}@${row.last_seq}`);
    }
    const [events] = await sql<{ n: number; distinct_seq: number; max_seq: number; min_seq: number }[]>`
      SELECT count(*)::int AS n, count(DISTINCT seq)::int AS distinct_seq, max(seq)::int AS max_seq, min(seq)::int AS min_seq
      FROM complaint_events WHERE complaint_id = ${flow.id}`;
    // seq 0 is intake's `received`, 1 the workflow's `registered`, then one per transition up to last_seq.
    if (events!.n !== events!.distinct_seq || events!.min_seq !== 0 || events!.max_seq !== row.last_seq || events!.n !== row.last_seq + 1) {
      anomalies.push(`${name}: timeline has ${events!.n} events for seq ${events!.min_seq}..${events!.max_seq}, last_seq ${row.last_seq}`);
    }
  }
  const ids = flows.flatMap((f) => (f.id ? [f.id] : []));
  const unsettled = await sql<{ status: string; n: number }[]>`
    SELECT status, count(*)::int AS n FROM outbox_messages WHERE complaint_id = ANY(${ids}::uuid[]) AND status NOT IN ('sent', 'skipped') GROUP BY status`;
  for (const { status, n } of unsettled) anomalies.push(`${n} outbox messages still ${status}`);
  const doubled = await sql<{ complaint_id: string; template: string; n: number }[]>`
    SELECT complaint_id, template, seq, count(*)::int AS n FROM outbox_messages
    WHERE complaint_id = ANY(${ids}::uuid[]) AND audience = 'customer'
    GROUP BY complaint_id, template, seq HAVING count(*) > 1`;
  for (const d of doubled) anomalies.push(`complaint ${d.complaint_id}: ${d.n} outbox rows of ${d.template} for one transition`);
  const answers = await sql<{ status: string; why: string | null; n: number }[]>`
    SELECT status, refusal->>'code' || ': ' || (refusal->>'message') AS why, count(*)::int AS n FROM customer_answers
    WHERE complaint_id = ANY(${ids}::uuid[]) AND status <> 'delivered' GROUP BY 1, 2`;
  for (const { status, why, n } of answers) anomalies.push(`${n} customer answers ${status}${why ? ` (${why})` : ''}`);
  // The mail server's side: each message (its Message-ID is the outbox row's key) arrived once.
  const seen = new Map<string, number>();
  for (const m of deps.mail) seen.set(m.messageId, (seen.get(m.messageId) ?? 0) + 1);
  for (const [messageId, n] of seen) if (n > 1) anomalies.push(`message ${messageId} reached the customer ${n} times`);
  const [sent] = await sql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM outbox_messages WHERE complaint_id = ANY(${ids}::uuid[]) AND status = 'sent' AND channel = 'email'`;
  if (seen.size < sent!.n) anomalies.push(`${sent!.n} e-mails marked sent, ${seen.size} received`);
  return anomalies;
}
