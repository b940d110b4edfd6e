// The KPI report's figures against the hand-computed data set of test/helpers/kpi-data-set.ts
// (every number below is worked out there), on real PostgreSQL.
import type { Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessMinutesBetween } from '../../domain/calendar/index.js';
import { getCalendar } from '../../domain/calendar/registry.js';
import { reportBounds, subPeriods } from '../../domain/reports/kpi-periods.js';
import { calendarResolver } from '../../read-model/calendar-resolver.js';
import { calendarAgeing, kpiReport, useRollups, type Grouping, type KpiQuery } from '../../read-model/kpi-report.js';
import { kpiTrends } from '../../read-model/kpi-trends.js';
import { FORMULA_CATEGORY, insertKpiDataSet, KPI_PERIOD, tr } from '../helpers/kpi-data-set.js';
import { isolatedDatabase } from '../helpers/kpi-database.js';

const TZ = 'Europe/Istanbul';
let db: { sql: Sql; drop(): Promise<void> };

async function query(from: string, to: string, extra: Partial<KpiQuery> = {}): Promise<KpiQuery> {
  return {
    ...reportBounds(from, to, TZ),
    timeZone: TZ,
    repeatWindowDays: 30,
    rootCauseLimit: 10,
    ageing: await calendarAgeing(calendarResolver(), ['TR'], to),
    defaultCalendarId: 'TR',
    ...extra,
  };
}

const report = async (groupBy?: Grouping, extra: Partial<KpiQuery> = {}) =>
  kpiReport(db.sql, await query(KPI_PERIOD.from, KPI_PERIOD.to, { groupBy, ...extra }));

beforeAll(async () => {
  db = await isolatedDatabase();
  await insertKpiDataSet(db.sql);
});
afterAll(async () => db?.drop());

describe('the hand-computed resolution times', () => {
  it('are what the TR calendar counts, across the 23 April holiday, weekends and the Bayram eve', () => {
    const cal = getCalendar('TR', { from: 2025, to: 2026 });
    const minutes = (a: string, b: string) => businessMinutesBetween(cal, tr(a), tr(b));
    expect(minutes('2026-04-22 16:00', '2026-04-24 11:00')).toBe(240);
    expect(minutes('2026-04-24 17:00', '2026-04-27 10:00')).toBe(120);
    expect(minutes('2026-04-21 10:00', '2026-04-30 15:00')).toBe(3540);
    expect(minutes('2026-02-23 09:00', '2026-04-22 09:00')).toBe(21840);
  });
});

