// The grouped report rollups (db/migrations/0022): a complaint's figures follow it when its
// category or team changes, a deleted complaint leaves nothing behind, a drift is found and a
// rebuild mends it; and the report by dimension reads them exactly, edge hours included.
import { randomUUID } from 'node:crypto';
import type { Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportBounds } from '../../domain/reports/kpi-periods.js';
import { kpiReport, type KpiQuery } from '../../read-model/kpi-report.js';
import { rebuildReportRollups, reportRollupDifferences } from '../../read-model/report-rollups.js';
import { isolatedDatabase } from '../helpers/kpi-database.js';

let db: { sql: Sql; drop(): Promise<void> };
beforeAll(async () => {
  db = await isolatedDatabase();
});
afterAll(async () => db?.drop());

const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000);

async function insertComplaint(sql: Sql, receivedAt: Date, extra: Record<string, unknown> = {}): Promise<string> {
  const id = randomUUID();
  await sql`INSERT INTO complaints ${sql({
    id,
    reference: `CMP-GROUPED-${id.slice(0, 12)}`,
    channel: 'web',
    status: 'investigating',
    customer_name: 'Grouped Test',
    customer_locale: 'en',
    subject: 'Grouped rollup test',
    description: 'A complaint of the grouped rollup tests',
    pin_hash: 'x',
    received_at: receivedAt,
    calendar_id: 'TR',
    round: 1,
    ...extra,
  })}`;
  return id;
}

/** A complaint with a settled clock, an escalation, a rejected proposal, a hand-off and a closure. */
async function complaintWithFacts(sql: Sql, at: Date, extra: Record<string, unknown>): Promise<string> {
  const id = await insertComplaint(sql, at, extra);
  await sql`INSERT INTO complaint_stage_clocks (complaint_id, stage, started_at, deadline_at, ended_at, breached)
            VALUES (${id}, 'acknowledgement', ${at}, ${minutes(at, 60)}, ${minutes(at, 30)}, false)`;
  await sql`INSERT INTO complaint_escalations (complaint_id, seq, stage, level, occurred_at) VALUES (${id}, 4, 'investigation', 'teamLead', ${minutes(at, 40)})`;
  await sql`INSERT INTO complaint_proposals (complaint_id, round, outcome, remedy, amount, currency, proposed_at, answer, answered_at)
            VALUES (${id}, 1, 'partly_upheld', 'refund', 20.50, 'EUR', ${minutes(at, 50)}, 'rejected', ${minutes(at, 70)})`;
  await sql`INSERT INTO complaint_corrective_actions (complaint_id, action_id, root_cause, recorded_at) VALUES (${id}, 'a1', '  Late   Delivery', ${minutes(at, 80)})`;
  await sql`UPDATE complaints SET status = 'closed', closure = 'external_decision', closed_at = ${minutes(at, 90)},
              resolution_business_minutes = 90, closed_within_3_business_days = true WHERE id = ${id}`;
  return id;
}

/** The grouped daily rollup's amounts of one dimension's value on the day of `at`, by metric:key. */
async function groupedDay(sql: Sql, at: Date, dimension: string, value: string | null): Promise<Record<string, number>> {
  const rows = await sql<{ metric: string; key: string; amount: string }[]>`
    SELECT metric, key, amount::text FROM report_grouped_daily
    WHERE day = report_day(${at}) AND dimension = ${dimension} AND value IS NOT DISTINCT FROM ${value} AND amount <> 0`;
  return Object.fromEntries(rows.map((r) => [r.key ? `${r.metric}:${r.key}` : r.metric, Number(r.amount)]));
}

const query = (from: string, to: string, groupBy: KpiQuery['groupBy']): KpiQuery => ({
  ...reportBounds(from, to, 'Europe/Istanbul'),
  timeZone: 'Europe/Istanbul',
  repeatWindowDays: 30,
  rootCauseLimit: 5,
  ageing: [],
  defaultCalendarId: 'TR',
  groupBy,
});

