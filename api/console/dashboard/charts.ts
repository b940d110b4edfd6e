// The dashboard's charts, read from the report API as the signed-in person: one table per chart
// (columns with stable ids, rows of numbers) that the page draws, lists as an accessible table and
// exports as CSV, so the three can never disagree.
import type { z } from '@hono/zod-openapi';
import type { CsvCell } from '../../../domain/reports/csv.js';
import { AGEING_BUCKETS } from '../../../domain/reports/kpi-periods.js';
import { TIMED_STAGE_IDS } from '../../../read-model/kpi-report.js';
import type { ConsoleTranslate } from '../../../texts/console/translate.js';
import type { kpiFiguresSchema, kpiReportSchema } from '../../staff/kpi-reports.schemas.js';
import type { ApiError, ConsoleApi } from '../api-client.js';
import type { DashboardFilters } from './filters.js';

type KpiReport = z.infer<typeof kpiReportSchema>;
type KpiFigures = z.infer<typeof kpiFiguresSchema>;
interface SatisfactionReport {
  periods: { periodStart: string; answers: number; meanHandling: number; meanOutcome: number }[];
}
interface Directory {
  departments?: { id: string; name: string }[];
  teams?: { id: string; name: string; departmentId: string | null }[];
}

export const CHART_IDS = ['volume', 'sla', 'funnel', 'backlog', 'categories', 'root-causes', 'satisfaction'] as const;
export type ChartId = (typeof CHART_IDS)[number];

export interface Column {
  /** Stable, snake_case: the CSV header. */
  id: string;
  label: string;
  /** A number column the chart plots. */
  plotted?: boolean;
  /** Shown as a percentage (the value is already 0–100). */
  percent?: boolean;
}

export interface Chart {
  id: ChartId;
  kind: 'bar' | 'line' | 'horizontal-bar';
  title: string;
  columns: Column[];
  /** The first cell of each row names it (the chart's label); the others follow the columns. */
  rows: CsvCell[][];
  /** Why this chart shows the whole organisation although a department or team is chosen. */
  unfiltered?: boolean;
}

export interface Option {
  id: string;
  name: string;
}

export type DashboardData =
  | { ok: true; charts: Chart[]; summary: KpiFigures; departments: Option[]; teams: Option[]; scope: 'all' | 'department' | 'team' }
  | { ok: false; error: ApiError; departments: Option[]; teams: Option[] };

/** Top categories shown (by complaints received). */
const TOP_CATEGORIES = 10;
const TOP_ROOT_CAUSES = 10;

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

