// GET /v1/reports/kpis (JSON, or CSV with Accept: text/csv) and GET /v1/reports/trends: the
// ISO 10002 KPIs for the people who read reports. Figures: read-model/kpi-report.ts; their
// definitions: kpi-reports.schemas.ts.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Sql } from 'postgres';
import { CALENDAR_YEAR_LIMITS, listCalendars } from '../../domain/calendar/registry.js';
import type { FieldIssue } from '../../domain/errors.js';
import { daysSpanned, reportBounds, subPeriods } from '../../domain/reports/kpi-periods.js';
import type { CalendarResolver } from '../../read-model/calendar-resolver.js';
import type { ReportFilter } from '../../read-model/report-filter.js';
import { calendarAgeing, kpiReport } from '../../read-model/kpi-report.js';
import { kpiTrends } from '../../read-model/kpi-trends.js';
import type { AppEnv } from '../http/app-env.js';
import { access } from '../http/access-matrix.js';
import { errorResponses, unprocessableError, validationError } from '../http/errors.js';
import { validationHook } from '../http/validation.js';
import { kpiCsv } from './kpi-reports-csv.js';
import { kpiQuerySchema, kpiReportSchema, MAX_REPORT_DAYS, trendsQuerySchema, trendsSchema } from './kpi-reports.schemas.js';
import { unknownUnits } from './report-filters.js';
import { responseBody } from '../http/response-body.js';

/** Complaints whose calendar is unknown to the report (none set, or a test's) age by this one. */
const DEFAULT_CALENDAR_ID = 'TR';

export interface KpiReportDeps {
  sql: Sql;
  calendars: CalendarResolver;
  /** IANA zone the dates and weeks are read in (config REPORT_TIME_ZONE). */
  timeZone?: string | undefined;
  /** Config REPEAT_COMPLAINT_WINDOW_DAYS. */
  repeatWindowDays?: number | undefined;
}

const kpiRoute = createRoute({
  method: 'get',
  path: '/kpis',
  summary: 'ISO 10002 KPIs for a period, in total and by group (staff: supervisor, process_owner, auditor, admin)',
  description:
    'Every figure is defined in the KpiFigures schema: what counts, which date puts it in the period, its unit. ' +
    'Send `Accept: text/csv` for the same table as CSV (RFC 4180; one row for the total, then one per group; ' +
    'column ids stable; text cells starting with = + - @ are prefixed with an apostrophe). ' +
    '`department` and/or `team` (staff directory ids) count every figure, the total, the groups and the root causes, over ' +
    "that department's or team's complaints only; they combine with any `groupBy` and with each other. " +
    'Speed: every grouping reads rollups kept by each transition (by month, day and hour, by dimension; exact, the same ' +
    'figures as the fact tables), and so does one department or one team alone, ungrouped, by week or month, or grouped ' +
    'by its own dimension (its root causes come from the corrective actions); department and team together, or a filter ' +
    'with another grouping, and a report time zone whose midnights are not whole UTC hours (e.g. +03:30, +05:30), read ' +
    'the fact tables (exact, slower at scale).',
  security: [{ apiKey: [] }],
  middleware: [access('GET /v1/reports/kpis')] as const,
  request: { query: kpiQuerySchema },
  responses: {
    200: {
      description: 'The report',
      content: { 'application/json': { schema: kpiReportSchema }, 'text/csv': { schema: z.string() } },
    },
    ...errorResponses(400, 401, 403, 422),
  },
});

const trendsRoute = createRoute({
  method: 'get',
  path: '/trends',
  summary: 'Weekly KPI series for charts (staff: supervisor, process_owner, auditor, admin)',
  description: 'The KPI report grouped by ISO week, reduced to what a chart plots; `department` and/or `team` as on /v1/reports/kpis.',
  security: [{ apiKey: [] }],
  middleware: [access('GET /v1/reports/trends')] as const,
  request: { query: trendsQuerySchema },
  responses: {
    200: { description: 'One entry per ISO week', content: { 'application/json': { schema: trendsSchema } } },
    ...errorResponses(400, 401, 403, 422),
  },
});

