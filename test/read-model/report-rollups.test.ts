// The hourly/daily report rollup (db/migrations/0020) kept exact by the transactions that change
// the facts: complaints driven by a real worker, a delete cascading from a complaint, transactions
// writing the same hours at once, and the fall-back to the facts for half-hour time zones.
import { randomUUID } from 'node:crypto';
import type { Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportBounds } from '../../domain/reports/kpi-periods.js';
import { kpiReport, useRollups, type KpiQuery } from '../../read-model/kpi-report.js';
import { rebuildReportRollups, reportRollupDifferences } from '../../read-model/report-rollups.js';
import { CLASSIFY, complaintDriver } from '../helpers/complaint-driver.js';
import { eventually, integrationContext, type IntegrationContext } from '../helpers/integration.js';
import { quietProcess, seconds } from '../helpers/process.js';

let ctx: IntegrationContext;
beforeAll(async () => {
  ctx = await integrationContext();
  await ctx.startWorker();
});
afterAll(() => ctx.close());

/** A UTC hour of this run's own, far from every other test's complaints. */
function ownHour(): Date {
  return new Date(Date.UTC(1980, 0, 1) + Math.floor(Math.random() * 80_000) * 3_600_000);
}

/** The rollup's amount of one metric in the hour `at` falls in (0 when no row). */
async function hourly(sql: Sql, at: Date, metric: string, key = ''): Promise<number> {
  const [row] = await sql<{ amount: string }[]>`
    SELECT amount::text FROM report_hourly WHERE hour = report_hour(${at}) AND metric = ${metric} AND key = ${key}`;
  return Number(row?.amount ?? 0);
}

async function insertComplaint(sql: Sql, receivedAt: Date, extra: Record<string, unknown> = {}): Promise<string> {
  const id = randomUUID();
  await sql`INSERT INTO complaints ${sql({
    id,
    reference: `CMP-ROLLUP-${id.slice(0, 12)}`,
    channel: 'web',
    status: 'investigating',
    customer_name: 'Rollup Test',
    customer_locale: 'en',
    subject: 'Rollup test',
    description: 'A complaint of the rollup tests',
    pin_hash: 'x',
    received_at: receivedAt,
    calendar_id: 'TR',
    round: 1,
    ...extra,
  })}`;
  return id;
}

const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000);

describe('rollup kept by the transitions of a complaint driven by a real worker', () => {
  it('equals a rebuild from the facts after each transition: a breached and escalated run, runs that end, answers, the close', async () => {
    const d = complaintDriver(
      ctx,
      quietProcess((def) => {
        def.stages.initialReview.deadline = seconds(2);
        def.stages.initialReview.escalation = { levels: ['assignee', 'teamLead'], onBreach: [{ notify: ['teamLead'], escalate: true }] };
      }),
    );
    const c = await d.file({ customer: { name: 'Ayşe Yılmaz', email: `rollup-${randomUUID()}@example.com`, locale: 'tr', country: 'TR' } });
    const [{ received_at: receivedAt }] = (await ctx.sql<{ received_at: Date }[]>`SELECT received_at FROM complaints WHERE id = ${c.id}`) as unknown as [{ received_at: Date }];
    expect(await hourly(ctx.sql, receivedAt, 'received')).toBeGreaterThanOrEqual(1);
    await eventually(async () => ((await d.status(c)).escalationLevel === 'teamLead' ? true : undefined));
    expect(await reportRollupDifferences(ctx.sql)).toEqual([]);

    // The breached initial review stops (UPDATE of its run), the investigation starts.
    await d.decideOk(c, CLASSIFY);
    expect(await reportRollupDifferences(ctx.sql)).toEqual([]);
    await d.decideOk(c, { type: 'propose_resolution', outcome: 'partly_upheld', summary: 'We refund half.', remedy: 'refund', amount: 7500, currency: 'TRY' });
    // An answer moves the proposal's facts (UPDATE: answer and answered_at).
    await d.answer(c, { type: 'customer_rejected', round: 1, reason: 'Half is not enough.' });
    await d.waitForStatus(c, 'reinvestigating');
    expect(await reportRollupDifferences(ctx.sql)).toEqual([]);
    await d.decideOk(c, { type: 'propose_resolution', outcome: 'upheld', summary: 'We refund all.', remedy: 'refund', amount: 14999.9, currency: 'TRY' });
    await d.answer(c, { type: 'customer_accepted', round: 2 });
    await d.waitForStatus(c, 'closed');
    expect(await reportRollupDifferences(ctx.sql)).toEqual([]);

    // The close counted in its hour (UPDATE of the complaint's row), with the redress.
    const [{ closed_at: closedAt }] = (await ctx.sql<{ closed_at: Date }[]>`SELECT closed_at FROM complaints WHERE id = ${c.id}`) as unknown as [{ closed_at: Date }];
    expect(await hourly(ctx.sql, closedAt, 'closed')).toBeGreaterThanOrEqual(1);
    expect(await hourly(ctx.sql, closedAt, 'closure', 'accepted')).toBeGreaterThanOrEqual(1);
    expect(await hourly(ctx.sql, closedAt, 'redress_amount', 'TRY')).toBeGreaterThanOrEqual(14999.9);
  });
});

