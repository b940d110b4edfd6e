// The console's frame in a real chromium, on the console's own CSP: the header and its forms, the
// skip link, htmx loaded from our origin, no WCAG 2.2 AA violation at desktop and phone width.
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

describe('the console frame', () => {
  it.each([['desktop', DESKTOP], ['phone', PHONE]] as const)('is accessible and runs our scripts under its CSP (%s)', async (name, viewport) => {
    const person = await aStaffPerson(env.sql, { roles: ['supervisor', 'process_owner'], language: 'tr' });
    const page = await signInBrowser(session, env.sql, person, { viewport });
    const refused: string[] = [];
    page.on('console', (m) => /Content Security Policy|Refused to/.test(m.text()) && refused.push(m.text()));
    const res = await page.goto('/console/no-such-page');
    expect(res?.status()).toBe(404);
    await page.waitForFunction(() => 'htmx' in globalThis);
    expect(await page.getAttribute('html', 'lang')).toBe('tr');
    expect(await page.textContent('h1')).toBe('Bulunamadı');
    await expectAccessible(page, `console frame (${name})`);
    await screenshot(page, `console-frame-${name}`);
    expect(refused).toEqual([]);
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('İçeriğe geç'); // a string: no DOM types in tests
    await page.context().close();
  });
});
