// The complaint page in a real chromium, on the console's CSP, with a worker behind it: an agent
// classifies, asks the customer for information (the clock shows paused), records the answer the
// customer gave by phone (from the keyboard alone) and proposes a resolution, each through the
// page's forms and the workflow; an auditor on the same complaint gets no forms; the two see each
// other; no WCAG 2.2 AA violation at desktop or phone width, with and without form errors.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aComplaint } from '../helpers/fixtures.js';
import { bearer, eventually } from '../helpers/integration.js';
import { expectAccessible, screenshot, startBrowser, type BrowserSession } from '../helpers/browser.js';
import { aStaffPerson, DESKTOP, PHONE, signInBrowser, useConsoleApp, type ConsoleTestEnv } from '../helpers/console.js';

let env: ConsoleTestEnv;
let session: BrowserSession;
useConsoleApp((ready) => (env = ready));
beforeAll(async () => {
  session = await startBrowser(env.app);
});
afterAll(() => session?.close());

/** Files through the real intake and waits until the workflow has acknowledged it and settled. */
async function fileAndSettle(): Promise<string> {
  const res = await env.app.request('/v1/complaints', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(aComplaint()) });
  expect(res.status).toBe(201);
  const { reference, id } = (await res.json()) as { reference: string; id: string };
  await eventually(async () => {
    const view = (await (await env.app.request(`/v1/complaints/${reference}`, { headers: bearer('agent') })).json()) as { seq: number; acknowledgedAt: string | null };
    if (view.acknowledgedAt === null) return undefined;
    const { seq } = await env.ctx.client.workflow.getHandle(id).query<{ seq: number }>('status');
    return seq === view.seq ? true : undefined;
  }, 20_000);
  return reference;
}

const formsOn = (page: Page) => page.$$eval('form[action*="/decisions/"]', (forms) => forms.map((f) => f.getAttribute('action')!.split('/').pop()));

/** Submits a form and waits for the page that answers it (a redirect back, or the page with errors). */
async function submit(page: Page, type: string) {
  await Promise.all([page.waitForEvent('load'), page.click(`#decide-${type} button[type=submit]`)]);
}