export async function loadDashboard(api: ConsoleApi, f: DashboardFilters, t: ConsoleTranslate): Promise<DashboardData> {
  const period = { from: f.from, to: f.to };
  const [total, byTime, byCategory, byDepartment, byTeam, directoryDepartments, directoryTeams] = await Promise.all([
    api.get<KpiReport>('/v1/reports/kpis', { ...period, rootCauses: TOP_ROOT_CAUSES }),
    api.get<KpiReport>('/v1/reports/kpis', { ...period, groupBy: f.interval }),
    api.get<KpiReport>('/v1/reports/kpis', { ...period, groupBy: 'category' }),
    // Grouped by department or team only when one is chosen: those groupings read the fact tables (slower at scale).
    f.department && !f.team ? api.get<KpiReport>('/v1/reports/kpis', { ...period, groupBy: 'department' }) : undefined,
    f.team ? api.get<KpiReport>('/v1/reports/kpis', { ...period, groupBy: 'team' }) : undefined,
    api.get<Directory>('/v1/departments'),
    api.get<Directory>('/v1/teams'),
  ]);
  const departments = options(directoryDepartments.ok ? (directoryDepartments.data.departments ?? []) : [], byDepartment?.ok ? byDepartment.data : undefined, f.department);
  const teams = options(directoryTeams.ok ? (directoryTeams.data.teams ?? []) : [], byTeam?.ok ? byTeam.data : undefined, f.team);
  for (const r of [total, byTime, byCategory, byDepartment, byTeam]) if (r && !r.ok) return { ok: false, error: r.error, departments, teams };
  if (!total.ok || !byTime.ok || !byCategory.ok || byDepartment?.ok === false || byTeam?.ok === false) throw new Error('unreachable');

  const satisfaction = await api.get<SatisfactionReport>('/v1/reports/satisfaction', {
    from: total.data.periodStart,
    to: total.data.periodEnd,
    period: f.interval,
  });
  if (!satisfaction.ok) return { ok: false, error: satisfaction.error, departments, teams };

  // A team is inside one department: when both are chosen, the team's figures are the narrower.
  const scope = f.team ? 'team' : f.department ? 'department' : 'all';
  const picked =
    scope === 'team' && byTeam?.ok
      ? groupFigures(byTeam.data, f.team!)
      : scope === 'department' && byDepartment?.ok
        ? groupFigures(byDepartment.data, f.department!)
        : total.data.total;
  const unfiltered = scope !== 'all';

  const charts: Chart[] = [
    {
      id: 'volume',
      kind: 'bar',
      title: t('console.dashboard.chart.volume', { interval: f.interval }),
      unfiltered,
      columns: [
        { id: 'period', label: t('console.dashboard.col.period') },
        { id: 'from', label: t('console.dashboard.col.from') },
        { id: 'to', label: t('console.dashboard.col.to') },
        { id: 'received', label: t('console.dashboard.col.received'), plotted: true },
        { id: 'closed', label: t('console.dashboard.col.closed'), plotted: true },
      ],
      rows: byTime.data.groups.map((g) => [g.key, g.from ?? null, g.to ?? null, g.figures.volume.received, g.figures.volume.closed]),
    },
    {
      id: 'sla',
      kind: 'bar',
      title: t('console.dashboard.chart.sla'),
      columns: [
        { id: 'stage', label: t('console.dashboard.col.stage') },
        { id: 'met', label: t('console.dashboard.col.met') },
        { id: 'settled', label: t('console.dashboard.col.settled') },
        { id: 'attainment_percent', label: t('console.dashboard.col.attainment'), plotted: true, percent: true },
      ],
      rows: TIMED_STAGE_IDS.map((stage) => {
        const r = picked.stageSla[stage]!;
        return [t('console.dashboard.stage', { stage }), r.count, r.of, percent(r.rate)];
      }),
    },
    {
      id: 'funnel',
      kind: 'horizontal-bar',
      title: t('console.dashboard.chart.funnel'),
      columns: [
        { id: 'step', label: t('console.dashboard.col.step') },
        { id: 'complaints', label: t('console.dashboard.col.count'), plotted: true },
      ],
      rows: funnel(picked).map(([step, n]) => [t('console.dashboard.funnel', { step }), n]),
    },
    {
      id: 'backlog',
      kind: 'bar',
      title: t('console.dashboard.chart.backlog', { day: f.to }),
      columns: [
        { id: 'age', label: t('console.dashboard.col.age') },
        { id: 'complaints', label: t('console.dashboard.col.open'), plotted: true },
      ],
      rows: AGEING_BUCKETS.map((b) => [
        b.most === null ? t('console.dashboard.age.over', { days: b.least - 1 }) : t('console.dashboard.age.range', { least: b.least, most: b.most }),
        picked.backlogAgeing?.[b.id] ?? 0,
      ]),
    },
    {
      id: 'categories',
      kind: 'horizontal-bar',
      title: t('console.dashboard.chart.categories'),
      unfiltered,
      columns: [
        { id: 'category', label: t('console.dashboard.col.category') },
        { id: 'received', label: t('console.dashboard.col.received'), plotted: true },
        { id: 'closed', label: t('console.dashboard.col.closed') },
      ],
      rows: byCategory.data.groups
        .filter((g) => g.figures.volume.received > 0)
        .sort((a, b) => b.figures.volume.received - a.figures.volume.received || compareKeys(a.key, b.key))
        .slice(0, TOP_CATEGORIES)
        .map((g) => [g.key ?? t('console.dashboard.noCategory'), g.figures.volume.received, g.figures.volume.closed]),
    },
    {
      id: 'root-causes',
      kind: 'horizontal-bar',
      title: t('console.dashboard.chart.rootCauses'),
      unfiltered,
      columns: [
        { id: 'root_cause', label: t('console.dashboard.col.rootCause') },
        { id: 'corrective_actions', label: t('console.dashboard.col.actions'), plotted: true },
      ],
      rows: total.data.rootCauses.map((r) => [r.rootCause, r.count]),
    },
    {
      id: 'satisfaction',
      kind: 'line',
      title: t('console.dashboard.chart.satisfaction', { interval: f.interval }),
      unfiltered,
      columns: [
        { id: 'period_start', label: t('console.dashboard.col.periodStart') },
        { id: 'answers', label: t('console.dashboard.col.answers') },
        { id: 'mean_handling', label: t('console.dashboard.col.meanHandling'), plotted: true },
        { id: 'mean_outcome', label: t('console.dashboard.col.meanOutcome'), plotted: true },
      ],
      rows: satisfaction.data.periods.map((p) => [p.periodStart.slice(0, 10), p.answers, p.meanHandling, p.meanOutcome]),
    },
  ];
  return { ok: true, charts, summary: picked, departments, teams, scope };
}

/** Round 1 answered → accepted / rejected → round 2 answered → accepted / rejected → external. */
function funnel(f: KpiFigures): [string, number][] {
  const { firstRound, secondRound, externalHandOffs } = f.acceptance;
  return [
    ['round1', firstRound.of],
    ['round1Accepted', firstRound.count],
    ['round1Rejected', firstRound.of - firstRound.count],
    ['round2', secondRound.of],
    ['round2Accepted', secondRound.count],
    ['round2Rejected', secondRound.of - secondRound.count],
    ['external', externalHandOffs],
  ];
}

/** The group's figures; a value no complaint has reads as zero figures (its group is absent). */
function groupFigures(report: KpiReport, key: string): KpiFigures {
  return report.groups.find((g) => g.key === key)?.figures ?? zeroFigures(report.total);
}

function zeroFigures(like: KpiFigures): KpiFigures {
  const zero = (v: unknown): unknown =>
    typeof v === 'number' ? 0 : v === null ? null : Array.isArray(v) ? [] : typeof v === 'object' ? Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, zero(x)])) : v;
  const figures = zero(like) as KpiFigures;
  // Rates and means of nothing are null, not 0.
  const nullRates = (v: unknown): void => {
    if (!v || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) {
      if (k === 'rate' || k.startsWith('mean') || k.endsWith('BusinessHours')) (v as Record<string, unknown>)[k] = null;
      else nullRates(x);
    }
  };
  nullRates(figures);
  return figures;
}

/** Directory units, plus the values the complaints carry in the grouping read (renamed or removed units) and the chosen one. */
function options(directory: readonly { id: string; name: string }[], report: KpiReport | undefined, chosen: string | undefined): Option[] {
  const all = new Map(directory.map((u) => [u.id, { id: u.id, name: u.name }]));
  for (const g of report?.groups ?? []) if (g.key !== null && !all.has(g.key)) all.set(g.key, { id: g.key, name: g.key });
  if (chosen && !all.has(chosen)) all.set(chosen, { id: chosen, name: chosen });
  return [...all.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
