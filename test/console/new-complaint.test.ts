// The New complaint page over HTTP: for the roles that file complaints; it files through
// POST /v1/complaints as the signed-in person (the API's rules answer beside the fields, the
// values kept), a double submit files once, and the new complaint's page shows its PIN once.
import { describe, expect, it } from 'vitest';
import { aStaffPerson, consolePostHeaders, signedInCookie, useConsoleApp, type ConsoleTestEnv, type SignedIn } from '../helpers/console.js';

let env: ConsoleTestEnv;
useConsoleApp((ready) => (env = ready));

const anAgent = async () => {
  const person = await aStaffPerson(env.sql, { roles: ['agent'], name: 'Selin Acar' });
  return { ...(await signedInCookie(env.sql, person)), personId: person.id };
};

const post = (signedIn: SignedIn, fields: [string, string][]) =>
  env.app.request('/console/complaints/new', {
    method: 'POST',
    headers: consolePostHeaders(signedIn),
    body: new URLSearchParams([['_csrf', signedIn.csrfToken], ...fields]).toString(),
  });

/** Istanbul wall time (UTC+3) of an instant, as a datetime-local field holds it. */
const istanbulLocal = (at: Date) => new Date(at.getTime() + 3 * 3_600_000).toISOString().slice(0, 16);

const walkIn = (receivedAt: Date, key = `form-key-${Math.random().toString(36).slice(2)}`): [string, string][] => [
  ['_key', key],
  ['channel', 'front_office'],
  ['receivedAt', istanbulLocal(receivedAt)],
  ['frontOffice', 'head-office'],
  ['customer.name', 'Hakan Şimşek'],
  ['customer.locale', 'tr'],
  ['customer.phone', '+90 532 111 22 33'],
  ['customer.country', 'tr'],
  ['subject', 'Bulaşık makinesi çalışmıyor'],
  ['description', 'Makine iki gündür açılmıyor; mağazaya getirdim.'],
];

describe('the New complaint page', () => {
  it('is for agents, supervisors and admins, and in their navigation', async () => {
    const agent = await anAgent();
    const page = await env.app.request('/console/complaints/new', { headers: { cookie: agent.cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<a href="/console/complaints/new" aria-current="page">New complaint</a>');
    expect(html).toContain('<label for="new-complaint-receivedAt">Received at (Europe/Istanbul time)</label>');
    expect(html).toContain('At most 7 days back');
    expect(html).toContain('<option value="head-office">Head office</option>');
    expect(html).not.toContain('<option value="web"');
    const auditor = await signedInCookie(env.sql, await aStaffPerson(env.sql, { roles: ['auditor'] }));
    expect((await env.app.request('/console/complaints/new', { headers: { cookie: auditor.cookie } })).status).toBe(403);
    expect((await post(auditor, walkIn(new Date()))).status).toBe(403);
  });

  it('files through the API as the person, then shows the new complaint with its PIN once', async () => {
    const agent = await anAgent();
    const receivedAt = new Date(Math.floor((Date.now() - 3 * 3_600_000) / 60_000) * 60_000);
    const filed = await post(agent, walkIn(receivedAt));
    expect(filed.status).toBe(303);
    const location = filed.headers.get('location')!;
    expect(location).toMatch(/^\/console\/complaints\/CMP-\d{4}-\d+$/);
    const reference = location.split('/').pop()!;
    const cookie = filed.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^plaint_filed=[^;]+;/);
    for (const part of ['Max-Age=300', `Path=/console/complaints/${reference}`, 'HttpOnly', 'SameSite=Strict']) expect(cookie).toContain(part);

    const [row] = await env.sql<{ received_at: Date; entered_by: string; front_office: string; customer_country: string }[]>`
      SELECT received_at, entered_by, front_office, customer_country FROM complaints WHERE reference = ${reference}`;
    expect(row).toMatchObject({ entered_by: agent.personId, front_office: 'head-office', customer_country: 'TR' });
    expect(row!.received_at.getTime()).toBe(receivedAt.getTime());

    const withNotice = `${agent.cookie}; ${cookie.split(';')[0]}`;
    const first = await (await env.app.request(location, { headers: { cookie: withNotice } })).text();
    expect(first).toContain(`Complaint ${reference} is filed`);
    expect(first).toMatch(/Tracking PIN: \d{8}/);
    expect(first).toMatch(/<dt>Front office<\/dt><dd>head-office<\/dd>/);
    expect(first).toMatch(/<dt>Entered by<\/dt><dd>Selin Acar<\/dd>/);
    // The PIN is never in the page again, nor for another session with the same cookie.
    const again = await (await env.app.request(location, { headers: { cookie: agent.cookie } })).text();
    expect(again).not.toContain('Tracking PIN');
    const other = await anAgent();
    const stolen = await (await env.app.request(location, { headers: { cookie: `${other.cookie}; ${cookie.split(';')[0]}` } })).text();
    expect(stolen).not.toContain('Tracking PIN');
  });

  it('files once when the form is sent twice', async () => {
    const agent = await anAgent();
    const fields = walkIn(new Date(), `double-submit-${Date.now()}`);
    const first = await post(agent, fields);
    const second = await post(agent, fields);
    expect(first.status).toBe(303);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
  });

  it('shows the API’s refusals beside the fields, keeping what was typed', async () => {
    const agent = await anAgent();
    const future = new Date(Date.now() + 3_600_000);
    const fields = walkIn(future).map(([k, v]): [string, string] => (k === 'frontOffice' ? [k, ''] : k === 'customer.name' ? [k, ''] : [k, v]));
    const refused = await post(agent, fields);
    expect(refused.status).toBe(400);
    const html = await refused.text();
    for (const field of ['receivedAt', 'frontOffice', 'customer-name']) {
      expect(html).toMatch(new RegExp(`id="new-complaint-${field}"[^>]*aria-invalid="true"`));
      expect(html).toContain(`id="new-complaint-${field}-error"`);
      expect(html).toContain(`href="#new-complaint-${field}"`);
    }
    expect(html).toContain('must not be in the future');
    expect(html).toContain('required for a front-office complaint');
    expect(html).toContain('Bulaşık makinesi çalışmıyor'); // kept
    expect(html).toContain(`value="${istanbulLocal(future)}"`);
  });
});
