// The dashboard over HTTP, on the hand-computed KPI data set (test/helpers/kpi-data-set.ts) in a
// database of its own: every chart's numbers on the page equal the report API's, the CSV of a
// chart equals its chart, a department or team narrows every chart and its CSV, the API's 400s
// stand beside the fields, and agents get a 403 page.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import type { kpiReportSchema } from '../../api/staff/kpi-reports.schemas.js';
import { createCalendarResolver } from '../../read-model/calendar-resolver.js';
import { apiKeyEntry } from '../../scripts/dev-secrets.js';
import { aStaffPerson, signedInCookie, type StaffPerson } from '../helpers/console.js';
import { bearer, integrationContext, LINK_SIGNING_SECRET, STAFF_KEYS, type IntegrationContext } from '../helpers/integration.js';
import { FORMULA_CATEGORY, insertKpiDataSet, KPI_PERIOD } from '../helpers/kpi-data-set.js';
import { isolatedDatabase } from '../helpers/kpi-database.js';
import type { z } from 'zod';

type KpiReport = z.infer<typeof kpiReportSchema>;
interface Spec {
  kind: string;
  labels: string[];
  datasets: { label: string; data: (number | null)[] }[];
}

let ctx: IntegrationContext;
let db: Awaited<ReturnType<typeof isolatedDatabase>>;
let app: ReturnType<typeof createApp>;
let supervisor: StaffPerson;

beforeAll(async () => {
  ctx = await integrationContext();
  db = await isolatedDatabase();
  await insertKpiDataSet(db.sql);
  app = createApp({
    config: {
      API_KEYS: Object.entries(STAFF_KEYS).map(([role, key]) => apiKeyEntry(`test-${role}`, role, key)),
      PUBLIC_INTAKE_PER_MINUTE: 1000,
      TRUST_PROXY: true,
      LINK_SIGNING_SECRET,
      REPORT_TIME_ZONE: 'Europe/Istanbul',
      REPEAT_COMPLAINT_WINDOW_DAYS: 30,
    },
    sql: db.sql,
    calendars: createCalendarResolver({ sql: db.sql }),
    temporal: ctx.unreachableTemporal(),
    encryptionKeys: ctx.encryptionKeys,
    log: pino({ level: 'silent' }),
  });
  supervisor = await aStaffPerson(db.sql, { roles: ['supervisor'] });
});
afterAll(async () => {
  await db?.drop();
  await ctx?.close();
});

const PERIOD = { preset: 'custom', ...KPI_PERIOD, interval: 'week' };

