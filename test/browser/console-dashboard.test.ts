// The dashboard and the audit trail in a real chromium, on the console's own CSP and the KPI data
// set (a database of its own): a supervisor reads the charts Chart.js draws, downloads a chart's
// CSV and changes the filters; an auditor reads the trail and follows an entry to its complaint;
// no WCAG 2.2 AA violation at desktop and phone width.
import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { recordStaffAction } from '../../api/console/staff-audit.js';
import { createCalendarResolver } from '../../read-model/calendar-resolver.js';
import { apiKeyEntry } from '../../scripts/dev-secrets.js';
import { expectAccessible, screenshot, startBrowser, type BrowserSession } from '../helpers/browser.js';
import { aStaffPerson, DESKTOP, PHONE, signInBrowser, type StaffPerson } from '../helpers/console.js';
import { integrationContext, LINK_SIGNING_SECRET, STAFF_KEYS, type IntegrationContext } from '../helpers/integration.js';
import { insertKpiDataSet, KPI_PERIOD } from '../helpers/kpi-data-set.js';
import { isolatedDatabase } from '../helpers/kpi-database.js';

let ctx: IntegrationContext;
let db: Awaited<ReturnType<typeof isolatedDatabase>>;
let session: BrowserSession;
let supervisor: StaffPerson;
let auditor: StaffPerson;
let reference: string;

beforeAll(async () => {
  ctx = await integrationContext();
  db = await isolatedDatabase();
  const ids = await insertKpiDataSet(db.sql);
  const app = createApp({
    config: {
      API_KEYS: Object.entries(STAFF_KEYS).map(([role, key]) => apiKeyEntry(`test-${role}`, role, key)),
      PUBLIC_INTAKE_PER_MINUTE: 1000,
      TRUST_PROXY: true,
      LINK_SIGNING_SECRET,
      REPORT_TIME_ZONE: 'Europe/Istanbul',
    },
    sql: db.sql,
    calendars: createCalendarResolver({ sql: db.sql }),
    temporal: ctx.unreachableTemporal(),
    encryptionKeys: ctx.encryptionKeys,
    log: pino({ level: 'silent' }),
  });
  supervisor = await aStaffPerson(db.sql, { roles: ['supervisor'], name: 'Selin Kaya' });
  auditor = await aStaffPerson(db.sql, { roles: ['auditor'], name: 'Deniz Ak' });
  // A staff decision on C2 and a console action about it, for the trail.
  const [row] = await db.sql<{ reference: string }[]>`SELECT reference FROM complaints WHERE id = ${ids['C2']!}`;
  reference = row!.reference;
  await db.sql`INSERT INTO complaint_events (complaint_id, seq, type, actor_id, actor_role, occurred_at, data)
               VALUES (${ids['C2']!}, 2, 'classify', ${supervisor.id}, 'supervisor', '2026-04-15T10:00:00Z', '{"category":"billing"}')`;
  await recordStaffAction(db.sql, { actorId: supervisor.id, actorRole: 'supervisor', action: 'sign_in' });
  session = await startBrowser(app);
});
afterAll(async () => {
  await session?.close();
  await db?.drop();
  await ctx?.close();
});

const PERIOD = new URLSearchParams({ preset: 'custom', ...KPI_PERIOD, interval: 'week' });

/** Collects what the CSP refused and any script error (a refused form's 400 and the favicon's 404 are not). */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => (/Content Security Policy|Refused to/.test(m.text()) || (m.type() === 'error' && !/Failed to load resource/.test(m.text()))) && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

/** The data each canvas's Chart.js instance plots, by canvas id (read in the page). */
const drawn = (page: Page) =>
  page.evaluate(`(() => {
    const out = {};
    for (const canvas of document.querySelectorAll('canvas[data-chart]')) {
      const chart = Chart.getChart(canvas);
      out[canvas.id] = chart ? { type: chart.config.type, data: chart.data.datasets.map((d) => d.data), width: canvas.width } : null;
    }
    return out;
  })()`) as Promise<Record<string, { type: string; data: number[][]; width: number } | null>>;