describe('rollup under direct changes of the facts', () => {
  it('takes back every contribution of a deleted complaint, the hand-off of its cascaded proposal too', async () => {
    const hour = ownHour();
    const id = await insertComplaint(ctx.sql, minutes(hour, 5), { prior_complaint_at: minutes(hour, 5 - 60 * 24 * 3) });
    await ctx.sql`INSERT INTO complaint_proposals (complaint_id, round, outcome, remedy, proposed_at, answer, answered_at)
                  VALUES (${id}, 1, 'not_upheld', 'explanation', ${minutes(hour, 10)}, 'rejected', ${minutes(hour, 20)})`;
    await ctx.sql`INSERT INTO complaint_stage_clocks (complaint_id, stage, started_at, deadline_at, ended_at, breached)
                  VALUES (${id}, 'acknowledgement', ${minutes(hour, 5)}, ${minutes(hour, 30)}, ${minutes(hour, 15)}, false)`;
    await ctx.sql`INSERT INTO complaint_escalations (complaint_id, seq, stage, level, occurred_at) VALUES (${id}, 3, 'investigation', 'teamLead', ${minutes(hour, 25)})`;
    // The complaint goes external after the rejection: the hand-off counts from the complaint's side.
    await ctx.sql`UPDATE complaints SET status = 'open_external' WHERE id = ${id}`;
    expect(await hourly(ctx.sql, hour, 'external_hand_off')).toBe(1);
    expect(await hourly(ctx.sql, hour, 'repeat_gap_days', '3')).toBe(1);
    expect(await hourly(ctx.sql, hour, 'stage_met', 'acknowledgement')).toBe(1);
    expect(await reportRollupDifferences(ctx.sql)).toEqual([]);

    await ctx.sql`DELETE FROM complaints WHERE id = ${id}`;
    for (const [metric, key] of [['received', ''], ['external_hand_off', ''], ['repeat_gap_days', '3'], ['stage_met', 'acknowledgement'], ['escalation', 'teamLead'], ['answered', 'first:rejected'], ['proposed', 'not_upheld']]) {
      expect(await hourly(ctx.sql, hour, metric!, key)).toBe(0);
    }
    expect(await reportRollupDifferences(ctx.sql)).toEqual([]);
  });

  it('finds a rollup that drifted from the facts, and a rebuild mends it', async () => {
    const hour = ownHour();
    const id = await insertComplaint(ctx.sql, hour);
    // A statement with the rollup's trigger off (no application path does this): the check must see it.
    await ctx.sql.begin(async (tx) => {
      await tx`ALTER TABLE complaint_escalations DISABLE TRIGGER complaint_escalations_rollup_insert`;
      await tx`INSERT INTO complaint_escalations (complaint_id, seq, stage, level, occurred_at) VALUES (${id}, 1, 'investigation', 'teamLead', ${hour})`;
      await tx`ALTER TABLE complaint_escalations ENABLE TRIGGER complaint_escalations_rollup_insert`;
    });
    const drift = await reportRollupDifferences(ctx.sql);
    expect(drift).toEqual(
      expect.arrayContaining([expect.objectContaining({ rollup: 'hourly', at: hour, metric: 'escalation', key: 'teamLead', stored: null, expected: '1' })]),
    );
    await rebuildReportRollups(ctx.sql);
    expect(await reportRollupDifferences(ctx.sql)).toEqual([]);
    expect(await hourly(ctx.sql, hour, 'escalation', 'teamLead')).toBe(1);
  });

  it('loses no update and deadlocks nowhere when transactions change the same hours at once', async () => {
    const hour = ownHour();
    const writers = 12;
    await Promise.all(
      Array.from({ length: writers }, (_, i) =>
        ctx.sql.begin(async (tx) => {
          const id = await insertComplaint(tx as unknown as Sql, minutes(hour, i));
          await tx`SELECT pg_sleep(0.02)`;
          await tx`INSERT INTO complaint_proposals (complaint_id, round, outcome, remedy, amount, currency, proposed_at, answer, answered_at)
                   VALUES (${id}, 1, 'upheld', 'refund', 10.25, 'EUR', ${minutes(hour, 30)}, 'accepted', ${minutes(hour, 40)})`;
          await tx`INSERT INTO complaint_stage_clocks (complaint_id, stage, started_at, deadline_at, breached)
                   VALUES (${id}, 'investigation', ${minutes(hour, i)}, ${minutes(hour, 50)}, false)`;
          await tx`SELECT pg_sleep(0.02)`;
          // The run ends and the complaint closes: both move facts that are already counted.
          await tx`UPDATE complaint_stage_clocks SET ended_at = ${minutes(hour, 45)} WHERE complaint_id = ${id}`;
          await tx`UPDATE complaints SET status = 'closed', closure = 'accepted', closed_at = ${minutes(hour, 55)},
                     resolution_business_minutes = 40, closed_within_3_business_days = true WHERE id = ${id}`;
        }),
      ),
    );
    expect(await hourly(ctx.sql, hour, 'received')).toBe(writers);
    expect(await hourly(ctx.sql, hour, 'closed')).toBe(writers);
    expect(await hourly(ctx.sql, hour, 'closed_within_3_business_days')).toBe(writers);
    expect(await hourly(ctx.sql, hour, 'stage_met', 'investigation')).toBe(writers);
    expect(await hourly(ctx.sql, hour, 'redress_amount', 'EUR')).toBe(10.25 * writers);
    const [daily] = await ctx.sql<{ amount: string }[]>`SELECT amount::text FROM report_daily WHERE day = report_day(${hour}) AND metric = 'received' AND key = ''`;
    expect(Number(daily!.amount)).toBe(writers);
    expect(await reportRollupDifferences(ctx.sql)).toEqual([]);
  });
});

