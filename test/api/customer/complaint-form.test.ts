import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { aFilledForm, confirmation, openForm, PDF, PNG, submitForm } from '../../helpers/complaint-form.js';
import { bearer, integrationContext, trackingPins, type IntegrationContext } from '../../helpers/integration.js';

let ctx: IntegrationContext;
let app: ReturnType<IntegrationContext['app']>;

beforeAll(async () => {
  ctx = await integrationContext();
  // Complaints filed here run to their first record, so none is left for the intake reconciler
  // of a later file to find unrecorded.
  await ctx.startWorker();
  app = ctx.app();
});
afterAll(() => ctx.close());

describe('GET /complaints/new', () => {
  it('shows an accessible form in the asked language that works without JavaScript', async () => {
    const page = await openForm(app, '?lang=en');
    expect(page.status).toBe(200);
    const { html } = page;
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain('<form method="post" action="/complaints/new?lang=en" enctype="multipart/form-data"');
    expect(html).not.toContain('<script');
    // Every visible input has a label; consent sits in a fieldset with a legend; autocomplete for personal fields.
    for (const id of ['name', 'email', 'phone', 'language', 'subject', 'description', 'category', 'product', 'attachments', 'consent']) {
      expect(html).toContain(`for="${id}"`);
      expect(html).toContain(`id="${id}"`);
    }
    expect(html).toMatch(/<legend>Privacy notice<\/legend>/);
    expect(html).toContain('autocomplete="name"');
    expect(html).toContain('autocomplete="email"');
    expect(html).toContain('autocomplete="tel"');
    // The KVKK notice is on the page, in its language, naming the data controller.
    expect(html).toContain('Personal Data Protection Law No. 6698 (KVKK)');
    // Default lists with their labels; the honeypot is hidden from people and assistive technology.
    expect(html).toContain('<option value="washing-machine">Washing machine</option>');
    // No inline styles (CSP hashes the page's one style element); the class moves it off-screen.
    expect(html).toMatch(/<div aria-hidden="true" class="offscreen"><label for="website">/);
    expect(html).toMatch(/\.offscreen\{position:absolute;left:-10000px[^}]*\}/);
    expect(html).not.toMatch(/\sstyle="/);
    expect(html).toMatch(/<input id="website" name="website" type="text" tabindex="-1" autocomplete="off"/);
    expect(page.cookie).toMatch(/^plaint_form=[A-Za-z0-9_-]+$/);
  });

  it('is in Turkish by default, with links to the other languages', async () => {
    const res = await app.request('/complaints/new');
    const html = await res.text();
    expect(html).toContain('<html lang="tr" dir="ltr">');
    expect(html).toContain('Şikâyet bildirin');
    expect(html).toContain('Kişisel Verilerin Korunması Kanunu');
    expect(html).toContain('href="/complaints/new?lang=en"');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('POST /complaints/new', () => {
  it('files a web complaint with a PNG and a PDF; staff download the identical bytes', async () => {
    const session = await openForm(app);
    const filled = aFilledForm({ files: [{ name: 'sızıntı.png', bytes: PNG, type: 'image/png' }, { name: 'fatura.pdf', bytes: PDF }] });
    const res = await submitForm(app, session, filled);
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    const { reference, pin } = confirmation(html);
    expect(html).toContain('We have also sent your reference and PIN by SMS to +90 532 000 00 00, and your reference by e-mail to');
    expect(html).toContain('We received 2 files with it.');
    expect(html).not.toContain(`pin=${pin}`);

    const [row] = await ctx.sql<{ id: string; channel: string; customer_locale: string; category: string; product: string; pin_hash: string }[]>`
      SELECT id, channel, customer_locale, category, product, pin_hash FROM complaints WHERE reference = ${reference}`;
    expect(row).toMatchObject({ channel: 'web', customer_locale: 'tr', category: 'product-defect', product: 'washing-machine' });
    expect((await trackingPins.check(pin, row!.pin_hash)).matches).toBe(true);
    const [consent] = await ctx.sql`SELECT language FROM complaint_privacy_consents WHERE complaint_id = ${row!.id}`;
    expect(consent).toEqual({ language: 'en' });

    const list = await app.request(`/v1/complaints/${reference}/attachments`, { headers: bearer('auditor') });
    expect(list.status).toBe(200);
    const files = (await list.json()) as { id: string; name: string; contentType: string; sizeBytes: number; href: string }[];
    expect(files.map((f) => [f.name, f.contentType, f.sizeBytes])).toEqual([
      ['sızıntı.png', 'image/png', PNG.length],
      ['fatura.pdf', 'application/pdf', PDF.length],
    ]);
    for (const [file, bytes] of [[files[0]!, PNG], [files[1]!, PDF]] as const) {
      const download = await app.request(file.href, { headers: bearer('agent') });
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe(file.contentType);
      expect(download.headers.get('x-content-type-options')).toBe('nosniff');
      expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+"; filename\*=UTF-8''/);
      expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    }
    // The customer sees their own files (names and sizes) on the tracking page.
    const tracked = await app.request('/track', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '198.51.100.77' },
      body: new URLSearchParams({ reference, pin, lang: 'tr' }).toString(),
    });
    expect(tracked.status).toBe(200);
    const section = await tracked.text();
    expect(section).toContain('<h2 id="attachments-heading">Ekleriniz</h2>');
    expect(section).toContain('<li><bdi>sızıntı.png</bdi> (1 kB)</li>');
    expect(section).toContain('<bdi>fatura.pdf</bdi>');
    expect((await app.request(files[0]!.href, { headers: bearer('agent') })).headers.get('content-disposition')).toContain(
      "filename*=UTF-8''s%C4%B1z%C4%B1nt%C4%B1.png",
    );
  });

  it('files one complaint when submit is pressed twice, and shows the same reference and PIN', async () => {
    const session = await openForm(app);
    const filled = aFilledForm({ phone: '', files: [{ name: 'a.png', bytes: PNG }] });
    const [first, second] = await Promise.all([submitForm(app, session, filled), submitForm(app, session, filled)]);
    const again = await submitForm(app, session, filled);
    const pages = await Promise.all([first, second, again].map((r) => r.text()));
    const shown = pages.map(confirmation);
    expect(new Set(shown.map((s) => `${s.reference}/${s.pin}`)).size).toBe(1);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect(again.status).toBe(200);
    expect(pages[2]).toContain('We have also sent your reference by e-mail to');
    const rows = await ctx.sql`SELECT id FROM complaints WHERE customer_email = ${filled.email!}`;
    expect(rows).toHaveLength(1);
    const [{ n }] = (await ctx.sql`SELECT count(*)::int AS n FROM complaint_attachments WHERE complaint_id = ${rows[0]!.id}`) as unknown as [{ n: number }];
    expect(n).toBe(1);
  });

  it('refuses a changed form sent again under the same key, keeping the values, and files nothing more', async () => {
    const session = await openForm(app);
    const filled = aFilledForm();
    expect((await submitForm(app, session, filled)).status).toBe(201);
    const changed = await submitForm(app, session, { ...filled, subject: 'Başka bir konu' });
    expect(changed.status).toBe(409);
    const html = await changed.text();
    expect(html).toContain('This form was already sent.');
    expect(html).toContain('value="Başka bir konu"');
    expect(html).not.toContain(`value="${session.formKey}"`);
    expect(await ctx.sql`SELECT id FROM complaints WHERE customer_email = ${filled.email!}`).toHaveLength(1);
  });
});

describe('staff attachment routes', () => {
  it('answer 401 without a key, 403 for a role that may not read, 404 for an unknown complaint or file', async () => {
    const session = await openForm(app);
    const { reference } = confirmation(await (await submitForm(app, session, aFilledForm({ files: [{ name: 'x.pdf', bytes: PDF }] }))).text());
    const path = `/v1/complaints/${reference}/attachments`;
    expect((await app.request(path)).status).toBe(401);
    expect((await app.request(path, { headers: bearer('process_owner') })).status).toBe(403);
    expect((await app.request('/v1/complaints/CMP-2000-999999/attachments', { headers: bearer('agent') })).status).toBe(404);
    const [file] = (await (await app.request(path, { headers: bearer('supervisor') })).json()) as { id: string }[];
    expect((await app.request(`${path}/${file!.id}`, { headers: bearer('process_owner') })).status).toBe(403);
    expect((await app.request(`${path}/00000000-0000-4000-8000-000000000000`, { headers: bearer('admin') })).status).toBe(404);
    expect((await app.request(`/v1/complaints/CMP-2000-999999/attachments/${file!.id}`, { headers: bearer('admin') })).status).toBe(404);
    expect((await app.request(`${path}/not-a-uuid`, { headers: bearer('admin') })).status).toBe(400);
  });
});
