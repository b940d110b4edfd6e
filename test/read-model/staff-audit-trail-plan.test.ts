// The audit trail's complaint source reads staff decisions across all complaints by time: with
// thousands of events PostgreSQL must take it along migration 0024's indexes (a first page, a
// page after a cursor, one person's), not scan and sort every event. The rows live in a
// transaction that is rolled back: the database is shared with every other test file.
import type { Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectDatabase } from '../../db/connect.js';
import { complaintSource, type AuditTrailQuery } from '../../read-model/staff-audit-trail.js';

const COMPLAINTS = 500;
const EVENTS_EACH = 25;

let sql: Sql;
beforeAll(() => {
  sql = connectDatabase(inject('databaseUrl'), { max: 1 });
});
afterAll(() => sql.end({ timeout: 5 }));

class RolledBack extends Error {}

/** Runs `check` on a database holding COMPLAINTS × EVENTS_EACH events, then forgets them. */
async function withEvents(check: (tx: Sql) => Promise<void>): Promise<void> {
  await sql
    .begin(async (tx) => {
      const prefix = 9000 + Math.floor(Math.random() * 900);
      await tx`
        INSERT INTO complaints (id, reference, channel, status, customer_name, customer_locale, subject, description, pin_hash, received_at)
        SELECT gen_random_uuid(), 'CMP-2031-' || ${prefix}::text || lpad(n::text, 6, '0'), 'web', 'investigating', 'A. Customer', 'tr',
               'Subject', 'A description', 'x', now() - make_interval(days => n % 300)
        FROM generate_series(1, ${COMPLAINTS}) n`;
      // A third of the events are staff decisions, by agent-0 and agent-1 (thousands each), the rest the system's.
      await tx`
        INSERT INTO complaint_events (complaint_id, seq, type, actor_id, actor_role, occurred_at, data)
        SELECT c.id, s, CASE WHEN s % 3 = 0 THEN 'note' ELSE 'deadline_warning' END,
               CASE WHEN s % 3 = 0 THEN 'agent-' || (s % 2) ELSE 'system' END,
               CASE WHEN s % 3 = 0 THEN 'agent' ELSE 'system' END,
               c.received_at + make_interval(hours => s), '{}'::jsonb
        FROM complaints c CROSS JOIN generate_series(0, ${EVENTS_EACH - 1}) s
        WHERE c.reference LIKE ${`CMP-2031-${prefix}%`}`;
      await tx`ANALYZE complaint_events`;
      await tx`ANALYZE complaints`;
      await check(tx as unknown as Sql);
      throw new RolledBack();
    })
    .catch((err: unknown) => {
      if (!(err instanceof RolledBack)) throw err;
    });
}

/** The plan's node types and the indexes it reads, of the complaint source for `query`. */
async function planOf(tx: Sql, query: Omit<AuditTrailQuery, 'limit'>): Promise<{ nodes: string[]; indexes: string[] }> {
  const [row] = await tx<{ 'QUERY PLAN': unknown }[]>`EXPLAIN (FORMAT JSON) ${complaintSource(tx, { limit: 50, ...query })}`;
  const nodes: string[] = [];
  const indexes: string[] = [];
  const walk = (node: Record<string, unknown>) => {
    nodes.push(`${node['Node Type']}${node['Relation Name'] ? ` on ${node['Relation Name']}` : ''}`);
    if (typeof node['Index Name'] === 'string') indexes.push(node['Index Name']);
    for (const child of (node['Plans'] as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  const plan = row!['QUERY PLAN'];
  walk((typeof plan === 'string' ? (JSON.parse(plan) as Array<{ Plan: Record<string, unknown> }>) : (plan as Array<{ Plan: Record<string, unknown> }>))[0]!.Plan);
  return { nodes, indexes };
}

describe('the audit trail’s complaint source', () => {
  it('reads a page along the time index, and one person’s along theirs, never scanning every event', async () => {
    await withEvents(async (tx) => {
      const [newest] = await tx<{ at: string; complaint_id: string; seq: number }[]>`
        SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, complaint_id, seq
        FROM complaint_events WHERE actor_role = 'agent' ORDER BY occurred_at DESC, complaint_id DESC, seq DESC OFFSET 500 LIMIT 1`;
      const cursor = { at: newest!.at, id: `complaint:${newest!.complaint_id}:${String(newest!.seq).padStart(10, '0')}` };
      const cases: Array<[string, Omit<AuditTrailQuery, 'limit'>, string]> = [
        ['the first page', {}, 'complaint_events_occurred_at_idx'],
        ['a page after a complaint entry', { after: cursor }, 'complaint_events_occurred_at_idx'],
        ['a page after a console entry', { after: { at: cursor.at, id: 'console:0000000000000000042' } }, 'complaint_events_occurred_at_idx'],
        ['one person’s page', { actorId: 'agent-1', after: cursor }, 'complaint_events_actor_occurred_at_idx'],
      ];
      for (const [what, query, index] of cases) {
        const plan = await planOf(tx, query);
        expect(plan.indexes, what).toContain(index);
        expect(plan.nodes, what).not.toContain('Seq Scan on complaint_events');
        expect(plan.nodes.filter((n) => n === 'Sort'), `${what}: ${plan.nodes.join(' > ')}`).toEqual([]);
      }
    });
  });

  it('pages through the events as the trail orders them, each once', async () => {
    await withEvents(async (tx) => {
      const all = await tx<{ id: string; at: string }[]>`${complaintSource(tx, { limit: 100_000, actorId: 'agent-1' })}`;
      const seen: string[] = [];
      let after: AuditTrailQuery['after'];
      for (;;) {
        const page = await tx<{ id: string; at: string }[]>`${complaintSource(tx, { limit: 40, actorId: 'agent-1', ...(after ? { after } : {}) })}`;
        const shown = page.slice(0, 40);
        seen.push(...shown.map((r) => r.id));
        if (page.length <= 40) break;
        after = { at: shown.at(-1)!.at, id: shown.at(-1)!.id };
      }
      expect(all.length).toBeGreaterThan(100);
      expect(seen).toEqual(all.map((r) => r.id));
      // The trail's order: newest first, then by entry id in byte order, as the merge sorts.
      const trailOrder = [...all].sort((a, b) => (a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
      expect(all.map((r) => r.id)).toEqual(trailOrder.map((r) => r.id));
    });
  });
});
