// My work and Search in a real chromium on the console's CSP: an agent sees their team's queue of
// complaints filed through the real intake, moves through rows and claims next with the keyboard
// (the relay then assigns it in the workflow), saves a search as a queue; a supervisor assigns in
// bulk; no WCAG 2.2 AA violation at desktop and phone width, with results and with errors.
import { pino } from 'pino';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssignmentRelay } from '../../jobs/assignment-relay.js';
import { createTemporalGateway } from '../../temporal/gateway.js';
import { expectAccessible, screenshot, startBrowser, type BrowserSession } from '../helpers/browser.js';
import { complaintDriver, type FiledComplaint } from '../helpers/complaint-driver.js';
import { aStaffPerson, DESKTOP, PHONE, signInBrowser, useConsoleApp, type ConsoleTestEnv, type StaffPerson } from '../helpers/console.js';
import { eventually } from '../helpers/integration.js';
import { quietProcess } from '../helpers/process.js';
import { aTeam, joinTeam } from '../console/queue-fixtures.js';

let env: ConsoleTestEnv;
let session: BrowserSession;
let d: ReturnType<typeof complaintDriver>;
let relay: ReturnType<ReturnType<typeof createAssignmentRelay>['start']>;
let team: string;
let department: string;
let agent: StaffPerson;
const filed: FiledComplaint[] = [];
useConsoleApp((ready) => (env = ready));

beforeAll(async () => {
  session = await startBrowser(env.app);
  d = complaintDriver(env.ctx, quietProcess());
  ({ team, department } = await aTeam(env.sql, 'browser'));
  agent = await aStaffPerson(env.sql, { roles: ['agent'], name: 'Ayşe Agent' });
  await joinTeam(env.sql, team, agent.id);
  for (const [subject, severity] of [['Washer leaks water', 'critical'], ['Invoice charged twice', 'medium'], ['Late delivery', 'low']] as const) {
    const c = await d.file({ subject });
    await d.waitForStatus(c, 'acknowledged');
    await d.decideOk(c, { type: 'classify', category: 'product_defect', product: 'WM-8000', severity, department });
    filed.push(c);
  }
  const gateway = createTemporalGateway(env.ctx.client, env.ctx.taskQueue);
  relay = createAssignmentRelay({ sql: env.sql, temporal: gateway, log: pino({ level: 'silent' }) }, { pollMs: 100, leaseMs: 60_000, teams: [team], backoffBaseMs: 20, backoffMaxMs: 40 }).start();
}, 90_000);
afterAll(async () => {
  await relay?.stop();
  await session?.close();
});

const focusedText = (page: Page) => page.evaluate('document.activeElement?.textContent') as Promise<string | null>;

