// GET /v1/reports/trends: weekly series for charts, the KPI report grouped by ISO week (in the
// report time zone) reduced to the figures a chart plots. Weeks without complaints are present.
import type { Sql } from 'postgres';
import { subPeriods } from '../domain/reports/kpi-periods.js';
import { kpiReport, TIMED_STAGE_IDS, type KpiFigures, type KpiQuery } from './kpi-report.js';

export interface TrendWeek {
  week: string;
  from: string;
  to: string;
  received: number;
  closed: number;
  medianResolutionBusinessHours: number | null;
  slaAttainment: number | null;
  acceptance: number | null;
  satisfaction: number | null;
}

export async function kpiTrends(
  sql: Sql,
  q: Omit<KpiQuery, 'groupBy' | 'units' | 'rootCauseLimit'> & { from: string; to: string },
): Promise<TrendWeek[]> {
  const weeks = subPeriods(q.from, q.to, 'week');
  const report = await kpiReport(sql, { ...q, groupBy: 'week', units: weeks.map((w) => w.unitStart), rootCauseLimit: 1 });
  return weeks.map((w) => ({ week: w.key, from: w.from, to: w.to, ...chartFigures(report.groups.get(w.unitStart)!) }));
}

function chartFigures(f: KpiFigures) {
  const stages = TIMED_STAGE_IDS.map((s) => f.stageSla[s]);
  const settled = stages.reduce((a, r) => a + r.of, 0);
  const met = stages.reduce((a, r) => a + r.count, 0);
  const { firstRound, secondRound } = f.acceptance;
  const answered = firstRound.of + secondRound.of;
  return {
    received: f.volume.received,
    closed: f.volume.closed,
    medianResolutionBusinessHours: f.resolution.medianBusinessHours,
    slaAttainment: settled === 0 ? null : Math.round((met / settled) * 10_000) / 10_000,
    acceptance: answered === 0 ? null : Math.round(((firstRound.count + secondRound.count) / answered) * 10_000) / 10_000,
    satisfaction: f.satisfaction.meanHandling,
  };
}
