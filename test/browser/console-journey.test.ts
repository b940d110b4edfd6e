// The staff console's whole journey on a fresh `npm start`, in a real chromium, as each role lives
// it: the first administrator signs in with the password the stack printed and adds an agent and a
// supervisor on People; a customer files through the complaint form; the admin sends it to the
// agent's team; the agent claims it from the team queue and classifies and proposes on its page;
// the customer accepts through the link in the e-mail the local inbox shows, and answers the
// survey; the complaint page shows it closed; the supervisor reads the dashboard and downloads a
// chart's CSV; the admin publishes a process version with a new deadline and migrates a running
// complaint to it; a form posted from another origin is refused, and so is the agent on People.
// Nothing is faked: the stack is scripts/stack.ts on free ports with a data folder of its own.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, screenshot, startBrowserAt, type BrowserSession } from '../helpers/browser.js';
import { DESKTOP } from '../helpers/console.js';
import { eventually } from '../helpers/integration.js';
import { startStack, type RunningStack } from '../helpers/stack.js';

let stack: RunningStack | undefined;
let session: BrowserSession | undefined;

beforeAll(async () => {
  stack = await startStack({ name: 'console-journey' });
  session = await startBrowserAt(stack.baseUrl);
}, 300_000);
afterAll(async () => {
  await session?.close().catch(() => undefined);
  await stack?.stop();
}, 90_000);

const DEPARTMENT = 'journey-after-sales';
const TEAM = 'journey-dishwashers';
const AGENT = { id: 'deniz.aksoy', name: 'Deniz Aksoy', email: 'deniz.aksoy@staff.plaint.test', password: 'deniz journey password' };
const SUPERVISOR = { id: 'selin.kaya', name: 'Selin Kaya', email: 'selin.kaya@staff.plaint.test', password: 'selin journey password' };
const CUSTOMER = { name: 'Ayla Demir', email: 'ayla.demir@example.com' };
/** A later customer whose complaint is still running when the process changes. */
const LATER_CUSTOMER = { name: 'Kerem Ay', email: 'kerem.ay@example.com' };

/** Waits on a loaded machine: the workflow, the relay and the mail all run in other processes. */
const SLOW = 60_000;

/** Every page a person opens: a fresh context (no shared cookies) on the console's own CSP. */
async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: stack!.baseUrl, viewport: DESKTOP, locale: 'en-GB', acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return page;
}

/** Submits with the button and waits for the page that answers (a redirect followed, or the page with errors). */
async function submit(page: Page, button: string) {
  await Promise.all([page.waitForNavigation({ timeout: SLOW }), page.click(button)]);
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/console/sign-in');
  await page.fill('#sign-in-email', email);
  await page.fill('#sign-in-password', password);
  await submit(page, 'form.sign-in button[type=submit]');
  expect(new URL(page.url()).pathname, (await page.textContent('main')) ?? '').not.toBe('/console/sign-in');
}

async function signOut(page: Page) {
  await submit(page, 'header button:has-text("Sign out")');
  expect(new URL(page.url()).pathname).toBe('/console/sign-in');
}

/** Reloads `path` until `check` answers (pages show what other processes did a moment ago). */
async function untilPageShows<T>(page: Page, path: string, check: () => Promise<T | undefined>, timeoutMs = SLOW): Promise<T> {
  return eventually(async () => {
    await page.goto(path);
    const value = await check();
    if (value === undefined) await page.waitForTimeout(500);
    return value;
  }, timeoutMs);
}

/** The People page's form: a person with a first password and the roles given (the form ticks agent by default). */
async function addPerson(page: Page, person: { id: string; name: string; email: string; password: string }, role: 'agent' | 'supervisor') {
  await page.goto('/console/people');
  await page.fill('#new-person-name', person.name);
  await page.fill('#new-person-id', person.id);
  await page.fill('#new-person-email', person.email);
  await page.selectOption('#new-person-language', 'en');
  await page.fill('#new-person-password', person.password);
  await page.setChecked('#new-person input[name=roles][value=agent]', role === 'agent');
  await page.setChecked(`#new-person input[name=roles][value=${role}]`, true);
  await submit(page, '#new-person button[type=submit]');
  expect(new URL(page.url()).pathname, (await page.textContent('main')) ?? '').toBe(`/console/people/${person.id}`);
  expect(await page.textContent('main')).toContain('The person was added with their first password.');
}