async function open(path: string, person: StaffPerson = supervisor) {
  return app.request(path, { headers: { cookie: (await signedInCookie(db.sql, person)).cookie } });
}
async function dashboard(query: Record<string, string> = PERIOD, person: StaffPerson = supervisor) {
  const res = await open(`/console/dashboard?${new URLSearchParams(query)}`, person);
  return { status: res.status, html: await res.text() };
}
/** Every chart's data block on the page, by chart id. */
function charts(html: string): Record<string, Spec> {
  const found: Record<string, Spec> = {};
  for (const m of html.matchAll(/<script type="application\/json" id="chart-([a-z-]+)-data">(.*?)<\/script>/gs)) found[m[1]!] = JSON.parse(m[2]!) as Spec;
  return found;
}
/** A chart's table as the raw values of its cells (data-value), row by row. */
function tableValues(html: string, id: string): string[][] {
  const table = new RegExp(`<table data-chart-table="${id}">(.*?)</table>`, 's').exec(html)![1]!;
  const body = /<tbody>(.*?)<\/tbody>/s.exec(table)![1]!;
  return [...body.matchAll(/<tr>(.*?)<\/tr>/gs)].map((r) => [...r[1]!.matchAll(/data-value="([^"]*)"/g)].map((c) => c[1]!));
}
async function kpis(query: Record<string, string>): Promise<KpiReport> {
  const res = await app.request(`/v1/reports/kpis?${new URLSearchParams({ ...KPI_PERIOD, ...query })}`, { headers: bearer('supervisor') });
  expect(res.status).toBe(200);
  return (await res.json()) as KpiReport;
}
const series = (spec: Spec | undefined, i = 0) => spec!.datasets[i]!.data;
const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

describe('the dashboard', () => {
  it('draws every chart from the report API’s figures, and lists the same numbers in its tables', async () => {
    const { status, html } = await dashboard();
    expect(status).toBe(200);
    const [total, byWeek, byCategory] = await Promise.all([kpis({}), kpis({ groupBy: 'week' }), kpis({ groupBy: 'category' })]);
    const c = charts(html);
    expect(Object.keys(c).sort()).toEqual(['backlog', 'categories', 'funnel', 'root-causes', 'satisfaction', 'sla', 'volume']);

    // Volume: the API's weeks; the data set's W17 received 4, closed 4; W18 received 3, closed 2.
    expect(c['volume']!.labels).toEqual(byWeek.groups.map((g) => g.key));
    expect(series(c['volume'], 0)).toEqual(byWeek.groups.map((g) => g.figures.volume.received));
    expect(series(c['volume'], 1)).toEqual(byWeek.groups.map((g) => g.figures.volume.closed));
    expect(series(c['volume'], 0)).toEqual([4, 3]);
    expect(tableValues(html, 'volume')).toEqual([['2026-04-20', '2026-04-26', '4', '4'], ['2026-04-27', '2026-05-03', '3', '2']]);

    // SLA by stage: acknowledgement 2 / 3, initial review 0 / 1, investigation and reinvestigation 1 / 1.
    const sla = total.total.stageSla;
    expect(series(c['sla'])).toEqual([sla['acknowledgement']!, sla['initialReview']!, sla['investigation']!, sla['reinvestigation']!].map((r) => pct(r.rate)));
    expect(series(c['sla'])).toEqual([66.7, 0, 100, 100]);
    expect(tableValues(html, 'sla')[0]).toEqual(['2', '3', '66.7']);

    // Funnel: round 1 answered 3, accepted 2, rejected 1; round 2 answered 2, accepted 1, rejected 1; external 1.
    const a = total.total.acceptance;
    expect(series(c['funnel'])).toEqual([a.firstRound.of, a.firstRound.count, a.firstRound.of - a.firstRound.count, a.secondRound.of, a.secondRound.count, a.secondRound.of - a.secondRound.count, a.externalHandOffs]);
    expect(series(c['funnel'])).toEqual([3, 2, 1, 2, 1, 1, 1]);

    // Backlog ageing on 3 May: 0–2: 2, 3–5: 1, 6–10: 0, 11–20: 1, over 20: 1.
    expect(series(c['backlog'])).toEqual(Object.values(total.total.backlogAgeing!));
    expect(series(c['backlog'])).toEqual([2, 1, 0, 1, 1]);

    // Top categories by received: delivery 3, none 2, then the formula-looking one and billing 1 each.
    const expected = byCategory.groups.filter((g) => g.figures.volume.received > 0).sort((x, y) => y.figures.volume.received - x.figures.volume.received);
    expect(series(c['categories']).slice().sort()).toEqual(expected.map((g) => g.figures.volume.received).sort());
    expect(c['categories']!.labels).toEqual(['delivery', '(no category)', FORMULA_CATEGORY, 'billing']);
    expect(series(c['categories'])).toEqual([3, 2, 1, 1]);

    // Root causes as the API ranks them.
    expect(c['root-causes']!.labels).toEqual(total.rootCauses.map((r) => r.rootCause));
    expect(series(c['root-causes'])).toEqual(total.rootCauses.map((r) => r.count));
    expect(series(c['root-causes'])[0]).toBe(2);

    // Satisfaction per (UTC) week: C2's 5/4 on 22 Apr; C3's 3/5 and C10's 2/1 the week after.
    expect(c['satisfaction']!.labels).toEqual(['2026-04-20', '2026-04-27']);
    expect(series(c['satisfaction'], 0)).toEqual([5, 2.5]);
    expect(series(c['satisfaction'], 1)).toEqual([4, 3]);
    expect(html).toContain('data-fact="answers">3<');
    expect(html).toContain('data-fact="mean-handling">3.33<');

    // Drawn by our own script and the locally served Chart.js; each canvas says where its numbers are.
    expect(html).toContain('<script src="/console/assets/chart.umd.min.js" defer=""></script>');
    expect(html).toContain('<script src="/console/assets/dashboard.js" defer=""></script>');
    expect(html.match(/<canvas [^>]*role="img"/g)?.length).toBe(7);
  });

  it('gives each chart’s numbers as a CSV equal to the chart, with the same filters', async () => {
    const { html } = await dashboard();
    const c = charts(html);
    const link = /href="(\/console\/dashboard\/funnel\.csv\?[^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&');
    expect(new URL(link, 'http://x').searchParams.get('from')).toBe(KPI_PERIOD.from);
    const res = await open(link);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="dashboard-funnel_${KPI_PERIOD.from}_${KPI_PERIOD.to}.csv"`);
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('step,complaints');
    expect(lines.slice(1).map((l) => l.split(','))).toEqual(c['funnel']!.labels.map((label, i) => [label, String(series(c['funnel'])[i])]));
    expect(lines[1]).toBe('Round 1: proposals answered,3');

    const volume = (await (await open(`/console/dashboard/volume.csv?${new URLSearchParams(PERIOD)}`)).text()).trimEnd().split('\r\n');
    expect(volume).toEqual(['period,from,to,received,closed', '2026-W17,2026-04-20,2026-04-26,4,4', '2026-W18,2026-04-27,2026-05-03,3,2']);
    // A category that looks like a formula never runs as one in a spreadsheet.
    const categories = await (await open(`/console/dashboard/categories.csv?${new URLSearchParams(PERIOD)}`)).text();
    expect(categories).toContain(`"'=HYPERLINK(""http://evil.test"",""click"")",1,0`);
    expect((await open(`/console/dashboard/nothing.csv?${new URLSearchParams(PERIOD)}`)).status).toBe(404);
  });

  it('narrows every chart, table and figure to the chosen team: only its complaints count', async () => {
    const { status, html } = await dashboard({ ...PERIOD, team: 'service-team' });
    expect(status).toBe(200);
    const [byWeek, total] = await Promise.all([kpis({ team: 'service-team', groupBy: 'week' }), kpis({ team: 'service-team' })]);
    const c = charts(html);
    // Service-team: W17 received C3 C4 C10, closed C3; W18 received C5 C6 C7, closed C4 C10.
    expect(series(c['volume'], 0)).toEqual(byWeek.groups.map((g) => g.figures.volume.received));
    expect([series(c['volume'], 0), series(c['volume'], 1)]).toEqual([[3, 3], [1, 2]]);
    expect(series(c['sla'])).toEqual([66.7, 0, 100, 100]);
    // C3 accepted in round 1, C10 rejected, then deemed accepted in round 2; no hand-off.
    expect(series(c['funnel'])).toEqual([2, 1, 1, 1, 1, 0, 0]);
    expect(series(c['backlog'])).toEqual(Object.values(total.total.backlogAgeing!));
    expect(series(c['backlog'])).toEqual([2, 1, 0, 0, 0]);
    // No billing complaint is the service team's.
    expect(c['categories']!.labels).toEqual(['delivery', '(no category)', FORMULA_CATEGORY]);
    expect(series(c['categories'])).toEqual([3, 2, 1]);
    expect(c['root-causes']!.labels).toEqual(['billing error', 'late delivery', 'rude staff']);
    // C3's 3/5 and C10's 2/1, both in the UTC week of 27 April; C2's answer is billing-team's.
    expect(c['satisfaction']!.labels).toEqual(['2026-04-27']);
    expect([series(c['satisfaction'], 0), series(c['satisfaction'], 1)]).toEqual([[2.5], [3]]);
    expect(html).toContain('data-fact="received">6<');
    expect(html).toContain('data-fact="answers">2<');
    expect(tableValues(html, 'volume')).toEqual([['2026-04-20', '2026-04-26', '3', '1'], ['2026-04-27', '2026-05-03', '3', '2']]);
    expect(html).toContain('Team Service, 2026-04-20 to 2026-05-03.');
    expect(html).toContain('<option value="service-team" selected="">Service</option>');
    expect(html).not.toContain('Whole organisation');
  });

  it('gives a filtered chart’s CSV with its filters: the same rows as the filtered chart', async () => {
    const { html } = await dashboard({ ...PERIOD, team: 'service-team' });
    const links = [...html.matchAll(/href="(\/console\/dashboard\/[a-z-]+\.csv\?[^"]+)"/g)].map((m) => new URL(m[1]!.replace(/&amp;/g, '&'), 'http://x'));
    expect(links).toHaveLength(7);
    for (const link of links) expect({ link: link.pathname, team: link.searchParams.get('team') }).toEqual({ link: link.pathname, team: 'service-team' });
    const res = await open(`/console/dashboard/volume.csv?${new URLSearchParams({ ...PERIOD, team: 'service-team' })}`);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="dashboard-volume_${KPI_PERIOD.from}_${KPI_PERIOD.to}_team-service-team.csv"`);
    expect((await res.text()).trimEnd().split('\r\n')).toEqual(['period,from,to,received,closed', '2026-W17,2026-04-20,2026-04-26,3,1', '2026-W18,2026-04-27,2026-05-03,3,2']);
    const categories = await (await open(`/console/dashboard/categories.csv?${new URLSearchParams({ ...PERIOD, team: 'service-team' })}`)).text();
    expect(categories).not.toContain('billing');
    const satisfaction = await (await open(`/console/dashboard/satisfaction.csv?${new URLSearchParams({ ...PERIOD, team: 'service-team' })}`)).text();
    expect(satisfaction.trimEnd().split('\r\n')).toEqual(['period_start,answers,mean_handling,mean_outcome', '2026-04-27,2,2.5,3']);

    // A department: finance holds the billing complaints (C2 accepted in round 1, C9 rejected in round 2 and handed off).
    const finance = await dashboard({ ...PERIOD, department: 'finance' });
    expect(series(charts(finance.html)['funnel'])).toEqual([1, 1, 0, 1, 0, 1, 1]);
    expect(charts(finance.html)['categories']!.labels).toEqual(['billing']);
    expect(finance.html).toContain('Department Finance, 2026-04-20 to 2026-05-03.');
    const csv = await open(`/console/dashboard/funnel.csv?${new URLSearchParams({ ...PERIOD, department: 'finance' })}`);
    expect(csv.headers.get('content-disposition')).toContain('_department-finance.csv');
    expect((await csv.text()).split('\r\n')[1]).toBe('Round 1: proposals answered,1');
    // Both: the complaints of that department and that team (none here).
    const both = await dashboard({ ...PERIOD, department: 'finance', team: 'service-team' });
    expect(both.html).toContain('Department Finance, team Service, 2026-04-20 to 2026-05-03.');
    expect(both.html).toContain('data-fact="received">0<');
  });

  it('lists the directory’s departments and teams, and refuses one it lacks beside its select', async () => {
    const { html } = await dashboard();
    expect(html).toContain('<option value="after-sales">After-sales service</option>');
    expect(html).toContain('<option value="billing-team">Billing</option>');
    const bad = await dashboard({ ...PERIOD, team: 'nobody' });
    expect(bad.status).toBe(400);
    expect(bad.html).toMatch(/<select id="dashboard-team" name="team" aria-invalid="true" aria-describedby="dashboard-filters-team-error">/);
    expect(bad.html).toContain('<p class="field-error" id="dashboard-filters-team-error">no team &quot;nobody&quot; in the staff directory</p>');
    expect(bad.html).toContain('href="#dashboard-team"');
    expect(bad.html).toContain('<option value="nobody" selected="">nobody</option>');
    expect(bad.html).not.toContain('<canvas');
    expect((await open(`/console/dashboard/sla.csv?${new URLSearchParams({ ...PERIOD, department: 'nowhere' })}`)).status).toBe(400);
  });

  it('works the presets out and shows the API’s refusals beside the date fields', async () => {
    const preset = await dashboard({ preset: 'this-year' });
    expect(preset.status).toBe(200);
    const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul', year: 'numeric' }).format(new Date());
    expect(preset.html).toContain(`id="dashboard-from" name="from" value="${year}-01-01"`);

    const bad = await dashboard({ preset: 'custom', from: '2026-05-10', to: '2026-05-01' });
    expect(bad.status).toBe(400);
    expect(bad.html).toMatch(/id="dashboard-to" name="to" value="2026-05-01" aria-invalid="true" aria-describedby="dashboard-filters-to-error"/);
    expect(bad.html).toContain('<p class="field-error" id="dashboard-filters-to-error">must not be before from</p>');
    expect(bad.html).toContain('href="#dashboard-to"');
    expect(bad.html).not.toContain('<canvas');
    const old = await dashboard({ preset: 'custom', from: '1900-01-01', to: '2026-05-01' });
    expect(old.status).toBe(400);
    expect(old.html).toContain('id="dashboard-filters-from-error"');
    expect((await open('/console/dashboard/sla.csv?preset=custom&from=2026-05-10&to=2026-05-01')).status).toBe(400);
  });

  it('is for supervisors, process owners, auditors and admins; agents get a 403 page', async () => {
    const agent = await aStaffPerson(db.sql, { roles: ['agent'] });
    const refused = await dashboard(PERIOD, agent);
    expect(refused.status).toBe(403);
    expect(refused.html).toContain('Not for your role');
    expect((await open(`/console/dashboard/volume.csv?${new URLSearchParams(PERIOD)}`, agent)).status).toBe(403);
    for (const role of ['process_owner', 'auditor', 'admin'] as const) {
      const person = await aStaffPerson(db.sql, { roles: [role], language: 'tr' });
      const page = await dashboard(PERIOD, person);
      expect(page.status).toBe(200);
      expect(page.html).toContain('<h1>Gösterge paneli</h1>');
    }
  });
});
