// Which language a customer page speaks, and where the language switch leads: the customer's pick,
// then the complaint's language, then the browser's, then Turkish; a switch link keeps the query.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { switchHref } from '../../../../api/customer/pages/language-switch.js';
import { pageLanguage } from '../../../../api/customer/pages/page-language.js';
import { aProposedSnapshot, seedComplaint, seedLink, useCustomerApp, type CustomerTestEnv } from '../../../helpers/customer-fixtures.js';

let env: CustomerTestEnv;
useCustomerApp((ready) => (env = ready));

const probe = new Hono().post('/', async (c) => {
  const body = await c.req.parseBody();
  const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : undefined);
  return c.text(pageLanguage(c, { formField: text('lang'), complaintLocale: text('complaint') }));
});
const ask = async (query: string, form: Record<string, string>, acceptLanguage?: string) =>
  (
    await probe.request(`/${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(acceptLanguage ? { 'accept-language': acceptLanguage } : {}) },
      body: new URLSearchParams(form).toString(),
    })
  ).text();

describe('pageLanguage', () => {
  it('takes the form field, then ?lang, then the complaint, then the browser, then Turkish', async () => {
    expect(await ask('?lang=tr', { lang: 'en', complaint: 'tr' }, 'tr')).toBe('en');
    expect(await ask('?lang=EN', { complaint: 'tr-TR' }, 'tr')).toBe('en');
    expect(await ask('?lang=xx', { complaint: 'en-GB' }, 'tr')).toBe('en');
    expect(await ask('', { complaint: 'tr' }, 'en')).toBe('tr');
    expect(await ask('', {}, 'de-DE, en-US;q=0.8, tr;q=0.5')).toBe('en');
    expect(await ask('', {}, 'de')).toBe('tr');
    expect(await ask('', {})).toBe('tr');
  });
});

describe('switchHref', () => {
  it('sets lang and keeps the rest of the query', () => {
    expect(switchHref('http://x.test/track?reference=CMP-2026-000001&lang=tr', 'en')).toBe('?reference=CMP-2026-000001&lang=en');
    expect(switchHref('http://x.test/r/v1.abc.def', 'tr')).toBe('?lang=tr');
    expect(switchHref('http://x.test/track', 'en', { reference: 'CMP-2026-000002' })).toBe('?reference=CMP-2026-000002&lang=en');
  });
});

describe('the answer page', () => {
  it("speaks the complaint's language until the customer picks another with the switch", async () => {
    const c = await seedComplaint(env.ctx.sql, aProposedSnapshot(1));
    const { token } = await seedLink(env.ctx.sql, c.id);
    const open = (query: string) => env.app.request(`/r/${token}${query}`, { headers: { 'accept-language': 'en' } });
    const own = await (await open('')).text();
    expect(own).toContain('<html lang="tr" dir="ltr">');
    expect(own).toMatch(/<a href="\?lang=en" hreflang="en" lang="en" dir="ltr">English<\/a>/);
    expect(own).toMatch(/<a href="\?lang=tr" hreflang="tr" lang="tr" dir="ltr" aria-current="true">Türkçe<\/a>/);
    const switched = await open('?lang=en');
    expect(switched.headers.get('content-language')).toBe('en');
    const html = await switched.text();
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain('Accept the proposal');
    expect(html).toContain('<nav class="languages" aria-label="Language">');
  });
});