export function kpiReportRoutes(deps: KpiReportDeps) {
  const timeZone = deps.timeZone ?? 'Europe/Istanbul';
  const repeatWindowDays = deps.repeatWindowDays ?? 30;
  const settings = async (to: string) => {
    const ids = [...new Set([DEFAULT_CALENDAR_ID, ...listCalendars().map((c) => c.id)])];
    return { timeZone, repeatWindowDays, defaultCalendarId: DEFAULT_CALENDAR_ID, ageing: await calendarAgeing(deps.calendars, ids, to) };
  };

  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(kpiRoute, async (c) => {
      const { from, to, groupBy, rootCauses, department, team } = c.req.valid('query');
      const filter = { department, team };
      await checkQuery(deps.sql, from, to, filter);
      const units = groupBy === 'week' || groupBy === 'month' ? subPeriods(from, to, groupBy) : undefined;
      const report = await kpiReport(deps.sql, {
        ...reportBounds(from, to, timeZone),
        ...(await settings(to)),
        groupBy,
        filter,
        rootCauseLimit: rootCauses,
        ...(units ? { units: units.map((u) => u.unitStart) } : {}),
      });
      const groups = units
        ? units.map((u) => ({ key: u.key, from: u.from, to: u.to, figures: report.groups.get(u.unitStart)! }))
        : [...report.groups].map(([key, figures]) => ({ key, figures })).sort((a, b) => compareKeys(a.key, b.key));
      if (wantsCsv(c.req.header('accept'))) {
        const name = `kpis_${from}_${to}${groupBy ? `_by-${groupBy}` : ''}${filterSuffix(filter)}.csv`;
        return c.body(kpiCsv({ from, to, total: report.total, groups }), 200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="${name}"`,
        });
      }
      const { start, end } = reportBounds(from, to, timeZone);
      return c.json(
        responseBody(kpiReportSchema, {
          from, to, timeZone, periodStart: start.toISOString(), periodEnd: end.toISOString(), repeatWindowDays,
          groupBy: groupBy ?? null, department: department ?? null, team: team ?? null,
          total: report.total, groups, rootCauses: report.rootCauses,
        }),
        200,
      );
    })
    .openapi(trendsRoute, async (c) => {
      const { from, to, department, team } = c.req.valid('query');
      const filter = { department, team };
      await checkQuery(deps.sql, from, to, filter);
      const weeks = await kpiTrends(deps.sql, { ...reportBounds(from, to, timeZone), ...(await settings(to)), filter, from, to });
      return c.json(responseBody(trendsSchema, { from, to, timeZone, department: department ?? null, team: team ?? null, weeks }), 200);
    });
}

/** The period's issues and the filter's unknown units, all in one 422 (each field fits the document alone). */
async function checkQuery(sql: Sql, from: string, to: string, filter: ReportFilter): Promise<void> {
  const issues = [...rangeIssues(from, to), ...(await unknownUnits(sql, filter))];
  if (issues.length > 0) throw unprocessableError(issues);
}

/** `to` not before `from`, at most MAX_REPORT_DAYS, inside the years the calendars are built for. */
function rangeIssues(from: string, to: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const [min, max] = [CALENDAR_YEAR_LIMITS.min + 1, CALENDAR_YEAR_LIMITS.max];
  if (Number(from.slice(0, 4)) < min) issues.push({ path: 'query.from', message: `must be in ${min} or later` });
  if (Number(to.slice(0, 4)) > max) issues.push({ path: 'query.to', message: `must be in ${max} or earlier` });
  const days = daysSpanned(from, to);
  if (days < 1) issues.push({ path: 'query.to', message: 'must not be before from' });
  else if (days > MAX_REPORT_DAYS) issues.push({ path: 'query.to', message: `at most ${MAX_REPORT_DAYS} days from from (both included)` });
  return issues;
}

/** `_department-<id>_team-<id>` for a filtered report's file name (ids reduced to letters, digits, `-`, `_`). */
function filterSuffix(filter: ReportFilter): string {
  const safe = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60);
  return `${filter.department ? `_department-${safe(filter.department)}` : ''}${filter.team ? `_team-${safe(filter.team)}` : ''}`;
}

/** CSV when the client asks for it before (or instead of) JSON. */
function wantsCsv(accept: string | undefined): boolean {
  if (!accept) return false;
  const types = accept.split(',').map((part) => part.split(';')[0]!.trim().toLowerCase());
  const csv = types.indexOf('text/csv');
  const json = types.indexOf('application/json');
  return csv !== -1 && (json === -1 || csv < json);
}

/** Groups in value order, the group without a value last. */
function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