describe('kpiReport, in total', () => {
  it('counts every figure of the period as worked out by hand', async () => {
    const { total, groups, rootCauses } = await report();
    expect(groups.size).toBe(0);
    expect(total.volume).toEqual({ received: 7, closed: 6, openAtStart: 4, openAtEnd: 5 });
    expect(total.backlogAgeing).toEqual({ days0to2: 2, days3to5: 1, days6to10: 0, days11to20: 1, over20: 1 });
    expect(total.acknowledgementOnTime).toEqual({ count: 2, of: 3, rate: 0.6667 });
    expect(total.stageSla).toEqual({
      acknowledgement: { count: 2, of: 3, rate: 0.6667 },
      initialReview: { count: 0, of: 1, rate: 0 },
      investigation: { count: 1, of: 1, rate: 1 },
      reinvestigation: { count: 1, of: 1, rate: 1 },
    });
    expect(total.escalations).toEqual({ total: 3, byLevel: { teamLead: 2, complaintsManager: 1 } });
    expect(total.resolution).toEqual({
      medianBusinessHours: 20,
      p90BusinessHours: 211.5,
      closedWithin3BusinessDays: { count: 3, of: 6, rate: 0.5 },
      closedWithin8Weeks: { count: 5, of: 6, rate: 0.8333 },
    });
    expect(total.closures).toEqual({ accepted: 2, deemed_accepted: 1, withdrawn: 1, out_of_scope: 1, duplicate: 1, external_decision: 0, no_response: 0 });
    expect(total.withdrawal).toEqual({ count: 1, of: 6, rate: 0.1667 });
    expect(total.outOfScope).toEqual({ count: 1, of: 6, rate: 0.1667 });
    expect(total.duplicates).toEqual({ count: 1, of: 6, rate: 0.1667 });
    expect(total.acceptance).toEqual({
      firstRound: { count: 2, of: 3, rate: 0.6667 },
      secondRound: { count: 1, of: 2, rate: 0.5 },
      deemed: { count: 1, of: 5, rate: 0.2 },
      externalHandOffs: 1,
    });
    expect(total.proposalsByOutcome).toEqual({ upheld: 2, partly_upheld: 2, not_upheld: 1, unrecorded: 1 });
    expect(total.redress).toEqual([
      { currency: 'EUR', amount: '75.50', proposals: 1 },
      { currency: 'TRY', amount: '150.00', proposals: 1 },
    ]);
    expect(total.repeatComplaints).toEqual({ count: 2, of: 7, rate: 0.2857 });
    expect(total.satisfaction).toEqual({
      answers: 3,
      meanHandling: 3.33,
      meanOutcome: 3.33,
      satisfiedHandling: { count: 1, of: 3, rate: 0.3333 },
      satisfiedOutcome: { count: 2, of: 3, rate: 0.6667 },
    });
    expect(rootCauses).toEqual([
      { rootCause: 'late delivery', count: 2 },
      { rootCause: 'billing error', count: 1 },
      { rootCause: 'rude staff', count: 1 },
    ]);
  });

  it('lists only the top N root causes', async () => {
    const { rootCauses } = await report(undefined, { rootCauseLimit: 1 });
    expect(rootCauses).toEqual([{ rootCause: 'late delivery', count: 2 }]);
  });

  it('reads the repeat window from its query: 35 days make C3 (33 days after its prior one) a repeat too', async () => {
    const { total } = await report(undefined, { repeatWindowDays: 35 });
    expect(total.repeatComplaints).toEqual({ count: 3, of: 7, rate: 0.4286 });
  });

  it('counts a complaint an agent linked as a repeat whatever the window, and once when the hashes found it too', async () => {
    // One day: C10's prior complaint (20 days) is out of the window, but C10 and C4 are linked repeats.
    for (const rollups of [true, false]) {
      const { total } = await report(undefined, { repeatWindowDays: 1, rollups });
      expect(total.repeatComplaints).toEqual({ count: 2, of: 7, rate: 0.2857 });
    }
    // 35 days: C10 is a repeat both ways and counts once (C3, C4, C10).
    const counted = await report(undefined, { repeatWindowDays: 35, rollups: false });
    expect(counted.total.repeatComplaints).toEqual({ count: 3, of: 7, rate: 0.4286 });
  });

  it('cuts the period at midnight in the report time zone: in UTC the complaint of 00:30 on 4 May is in, and the one of 23:30 on 3 May still in', async () => {
    const { total } = await kpiReport(db.sql, { ...(await query(KPI_PERIOD.from, KPI_PERIOD.to)), ...reportBounds(KPI_PERIOD.from, KPI_PERIOD.to, 'UTC'), timeZone: 'UTC' });
    // C8 (21:30Z on 3 May) joins; C7 (20:30Z) stays; C11's survey answer (21:30Z) joins.
    expect(total.volume.received).toBe(8);
    expect(total.satisfaction.answers).toBe(4);
  });
});

