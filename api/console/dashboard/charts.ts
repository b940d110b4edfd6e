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
}

export interface Option {
  id: string;
  name: string;
}

export type DashboardData =
  | { ok: true; charts: Chart[]; summary: KpiFigures; departments: Option[]; teams: Option[] }
  | { ok: false; error: ApiError; departments: Option[]; teams: Option[] };

/** Top categories shown (by complaints received). */
const TOP_CATEGORIES = 10;
const TOP_ROOT_CAUSES = 10;

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

export async function loadDashboard(api: ConsoleApi, f: DashboardFilters, t: ConsoleTranslate): Promise<DashboardData> {
  // The chosen department and team narrow every report the page reads: each chart, table and CSV.
  const period = { from: f.from, to: f.to, department: f.department, team: f.team };
  const [total, byTime, byCategory, directoryDepartments, directoryTeams] = await Promise.all([
    api.get<KpiReport>('/v1/reports/kpis', { ...period, rootCauses: TOP_ROOT_CAUSES }),
    api.get<KpiReport>('/v1/reports/kpis', { ...period, groupBy: f.interval }),
    api.get<KpiReport>('/v1/reports/kpis', { ...period, groupBy: 'category' }),
    api.get<Directory>('/v1/departments'),
    api.get<Directory>('/v1/teams'),
  ]);
  const departments = options(directoryDepartments.ok ? (directoryDepartments.data.departments ?? []) : [], f.department);
  const teams = options(directoryTeams.ok ? (directoryTeams.data.teams ?? []) : [], f.team);
  for (const r of [total, byTime, byCategory]) if (!r.ok) return { ok: false, error: r.error, departments, teams };
  if (!total.ok || !byTime.ok || !byCategory.ok) throw new Error('unreachable');

  const satisfaction = await api.get<SatisfactionReport>('/v1/reports/satisfaction', {
    from: total.data.periodStart,
    to: total.data.periodEnd,
    period: f.interval,
    department: f.department,
    team: f.team,
  });
  if (!satisfaction.ok) return { ok: false, error: satisfaction.error, departments, teams };
  const figures = total.data.total;

  const charts: Chart[] = [
    {
      id: 'volume',
      kind: 'bar',
      title: t('console.dashboard.chart.volume', { interval: f.interval }),
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
        const r = figures.stageSla[stage]!;
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
      rows: funnel(figures).map(([step, n]) => [t('console.dashboard.funnel', { step }), n]),
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
        figures.backlogAgeing?.[b.id] ?? 0,
      ]),
    },
    {
      id: 'categories',
      kind: 'horizontal-bar',
      title: t('console.dashboard.chart.categories'),
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
      columns: [
        { id: 'period_start', label: t('console.dashboard.col.periodStart') },
        { id: 'answers', label: t('console.dashboard.col.answers') },
        { id: 'mean_handling', label: t('console.dashboard.col.meanHandling'), plotted: true },
        { id: 'mean_outcome', label: t('console.dashboard.col.meanOutcome'), plotted: true },
      ],
      rows: satisfaction.data.periods.map((p) => [p.periodStart.slice(0, 10), p.answers, p.meanHandling, p.meanOutcome]),
    },
  ];
  return { ok: true, charts, summary: figures, departments, teams };
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

/**
 * The directory's units (the API filters by no other), and a chosen one it lacks, so that the
 * refusal beside the select shows what was asked.
 */
function options(directory: readonly { id: string; name: string }[], chosen: string | undefined): Option[] {
  const all = new Map(directory.map((u) => [u.id, { id: u.id, name: u.name }]));
  if (chosen && !all.has(chosen)) all.set(chosen, { id: chosen, name: chosen });
  return [...all.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
