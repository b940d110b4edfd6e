// GET /v1/reports/kpis and /trends over HTTP: the hand-computed data set of
// test/helpers/kpi-data-set.ts, grouping, the CSV export read back by a real CSV parser
// (Python's csv module), roles and bad input.
import { execFileSync } from 'node:child_process';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../api/app.js';
import { errorBodySchema } from '../../../api/http/errors.js';
import { KPI_CSV_HEADER } from '../../../api/staff/kpi-reports-csv.js';
import { kpiReportSchema, trendsSchema } from '../../../api/staff/kpi-reports.schemas.js';
import { createCalendarResolver } from '../../../read-model/calendar-resolver.js';
import { apiKeyEntry } from '../../../scripts/dev-secrets.js';
import { bearer, integrationContext, LINK_SIGNING_SECRET, STAFF_KEYS, type IntegrationContext } from '../../helpers/integration.js';
import { FORMULA_CATEGORY, insertKpiDataSet, KPI_PERIOD } from '../../helpers/kpi-data-set.js';
import { isolatedDatabase } from '../../helpers/kpi-database.js';

let ctx: IntegrationContext;
let db: Awaited<ReturnType<typeof isolatedDatabase>>;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  ctx = await integrationContext();
  db = await isolatedDatabase();
  await insertKpiDataSet(db.sql);
  // The whole API on the report's own database (the shared one holds other files' complaints).
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
});
afterAll(async () => {
  await db?.drop();
  await ctx?.close();
});

type Role = keyof typeof STAFF_KEYS;
const get = (path: string, query: Record<string, string>, role: Role | null = 'supervisor', headers: Record<string, string> = {}) =>
  app.request(`/v1/reports/${path}?${new URLSearchParams(query)}`, { headers: { ...(role ? bearer(role) : {}), ...headers } });

const kpis = async (query: Record<string, string> = {}) => {
  const res = await get('kpis', { ...KPI_PERIOD, ...query });
  expect(res.status).toBe(200);
  return kpiReportSchema.parse(await res.json());
};

/** The dotted paths a refusal names: 400 off the document, 422 a rule of the period or filter (each field fits alone). */
const badFields = async (res: Response) => {
  const { error } = errorBodySchema.parse(await res.clone().json());
  expect([400, 422]).toContain(res.status);
  expect(error.code).toBe(res.status === 400 ? 'VALIDATION_FAILED' : 'UNPROCESSABLE');
  return (error.details as Array<{ path: string }>).map((d) => d.path).sort();
};

/** Parses CSV with Python's csv module (RFC 4180 dialect), as a spreadsheet import would. */
function parseCsv(text: string): string[][] {
  const script = 'import csv, io, json, sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read(), newline="")))))';
  return JSON.parse(execFileSync('python3', ['-c', script], { input: text, encoding: 'utf8' })) as string[][];
}