describe('My work in a browser', () => {
  it('shows the team queue, moves with j/k, opens the shortcuts with ?, and claims next with c', async () => {
    const page = await signInBrowser(session, env.sql, agent);
    const refused: string[] = [];
    page.on('console', (m) => /Content Security Policy|Refused to/.test(m.text()) && refused.push(m.text()));
    await page.goto('/console/queues');
    const queue = page.locator(`section[data-team="${team}"]`);
    await expect.poll(() => queue.locator('.queue-counts strong').textContent()).toBe('3 waiting');
    expect(await queue.locator('a[data-open]').allTextContents()).toEqual(filed.map((c) => c.reference)); // critical, medium, low
    await expectAccessible(page, 'My work (desktop)');
    await screenshot(page, 'console-queues-my-work-desktop');

    await page.waitForFunction(() => 'htmx' in globalThis);
    await page.keyboard.press('j');
    expect(await focusedText(page)).toBe(filed[0]!.reference);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    expect(await focusedText(page)).toBe(filed[1]!.reference);

    await page.keyboard.press('?');
    await expect.poll(() => page.locator('dialog#shortcuts').isVisible()).toBe(true);
    expect(await page.locator('dialog#shortcuts').textContent()).toContain('Claim next');
    await expectAccessible(page, 'My work shortcuts dialog');
    await screenshot(page, 'console-queues-shortcuts');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog#shortcuts').isVisible()).toBe(false);

    // While typing, the keys are letters: j stays in the search box.
    await page.keyboard.press('/');
    expect(await page.evaluate('document.activeElement?.id')).toBe('quick-q');
    await page.keyboard.type('jk');
    expect(await page.inputValue('#quick-q')).toBe('jk');
    expect(await page.evaluate('document.activeElement?.id')).toBe('quick-q');

    await page.locator(`section[data-team="${team}"] a[data-open]`).first().focus();
    await Promise.all([page.waitForURL(`**/console/complaints/${filed[0]!.reference}`), page.keyboard.press('c')]);
    expect(new URL(page.url()).pathname).toBe(`/console/complaints/${filed[0]!.reference}`);

    // The relay assigns it in the workflow; then it is mine on My work.
    await eventually(async () => ((await d.status(filed[0]!)).state.assignee === agent.id ? true : undefined), 20_000);
    await eventually(async () => {
      await page.goto('/console/queues');
      return (await page.locator('section[aria-labelledby="mine-heading"] a[data-open]').allTextContents()).includes(filed[0]!.reference) ? true : undefined;
    }, 20_000);
    expect(await page.locator('table.claims').textContent()).toContain('Recorded: it is yours');
    expect(await queue.locator('a[data-open]').allTextContents()).toEqual(filed.slice(1).map((c) => c.reference));
    expect(refused).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('saves a search as a queue and opens it from My work with o; Search is accessible with results and with errors', async () => {
    const page = await signInBrowser(session, env.sql, agent);
    await page.goto('/console/complaints');
    await page.fill('#f-department', department);
    await page.check('#f-severity-medium');
    await page.check('#f-severity-low');
    await Promise.all([page.waitForURL(/department=/), page.click('form#search button[type=submit]')]);
    await expect.poll(() => page.locator('table.complaints a[data-open]').allTextContents()).toEqual(filed.slice(1).map((c) => c.reference).reverse()); // newest first
    expect(await page.locator('[data-total]').textContent()).toContain('2 complaints match');
    await expectAccessible(page, 'Search with results (desktop)');
    await screenshot(page, 'console-search-results-desktop');

    await page.fill('#save-name', 'Medium and low');
    await Promise.all([page.waitForURL('**/console/queues?saved=*'), page.click('form[action="/console/complaints/save-queue"] button')]);
    const row = page.locator('tr[data-saved-queue="Medium and low"]');
    expect(await row.locator('td').first().textContent()).toBe('2 complaints');
    await row.locator('a[data-open]').focus();
    await Promise.all([page.waitForURL(/\/console\/complaints\?/), page.keyboard.press('o')]);
    expect(await page.locator('#f-severity-medium').isChecked()).toBe(true);

    await page.goto('/console/complaints?receivedFrom=2026-03-05&receivedTo=2026-03-01');
    expect(await page.locator('#search-receivedFrom-error').textContent()).toBe('must be before receivedTo');
    expect(await page.getAttribute('#f-receivedFrom', 'aria-invalid')).toBe('true');
    await expectAccessible(page, 'Search with errors (desktop)');
    await screenshot(page, 'console-search-errors-desktop');
    await page.context().close();

    const phone = await signInBrowser(session, env.sql, agent, { viewport: PHONE });
    for (const [path, name] of [['/console/queues', 'my-work'], [`/console/complaints?department=${department}`, 'search-results'], ['/console/complaints?receivedFrom=2026-03-05&receivedTo=2026-03-01', 'search-errors']] as const) {
      await phone.goto(path);
      await expectAccessible(phone, `${name} (phone)`);
      await screenshot(phone, `console-queues-${name}-phone`);
      const overflowing = await phone.evaluate(`[...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-wrap')).map((e) => e.tagName + '.' + e.className + '#' + e.id).slice(0, 5)`);
      expect(overflowing, name).toEqual([]);
    }
    await phone.context().close();
  }, 90_000);

  it('lets a supervisor assign the selected complaints in bulk and lists each outcome', async () => {
    const supervisor = await aStaffPerson(env.sql, { roles: ['supervisor'] });
    const page = await signInBrowser(session, env.sql, supervisor, { viewport: DESKTOP });
    await page.goto(`/console/complaints?department=${department}&sort=receivedAt`);
    await page.check('#select-all');
    expect(await page.locator('input[data-select-row]:checked').count()).toBe(3);
    await page.fill('#bulk-assignee', agent.id);
    await Promise.all([page.waitForURL('**/console/complaints/bulk'), page.click('form#bulk button[type=submit]')]);
    expect(await page.locator('main').textContent()).toContain('3 done');
    expect(await page.locator('p[role=status]').textContent()).toBe('3 done, none refused.');
    expect(await page.locator('tr[data-outcome="done"]').count()).toBe(3);
    await expectAccessible(page, 'Bulk results (desktop)');
    await screenshot(page, 'console-search-bulk-results');
    for (const c of filed) expect((await d.status(c)).state.assignee).toBe(agent.id);
    await page.context().close();
  }, 90_000);
});