describe('kpiReport by group', () => {
  it('splits the figures by category, the complaints without one in a group of their own', async () => {
    const { total, groups } = await report('category');
    expect([...groups.keys()].sort()).toEqual([FORMULA_CATEGORY, 'billing', 'delivery', null].sort());
    const billing = groups.get('billing')!;
    expect(billing.volume).toEqual({ received: 1, closed: 3, openAtStart: 4, openAtEnd: 2 });
    expect(billing.backlogAgeing).toEqual({ days0to2: 0, days3to5: 0, days6to10: 0, days11to20: 1, over20: 1 });
    expect(billing.closures).toMatchObject({ accepted: 1, duplicate: 1, out_of_scope: 1 });
    // 240 (C11), 2160 (C2), 21840 (C12): median 2160 min = 36 h; p90 at 1.8: 2160 + 0.8 × 19680 = 17904 min = 298.4 h.
    expect(billing.resolution.medianBusinessHours).toBe(36);
    expect(billing.resolution.p90BusinessHours).toBe(298.4);
    expect(billing.acceptance).toEqual({
      firstRound: { count: 1, of: 1, rate: 1 },
      secondRound: { count: 0, of: 1, rate: 0 },
      deemed: { count: 0, of: 2, rate: 0 },
      externalHandOffs: 1,
    });
    expect(billing.redress).toEqual([{ currency: 'TRY', amount: '150.00', proposals: 1 }]);
    const delivery = groups.get('delivery')!;
    expect(delivery.volume).toEqual({ received: 3, closed: 3, openAtStart: 0, openAtEnd: 0 });
    expect(delivery.repeatComplaints).toEqual({ count: 2, of: 3, rate: 0.6667 });
    expect(delivery.stageSla.initialReview).toEqual({ count: 0, of: 1, rate: 0 });
    expect(delivery.escalations).toEqual({ total: 2, byLevel: { teamLead: 1, complaintsManager: 1 } });
    expect(delivery.satisfaction.answers).toBe(2);
    expect(groups.get(FORMULA_CATEGORY)!.volume).toEqual({ received: 1, closed: 0, openAtStart: 0, openAtEnd: 1 });
    expect(groups.get(null)!.volume).toEqual({ received: 2, closed: 0, openAtStart: 0, openAtEnd: 2 });
    // The groups add up to the total, which stays as without grouping.
    expect([...groups.values()].reduce((sum, g) => sum + g.volume.received, 0)).toBe(total.volume.received);
    expect(total.volume).toEqual({ received: 7, closed: 6, openAtStart: 4, openAtEnd: 5 });
  });

  it('by channel, team, product and department', async () => {
    expect((await report('channel')).groups.get('email')!.volume).toEqual({ received: 2, closed: 1, openAtStart: 0, openAtEnd: 1 });
    expect((await report('team')).groups.get('billing-team')!.volume.closed).toBe(3);
    expect((await report('department')).groups.get('after-sales')!.volume.received).toBe(6);
    expect((await report('product')).groups.get(null)!.volume.received).toBe(2);
  });

  it('by ISO week: each figure in the week of its own date, open counts carried on, empty weeks present', async () => {
    const units = subPeriods('2026-04-13', KPI_PERIOD.to, 'week').map((u) => u.unitStart);
    expect(units).toEqual(['2026-04-13', '2026-04-20', '2026-04-27']);
    const { total, groups } = await kpiReport(db.sql, await query('2026-04-13', KPI_PERIOD.to, { groupBy: 'week', units }));
    const [w16, w17, w18] = units.map((u) => groups.get(u)!);
    // W16: C2 received on the 15th; open at its start C1, C9, C12.
    expect(w16!.volume).toEqual({ received: 1, closed: 0, openAtStart: 3, openAtEnd: 4 });
    expect(w17!.volume).toEqual({ received: 4, closed: 4, openAtStart: 4, openAtEnd: 4 });
    expect(w18!.volume).toEqual({ received: 3, closed: 2, openAtStart: 4, openAtEnd: 5 });
    expect(w17!.resolution.medianBusinessHours).toBe(20);
    expect(w18!.resolution.medianBusinessHours).toBe(30.5);
    expect(w17!.backlogAgeing).toBeNull();
    expect(total.backlogAgeing).toEqual({ days0to2: 2, days3to5: 1, days6to10: 0, days11to20: 1, over20: 1 });
    expect(groups.size).toBe(3);
  });

  it('by week within one week: that week’s figures (one unit is still a group)', async () => {
    const units = subPeriods('2026-04-20', '2026-04-26', 'week').map((u) => u.unitStart);
    expect(units).toEqual(['2026-04-20']);
    const { groups } = await kpiReport(db.sql, await query('2026-04-20', '2026-04-26', { groupBy: 'week', units }));
    expect(groups.get('2026-04-20')!.volume).toEqual({ received: 4, closed: 4, openAtStart: 4, openAtEnd: 4 });
    expect(groups.get('2026-04-20')!.resolution.medianBusinessHours).toBe(20);
  });

  it('by month: April and the first days of May', async () => {
    const units = subPeriods(KPI_PERIOD.from, KPI_PERIOD.to, 'month').map((u) => u.unitStart);
    const { groups } = await kpiReport(db.sql, await query(KPI_PERIOD.from, KPI_PERIOD.to, { groupBy: 'month', units }));
    expect(groups.get('2026-04-01')!.volume).toEqual({ received: 6, closed: 6, openAtStart: 4, openAtEnd: 4 });
    expect(groups.get('2026-05-01')!.volume).toEqual({ received: 1, closed: 0, openAtStart: 4, openAtEnd: 5 });
  });
});