describe('GET /v1/reports/kpis', () => {
  it('answers the period in the report time zone with every figure of the hand-computed data set', async () => {
    const report = await kpis();
    expect(report).toMatchObject({
      from: '2026-04-20', to: '2026-05-03', timeZone: 'Europe/Istanbul', groupBy: null, repeatWindowDays: 30,
      periodStart: '2026-04-19T21:00:00.000Z', periodEnd: '2026-05-03T21:00:00.000Z', groups: [],
    });
    const t = report.total;
    expect(t.volume).toEqual({ received: 7, closed: 6, openAtStart: 4, openAtEnd: 5 });
    expect(t.backlogAgeing).toEqual({ days0to2: 2, days3to5: 1, days6to10: 0, days11to20: 1, over20: 1 });
    expect(t.acknowledgementOnTime.rate).toBe(0.6667);
    expect(t.resolution).toMatchObject({ medianBusinessHours: 20, p90BusinessHours: 211.5 });
    expect(t.acceptance.externalHandOffs).toBe(1);
    expect(t.redress).toEqual([
      { currency: 'EUR', amount: '75.50', proposals: 1 },
      { currency: 'TRY', amount: '150.00', proposals: 1 },
    ]);
    expect(t.satisfaction.meanHandling).toBe(3.33);
    expect(report.rootCauses[0]).toEqual({ rootCause: 'late delivery', count: 2 });
    expect((await kpis({ rootCauses: '2' })).rootCauses).toHaveLength(2);
  });

  it('groups by category in value order, the complaints without one last', async () => {
    const { groups, total } = await kpis({ groupBy: 'category' });
    expect(groups.map((g) => g.key)).toEqual([FORMULA_CATEGORY, 'billing', 'delivery', null]);
    expect(groups[1]!.figures.volume).toEqual({ received: 1, closed: 3, openAtStart: 4, openAtEnd: 2 });
    expect(total.volume.received).toBe(7);
  });

  it('groups by ISO week, naming each week with its days inside the period', async () => {
    const { groups } = await kpis({ groupBy: 'week' });
    expect(groups.map((g) => [g.key, g.from, g.to, g.figures.volume.received, g.figures.volume.openAtEnd])).toEqual([
      ['2026-W17', '2026-04-20', '2026-04-26', 4, 4],
      ['2026-W18', '2026-04-27', '2026-05-03', 3, 5],
    ]);
  });

  it('groups by month, the first and last clipped to the period', async () => {
    const { groups } = await kpis({ groupBy: 'month' });
    expect(groups.map((g) => [g.key, g.from, g.to, g.figures.volume.closed])).toEqual([
      ['2026-04', '2026-04-20', '2026-04-30', 6],
      ['2026-05', '2026-05-01', '2026-05-03', 0],
    ]);
  });

  it('documents every figure in the OpenAPI document', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as { components: { schemas: Record<string, any> } };
    const figures = doc.components.schemas.KpiFigures;
    expect(figures.properties.volume.properties.received.description).toMatch(/received in the period/);
    expect(figures.properties.resolution.properties.medianBusinessHours.description).toMatch(/business hours/);
    expect(figures.properties.repeatComplaints.description).toMatch(/REPEAT_COMPLAINT_WINDOW_DAYS/);
    expect(figures.properties.satisfaction.properties.meanHandling.description).toMatch(/handled your complaint/);
  });
});