describe('report time zones', () => {
  const query = (from: string, to: string, timeZone: string, rollups?: boolean): KpiQuery => ({
    ...reportBounds(from, to, timeZone),
    timeZone,
    repeatWindowDays: 30,
    rootCauseLimit: 5,
    ageing: [],
    defaultCalendarId: 'TR',
    ...(rollups === undefined ? {} : { rollups }),
  });

  it('reads the facts in a half-hour zone, where a day starts inside a UTC hour', async () => {
    // Kolkata is UTC+05:30: 1985-03-11 starts at 18:30Z on the 10th.
    const inside = await insertComplaint(ctx.sql, new Date('1985-03-10T18:45:00Z'));
    const before = await insertComplaint(ctx.sql, new Date('1985-03-10T18:15:00Z'));
    try {
      const q = query('1985-03-11', '1985-03-11', 'Asia/Kolkata');
      expect(useRollups(q)).toBe(false);
      const report = await kpiReport(ctx.sql, q);
      expect(report.total.volume.received).toBe(1);
      // A whole-hour zone reads the rollup, and counts alike.
      const istanbul = query('1985-03-10', '1985-03-11', 'Europe/Istanbul');
      expect(useRollups(istanbul)).toBe(true);
      expect((await kpiReport(ctx.sql, istanbul)).total).toEqual((await kpiReport(ctx.sql, { ...istanbul, rollups: false })).total);
      expect((await kpiReport(ctx.sql, istanbul)).total.volume.received).toBe(2);
    } finally {
      await ctx.sql`DELETE FROM complaints WHERE id IN (${inside}, ${before})`;
    }
  });
});