describe('kpiReport for one department or team', () => {
  const serviceTeam = { team: 'service-team' };

  it('counts every figure over that team’s complaints only, as worked out by hand', async () => {
    const { total, groups, rootCauses } = await report(undefined, { filter: serviceTeam });
    expect(groups.size).toBe(0);
    expect(total.volume).toEqual({ received: 6, closed: 3, openAtStart: 0, openAtEnd: 3 });
    expect(total.backlogAgeing).toEqual({ days0to2: 2, days3to5: 1, days6to10: 0, days11to20: 0, over20: 0 });
    expect(total.stageSla).toEqual({
      acknowledgement: { count: 2, of: 3, rate: 0.6667 },
      initialReview: { count: 0, of: 1, rate: 0 },
      investigation: { count: 1, of: 1, rate: 1 },
      reinvestigation: { count: 1, of: 1, rate: 1 },
    });
    expect(total.escalations).toEqual({ total: 3, byLevel: { teamLead: 2, complaintsManager: 1 } });
    expect(total.resolution).toEqual({
      medianBusinessHours: 4,
      p90BusinessHours: 48,
      closedWithin3BusinessDays: { count: 2, of: 3, rate: 0.6667 },
      closedWithin8Weeks: { count: 3, of: 3, rate: 1 },
    });
    expect(total.closures).toEqual({ accepted: 1, deemed_accepted: 1, withdrawn: 1, out_of_scope: 0, duplicate: 0, external_decision: 0, no_response: 0 });
    expect(total.withdrawal).toEqual({ count: 1, of: 3, rate: 0.3333 });
    expect(total.acceptance).toEqual({
      firstRound: { count: 1, of: 2, rate: 0.5 },
      secondRound: { count: 1, of: 1, rate: 1 },
      deemed: { count: 1, of: 3, rate: 0.3333 },
      externalHandOffs: 0,
    });
    expect(total.proposalsByOutcome).toEqual({ upheld: 1, partly_upheld: 2, not_upheld: 1, unrecorded: 0 });
    expect(total.redress).toEqual([{ currency: 'EUR', amount: '75.50', proposals: 1 }]);
    expect(total.repeatComplaints).toEqual({ count: 2, of: 6, rate: 0.3333 });
    expect(total.satisfaction).toEqual({
      answers: 2,
      meanHandling: 2.5,
      meanOutcome: 3,
      satisfiedHandling: { count: 0, of: 2, rate: 0 },
      satisfiedOutcome: { count: 1, of: 2, rate: 0.5 },
    });
    expect(rootCauses).toEqual([
      { rootCause: 'billing error', count: 1 },
      { rootCause: 'late delivery', count: 1 },
      { rootCause: 'rude staff', count: 1 },
    ]);
  });

  it('counts the finance department’s as its billing complaints', async () => {
    const { total, rootCauses } = await report(undefined, { filter: { department: 'finance' } });
    expect(total.volume).toEqual({ received: 1, closed: 3, openAtStart: 4, openAtEnd: 2 });
    expect(total.backlogAgeing).toEqual({ days0to2: 0, days3to5: 0, days6to10: 0, days11to20: 1, over20: 1 });
    expect(total.acknowledgementOnTime).toEqual({ count: 0, of: 0, rate: null });
    expect(total.escalations).toEqual({ total: 0, byLevel: {} });
    expect(total.resolution).toEqual({
      medianBusinessHours: 36,
      p90BusinessHours: 298.4,
      closedWithin3BusinessDays: { count: 1, of: 3, rate: 0.3333 },
      closedWithin8Weeks: { count: 2, of: 3, rate: 0.6667 },
    });
    expect(total.closures).toMatchObject({ accepted: 1, duplicate: 1, out_of_scope: 1, withdrawn: 0, deemed_accepted: 0 });
    expect(total.acceptance).toEqual({
      firstRound: { count: 1, of: 1, rate: 1 },
      secondRound: { count: 0, of: 1, rate: 0 },
      deemed: { count: 0, of: 2, rate: 0 },
      externalHandOffs: 1,
    });
    expect(total.proposalsByOutcome).toEqual({ upheld: 1, partly_upheld: 0, not_upheld: 0, unrecorded: 1 });
    expect(total.redress).toEqual([{ currency: 'TRY', amount: '150.00', proposals: 1 }]);
    expect(total.repeatComplaints).toEqual({ count: 0, of: 1, rate: 0 });
    expect(total.satisfaction).toEqual({
      answers: 1,
      meanHandling: 5,
      meanOutcome: 4,
      satisfiedHandling: { count: 1, of: 1, rate: 1 },
      satisfiedOutcome: { count: 1, of: 1, rate: 1 },
    });
    expect(rootCauses).toEqual([{ rootCause: 'late delivery', count: 1 }]);
  });

  it('by week: each week of the team’s complaints, open counts carried from the team’s own', async () => {
    const units = subPeriods(KPI_PERIOD.from, KPI_PERIOD.to, 'week').map((u) => u.unitStart);
    const { groups } = await kpiReport(db.sql, await query(KPI_PERIOD.from, KPI_PERIOD.to, { groupBy: 'week', units, filter: serviceTeam }));
    const [w17, w18] = units.map((u) => groups.get(u)!);
    expect(w17!.volume).toEqual({ received: 3, closed: 1, openAtStart: 0, openAtEnd: 2 });
    expect(w18!.volume).toEqual({ received: 3, closed: 2, openAtStart: 2, openAtEnd: 3 });
    expect(w17!.resolution.medianBusinessHours).toBe(4);
    expect(w18!.resolution.medianBusinessHours).toBe(30.5);
    expect(w17!.satisfaction.answers).toBe(0);
    expect(w18!.satisfaction.meanHandling).toBe(2.5);
  });

  it('combines with a grouping by another dimension, and with each other', async () => {
    const { groups } = await report('category', { filter: serviceTeam });
    expect([...groups].map(([key, f]) => [key, f.volume.received, f.volume.closed]).sort()).toEqual(
      [['delivery', 3, 3], [FORMULA_CATEGORY, 1, 0], [null, 2, 0]].sort(),
    );
    const both = await report(undefined, { filter: { department: 'after-sales', team: 'service-team' } });
    expect(both.total.volume).toEqual({ received: 6, closed: 3, openAtStart: 0, openAtEnd: 3 });
    // No complaint is finance's and service-team's.
    const none = await report(undefined, { filter: { department: 'finance', team: 'service-team' } });
    expect(none.total.volume).toEqual({ received: 0, closed: 0, openAtStart: 0, openAtEnd: 0 });
    expect(none.total.resolution.medianBusinessHours).toBeNull();
    expect(none.rootCauses).toEqual([]);
  });

  it('grouped by its own dimension: one group, the filtered total', async () => {
    const { total, groups } = await report('team', { filter: serviceTeam });
    expect([...groups.keys()]).toEqual(['service-team']);
    expect(groups.get('service-team')).toEqual(total);
  });
});