describe('the dashboard in a browser', () => {
  it('a supervisor reads the charts, downloads a CSV and changes the filters', async () => {
    const page = await signInBrowser(session, db.sql, supervisor, { viewport: DESKTOP });
    const problems = watch(page);
    await page.goto(`/console/dashboard?${PERIOD}`);
    await page.waitForFunction(`document.querySelectorAll('canvas[data-drawn="true"]').length === 7`);
    const charts = await drawn(page);
    expect(Object.keys(charts).sort()).toEqual(['chart-backlog', 'chart-categories', 'chart-funnel', 'chart-root-causes', 'chart-satisfaction', 'chart-sla', 'chart-volume']);
    expect(charts['chart-volume']).toMatchObject({ type: 'bar', data: [[4, 3], [4, 2]] });
    expect(charts['chart-funnel']?.data).toEqual([[3, 2, 1, 2, 1, 1, 1]]);
    expect(charts['chart-satisfaction']?.type).toBe('line');
    expect(charts['chart-sla']?.width).toBeGreaterThan(100);
    // Every table is there for a screen reader; open them so axe checks them too.
    await page.evaluate(`document.querySelectorAll('details').forEach((d) => { d.open = true; })`);
    await expectAccessible(page, 'dashboard (desktop)');
    await screenshot(page, 'console-dashboard-desktop');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href^="/console/dashboard/backlog.csv"]')]);
    expect(download.suggestedFilename()).toBe(`dashboard-backlog_${KPI_PERIOD.from}_${KPI_PERIOD.to}.csv`);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toBe('age,complaints\r\n0–2 days,2\r\n3–5 days,1\r\n6–10 days,0\r\n11–20 days,1\r\nOver 20 days,1\r\n');

    // A team narrows every chart and its CSV: the service team received C3 C4 C10, then C5 C6 C7.
    await page.selectOption('#dashboard-team', 'service-team');
    await Promise.all([page.waitForURL(/team=service-team/), page.click('#dashboard-filters button[type=submit]')]);
    await page.waitForFunction(`document.querySelectorAll('canvas[data-drawn="true"]').length === 7`);
    const team = await drawn(page);
    expect(team['chart-volume']).toMatchObject({ type: 'bar', data: [[3, 3], [1, 2]] });
    expect(team['chart-funnel']?.data).toEqual([[2, 1, 1, 1, 1, 0, 0]]);
    expect(team['chart-satisfaction']?.data).toEqual([[2.5], [3]]);
    expect(await page.textContent('.notice')).toContain('Team Service');
    expect(await page.inputValue('#dashboard-team')).toBe('service-team');
    await page.evaluate(`document.querySelectorAll('details').forEach((d) => { d.open = true; })`);
    await expectAccessible(page, 'dashboard filtered to a team');
    await screenshot(page, 'console-dashboard-team');
    const [teamDownload] = await Promise.all([page.waitForEvent('download'), page.click('a[href^="/console/dashboard/volume.csv"]')]);
    expect(teamDownload.suggestedFilename()).toBe(`dashboard-volume_${KPI_PERIOD.from}_${KPI_PERIOD.to}_team-service-team.csv`);
    expect(readFileSync((await teamDownload.path())!, 'utf8')).toBe('period,from,to,received,closed\r\n2026-W17,2026-04-20,2026-04-26,3,1\r\n2026-W18,2026-04-27,2026-05-03,3,2\r\n');

    // A department instead: finance's C2 accepted in round 1, C9 rejected in round 2 and handed off.
    await page.selectOption('#dashboard-team', '');
    await page.selectOption('#dashboard-department', 'finance');
    await Promise.all([page.waitForURL(/department=finance/), page.click('#dashboard-filters button[type=submit]')]);
    await page.waitForFunction(`document.querySelectorAll('canvas[data-drawn="true"]').length === 7`);
    expect((await drawn(page))['chart-funnel']?.data).toEqual([[1, 1, 0, 1, 0, 1, 1]]);
    expect(await page.textContent('.notice')).toContain('Department Finance');
    // Typing a date switches the period to "dates below"; a wrong order is refused beside the field.
    await page.fill('#dashboard-from', '2026-05-10');
    await page.dispatchEvent('#dashboard-from', 'change');
    expect(await page.inputValue('#dashboard-preset')).toBe('custom');
    await page.fill('#dashboard-to', '2026-05-01');
    await Promise.all([page.waitForURL(/to=2026-05-01/), page.click('#dashboard-filters button[type=submit]')]);
    expect(await page.textContent('#dashboard-filters-to-error')).toBe('must not be before from');
    expect(await page.getAttribute('#dashboard-to', 'aria-invalid')).toBe('true');
    await expectAccessible(page, 'dashboard with a refused period');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('works at phone width', async () => {
    const page = await signInBrowser(session, db.sql, supervisor, { viewport: PHONE });
    const problems = watch(page);
    await page.goto(`/console/dashboard?${PERIOD}`);
    await page.waitForFunction(`document.querySelectorAll('canvas[data-drawn="true"]').length === 7`);
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.evaluate(`document.querySelectorAll('details').forEach((d) => { d.open = true; })`);
    await expectAccessible(page, 'dashboard (phone)');
    await screenshot(page, 'console-dashboard-phone');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it.each([['desktop', DESKTOP], ['phone', PHONE]] as const)('an auditor reads the audit trail and follows an entry to its complaint (%s)', async (name, viewport) => {
    const page = await signInBrowser(session, db.sql, auditor, { viewport });
    const problems = watch(page);
    await page.goto('/console/audit');
    const row = page.locator('tr', { hasText: 'Classified' });
    expect(await row.textContent()).toContain(`Selin Kaya (${supervisor.id})`);
    expect(await page.locator('tr', { hasText: 'Signed in' }).count()).toBe(1);
    await expectAccessible(page, `audit trail (${name})`);
    await screenshot(page, `console-audit-${name}`);
    // Filtered by the person, by keyboard: only their two entries.
    await page.selectOption('#audit-actor', supervisor.id);
    await page.focus('#audit-filters button[type=submit]');
    await Promise.all([page.waitForURL(/actor=/), page.keyboard.press('Enter')]);
    expect(await page.locator('tbody tr').count()).toBe(2);
    await Promise.all([page.waitForURL(new RegExp(`/console/complaints/${reference}$`)), row.getByRole('link', { name: reference }).click()]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('keeps agents out of both pages', async () => {
    const agent = await aStaffPerson(db.sql, { roles: ['agent'] });
    const page = await signInBrowser(session, db.sql, agent);
    expect((await page.goto('/console/dashboard'))?.status()).toBe(403);
    expect((await page.goto('/console/audit'))?.status()).toBe(403);
    await page.context().close();
  });
});