/** The admin API, for the directory's teams: the console has no page for teams and departments yet. */
async function adminApi(method: string, path: string, body: unknown) {
  const res = await fetch(`${stack!.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${stack!.adminApiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
}

/** The public complaint form, in English; answers the reference the confirmation page shows. */
async function fileThroughTheForm(page: Page, customer: { name: string; email: string }, subject: string): Promise<string> {
  await page.goto('/complaints/new?lang=en');
  await page.fill('#name', customer.name);
  await page.fill('#email', customer.email);
  await page.selectOption('#language', 'en');
  await page.fill('#subject', subject);
  await page.fill('#description', 'The new dishwasher leaves every glass cloudy and gritty, even on the intensive programme.');
  await page.selectOption('#category', 'product-defect');
  await page.selectOption('#product', 'dishwasher');
  await page.check('#consent');
  await submit(page, 'main button[type=submit]');
  const confirmation = (await page.textContent('main')) ?? '';
  const reference = /CMP-\d{4}-\d{6,10}/.exec(confirmation)?.[0];
  expect(reference, confirmation).toBeDefined();
  return reference!;
}

/** Opens the local inbox page for `to` until an e-mail with a link to `path` is there; answers that link's locator. */
async function emailLink(page: Page, to: string, path: '/r/' | '/s/' | '/track') {
  const inbox = `${stack!.inboxUrl}?to=${encodeURIComponent(to)}`;
  const link = `a[href^="${stack!.baseUrl}${path}"]`;
  await untilPageShows(page, inbox, async () => ((await page.locator(`article ${link}`).count()) > 0 ? true : undefined));
  const mail = page.locator('article', { has: page.locator(link) }).first();
  // The text version, its links clickable, is folded away when the e-mail has an HTML version.
  const textVersion = mail.locator('details', { has: page.locator('summary', { hasText: 'Text version' }) });
  if (!(await textVersion.evaluate((d) => (d as unknown as { open: boolean }).open))) await textVersion.locator('summary').click();
  return mail.locator(link).first();
}

const text = async (page: Page, selector: string) => (await page.textContent(selector)) ?? '';

/** A page of another origin on the same site (another port of 127.0.0.1, so the SameSite cookie goes along) that posts a People form at once. */
async function forgingSite(target: string): Promise<{ server: Server; url: string }> {
  const form =
    `<form method="post" action="${target}/console/people">` +
    '<input name="name" value="Mallory"><input name="id" value="mallory"><input name="email" value="mallory@evil.test">' +
    '<input name="roles" value="admin"><input name="password" value="mallory owns this now"></form>';
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><html><body>${form}<script>document.forms[0].submit()</script></body></html>`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

describe('the staff console on a fresh npm start', () => {
  it("serves the API's and the worker's metrics to a Prometheus scrape", async () => {
    const api = await (await fetch(`${stack!.baseUrl}/metrics`)).text();
    expect(api).toMatch(/^plaint_http_requests_total\{/m);
    // The Temporal SDK's own, from the worker process: its workflow task latencies, slots, polls.
    const worker = await (await fetch(stack!.workerMetricsUrl)).text();
    expect(worker).toMatch(/^temporal_\w+/m);
  });

  it('takes a complaint from the form to closure, reads the dashboard, changes the process and refuses what is not allowed', async () => {
    const browser = session!.browser;
    const admin = await freshPage(browser);
    const agent = await freshPage(browser);
    const customer = await freshPage(browser);
    const current: Record<string, Page> = { admin, agent, customer };
    try {
      // 1. The first administrator signs in with what `npm start` printed and adds the staff.
      expect(stack!.admin.email).toBe('admin@plaint.local');
      await signIn(admin, stack!.admin.email, stack!.admin.password);
      await addPerson(admin, AGENT, 'agent');
      await addPerson(admin, SUPERVISOR, 'supervisor');
      // Teams and departments have no console page yet: the directory's API makes the agent's team.
      await adminApi('POST', '/v1/departments', { id: DEPARTMENT, name: 'After-sales service' });
      await adminApi('POST', '/v1/teams', { id: TEAM, name: 'Dishwashers', departmentId: DEPARTMENT, memberIds: [AGENT.id] });
      await admin.goto('/console/people');
      const agentRow = admin.locator('tr', { has: admin.locator(`a[href="/console/people/${AGENT.id}"]`) });
      expect(await agentRow.textContent()).toContain(TEAM);
      expect(await agentRow.textContent()).toContain('Password set');
      await expectAccessible(admin, 'People with the new staff');
      await screenshot(admin, 'console-journey-1-people');
      await signOut(admin);

      // 2. A customer files through the public form.
      const reference = await fileThroughTheForm(customer, CUSTOMER, 'Dishwasher leaves glasses cloudy');
      await screenshot(customer, 'console-journey-2-filed');
      // The acknowledgement reaches the customer's inbox: the workflow has the complaint.
      await emailLink(customer, CUSTOMER.email, '/track');

      // The admin sends it to the agent's team (the assign form, no assignee): it joins that queue.
      await signIn(admin, stack!.admin.email, stack!.admin.password);
      await admin.goto(`/console/complaints?q=${encodeURIComponent('cloudy')}`);
      await submit(admin, `table.complaints a:has-text("${reference}")`);
      expect(new URL(admin.url()).pathname).toBe(`/console/complaints/${reference}`);
      await untilPageShows(admin, `/console/complaints/${reference}`, async () => ((await text(admin, '.lede')).includes('Acknowledged') ? true : undefined));
      await expectAccessible(admin, 'complaint page, admin');
      await admin.fill('#decide-assign-team', TEAM);
      await submit(admin, '#decide-assign button[type=submit]');
      expect(await text(admin, '[role=status]')).toContain('Done: Assign.');
      expect(await text(admin, '#handling-title + dl')).toContain(TEAM);
      await screenshot(admin, 'console-journey-2-sent-to-team');
      await signOut(admin);

      // 3. The agent finds it in the team queue, claims next, and works it on its page.
      await signIn(agent, AGENT.email, AGENT.password);
      const queue = agent.locator(`section[data-team="${TEAM}"]`);
      await untilPageShows(agent, '/console/queues', async () => ((await queue.locator('a[data-open]').allTextContents()).includes(reference) ? true : undefined));
      expect(await text(agent, `section[data-team="${TEAM}"] .queue-counts`)).toContain('1 waiting');
      await screenshot(agent, 'console-journey-3-queue');
      await submit(agent, `button[data-claim="${TEAM}"]`);
      expect(new URL(agent.url()).pathname).toBe(`/console/complaints/${reference}`);
      // The relay (jobs process) takes the claim to the workflow: then it is the agent's, in review.
      await untilPageShows(agent, `/console/complaints/${reference}`, async () => ((await text(agent, '.lede')).includes('In review') ? true : undefined));
      expect(await text(agent, '#handling-title + dl')).toContain(AGENT.name);
      await agent.fill('#decide-classify-category', 'product-defect');
      await agent.fill('#decide-classify-product', 'dishwasher');
      await agent.selectOption('#decide-classify-severity', 'medium');
      await agent.fill('#decide-classify-department', DEPARTMENT);
      await submit(agent, '#decide-classify button[type=submit]');
      expect(await text(agent, '[role=status]')).toContain('Done: Classify.');
      expect(await text(agent, '.lede')).toContain('Investigating');
      await agent.selectOption('#decide-propose_resolution-outcome', 'upheld');
      await agent.fill('#decide-propose_resolution-summary', 'A technician replaces the rinse-aid dispenser at your home this week.');
      await agent.selectOption('#decide-propose_resolution-remedy', 'repair');
      await submit(agent, '#decide-propose_resolution button[type=submit]');
      expect(await text(agent, '[role=status]')).toContain('Done: Propose a resolution.');
      expect(await text(agent, '.lede')).toContain('Resolution proposed');
      await screenshot(agent, 'console-journey-3-proposed');
      // Assigned to the agent on My work.
      await agent.goto('/console/queues');
      expect(await agent.locator('section[aria-labelledby="mine-heading"] a[data-open]').allTextContents()).toContain(reference);
      expect(await queue.locator('a[data-open]').count()).toBe(0);
      await expectAccessible(agent, 'My work with the claimed complaint');

      // 4. The customer accepts through the link in the e-mail, opened from the local inbox.
      const answerLink = await emailLink(customer, CUSTOMER.email, '/r/');
      await screenshot(customer, 'console-journey-4-inbox');
      await Promise.all([customer.waitForURL(`${stack!.baseUrl}/r/**`), answerLink.click()]);
      expect(await text(customer, 'main')).toContain('A technician replaces the rinse-aid dispenser');
      await submit(customer, 'button:has-text("Accept the proposal")');
      expect(await text(customer, 'h1')).toContain('Thank you, we have your answer');
      await screenshot(customer, 'console-journey-4-accepted');

      // 5. Accepted, the complaint closes; the closure e-mail brings the survey, answered once.
      const surveyLink = await emailLink(customer, CUSTOMER.email, '/s/');
      await Promise.all([customer.waitForURL(`${stack!.baseUrl}/s/**`), surveyLink.click()]);
      await customer.check('input[name=handling][value="5"]');
      await customer.check('input[name=outcome][value="4"]');
      await submit(customer, 'main button[type=submit]');
      expect(await text(customer, 'h1')).toContain('Thank you for your answers');
      await untilPageShows(agent, `/console/complaints/${reference}`, async () => ((await text(agent, '.lede')).includes('Closed') ? true : undefined));
      expect(await text(agent, '.lede')).toContain('Accepted');
      expect(await text(agent, '#decisions')).toContain('The complaint is closed: no decisions remain.');
      expect(await agent.locator('form[action*="/decisions/"]').count()).toBe(0);
      expect(await agent.$$eval('ol.timeline li', (items) => items.map((li) => li.getAttribute('data-event')))).toContain('propose_resolution');
      await expectAccessible(agent, 'complaint page, closed');
      await screenshot(agent, 'console-journey-5-closed');

      // 6. The supervisor reads the dashboard (last 30 days) and downloads the categories' CSV.
      const supervisor = await freshPage(browser);
      current.supervisor = supervisor;
      await signIn(supervisor, SUPERVISOR.email, SUPERVISOR.password);
      await supervisor.goto('/console/dashboard');
      // Chart.js draws every chart with rows (root causes have none: no corrective action was recorded).
      const charts = await supervisor.locator('canvas[data-chart]').count();
      await expect.poll(() => supervisor.locator('canvas[data-drawn="true"]').count(), { timeout: SLOW }).toBe(charts);
      expect(await supervisor.getAttribute('#chart-categories', 'data-drawn')).toBe('true');
      await supervisor.evaluate(`document.querySelectorAll('details').forEach((d) => { d.open = true; })`);
      await expectAccessible(supervisor, 'dashboard with the journey’s complaint');
      await screenshot(supervisor, 'console-journey-6-dashboard');
      const [download] = await Promise.all([supervisor.waitForEvent('download'), supervisor.click('a[href^="/console/dashboard/categories.csv"]')]);
      expect(download.suggestedFilename()).toMatch(/^dashboard-categories_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
      expect(readFileSync((await download.path())!, 'utf8')).toBe('category,received,closed\r\nproduct-defect,1,1\r\n');

      // 7. The admin publishes version 2 of the shipped process with a longer investigation and
      //    migrates the complaints still running on version 1: a later customer's.
      const later = await fileThroughTheForm(customer, LATER_CUSTOMER, 'Dishwasher door will not close');
      await emailLink(customer, LATER_CUSTOMER.email, '/track'); // acknowledged: its workflow runs
      await signIn(admin, stack!.admin.email, stack!.admin.password);
      await admin.goto('/console/process');
      await submit(admin, 'a[href="/console/process/iso-10002-default/versions/1"]');
      await submit(admin, 'button:has-text("New draft from this version")');
      expect(admin.url(), await text(admin, 'main')).toContain('/console/process/iso-10002-default/versions/2/edit');
      expect(await admin.inputValue('#field-investigation-amount')).toBe('4');
      await admin.fill('#field-investigation-amount', '5');
      await submit(admin, '#deadlines-form button[value="save"]');
      expect(await text(admin, '.notice')).toContain('The draft is saved.');
      await admin.fill('#changeNote', 'Investigation takes 5 working days (was 4).');
      await submit(admin, 'button:has-text("Publish this version")');
      expect(await text(admin, '.notice')).toContain('The version is published');
      await admin.selectOption('#migrate-from', '1');
      await admin.selectOption('#rule-investigation', 'recompute');
      await submit(admin, 'button:has-text("Preview the migration")');
      expect(await text(admin, '#preview-summary')).toMatch(/^\s*1 running complaint selected: 1 would move, 0 would be skipped/);
      expect(await text(admin, '#preview-complaints')).toContain(later);
      expect(await text(admin, '#preview-complaints')).not.toContain(reference); // closed: nothing to move
      await screenshot(admin, 'console-journey-7-preview');
      await submit(admin, 'button:has-text("Apply the migration")');
      expect(admin.url()).toMatch(/\/console\/process\/iso-10002-default\/migrations\/[0-9a-f-]{36}$/);
      // The page polls its progress every two seconds until the plan is done.
      await admin.waitForSelector('#migration-progress[data-status="completed"]', { timeout: 120_000 });
      expect(await text(admin, '[data-count="moved"]')).toBe('1');
      expect(await text(admin, '[data-count="failed"]')).toBe('0');
      await screenshot(admin, 'console-journey-7-migrated');
      const laterFacts = admin.locator('#where-title + dl');
      await untilPageShows(admin, `/console/complaints/${later}`, async () => ((await laterFacts.count()) && (await laterFacts.textContent())?.includes('iso-10002-default@2') ? true : undefined));

      // 8. A form another origin posts with the admin's cookie is refused, and changes nothing.
      const forger = await forgingSite(stack!.baseUrl);
      try {
        const refused = admin.waitForResponse((r) => r.url() === `${stack!.baseUrl}/console/people` && r.request().method() === 'POST');
        await admin.goto(forger.url);
        expect((await refused).status()).toBe(403);
        await admin.waitForURL(`${stack!.baseUrl}/console/people`);
        expect(await text(admin, 'h1')).toBe('The form was refused');
      } finally {
        await new Promise((r) => forger.server.close(r));
      }
      await admin.goto('/console/people');
      expect(await text(admin, 'main')).not.toContain('mallory');
      await admin.goto('/console/audit?action=forgery_refused');
      expect(await admin.locator('tbody tr', { hasText: 'Forged form refused' }).count()).toBe(1);
      await expectAccessible(admin, 'audit trail with the refused form');
      await screenshot(admin, 'console-journey-8-audit');
      // The agent is no administrator, nor a process owner, nor reads the dashboard.
      for (const path of ['/console/people', '/console/process', '/console/dashboard']) {
        const res = await agent.goto(path);
        expect(res?.status(), path).toBe(403);
        expect(await text(agent, 'h1')).toBe('Not for your role');
      }
      await expectAccessible(agent, 'the 403 page');
      await screenshot(agent, 'console-journey-8-agent-refused');
    } catch (err) {
      // What each person saw when it failed.
      for (const [who, page] of Object.entries(current)) await screenshot(page, `console-journey-failed-${who}`).catch(() => undefined);
      console.error(`The stack said:\n${stack!.output().slice(-20_000)}`);
      throw err;
    }
  }, 900_000);
});