describe('the rollups against the facts', () => {
  it('give the same figures as the fact tables for a report filtered to a department or a team, with every grouping', async () => {
    const filters = [{ department: 'finance' }, { team: 'service-team' }, { department: 'after-sales', team: 'service-team' }];
    for (const filter of filters) {
      for (const groupBy of [undefined, 'week', 'month', 'team', 'department', 'category'] as const) {
        const units = groupBy === 'week' || groupBy === 'month' ? subPeriods(KPI_PERIOD.from, KPI_PERIOD.to, groupBy).map((u) => u.unitStart) : undefined;
        const q = await query(KPI_PERIOD.from, KPI_PERIOD.to, { groupBy, filter, ...(units ? { units } : {}) });
        const [rolled, counted] = await Promise.all([kpiReport(db.sql, q), kpiReport(db.sql, { ...q, rollups: false })]);
        const byKey = (groups: Map<string | null, unknown>) => [...groups].sort(([a], [b]) => String(a).localeCompare(String(b)));
        expect({ filter, groupBy, total: rolled.total, groups: byKey(rolled.groups), rootCauses: rolled.rootCauses }).toEqual({
          filter, groupBy, total: counted.total, groups: byKey(counted.groups), rootCauses: counted.rootCauses,
        });
      }
    }
  });

  it('read the rollups for one department or team alone, and the facts for the combinations the rollups do not keep', async () => {
    const q = async (extra: Partial<KpiQuery>) => query(KPI_PERIOD.from, KPI_PERIOD.to, extra);
    expect(useRollups(await q({ filter: { team: 'service-team' } }))).toBe(true);
    expect(useRollups(await q({ filter: { department: 'finance' }, groupBy: 'department' }))).toBe(true);
    expect(useRollups(await q({ filter: { team: 'service-team' }, groupBy: 'week', units: subPeriods(KPI_PERIOD.from, KPI_PERIOD.to, 'week').map((u) => u.unitStart) }))).toBe(true);
    expect(useRollups(await q({ filter: { team: 'service-team' }, groupBy: 'category' }))).toBe(false);
    expect(useRollups(await q({ filter: { department: 'after-sales', team: 'service-team' } }))).toBe(false);
  });

  it('give the same figures as the fact tables for every grouping, the total and each group', async () => {
    for (const groupBy of [undefined, 'category', 'product', 'channel', 'department', 'team', 'week', 'month'] as const) {
      const units = groupBy === 'week' || groupBy === 'month' ? subPeriods(KPI_PERIOD.from, KPI_PERIOD.to, groupBy).map((u) => u.unitStart) : undefined;
      const q = await query(KPI_PERIOD.from, KPI_PERIOD.to, { groupBy, ...(units ? { units } : {}) });
      const [rolled, counted] = await Promise.all([kpiReport(db.sql, q), kpiReport(db.sql, { ...q, rollups: false })]);
      expect({ groupBy, total: rolled.total, rootCauses: rolled.rootCauses }).toEqual({ groupBy, total: counted.total, rootCauses: counted.rootCauses });
      const byKey = (groups: Map<string | null, unknown>) => [...groups].sort(([a], [b]) => String(a).localeCompare(String(b)));
      expect({ groupBy, groups: byKey(rolled.groups) }).toEqual({ groupBy, groups: byKey(counted.groups) });
    }
  });
});

