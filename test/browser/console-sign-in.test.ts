// Signing in to the console in a real chromium, on the console's own CSP: the first administrator
// (as `npm start` makes it) signs in with the password, adds an agent on the People page, signs
// out; the agent signs in; wrong passwords lock out after the limit and the page says so; a form
// another origin posts with the victim's cookie changes nothing; the sign-in works from the
// keyboard alone; every page is axe-clean at desktop and phone width and screenshotted.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePassword } from '../../security/passwords.js';
import { ensureFirstAdmin } from '../../scripts/first-admin.js';
import { expectAccessible, screenshot, startBrowser, type BrowserSession } from '../helpers/browser.js';
import { aStaffPerson, DESKTOP, PHONE, signInBrowser, useConsoleApp, type ConsoleTestEnv } from '../helpers/console.js';
import { forgetFirstAdmin } from '../helpers/first-admin.js';

let env: ConsoleTestEnv;
let session: BrowserSession;
let adminPassword: string;
useConsoleApp((ready) => (env = ready));
beforeAll(async () => {
  session = await startBrowser(env.app);
  await forgetFirstAdmin(env.sql);
  adminPassword = generatePassword();
  await ensureFirstAdmin(env.sql, { email: 'admin@plaint.local', password: adminPassword });
});
afterAll(async () => {
  await session?.close();
  await forgetFirstAdmin(env.sql);
});

/** A fresh browser context without a session, on the console's CSP. */
async function freshPage(viewport: { width: number; height: number } = DESKTOP, locale = 'en-GB'): Promise<Page> {
  const context = await session.browser.newContext({ baseURL: session.baseUrl, viewport, locale });
  return session.watchCsp(await context.newPage());
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/console/sign-in');
  await page.fill('#sign-in-email', email);
  await page.fill('#sign-in-password', password);
  await Promise.all([page.waitForNavigation(), page.click('form.sign-in button[type=submit]')]);
}