describe('GET /v1/reports/kpis for a department or a team', () => {
  it('counts every figure over that team’s complaints, and says so', async () => {
    const report = await kpis({ team: 'service-team' });
    expect(report).toMatchObject({ department: null, team: 'service-team', groupBy: null, groups: [] });
    expect(report.total.volume).toEqual({ received: 6, closed: 3, openAtStart: 0, openAtEnd: 3 });
    expect(report.total.resolution).toMatchObject({ medianBusinessHours: 4, p90BusinessHours: 48 });
    expect(report.total.acceptance.firstRound).toEqual({ count: 1, of: 2, rate: 0.5 });
    expect(report.total.satisfaction).toMatchObject({ answers: 2, meanHandling: 2.5, meanOutcome: 3 });
    expect(report.rootCauses.map((r) => r.rootCause)).toEqual(['billing error', 'late delivery', 'rude staff']);
    expect((await kpis()).department).toBeNull();
  });

  it('combines with groupBy and with each other', async () => {
    const finance = await kpis({ department: 'finance', groupBy: 'week' });
    expect(finance.department).toBe('finance');
    expect(finance.total.volume).toEqual({ received: 1, closed: 3, openAtStart: 4, openAtEnd: 2 });
    expect(finance.groups.map((g) => [g.key, g.figures.volume.received, g.figures.volume.closed, g.figures.volume.openAtEnd])).toEqual([
      ['2026-W17', 1, 3, 2],
      ['2026-W18', 0, 0, 2],
    ]);
    const byCategory = await kpis({ team: 'service-team', groupBy: 'category' });
    expect(byCategory.groups.map((g) => [g.key, g.figures.volume.received])).toEqual([[FORMULA_CATEGORY, 1], ['delivery', 3], [null, 2]]);
    const both = await kpis({ department: 'finance', team: 'billing-team' });
    expect(both).toMatchObject({ department: 'finance', team: 'billing-team' });
    expect(both.total).toEqual(finance.total);
    expect((await kpis({ department: 'finance', team: 'service-team' })).total.volume).toEqual({ received: 0, closed: 0, openAtStart: 0, openAtEnd: 0 });
  });

  it('exports the filtered table as CSV, the file named after its filter', async () => {
    const res = await get('kpis', { ...KPI_PERIOD, team: 'service-team', groupBy: 'week' }, 'auditor', { accept: 'text/csv' });
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="kpis_2026-04-20_2026-05-03_by-week_team-service-team.csv"');
    const [header, ...rows] = parseCsv(await res.text());
    const cell = (row: string[], column: string) => row[header!.indexOf(column)];
    expect(rows.map((r) => [cell(r, 'group'), cell(r, 'received'), cell(r, 'closed'), cell(r, 'open_at_end')])).toEqual([
      ['', '6', '3', '3'],
      ['2026-W17', '3', '1', '2'],
      ['2026-W18', '3', '2', '3'],
    ]);
    const plain = await get('kpis', { ...KPI_PERIOD, department: 'finance' }, 'auditor', { accept: 'text/csv' });
    expect(plain.headers.get('content-disposition')).toBe('attachment; filename="kpis_2026-04-20_2026-05-03_department-finance.csv"');
    expect(cell(parseCsv(await plain.text())[1]!, 'external_hand_offs')).toBe('1');
  });

  it('documents both parameters in the OpenAPI document', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, { get: { parameters: { name: string; description?: string }[] } }> };
    for (const path of ['/v1/reports/kpis', '/v1/reports/trends', '/v1/reports/satisfaction']) {
      const names = doc.paths[path]!.get.parameters.map((p) => p.name);
      expect({ path, names }).toMatchObject({ path, names: expect.arrayContaining(['department', 'team']) });
      expect(doc.paths[path]!.get.parameters.find((p) => p.name === 'team')!.description).toMatch(/staff directory/);
    }
  });
});