describe('grouped rollups kept by the triggers', () => {
  it('move every figure of a complaint and of its facts when its category and team change', async () => {
    const at = new Date('1991-06-12T10:00:00Z');
    const id = await complaintWithFacts(db.sql, at, { category: 'billing', team: 'billing-team', department: 'finance', product: 'card' });
    const before = await groupedDay(db.sql, at, 'category', 'billing');
    expect(before).toMatchObject({ received: 1, closed: 1, 'stage_met:acknowledgement': 1, 'escalation:teamLead': 1, external_hand_off: 1, 'answered:first:rejected': 1 });
    expect(await reportRollupDifferences(db.sql)).toEqual([]);

    await db.sql`UPDATE complaints SET category = 'delivery', team = NULL WHERE id = ${id}`;
    expect(await groupedDay(db.sql, at, 'category', 'billing')).toEqual({});
    expect(await groupedDay(db.sql, at, 'category', 'delivery')).toEqual(before);
    expect(await groupedDay(db.sql, at, 'team', 'billing-team')).toEqual({});
    expect(await groupedDay(db.sql, at, 'team', null)).toEqual(before);
    // The department did not change: its figures stayed; the whole keeps its root cause, normalised.
    expect(await groupedDay(db.sql, at, 'department', 'finance')).toEqual(before);
    expect(await groupedDay(db.sql, at, '', null)).toMatchObject({ ...before, 'root_cause:late delivery': 1 });
    expect(await reportRollupDifferences(db.sql)).toEqual([]);

    // The report by category reads the move, from the rollups as from the facts.
    const q = query('1991-06-01', '1991-06-30', 'category');
    const report = await kpiReport(db.sql, q);
    expect(report.groups.get('delivery')!.volume).toEqual({ received: 1, closed: 1, openAtStart: 0, openAtEnd: 0 });
    expect(report.groups.has('billing')).toBe(false);
    expect(report.groups.get('delivery')).toEqual((await kpiReport(db.sql, { ...q, rollups: false })).groups.get('delivery'));

    await db.sql`DELETE FROM complaint_corrective_actions WHERE complaint_id = ${id}`;
    await db.sql`DELETE FROM complaints WHERE id = ${id}`;
    for (const [dimension, value] of [['', null], ['category', 'delivery'], ['team', null], ['department', 'finance']] as const) {
      expect(await groupedDay(db.sql, at, dimension, value)).toEqual({});
    }
    expect(await reportRollupDifferences(db.sql)).toEqual([]);
  });

  it('finds a grouped rollup that drifted from the facts, and a rebuild mends it', async () => {
    const at = new Date('1992-02-03T08:00:00Z');
    const id = await insertComplaint(db.sql, at, { team: 'quality' });
    await db.sql.begin(async (tx) => {
      await tx`ALTER TABLE complaint_escalations DISABLE TRIGGER complaint_escalations_rollup_grouped_insert`;
      await tx`INSERT INTO complaint_escalations (complaint_id, seq, stage, level, occurred_at) VALUES (${id}, 1, 'investigation', 'teamLead', ${at})`;
      await tx`ALTER TABLE complaint_escalations ENABLE TRIGGER complaint_escalations_rollup_grouped_insert`;
    });
    const drift = await reportRollupDifferences(db.sql);
    expect(drift).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rollup: 'grouped_daily', dimension: 'team', value: 'quality', metric: 'escalation', key: 'teamLead', stored: null, expected: '1' }),
        expect.objectContaining({ rollup: 'grouped_monthly', dimension: 'team', value: 'quality', metric: 'escalation', key: 'teamLead', stored: null, expected: '1' }),
      ]),
    );
    await rebuildReportRollups(db.sql);
    expect(await reportRollupDifferences(db.sql)).toEqual([]);
    expect(await groupedDay(db.sql, at, 'team', 'quality')).toMatchObject({ received: 1, 'escalation:teamLead': 1 });
  });

  it('count the hours at either end of a period from the facts: a report by team cut at Istanbul midnights', async () => {
    // 2023-03-01 starts (Istanbul is UTC+3 since 2016) at 21:00Z on 28 February in Istanbul; 31 March ends at 21:00Z.
    const inside = [new Date('2023-02-28T21:30:00Z'), new Date('2023-03-15T12:00:00Z'), new Date('2023-03-31T20:30:00Z')];
    const outside = [new Date('2023-02-28T20:30:00Z'), new Date('2023-03-31T21:30:00Z')];
    for (const at of [...inside, ...outside]) await complaintWithFacts(db.sql, at, { team: 'delivery', category: 'transport' });
    // A team whose only complaint closed years before: nothing in the period, nothing open, no group.
    await complaintWithFacts(db.sql, new Date('2020-01-10T10:00:00Z'), { team: 'former-team' });
    const q = query('2023-03-01', '2023-03-31', 'team');
    const report = await kpiReport(db.sql, q);
    expect(report.groups.has('former-team')).toBe(false);
    // Open at the start: the one of 20:30Z on 28 February, closed inside; at the end: the one of 20:30Z on 31 March.
    expect(report.groups.get('delivery')!.volume).toEqual({ received: 3, closed: 3, openAtStart: 1, openAtEnd: 1 });
    expect(report.groups.get('delivery')!.escalations.total).toBe(3);
    expect(report.groups.get('delivery')!.resolution.medianBusinessHours).toBe(1.5);
    expect(report.rootCauses).toEqual([{ rootCause: 'late delivery', count: 3 }]);
    expect(report).toEqual(await kpiReport(db.sql, { ...q, rollups: false }));
  });
});