describe('signing in to the console', () => {
  it('the first admin signs in, adds an agent on the People page, signs out; the agent signs in', async () => {
    const page = await freshPage();
    await page.goto('/console/sign-in');
    expect(await page.textContent('h1')).toBe('Sign in');
    await expectAccessible(page, 'sign-in (desktop)');
    await screenshot(page, 'console-sign-in-desktop');
    await signIn(page, 'admin@plaint.local', adminPassword);
    expect(new URL(page.url()).pathname).toBe('/console/queues');

    await page.goto('/console/people');
    expect(await page.textContent('h1')).toBe('People');
    await expectAccessible(page, 'people (desktop)');
    await screenshot(page, 'console-people-desktop');

    // A refused form first: the directory's own validation, beside the field.
    const id = `agent-${Date.now()}`;
    await page.fill('#new-person-name', 'Deniz Aksoy');
    await page.fill('#new-person-id', 'not valid!');
    await Promise.all([page.waitForNavigation(), page.click('#new-person button[type=submit]')]);
    expect(await page.getAttribute('#new-person-id', 'aria-invalid')).toBe('true');
    expect(await page.textContent('#new-person-id-error')).toContain('expected a staff id');
    await expectAccessible(page, 'people with errors');
    await screenshot(page, 'console-people-errors');

    await page.fill('#new-person-id', id);
    await page.fill('#new-person-email', `${id}@staff.plaint.test`);
    await page.selectOption('#new-person-language', 'en');
    await page.fill('#new-person-password', 'deniz first password');
    await Promise.all([page.waitForNavigation(), page.click('#new-person button[type=submit]')]);
    expect(new URL(page.url()).pathname).toBe(`/console/people/${id}`);
    expect(await page.textContent('main')).toContain('The person was added with their first password.');
    await expectAccessible(page, 'a person (desktop)');
    await screenshot(page, 'console-person-desktop');

    await Promise.all([page.waitForNavigation(), page.click('header button:has-text("Sign out")')]);
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    expect(await page.goto('/console/people').then((r) => new URL(r!.url()).pathname)).toBe('/console/sign-in');

    await signIn(page, `${id}@staff.plaint.test`, 'deniz first password');
    expect(new URL(page.url()).pathname).toBe('/console/queues');
    expect(await page.textContent('header')).toContain('Deniz Aksoy');
    expect((await page.goto('/console/people'))?.status()).toBe(403); // an agent is no administrator
    await page.context().close();
  });

  it('locks out after the limit of wrong passwords, and says so on the page', async () => {
    const agent = await aStaffPerson(env.sql, { roles: ['agent'], password: 'the right password' });
    const page = await freshPage();
    for (let i = 1; i <= 4; i++) {
      await signIn(page, agent.email, `wrong password ${i}`);
      expect(await page.textContent('#sign-in-problem')).toContain('The e-mail address or the password is not right.');
    }
    await signIn(page, agent.email, 'wrong password 5');
    expect(await page.textContent('#sign-in-problem')).toContain('sign-in is locked for this account. Try again in 15 minutes');
    await signIn(page, agent.email, 'the right password');
    expect(await page.textContent('#sign-in-problem')).toContain('sign-in is locked');
    expect(await page.getAttribute('#sign-in-email', 'aria-describedby')).toBe('sign-in-problem');
    await expectAccessible(page, 'sign-in locked');
    await screenshot(page, 'console-sign-in-locked');
    await page.context().close();
  });

  it('refuses forms another origin posts with the victim’s cookie: the session stays as it was', async () => {
    const victim = await aStaffPerson(env.sql, { roles: ['agent', 'supervisor'] });
    const page = await signInBrowser(session, env.sql, victim, { role: 'agent' });
    await page.goto('/console');
    const evil = await evilSite(session.baseUrl);
    try {
      for (const target of ['role', 'sign-out']) {
        const response = page.waitForResponse((r) => r.url().startsWith(session.baseUrl) && r.request().method() === 'POST');
        await page.goto(`${evil.url}/${target}`);
        expect((await response).status()).toBe(403);
      }
    } finally {
      await new Promise((r) => evil.server.close(r));
    }
    const rows = await env.sql`SELECT active_role, ended_at FROM staff_sessions WHERE person_id = ${victim.id}`;
    expect(rows).toEqual([{ active_role: 'agent', ended_at: null }]);
    expect((await env.sql`SELECT count(*)::int AS n FROM staff_audit_events WHERE actor_id = ${victim.id} AND action = 'forgery_refused'`)[0]).toEqual({ n: 2 });
    // Still signed in, as an agent.
    await page.goto('/console/no-such-page');
    expect(await page.textContent('header')).toContain('Agent');
    await page.context().close();
  });

  it('signs in from the keyboard alone, in Turkish at phone width, with visible focus', async () => {
    const person = await aStaffPerson(env.sql, { roles: ['auditor'], password: 'klavye ile parola', language: 'tr' });
    const page = await freshPage(PHONE, 'tr-TR');
    await page.goto('/console/sign-in');
    expect(await page.getAttribute('html', 'lang')).toBe('tr');
    expect(await page.textContent('h1')).toBe('Oturum aç');
    await expectAccessible(page, 'sign-in (phone, tr)');
    await screenshot(page, 'console-sign-in-phone-tr');
    const focused = () => page.evaluate('document.activeElement?.id || document.activeElement?.textContent');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('English'); // the language switch comes first
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('sign-in-email');
    expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).not.toBe('none');
    await page.keyboard.type(person.email);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('sign-in-password');
    await page.keyboard.type('klavye ile parola');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname).toBe('/console/complaints');
    await page.context().close();
  });

  it('People pages work at phone width', async () => {
    const admin = await aStaffPerson(env.sql, { roles: ['admin'], language: 'tr' });
    const page = await signInBrowser(session, env.sql, admin, { viewport: PHONE });
    await page.goto('/console/people');
    expect(await page.textContent('h1')).toBe('Kişiler');
    await expectAccessible(page, 'people (phone)');
    await screenshot(page, 'console-people-phone');
    await page.goto(`/console/people/${admin.id}`);
    await expectAccessible(page, 'a person (phone)');
    await screenshot(page, 'console-person-phone');
    await page.goto('/console/account/password');
    await expectAccessible(page, 'own password (phone)');
    await screenshot(page, 'console-own-password-phone');
    await page.context().close();
  });
});

/** A page of another origin that posts our console's header forms as soon as it opens. */
async function evilSite(target: string): Promise<{ server: Server; url: string }> {
  const forms: Record<string, string> = {
    role: `<form method="post" action="${target}/console/session/role"><input name="role" value="supervisor"></form>`,
    'sign-out': `<form method="post" action="${target}/console/sign-out"></form>`,
  };
  const server = createServer((req, res) => {
    const form = forms[(req.url ?? '').slice(1)] ?? '';
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><html><body>${form}<script>document.forms[0].submit()</script></body></html>`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://localhost:${(server.address() as AddressInfo).port}` };
}