describe('GET /v1/reports/kpis as CSV', () => {
  it('exports the same table: a total row, then one row per group, quoted by RFC 4180 and safe to open in a spreadsheet', async () => {
    const res = await get('kpis', { ...KPI_PERIOD, groupBy: 'category' }, 'auditor', { accept: 'text/csv' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="kpis_2026-04-20_2026-05-03_by-category.csv"');
    const text = await res.text();
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(KPI_CSV_HEADER);
    const cell = (row: string[], column: string) => row[header!.indexOf(column)];
    expect(rows.map((r) => [cell(r, 'row'), cell(r, 'group')])).toEqual([
      ['total', ''],
      // The category starts with `=`: a leading apostrophe keeps a spreadsheet from running it; its quotes and comma survive.
      ['group', `'${FORMULA_CATEGORY}`],
      ['group', 'billing'],
      ['group', 'delivery'],
      ['group', ''],
    ]);
    const [total, , billing] = rows;
    expect(cell(total!, 'from')).toBe('2026-04-20');
    expect(cell(total!, 'to')).toBe('2026-05-03');
    expect(cell(total!, 'received')).toBe('7');
    expect(cell(total!, 'open_at_start')).toBe('4');
    expect(cell(total!, 'backlog_days_0_2')).toBe('2');
    expect(cell(total!, 'backlog_days_over_20')).toBe('1');
    expect(cell(total!, 'acknowledgement_on_time')).toBe('2');
    expect(cell(total!, 'acknowledgement_settled')).toBe('3');
    expect(cell(total!, 'sla_initial_review_rate')).toBe('0');
    expect(cell(total!, 'escalations_team_lead')).toBe('2');
    expect(cell(total!, 'resolution_p90_business_hours')).toBe('211.5');
    expect(cell(total!, 'closure_deemed_accepted')).toBe('1');
    expect(cell(total!, 'redress')).toBe('EUR 75.50; TRY 150.00');
    expect(cell(total!, 'satisfied_outcome_rate')).toBe('0.6667');
    expect(cell(billing!, 'closed')).toBe('3');
    expect(cell(billing!, 'resolution_median_business_hours')).toBe('36');
    // Every row has every column.
    expect(new Set(rows.map((r) => r.length))).toEqual(new Set([header!.length]));
  });

  it('names the file without a grouping, and leaves a week row\'s backlog ageing empty (the total carries it)', async () => {
    const plain = await get('kpis', KPI_PERIOD, 'supervisor', { accept: 'text/csv' });
    expect(plain.headers.get('content-disposition')).toBe('attachment; filename="kpis_2026-04-20_2026-05-03.csv"');
    expect(parseCsv(await plain.text())).toHaveLength(2);
    const weekly = parseCsv(await (await get('kpis', { ...KPI_PERIOD, groupBy: 'week' }, 'supervisor', { accept: 'text/csv' })).text());
    const column = weekly[0]!.indexOf('backlog_days_0_2');
    expect(weekly.slice(1).map((r) => [r[1], r[column]])).toEqual([['', '2'], ['2026-W17', ''], ['2026-W18', '']]);
  });

  it('answers JSON when the client prefers it', async () => {
    const res = await get('kpis', KPI_PERIOD, 'supervisor', { accept: 'application/json, text/csv' });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });
});

describe('GET /v1/reports/trends', () => {
  it('gives every ISO week of the period, empty weeks too', async () => {
    const res = await get('trends', { from: '2026-03-30', to: KPI_PERIOD.to }, 'process_owner');
    expect(res.status).toBe(200);
    const { weeks, timeZone } = trendsSchema.parse(await res.json());
    expect(timeZone).toBe('Europe/Istanbul');
    expect(weeks.map((w) => [w.week, w.received, w.closed, w.medianResolutionBusinessHours, w.slaAttainment, w.acceptance, w.satisfaction])).toEqual([
      ['2026-W14', 0, 0, null, null, null, null],
      ['2026-W15', 1, 0, null, null, null, null],
      ['2026-W16', 1, 0, null, 1, null, null],
      ['2026-W17', 4, 4, 20, 0.75, 0.5, 5],
      ['2026-W18', 3, 2, 30.5, 0.5, 1, 2.5],
    ]);
  });
});

describe('GET /v1/reports/trends and /satisfaction for a team', () => {
  it('gives the team’s weeks only', async () => {
    const res = await get('trends', { from: '2026-03-30', to: KPI_PERIOD.to, team: 'billing-team' });
    const { weeks, team } = trendsSchema.parse(await res.json());
    expect(team).toBe('billing-team');
    expect(weeks.map((w) => [w.week, w.received, w.closed, w.medianResolutionBusinessHours, w.slaAttainment, w.acceptance, w.satisfaction])).toEqual([
      ['2026-W14', 0, 0, null, null, null, null],
      ['2026-W15', 1, 0, null, null, null, null],
      ['2026-W16', 1, 0, null, 1, null, null],
      ['2026-W17', 1, 3, 36, null, 0.5, 5],
      ['2026-W18', 0, 0, null, null, null, null],
    ]);
  });

  it('gives the survey answers about the team’s complaints only', async () => {
    const period = { from: '2026-04-19T21:00:00Z', to: '2026-05-03T21:00:00Z', period: 'week' };
    const answers = async (query: Record<string, string>) => {
      const res = await get('satisfaction', { ...period, ...query });
      expect(res.status).toBe(200);
      return (await res.json()) as { team: string | null; periods: { periodStart: string; answers: number; meanHandling: number; meanOutcome: number }[] };
    };
    // C3 (27 Apr) and C10 (1 May) are service-team's; C2 (22 Apr) billing-team's.
    const service = await answers({ team: 'service-team' });
    expect(service.team).toBe('service-team');
    expect(service.periods.map((p) => [p.periodStart.slice(0, 10), p.answers, p.meanHandling, p.meanOutcome])).toEqual([['2026-04-27', 2, 2.5, 3]]);
    expect((await answers({ department: 'finance' })).periods.map((p) => [p.periodStart.slice(0, 10), p.answers])).toEqual([['2026-04-20', 1]]);
    expect((await answers({})).periods.map((p) => p.answers)).toEqual([1, 2]);
  });
});

describe('who may read reports', () => {
  it.each(['supervisor', 'process_owner', 'auditor', 'admin'] as const)('%s may', async (role) => {
    expect((await get('kpis', KPI_PERIOD, role)).status).toBe(200);
    expect((await get('trends', KPI_PERIOD, role)).status).toBe(200);
  });

  it('an agent may not (403), nor anyone without a key (401)', async () => {
    for (const path of ['kpis', 'trends']) {
      const res = await get(path, KPI_PERIOD, 'agent');
      expect(res.status).toBe(403);
      expect(errorBodySchema.parse(await res.json()).error.code).toBe('NOT_ALLOWED_FOR_ROLE');
      expect((await get(path, KPI_PERIOD, null)).status).toBe(401);
    }
    expect((await get('kpis', KPI_PERIOD, 'agent', { accept: 'text/csv' })).status).toBe(403);
  });
});

describe('bad input', () => {
  it('names each bad field', async () => {
    expect(await badFields(await get('kpis', { from: '2026-05-03', to: '2026-04-20' }))).toEqual(['query.to']);
    expect(await badFields(await get('kpis', { from: '2023-01-01', to: '2026-01-10' }))).toEqual(['query.to']);
    expect(await badFields(await get('kpis', { ...KPI_PERIOD, groupBy: 'colour' }))).toEqual(['query.groupBy']);
    expect(await badFields(await get('kpis', { from: '20-04-2026', to: 'tomorrow' }))).toEqual(['query.from', 'query.to']);
    expect(await badFields(await get('kpis', { ...KPI_PERIOD, rootCauses: '0' }))).toEqual(['query.rootCauses']);
    expect(await badFields(await get('kpis', { to: KPI_PERIOD.to }))).toEqual(['query.from']);
    expect(await badFields(await get('trends', { from: '2026-05-03', to: '2026-04-20' }))).toEqual(['query.to']);
  });

  it('names a department or team the staff directory does not hold, with any bad period', async () => {
    const unknown = await get('kpis', { ...KPI_PERIOD, department: 'marketing' });
    expect(unknown.status).toBe(422);
    expect(errorBodySchema.parse(await unknown.json()).error.details).toEqual([{ path: 'query.department', message: 'no department "marketing" in the staff directory' }]);
    expect(await badFields(await get('kpis', { ...KPI_PERIOD, team: 'finance' }))).toEqual(['query.team']);
    expect(await badFields(await get('kpis', { from: '2026-05-03', to: '2026-04-20', department: 'nowhere', team: 'nobody' }))).toEqual(['query.department', 'query.team', 'query.to']);
    expect(await badFields(await get('kpis', { ...KPI_PERIOD, team: 'x'.repeat(101) }))).toEqual(['query.team']);
    expect(await badFields(await get('kpis', { ...KPI_PERIOD, team: 'nobody' }, 'supervisor', { accept: 'text/csv' }))).toEqual(['query.team']);
    expect(await badFields(await get('trends', { ...KPI_PERIOD, team: 'nobody' }))).toEqual(['query.team']);
    expect(await badFields(await get('satisfaction', { from: '2026-04-19T21:00:00Z', to: '2026-05-03T21:00:00Z', department: 'nowhere' }))).toEqual(['query.department']);
  });

  it('takes a period of up to 1098 days, both ends included', async () => {
    expect((await get('kpis', { from: '2024-01-01', to: '2027-01-02' })).status).toBe(200);
    expect(await badFields(await get('kpis', { from: '2024-01-01', to: '2027-01-03' }))).toEqual(['query.to']);
  });
});
