// The New complaint page in a real chromium, on the console's CSP, with a worker behind it: an
// agent enters a walk-in complaint received two hours ago, from the keyboard alone, after a first
// try the API refused beside the fields; lands on the new complaint's page with its PIN shown
// once; no WCAG 2.2 AA violation at desktop or phone width, with and without form errors.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, screenshot, startBrowser, type BrowserSession } from '../helpers/browser.js';
import { aStaffPerson, DESKTOP, PHONE, signInBrowser, useConsoleApp, type ConsoleTestEnv } from '../helpers/console.js';

let env: ConsoleTestEnv;
let session: BrowserSession;
useConsoleApp((ready) => (env = ready));
beforeAll(async () => {
  session = await startBrowser(env.app);
});
afterAll(() => session?.close());

type Doc = { document: { activeElement: { id: string; textContent: string | null } | null } }; // no DOM types in tests
const focused = (page: Page) => page.evaluate(() => (globalThis as unknown as Doc).document.activeElement?.id ?? '');

/** Tab to the next control, which must be `id`. */
async function tabTo(page: Page, id: string) {
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe(id);
}

/** Tab out of a control that takes several Tabs itself (a datetime-local's day, month, year, hour, minute), onto `next`. */
async function tabPast(page: Page, id: string, next: string) {
  for (let i = 0; i < 8 && (await focused(page)) === id; i++) await page.keyboard.press('Tab');
  expect(await focused(page)).toBe(next);
}

/** Istanbul wall time (UTC+3), to the minute, as a datetime-local field holds it. */
const istanbulLocal = (at: Date) => new Date(at.getTime() + 3 * 3_600_000).toISOString().slice(0, 16);

describe('the New complaint page in a browser', () => {
  it('lets an agent enter a walk-in complaint received earlier from the keyboard, after a refusal beside the fields', async () => {
    const agent = await signInBrowser(session, env.sql, await aStaffPerson(env.sql, { roles: ['agent'], name: 'Burak Yıldız' }), { viewport: DESKTOP });
    const refused: string[] = [];
    agent.on('console', (m) => /Content Security Policy|Refused to/.test(m.text()) && refused.push(m.text()));
    await agent.goto('/console/queues');
    await Promise.all([agent.waitForEvent('load'), agent.click('nav a[href="/console/complaints/new"]')]);
    expect(await agent.textContent('h1')).toBe('New complaint');
    await expectAccessible(agent, 'new complaint (desktop)');
    await screenshot(agent, 'console-new-complaint-desktop');

    // A front-office complaint without its office or the customer's name: refused beside both.
    await agent.selectOption('#new-complaint-channel', 'front_office');
    await Promise.all([agent.waitForEvent('load'), agent.click('#new-complaint button[type=submit]')]);
    expect(await agent.getAttribute('#new-complaint-frontOffice', 'aria-invalid')).toBe('true');
    expect(await agent.textContent('#new-complaint-frontOffice-error')).toContain('required for a front-office complaint');
    expect(await agent.textContent('#new-complaint-customer-name-error')).toBeTruthy();
    await expectAccessible(agent, 'new complaint with form errors (desktop)');
    await screenshot(agent, 'console-new-complaint-errors-desktop');

    // Again, from the keyboard: the error summary links to the office, then Tab walks the form in order.
    const receivedAt = new Date(Math.floor((Date.now() - 2 * 3_600_000) / 60_000) * 60_000);
    await agent.focus('#new-complaint-channel');
    expect(await agent.inputValue('#new-complaint-channel')).toBe('front_office');
    await tabTo(agent, 'new-complaint-receivedAt');
    await agent.fill('#new-complaint-receivedAt', istanbulLocal(receivedAt));
    await agent.focus('#new-complaint-receivedAt');
    await tabPast(agent, 'new-complaint-receivedAt', 'new-complaint-frontOffice');
    await agent.keyboard.press('ArrowDown'); // Head office
    await tabTo(agent, 'new-complaint-intermediary');
    await tabTo(agent, 'new-complaint-customer-name');
    await agent.keyboard.type('Zeynep Arslan');
    await tabTo(agent, 'new-complaint-customer-locale');
    await agent.keyboard.press('ArrowDown'); // English
    await tabTo(agent, 'new-complaint-customer-email');
    await agent.keyboard.type('zeynep@example.com');
    await tabTo(agent, 'new-complaint-customer-phone');
    await tabTo(agent, 'new-complaint-customer-country');
    await tabTo(agent, 'new-complaint-customer-postalAddress');
    await tabTo(agent, 'new-complaint-subject');
    await agent.keyboard.type('Fırın kapağı kırık geldi');
    await tabTo(agent, 'new-complaint-description');
    await agent.keyboard.type('The oven was delivered with a cracked door; she brought the photos to the office.');
    await tabTo(agent, 'new-complaint-category');
    await tabTo(agent, 'new-complaint-product');
    await agent.keyboard.press('Tab');
    expect(await agent.evaluate(() => (globalThis as unknown as Doc).document.activeElement?.textContent)).toBe('File the complaint');
    await Promise.all([agent.waitForEvent('load'), agent.keyboard.press('Enter')]);

    const reference = new URL(agent.url()).pathname.split('/').pop()!;
    expect(reference).toMatch(/^CMP-\d{4}-\d+$/);
    expect(await agent.textContent('[aria-labelledby=filed-heading]')).toMatch(new RegExp(`Complaint ${reference} is filed[\\s\\S]*Tracking PIN: \\d{8}`));
    expect(await agent.textContent('#where-title + dl')).toContain('head-office');
    const [row] = await env.sql<{ received_at: Date; channel: string; customer_locale: string; entered_by: string }[]>`
      SELECT received_at, channel, customer_locale, entered_by FROM complaints WHERE reference = ${reference}`;
    expect(row).toMatchObject({ channel: 'front_office', customer_locale: 'en' });
    expect(row!.received_at.getTime()).toBe(receivedAt.getTime());
    await expectAccessible(agent, 'the filed complaint with its PIN (desktop)');
    await screenshot(agent, 'console-new-complaint-filed');

    // Reloaded, the page no longer shows the PIN.
    await agent.reload();
    expect(await agent.$('[aria-labelledby=filed-heading]')).toBeNull();
    expect(refused).toEqual([]);
    await agent.context().close();
  }, 90_000);

  it('is accessible on a phone, with and without form errors', async () => {
    const agent = await signInBrowser(session, env.sql, await aStaffPerson(env.sql, { roles: ['agent'], language: 'tr' }), { viewport: PHONE });
    await agent.goto('/console/complaints/new');
    expect(await agent.getAttribute('html', 'lang')).toBe('tr');
    expect(await agent.textContent('h1')).toBe('Yeni şikâyet');
    await expectAccessible(agent, 'new complaint (phone)');
    await screenshot(agent, 'console-new-complaint-phone');
    await agent.fill('#new-complaint-receivedAt', istanbulLocal(new Date(Date.now() + 24 * 3_600_000)));
    await Promise.all([agent.waitForEvent('load'), agent.click('#new-complaint button[type=submit]')]);
    expect(await agent.textContent('#new-complaint-receivedAt-error')).toContain('must not be in the future');
    await expectAccessible(agent, 'new complaint with form errors (phone)');
    await screenshot(agent, 'console-new-complaint-errors-phone');
    await agent.context().close();
  }, 60_000);
});