describe('kpiTrends', () => {
  it('for one team: the weeks of its complaints only', async () => {
    const from = '2026-03-30';
    const weeks = await kpiTrends(db.sql, { ...(await query(from, KPI_PERIOD.to)), from, to: KPI_PERIOD.to, filter: { team: 'billing-team' } });
    expect(weeks.map((w) => [w.week, w.received, w.closed, w.medianResolutionBusinessHours, w.slaAttainment, w.acceptance, w.satisfaction])).toEqual([
      ['2026-W14', 0, 0, null, null, null, null],
      ['2026-W15', 1, 0, null, null, null, null],
      ['2026-W16', 1, 0, null, 1, null, null],
      ['2026-W17', 1, 3, 36, null, 0.5, 5],
      ['2026-W18', 0, 0, null, null, null, null],
    ]);
  });

  it('gives every ISO week with the chart figures, zero weeks too', async () => {
    const from = '2026-03-30';
    const weeks = await kpiTrends(db.sql, { ...(await query(from, KPI_PERIOD.to)), from, to: KPI_PERIOD.to });
    expect(weeks.map((w) => [w.week, w.from, w.to])).toEqual([
      ['2026-W14', '2026-03-30', '2026-04-05'],
      ['2026-W15', '2026-04-06', '2026-04-12'],
      ['2026-W16', '2026-04-13', '2026-04-19'],
      ['2026-W17', '2026-04-20', '2026-04-26'],
      ['2026-W18', '2026-04-27', '2026-05-03'],
    ]);
    // C9's investigation breached on 20 March: before; its clock ended on 5 April but settled at its deadline.
    expect(weeks[0]).toEqual({
      week: '2026-W14', from: '2026-03-30', to: '2026-04-05', received: 0, closed: 0,
      medianResolutionBusinessHours: null, slaAttainment: null, acceptance: null, satisfaction: null,
    });
    expect(weeks[1]).toMatchObject({ received: 1, closed: 0 });
    // W16: C2 received, its acknowledgement met on the 15th.
    expect(weeks[2]).toMatchObject({ received: 1, closed: 0, slaAttainment: 1 });
    expect(weeks[3]).toEqual({
      week: '2026-W17', from: '2026-04-20', to: '2026-04-26', received: 4, closed: 4,
      medianResolutionBusinessHours: 20, slaAttainment: 0.75, acceptance: 0.5, satisfaction: 5,
    });
    expect(weeks[4]).toEqual({
      week: '2026-W18', from: '2026-04-27', to: '2026-05-03', received: 3, closed: 2,
      medianResolutionBusinessHours: 30.5, slaAttainment: 0.5, acceptance: 1, satisfaction: 2.5,
    });
  });
});
