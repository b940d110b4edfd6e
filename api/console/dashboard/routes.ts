// /console/dashboard (supervisors, process owners, auditors, admins): the KPI charts of a period
// (and of a department and/or team), and /console/dashboard/{chart}.csv, each chart's numbers as
// CSV with the same filters. Every
// figure comes from the report API (/v1/reports/kpis, /v1/reports/satisfaction) as the person.
import { Hono } from 'hono';
import { toCsv } from '../../../domain/reports/csv.js';
import type { ConsoleDeps } from '../deps.js';
import type { ConsoleEnv } from '../env.js';
import { consoleRole } from '../guard.js';
import { renderConsolePage, renderConsoleProblem } from '../pages/shell.js';
import { CHART_IDS, loadDashboard, type ChartId } from './charts.js';
import { DASHBOARD_TIME_ZONE, parseFilters, todayIn } from './filters.js';
import { DashboardView } from './page.js';

export const DASHBOARD_ROLES = ['supervisor', 'process_owner', 'auditor', 'admin'] as const;

export function dashboardRoutes(deps: ConsoleDeps) {
  const app = new Hono<ConsoleEnv>();
  app.use('/dashboard', consoleRole(...DASHBOARD_ROLES));
  app.use('/dashboard/*', consoleRole(...DASHBOARD_ROLES));

  app.get('/dashboard', async (c) => {
    const staff = c.get('staff');
    const filters = parseFilters(c.req.query(), todayIn(DASHBOARD_TIME_ZONE));
    const data = await loadDashboard(deps.api(c), filters, staff.t);
    const status = data.ok ? 200 : isFieldRefusal(data.error.code) ? 400 : 503;
    return renderConsolePage(c, status, {
      title: staff.t('console.dashboard.title'),
      active: 'dashboard',
      scripts: ['chart.umd.min.js', 'dashboard.js'],
      children: DashboardView({ data, filters, t: staff.t, language: staff.language }),
    });
  });

  app.get('/dashboard/:file{[a-z-]+\\.csv}', async (c) => {
    const id = c.req.param('file').replace(/\.csv$/, '');
    if (!(CHART_IDS as readonly string[]).includes(id)) return renderConsoleProblem(c, 404, '404');
    const staff = c.get('staff');
    const filters = parseFilters(c.req.query(), todayIn(DASHBOARD_TIME_ZONE));
    const data = await loadDashboard(deps.api(c), filters, staff.t);
    if (!data.ok) {
      const lines = Array.isArray(data.error.details)
        ? (data.error.details as { path?: string; message?: string }[]).map((d) => `${d.path}: ${d.message}`)
        : [data.error.message];
      return c.text(lines.join('\n'), isFieldRefusal(data.error.code) ? 400 : 503);
    }
    const chart = data.charts.find((ch) => ch.id === (id as ChartId))!;
    const scope = `${filters.department ? `_department-${safe(filters.department)}` : ''}${filters.team ? `_team-${safe(filters.team)}` : ''}`;
    const name = `dashboard-${chart.id}_${filters.from}_${filters.to}${scope}.csv`;
    return c.body(toCsv(chart.columns.map((col) => col.id), chart.rows), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
    });
  });

  return app;
}

/** A unit id in a file name: letters, digits, `-` and `_` only. */
const safe = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60);

/** A refusal naming fields the person typed: off the document (400) or against a rule (422); the page shows them either way. */
function isFieldRefusal(code: string): boolean {
  return code === 'VALIDATION_FAILED' || code === 'UNPROCESSABLE';
}