describe('the complaint page in a browser', () => {
  it('lets an agent classify, ask, record the answer and propose; an auditor on it has no forms; each sees the other', async () => {
    const reference = await fileAndSettle();
    const agentPerson = await aStaffPerson(env.sql, { roles: ['agent'], name: 'Deniz Kaya' });
    const auditorPerson = await aStaffPerson(env.sql, { roles: ['auditor'], name: 'Oya Sezer' });
    const agent = await signInBrowser(session, env.sql, agentPerson, { viewport: DESKTOP });
    const refused: string[] = [];
    agent.on('console', (m) => /Content Security Policy|Refused to/.test(m.text()) && refused.push(m.text()));

    await agent.goto(`/console/complaints/${reference}`);
    await agent.waitForFunction(() => 'htmx' in globalThis);
    expect(await formsOn(agent)).toContain('classify');
    await expectAccessible(agent, 'complaint page (desktop)');
    await screenshot(agent, 'console-complaint-desktop');

    // A refused form: the API's errors beside the fields, still accessible.
    await submit(agent, 'classify');
    expect(await agent.textContent('#decide-classify-category-error')).toBeTruthy();
    expect(await agent.getAttribute('#decide-classify-category', 'aria-invalid')).toBe('true');
    await expectAccessible(agent, 'complaint page with form errors (desktop)');
    await screenshot(agent, 'console-complaint-errors-desktop');

    await agent.fill('#decide-classify-category', 'product-defect'); // on the form's list: a near value would be asked about
    await agent.fill('#decide-classify-product', 'WM-8000');
    await agent.selectOption('#decide-classify-severity', 'high');
    await agent.fill('#decide-classify-department', 'after_sales');
    await submit(agent, 'classify');
    expect(await agent.textContent('[role=status]')).toContain('Done: Classify.');
    expect(await agent.textContent('#handling-title + dl')).toContain('WM-8000');

    await agent.fill('#decide-request_info-question', 'Which day did the leak start, and is the machine on a level floor?');
    await submit(agent, 'request_info');
    expect(await agent.textContent('.paused')).toContain('Which day did the leak start');
    expect(await agent.getAttribute('.lede .clock', 'data-clock')).toBe('paused');
    expect(await agent.textContent('.lede')).toContain('Waiting on the customer');
    await screenshot(agent, 'console-complaint-paused');

    // The customer answered by phone: recorded from the keyboard alone.
    await agent.focus('#decide-record_customer_answer-answer');
    await agent.keyboard.press('ArrowDown'); // accepted
    await agent.keyboard.press('ArrowDown'); // rejected
    await agent.keyboard.press('ArrowDown'); // info
    await agent.keyboard.press('Tab');
    await agent.keyboard.type('It started on Monday; the floor is level.');
    await agent.keyboard.press('Tab');
    await agent.keyboard.press('ArrowDown'); // the first channel after "Choose…"
    await agent.keyboard.press('Tab');
    expect(await agent.evaluate('document.activeElement?.textContent')).toBe('Record the answer');
    await Promise.all([agent.waitForEvent('load'), agent.keyboard.press('Enter')]);
    expect(agent.url()).toContain('done=record_customer_answer');
    expect(await agent.$('.paused')).toBeNull();
    expect(await agent.getAttribute('.lede .clock', 'data-clock')).not.toBe('paused');

    await agent.selectOption('#decide-propose_resolution-outcome', 'upheld');
    await agent.fill('#decide-propose_resolution-summary', 'We replace the machine next week.');
    await agent.selectOption('#decide-propose_resolution-remedy', 'replacement');
    await submit(agent, 'propose_resolution');
    expect(await agent.textContent('[role=status]')).toContain('Done: Propose a resolution.');
    expect(await agent.textContent('.lede')).toContain('Resolution proposed');
    const timeline = await agent.$$eval('ol.timeline li', (items) => items.map((li) => li.getAttribute('data-event')));
    expect(timeline.slice(0, 4)).toEqual(['propose_resolution', 'record_customer_answer', 'request_info', 'classify']);

    // The auditor opens the same complaint: no forms, and the agent is listed as there.
    const auditor = await signInBrowser(session, env.sql, auditorPerson, { viewport: PHONE });
    await auditor.goto(`/console/complaints/${reference}`);
    expect(await formsOn(auditor)).toEqual([]);
    expect(await auditor.textContent('#decisions')).toContain('Your role takes no decisions');
    // Shown at once while the agent's last heartbeat is fresh; on a slow machine after its next one.
    type Doc = { document: { querySelector(selector: string): { textContent: string | null } | null } }; // no DOM types in tests
    await auditor.waitForFunction(() => (globalThis as unknown as Doc).document.querySelector('#viewers')?.textContent?.includes('Deniz Kaya'), undefined, { timeout: 35_000 });
    expect(await auditor.textContent('.customer')).toContain('masked');
    await expectAccessible(auditor, 'complaint page, auditor (phone)');
    await screenshot(auditor, 'console-complaint-auditor-phone');
    // The agent's page learns of the auditor by its own poll (htmx, every 15 s).
    await agent.waitForFunction(() => (globalThis as unknown as Doc).document.querySelector('#viewers')?.textContent?.includes('Oya Sezer'), undefined, { timeout: 20_000 });
    expect(refused).toEqual([]);
    await agent.context().close();
    await auditor.context().close();
  }, 110_000);

  it('is accessible on a phone, with and without form errors', async () => {
    const reference = await fileAndSettle();
    const agent = await signInBrowser(session, env.sql, await aStaffPerson(env.sql, { roles: ['agent'], language: 'tr' }), { viewport: PHONE });
    await agent.goto(`/console/complaints/${reference}`);
    expect(await agent.getAttribute('html', 'lang')).toBe('tr');
    // The same customer's complaint of the first test, with the same text: listed as a possible duplicate.
    expect(await agent.textContent('#duplicates-title')).toBe('Olası mükerrer şikâyetler');
    expect((await agent.$$('#possible-duplicates tbody tr')).length).toBeGreaterThan(0);
    expect(await agent.textContent('#possible-duplicates tbody')).toContain('Aynı müşteri, benzer metin');
    await expectAccessible(agent, 'complaint page (phone)');
    await screenshot(agent, 'console-complaint-phone');
    await submit(agent, 'note');
    expect(await agent.textContent('#decide-note-text-error')).toBeTruthy();
    await expectAccessible(agent, 'complaint page with form errors (phone)');
    await screenshot(agent, 'console-complaint-errors-phone');
    await agent.context().close();
  }, 60_000);
});
