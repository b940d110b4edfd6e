import { describe, expect, it } from 'vitest';
import {
  anInfoRequestSnapshot,
  aProposal,
  aProposedSnapshot,
  aSnapshot,
  INTERNAL_NOTE,
  seedComplaint,
  STAFF_ID,
  useCustomerApp,
  type CustomerTestEnv,
} from '../../../helpers/customer-fixtures.js';

let ctx: CustomerTestEnv['ctx'];
let app: CustomerTestEnv['app'];
let flow: CustomerTestEnv['flow'];
useCustomerApp((env) => ({ ctx, app, flow } = env));

const anAddress = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
const open = (query = '', headers: Record<string, string> = {}) => app.request(`/track${query}`, { headers });
/** Each request its own client address unless told, so the per-address limit never mixes tests. */
const submit = (form: Record<string, string>, from = anAddress(), on = app) =>
  on.request('/track', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': from },
    body: new URLSearchParams(form).toString(),
  });
const trackJson = (body: unknown, from = anAddress(), on = app) =>
  on.request('/v1/track', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify(body),
  });

const wrongPin = (pin: string) => String((Number(pin) + 1) % 100_000_000).padStart(8, '0');

describe('GET /track', () => {
  it('shows the form with the reference from the link, in Turkish by default, not indexed, loading nothing', async () => {
    const res = await open('?reference=CMP-2026-000123');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-robots-tag')).toBe('noindex');
    const html = await res.text();
    expect(html).toContain('<html lang="tr" dir="ltr">');
    expect(html).toMatch(/<meta name="robots" content="noindex"\/?>/);
    expect(html).toContain('Şikâyetinizi takip edin');
    expect(html).toMatch(/<input id="reference" name="reference" type="text" value="CMP-2026-000123"/);
    expect(html).toMatch(/<input id="pin" name="pin" type="password"(?![^>]*value=)[^>]*>/);
    expect(html).toContain('<form method="post">');
    expect(html).not.toMatch(/<(script|link|img|iframe)\b|\b(src|href)="?https?:/i);
  });

  it('escapes an XSS attempt in the reference', async () => {
    const attack = '"><script>alert(1)</script><a href="x';
    const html = await (await open(`?reference=${encodeURIComponent(attack)}`)).text();
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;a href=&quot;x"');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('href="x');
  });

  it('speaks English for ?lang=en or a browser that prefers it, and ?lang wins over the browser', async () => {
    expect(await (await open('?lang=en')).text()).toContain('<html lang="en" dir="ltr">');
    const preferred = await (await open('', { 'accept-language': 'de-DE, en;q=0.8, tr;q=0.5' })).text();
    expect(preferred).toContain('Track your complaint');
    expect(await (await open('?lang=tr', { 'accept-language': 'en' })).text()).toContain('<html lang="tr" dir="ltr">');
  });
});

describe('POST /track', () => {
  it('shows a running complaint with its Turkish status, dates and next step, without staff names or notes', async () => {
    const c = await flow.investigating();
    await flow.waitForRow(c, 'investigating');
    const res = await submit({ reference: c.reference, pin: c.pin });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain(`${c.reference} numaralı şikâyetiniz`);
    expect(html).toContain('Durum: İnceleniyor');
    expect(html).toContain('Alındığı tarih');
    expect(html).toContain('Hedeflediğimiz yanıt tarihi');
    expect(html).toContain('araştırıyoruz');
    for (const secret of [STAFF_ID, 'after-sales-istanbul', INTERNAL_NOTE, 'test-agent', 'scrypt']) expect(html).not.toContain(secret);
  });

  it('shows the complaint in English when the page is English, for a reference typed in lower case', async () => {
    // The fixture's March 2026 deadline has passed; this one is still ahead.
    const ahead = { id: 'investigation', startedAt: '2026-03-02T09:00:00.000Z', warningAt: '2099-03-05T09:00:00.000Z', deadline: '2099-03-06T15:00:00.000Z', paused: false };
    const c = await seedComplaint(ctx.sql, aSnapshot({}, { stage: ahead }));
    const html = await (await submit({ reference: c.reference.toLowerCase(), pin: c.pin, lang: 'en' })).text();
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain('Status: Under review');
    expect(html).toContain('We aim to answer by');
    expect(html).toContain('6 March 2099');
    expect(html).toContain('We are investigating your complaint');
    expect(html).not.toContain('later than planned');
  });

  it('never shows a passed date as the one we aim to answer by: says we are late and when we write next', async () => {
    const nextUpdate = new Date(Date.now() + 3 * 86_400_000);
    const c = await seedComplaint(ctx.sql, aSnapshot({}, { progressUpdateAt: nextUpdate.toISOString() })); // deadline 6 March 2026
    const en = await (await submit({ reference: c.reference, pin: c.pin, lang: 'en' })).text();
    expect(en).not.toContain('We aim to answer by');
    expect(en).not.toContain('6 March 2026');
    expect(en).toContain('We are later than planned in answering you');
    expect(en).toContain('Our next update by');
    expect(en).toContain(new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Istanbul' }).format(nextUpdate));
    const tr = await (await submit({ reference: c.reference, pin: c.pin })).text();
    expect(tr).not.toContain('Hedeflediğimiz yanıt tarihi');
    expect(tr).toContain('planladığımızdan daha geç kaldık');
    const json = (await (await trackJson({ reference: c.reference, pin: c.pin })).json()) as Record<string, unknown>;
    expect(json).toMatchObject({ aimToAnswerBy: null, laterThanPlanned: true, nextUpdateBy: nextUpdate.toISOString() });
  });

  it('shows the open proposal and points to the link we sent, minting no new one', async () => {
    const c = await seedComplaint(ctx.sql, aProposedSnapshot(1, { summary: 'Onarım <b>ücretsiz</b> & yerinde.' }));
    const html = await (await submit({ reference: c.reference, pin: c.pin })).text();
    expect(html).toContain('Durum: Çözümlendi');
    expect(html).toContain('Çözüm önerimiz');
    expect(html).toContain('Onarım &lt;b&gt;ücretsiz&lt;/b&gt; &amp; yerinde.');
    expect(html).toContain('16 Mart 2099');
    expect(html).toContain('e-posta ya da SMS ile gönderdiğimiz bağlantıyı');
    expect(html).not.toContain('/r/');
    const [links] = await ctx.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM response_links WHERE complaint_id = ${c.id}`;
    expect(links!.n).toBe(0);
  });

  it('shows our pending question', async () => {
    const c = await seedComplaint(ctx.sql, anInfoRequestSnapshot('Etikette <i>hangi</i> model yazıyor?'), 'en');
    const html = await (await submit({ reference: c.reference, pin: c.pin, lang: 'en' })).text();
    expect(html).toContain('Our question');
    expect(html).toContain('Etikette &lt;i&gt;hangi&lt;/i&gt; model yazıyor?');
    expect(html).toContain('e-mail or SMS');
    expect(html).toContain('Please answer by 16 March 2099');
    expect(html).not.toContain('We aim to answer by'); // the clock waits on the customer
  });

  it('shows a closed complaint with when and why it closed', async () => {
    const accepted = aProposal({ answer: { outcome: 'accepted', at: '2026-03-04T09:00:00.000Z' } });
    const snapshot = aSnapshot({ status: 'closed', closure: 'accepted', closedAt: '2026-03-04T09:00:00.000Z', proposals: [accepted], round: 1 }, { stage: null });
    const c = await seedComplaint(ctx.sql, snapshot);
    const html = await (await submit({ reference: c.reference, pin: c.pin })).text();
    expect(html).toContain('Durum: Kapatıldı');
    expect(html).toContain('Kapatıldığı tarih');
    expect(html).toContain('Bu öneriyi 4 Mart 2026');
    expect(html).toContain('Çözümümüzü kabul ettiniz; şikâyetiniz kapatıldı.');
    expect(html).not.toContain('bağlantıyı kullanın');
  });

  it('answers a wrong PIN and an unknown reference with the same 401 page, the form shown again', async () => {
    const c = await seedComplaint(ctx.sql);
    const unknownReference = 'CMP-1999-999999';
    const wrong = await submit({ reference: c.reference, pin: wrongPin(c.pin) });
    const unknown = await submit({ reference: unknownReference, pin: c.pin });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    const [a, b] = [await wrong.text(), await unknown.text()];
    expect(a).toContain('eşleşen bir şikâyet bulamadık');
    expect(a).toContain(`value="${c.reference}"`);
    expect(a.replaceAll(c.reference, 'REF')).toBe(b.replaceAll(unknownReference, 'REF'));
  });

  it('locks the reference for the network after 5 wrong PINs, counted with the JSON endpoint: 429 page with Retry-After', async () => {
    const c = await seedComplaint(ctx.sql);
    const from = '192.0.2.31';
    for (let i = 0; i < 3; i++) expect((await submit({ reference: c.reference, pin: wrongPin(c.pin) }, from)).status).toBe(401);
    for (let i = 0; i < 2; i++) expect((await trackJson({ reference: c.reference, pin: wrongPin(c.pin) }, from)).status).toBe(401);
    const locked = await submit({ reference: c.reference, pin: c.pin, lang: 'en' }, from);
    expect(locked.status).toBe(429);
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const html = await locked.text();
    expect(html).toContain('Too many attempts');
    expect(html).toContain('try again in 15 minutes');
    expect(html).toContain('<form method="post">');
  });

  it('counts a form post against the address budget before reading it: an oversized one too, 429 as a page', async () => {
    const limited = ctx.app({ trackingPerMinute: 1 });
    const from = '203.0.113.230';
    const huge = await submit({ reference: 'CMP-2026-000001', pin: '12345678', padding: 'x'.repeat(8_000) }, from, limited);
    expect(huge.status).toBe(413);
    const next = await submit({ reference: 'CMP-2026-000001', pin: '12345678' }, from, limited);
    expect(next.status).toBe(429);
    expect(await next.text()).toContain('<form method="post">');
  });

  it('rate-limits per client address together with the JSON endpoint', async () => {
    const limited = ctx.app({ trackingPerMinute: 2 });
    const c = await seedComplaint(ctx.sql);
    expect((await trackJson({ reference: c.reference, pin: c.pin }, '203.0.113.210', limited)).status).toBe(200);
    expect((await submit({ reference: c.reference, pin: c.pin }, '203.0.113.210', limited)).status).toBe(200);
    const third = await submit({ reference: c.reference, pin: c.pin }, '203.0.113.210', limited);
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await third.text()).toContain('Çok fazla deneme');
  });

  it('answers 400 naming each bad field, keeping the reference, counting no failure', async () => {
    const c = await seedComplaint(ctx.sql);
    const res = await submit({ reference: c.reference, pin: '12ab' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('8 haneli PIN kodunu girin');
    expect(html).not.toContain('Referans numarasını mesajımızdaki gibi girin');
    expect(html).toContain(`value="${c.reference}"`);
    expect(html).not.toContain('12ab');
    const rows = await ctx.sql`SELECT 1 FROM tracking_lockouts WHERE reference = ${c.reference}`;
    expect(rows).toHaveLength(0);
    const empty = await submit({});
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Referans numarasını mesajımızdaki gibi girin');
  });

  it('answers a malformed multipart body with the 400 form page, not a 500', async () => {
    const res = await app.request('/track?lang=en', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=zzz', 'x-forwarded-for': anAddress() },
      body: 'not a multipart body',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('Please check the form:');
    expect(html).toContain('name="reference"');
  });

  it('never writes the PIN into a page, whatever the answer', async () => {
    const c = await seedComplaint(ctx.sql);
    const pins = [c.pin, wrongPin(c.pin)];
    const from = '192.0.2.32';
    const answers = [
      await submit({ reference: c.reference, pin: c.pin }, from),
      await submit({ reference: 'CMP-WRONG', pin: c.pin }, from),
      await submit({ reference: 'CMP-1999-999998', pin: c.pin }, from),
    ];
    for (let i = 0; i < 5; i++) answers.push(await submit({ reference: c.reference, pin: wrongPin(c.pin) }, from));
    answers.push(await submit({ reference: c.reference, pin: c.pin }, from));
    expect(answers.map((r) => r.status)).toEqual([200, 400, 401, 401, 401, 401, 401, 401, 429]);
    for (const res of answers) {
      const text = `${[...res.headers.entries()].join('\n')}\n${await res.text()}`;
      for (const pin of pins) expect(text).not.toContain(pin);
    }
  });
});
