import { describe, expect, it } from 'vitest';
import {
  anInfoRequestSnapshot,
  aProposal,
  aProposedSnapshot,
  aSnapshot,
  seedComplaint,
  seedLink,
  tampered,
  type SeededComplaint,
  useCustomerApp,
  type CustomerTestEnv,
} from '../../../helpers/customer-fixtures.js';

let ctx: CustomerTestEnv['ctx'];
let app: CustomerTestEnv['app'];
let flow: CustomerTestEnv['flow'];
useCustomerApp((env) => ({ ctx, app, flow } = env));

const open = (token: string, language = 'tr') => app.request(`/r/${token}`, { headers: { 'accept-language': language } });
const submit = (token: string, form: Record<string, string>) =>
  app.request(`/r/${token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });

/** Everything an answer could change: the complaint row, its links and its timeline. */
async function footprint(c: SeededComplaint) {
  const [row] = await ctx.sql`SELECT status, closure, round, last_seq, updated_at, lifecycle FROM complaints WHERE id = ${c.id}`;
  const links = await ctx.sql`SELECT id, revoked_at, used_at FROM response_links WHERE complaint_id = ${c.id} ORDER BY id`;
  return { row, links: [...links], events: await flow.eventCount(c) };
}

describe('api/customer/pages/response-pages.ts', () => {
  it('exports only its routes (hono/jsx escapes every value; there is no escaping helper to forget)', async () => {
    expect(Object.keys(await import('../../../../api/customer/pages/response-pages.js'))).toEqual(['responsePages']);
  });
});

describe('GET /r/{token}', () => {
  it("shows the proposal in the customer's language with Accept and Reject, escaped, without external assets", async () => {
    const summary = '<script>alert("x")</script> We refund & apologise.';
    const c = await seedComplaint(ctx.sql, aProposedSnapshot(1, { summary, remedy: 'refund', amount: 14999.9, currency: 'TRY' }));
    const res = await open((await seedLink(ctx.sql, c.id)).token, 'en');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('<html lang="tr" dir="ltr">');
    expect(html).toMatch(/<meta name="robots" content="noindex"\/?>/);
    expect(html).toContain(`${c.reference} numaralı şikâyetiniz`);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; We refund &amp; apologise.');
    expect(html).not.toContain('<script');
    expect(html).toContain('Para iadesi');
    expect(html).toMatch(/₺\s?14\.999,90/);
    expect(html).toContain('16 Mart 2099');
    expect(html).toMatch(/<input type="hidden" name="decision" value="accept"\/?>/);
    expect(html).toMatch(/<textarea id="reason" name="reason"[^>]*required(="")?>/);
    expect(html).not.toMatch(/<(script|link|img|iframe)\b|\b(src|href)="?https?:/i);
  });

  it('shows our question with an answer box', async () => {
    const c = await seedComplaint(ctx.sql, anInfoRequestSnapshot('Etikette <b>hangi</b> model yazıyor?'));
    const res = await open((await seedLink(ctx.sql, c.id, { purpose: 'info_request', requestId: 'info-1' })).token);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Etikette &lt;b&gt;hangi&lt;/b&gt; model yazıyor?');
    expect(html).toContain('Lütfen 16 Mart 2099');
    expect(html).toMatch(/<textarea id="text" name="text"[^>]*required(="")?>/);
    expect(html).not.toContain('name="decision"');
  });

  it('never changes anything: opened twice, the complaint, its links and its timeline stay as they were', async () => {
    const { complaint, token } = await flow.proposed();
    const before = await footprint(complaint);
    expect((await open(token)).status).toBe(200);
    expect((await open(token)).status).toBe(200);
    expect(await footprint(complaint)).toEqual(before);
    expect((await flow.status(complaint)).state.status).toBe('resolution_proposed');
  });

  it.each([
    ['a tampered token', 404, 'This link is not valid', async (c: SeededComplaint) => tampered((await seedLink(ctx.sql, c.id)).token)],
    ['an expired token', 410, 'This link is no longer valid', async (c: SeededComplaint) => (await seedLink(ctx.sql, c.id, { expiresInSeconds: -1 })).token],
    ['a revoked link', 410, 'This link is no longer valid', async (c: SeededComplaint) => (await seedLink(ctx.sql, c.id, { revoked: true })).token],
  ])('answers %s with a friendly page (%i)', async (_what, status, title, tokenFor) => {
    const c = await seedComplaint(ctx.sql, aProposedSnapshot(1));
    const res = await open(await tokenFor(c), 'en-GB,en;q=0.8');
    expect(res.status).toBe(status);
    const html = await res.text();
    expect(html).toContain(`<h1>${title}</h1>`);
    expect(html).toMatch(/<meta name="robots" content="noindex"\/?>/);
    expect(html).not.toContain('<form');
  });

  it('answers 410 in Turkish for a round already answered, even while its link row is open', async () => {
    const answered = aProposal({ answer: { outcome: 'rejected', at: '2026-03-03T10:00:00.000Z', reason: 'Hayır' } });
    const c = await seedComplaint(ctx.sql, aSnapshot({ status: 'reinvestigating', round: 1, proposals: [answered] }));
    const res = await open((await seedLink(ctx.sql, c.id)).token, 'en');
    expect(res.status).toBe(410);
    expect(await res.text()).toContain('Bu bağlantı artık geçerli değil');
  });
});

describe('POST /r/{token}', () => {
  it('accepts through the form: the complaint closes and the page thanks the customer', async () => {
    const { complaint, token } = await flow.proposed();
    const res = await submit(token, { decision: 'accept' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Teşekkürler, yanıtınızı aldık');
    expect(html).toContain('Durum: Kapatıldı');
    const [row] = await ctx.sql`SELECT status, closure FROM complaints WHERE id = ${complaint.id}`;
    expect(row).toEqual({ status: 'closed', closure: 'accepted' });
    expect((await submit(token, { decision: 'accept' })).status).toBe(410);
  });

  it('shows the form again (400) for a rejection without a reason, and records nothing', async () => {
    const { complaint, token } = await flow.proposed();
    const before = await footprint(complaint);
    const res = await submit(token, { decision: 'reject', reason: '   ' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('Öneriyi neden reddettiğinizi yazın');
    expect(html).toContain('name="reason"');
    expect(await footprint(complaint)).toEqual(before);
  });

  it('shows the form again (400) for a malformed multipart body, and records nothing', async () => {
    const { complaint, token } = await flow.proposed();
    const before = await footprint(complaint);
    const res = await app.request(`/r/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=zzz' },
      body: 'not a multipart body',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('name="reason"');
    expect(await footprint(complaint)).toEqual(before);
  });

  it('shows the form again (400) for a NUL in the answer, and records nothing', async () => {
    const c = await seedComplaint(ctx.sql, anInfoRequestSnapshot());
    const { token } = await seedLink(ctx.sql, c.id, { purpose: 'info_request', requestId: 'info-1' });
    const before = await footprint(c);
    const res = await submit(token, { text: 'WM-8000\u0000 serial 12345' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('<form method="post">');
    expect(await footprint(c)).toEqual(before);
  });

  it("takes the answer to our question and keeps the customer's text when it comes back", async () => {
    const complaint = await flow.investigating();
    await flow.decide(complaint, { type: 'request_info', question: 'Which model number is on the label?' });
    const token = await flow.sentLink(complaint, 'info_requested');
    const tooLong = await submit(token, { text: `<i>WM-8000</i> ${'x'.repeat(5_000)}` });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.text()).toContain('&lt;i&gt;WM-8000&lt;/i&gt;');
    const res = await submit(token, { text: 'WM-8000, serial 12345' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Şikâyetinizi araştırıyoruz');
    await flow.waitForRow(complaint, 'investigating');
  });
});
