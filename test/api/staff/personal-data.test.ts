// Subject access and the record of who read personal data, over HTTP with real PostgreSQL and
// Temporal: one person files on the web, in a chat and through a dealer (their e-mail and phone
// written differently each time), another person files too; the admin's export by e-mail and by
// phone holds exactly the first person's complaints with everything listed, an erased one only as
// erased; staff reads (a complaint opened, a search, a file downloaded, the export) appear in the
// auditors' list with who, which and when.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAttachmentStore } from '../../../read-model/attachments.js';
import { DataKeyStore } from '../../../security/data-keys.js';
import { aComplaint } from '../../helpers/fixtures.js';
import { seedLink } from '../../helpers/customer-fixtures.js';
import { bearer, eventually, integrationContext, type IntegrationContext } from '../../helpers/integration.js';
import { aPlatformComplaint, CHAT_SECRET, signedComplaintRequest } from '../../helpers/integration-webhooks.js';

let ctx: IntegrationContext;
let app: ReturnType<IntegrationContext['app']>;

// Unique to this run: the database is shared with other test files.
const tag = randomBytes(4).toString('hex');
const digits = String(1_000_000 + (parseInt(tag, 16) % 9_000_000));
const EMAIL = `ayse.${tag}@example.com`;
const PHONE = `+90 532 ${digits}`;
const OTHER_EMAIL = `mehmet.${tag}@example.com`;

interface Filed {
  id: string;
  reference: string;
}
let web: Filed;
let chat: Filed;
let dealer: Filed;
let other: Filed;
let attachmentId: string;

async function fileOnWeb(customer: Record<string, unknown>, description: string): Promise<Filed> {
  const res = await app.request('/v1/complaints', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(aComplaint({ customer: { name: 'Ayşe Yılmaz', locale: 'tr', country: 'TR', ...customer } as never, description })),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as Filed;
}

const get = (path: string, role: Parameters<typeof bearer>[0]) => app.request(path, { headers: bearer(role) });

interface Read {
  id: string;
  at: string;
  actorId: string;
  actorRole: string;
  complaintReference: string | null;
  kind: string;
  contactMasked: boolean;
  item: string | null;
}
async function readsOf(reference: string): Promise<Read[]> {
  const res = await get(`/v1/audit/personal-data-reads?complaint=${reference}&limit=200`, 'auditor');
  expect(res.status).toBe(200);
  return ((await res.json()) as { entries: Read[] }).entries;
}

beforeAll(async () => {
  ctx = await integrationContext();
  await ctx.startWorker();
  app = ctx.app();
  web = await fileOnWeb({ email: EMAIL, phone: PHONE }, `Makine su sızdırıyor (${tag}).`);
  const res = await app.request(
    '/v1/integrations/test-chat/complaints',
    signedComplaintRequest(
      aPlatformComplaint({ customer: { handle: `@ayse.${tag}`, displayName: 'Ayşe Yılmaz', email: EMAIL.toUpperCase(), phone: `0532 ${digits}`, locale: 'tr' } }),
      { secret: CHAT_SECRET },
    ),
  );
  expect(res.status).toBe(201);
  chat = (await res.json()) as Filed;
  const byDealer = await app.request('/v1/complaints', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer('agent') },
    body: JSON.stringify(
      aComplaint({ channel: 'dealer', intermediary: 'Bayi Kadıköy', customer: { name: 'Ayşe Yılmaz', phone: `0090 532 ${digits}`, locale: 'tr' } as never }),
    ),
  });
  expect(byDealer.status).toBe(201);
  dealer = (await byDealer.json()) as Filed;
  other = await fileOnWeb({ name: 'Mehmet Kaya', email: OTHER_EMAIL, phone: '+90 533 000 00 01' }, 'Başka biri.');
  // A file and a survey answer on the web complaint (the form and the survey page are tested elsewhere).
  const [stored] = await ctx.sql.begin((tx) =>
    postgresAttachmentStore(ctx.sql, ctx.activityDeps.dataKeys).store(tx, web.id, [{ name: 'leak.png', contentType: 'image/png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) }]),
  );
  attachmentId = stored!.id;
  const { linkId } = await seedLink(ctx.sql, web.id, { purpose: 'survey' });
  await ctx.sql`INSERT INTO survey_answers (complaint_id, link_id, handling, outcome, reasons, comment, language)
                VALUES (${web.id}, ${linkId}, 4, 2, ${['speed']}, ${`Hızlıydı (${tag})`}, 'tr')`;
  // The acknowledgement e-mail is written when the workflow records the complaint.
  await eventually(async () => {
    const [row] = await ctx.sql`SELECT 1 FROM outbox_messages WHERE complaint_id = ${web.id} AND audience = 'customer' AND channel = 'email'`;
    return row;
  }, 30_000);
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

interface Exported {
  format: string;
  schemaVersion: number;
  complaints: Array<Record<string, any>>;
}

describe('GET /v1/data-subjects/export', () => {
  it('by e-mail: exactly that person’s complaints, whatever the case, with everything held about them, as a download', async () => {
    const res = await get(`/v1/data-subjects/export?email=${encodeURIComponent(`  ${EMAIL.replace('ayse', 'AYSE')} `)}`, 'admin');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="subject-access-\d{4}-\d{2}-\d{2}\.json"$/);
    const body = (await res.json()) as Exported;
    expect(body).toMatchObject({ format: 'plaint.subject-access', schemaVersion: 1 });
    expect(body.complaints.map((c) => c.reference).sort()).toEqual([web.reference, chat.reference].sort());
    const onWeb = body.complaints.find((c) => c.reference === web.reference)!;
    expect(onWeb).toMatchObject({ erased: false, channel: 'web', locale: 'tr', description: `Makine su sızdırıyor (${tag}).` });
    expect(onWeb.customer).toMatchObject({ name: 'Ayşe Yılmaz', email: EMAIL, phone: PHONE });
    expect(onWeb.timeline.length).toBeGreaterThan(0);
    expect(onWeb.messages.some((m: { channel: string; recipient: string; body: string }) => m.channel === 'email' && m.recipient === EMAIL && m.body.length > 0)).toBe(true);
    expect(onWeb.attachments).toEqual([expect.objectContaining({ id: attachmentId, name: 'leak.png', sizeBytes: 7, href: `/v1/complaints/${web.reference}/attachments/${attachmentId}` })]);
    expect(onWeb.surveyAnswers).toEqual([expect.objectContaining({ handling: 4, outcome: 2, comment: `Hızlıydı (${tag})` })]);
    const inChat = body.complaints.find((c) => c.reference === chat.reference)!;
    expect(inChat).toMatchObject({ channel: 'live_chat' });
    expect(inChat.integrationMessages).toEqual([expect.objectContaining({ source: 'test-chat', handle: `@ayse.${tag}`, conversationUrl: 'https://chat.example.com/c/8812' })]);
    expect(JSON.stringify(body)).not.toContain(other.reference);
  });

  it('by phone in another form: the dealer’s complaint too, with its intermediary; an erased one only says it was erased', async () => {
    await new DataKeyStore(ctx.sql, ctx.encryptionKeys).destroy(chat.id, 'request');
    const res = await get(`/v1/data-subjects/export?phone=${encodeURIComponent(`0${PHONE.slice(4)}`)}`, 'admin');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Exported;
    expect(body.complaints.map((c) => c.reference).sort()).toEqual([web.reference, chat.reference, dealer.reference].sort());
    expect(body.complaints.find((c) => c.reference === dealer.reference)).toMatchObject({ erased: false, channel: 'dealer', entry: { intermediary: 'Bayi Kadıköy' } });
    const erased = body.complaints.find((c) => c.reference === chat.reference)!;
    expect(erased).toEqual({ erased: true, reference: chat.reference, receivedAt: expect.any(String), erasedAt: expect.any(String), erasureReason: 'request' });
  });

  it('refuses anything but exactly one of email and phone, naming the field', async () => {
    const fields = async (query: string, status = 400) => {
      const res = await get(`/v1/data-subjects/export${query}`, 'admin');
      expect(res.status).toBe(status);
      return ((await res.json()) as { error: { details: { path: string }[] } }).error.details.map((d) => d.path);
    };
    // Neither or both: each parameter fits the document, the rule between them (in words) refuses them.
    expect(await fields('', 422)).toEqual(['query.email']);
    expect(await fields(`?email=${EMAIL}&phone=0532`, 422)).toEqual(['query.email', 'query.phone']);
    expect(await fields('?phone=00', 422)).toEqual(['query.phone']);
    expect(await fields('?email=nobody')).toEqual(['query.email']);
    expect(await fields('?phone=abc')).toEqual(['query.phone']);
    expect(await fields(`?mail=${EMAIL}`)).toContain('query');
  });

  it('is for admins only', async () => {
    for (const role of ['agent', 'supervisor', 'auditor', 'process_owner'] as const) {
      expect((await get(`/v1/data-subjects/export?email=${EMAIL}`, role)).status).toBe(403);
    }
    expect((await app.request(`/v1/data-subjects/export?email=${EMAIL}`)).status).toBe(401);
  });
});

describe('GET /v1/audit/personal-data-reads', () => {
  it('lists who read which complaint when: an agent opening it, a search, a download, an auditor masked, the export', async () => {
    const before = Date.now();
    expect((await get(`/v1/complaints/${web.reference}`, 'agent')).status).toBe(200);
    expect((await get(`/v1/complaints?customerEmail=${encodeURIComponent(EMAIL)}`, 'agent')).status).toBe(200);
    expect((await get(`/v1/complaints/${web.reference}/attachments/${attachmentId}`, 'agent')).status).toBe(200);
    expect((await get(`/v1/complaints/${web.reference}/events`, 'agent')).status).toBe(200);
    expect((await get(`/v1/complaints/${web.reference}`, 'auditor')).status).toBe(200);
    const reads = await readsOf(web.reference);
    const byAgent = reads.filter((r) => r.actorId === 'test-agent');
    expect(byAgent.map((r) => r.kind)).toEqual(expect.arrayContaining(['complaint_view', 'search_result', 'attachment_download', 'timeline']));
    expect(byAgent.find((r) => r.kind === 'attachment_download')).toMatchObject({ actorRole: 'agent', complaintReference: web.reference, item: attachmentId, contactMasked: false });
    for (const r of byAgent) expect(Date.parse(r.at)).toBeGreaterThanOrEqual(before - 1000);
    expect(reads.find((r) => r.actorId === 'test-auditor' && r.kind === 'complaint_view')).toMatchObject({ actorRole: 'auditor', contactMasked: true });
    expect(reads.filter((r) => r.actorId === 'test-admin' && r.kind === 'export')).toHaveLength(2);
    // The search showed the chat complaint as well: one row for each complaint on the page.
    expect((await readsOf(chat.reference)).some((r) => r.actorId === 'test-agent' && r.kind === 'search_result')).toBe(true);
    // Newest first.
    expect(reads.map((r) => r.at)).toEqual([...reads.map((r) => r.at)].sort().reverse());
  });

  it('pages with a cursor bound to its filters; filters by person and period', async () => {
    const first = await get(`/v1/audit/personal-data-reads?complaint=${web.reference}&limit=2`, 'admin');
    const page1 = (await first.json()) as { entries: Read[]; nextCursor: string };
    expect(page1.entries).toHaveLength(2);
    const second = await get(`/v1/audit/personal-data-reads?complaint=${web.reference}&limit=2&cursor=${page1.nextCursor}`, 'admin');
    const page2 = (await second.json()) as { entries: Read[] };
    expect(page2.entries[0]!.id).not.toBe(page1.entries[1]!.id);
    expect(page2.entries[0]!.at <= page1.entries[1]!.at).toBe(true);
    expect((await get(`/v1/audit/personal-data-reads?complaint=${chat.reference}&cursor=${page1.nextCursor}`, 'auditor')).status).toBe(422);
    const mine = (await (await get(`/v1/audit/personal-data-reads?actor=test-agent&from=${new Date(Date.now() - 3_600_000).toISOString()}`, 'auditor')).json()) as { entries: Read[] };
    expect(mine.entries.length).toBeGreaterThan(0);
    expect(mine.entries.every((r) => r.actorId === 'test-agent')).toBe(true);
    expect((await get('/v1/audit/personal-data-reads?from=2026-05-02&to=2026-05-01', 'auditor')).status).toBe(422);
  });

  it('is for auditors and admins; the record cannot be changed', async () => {
    for (const role of ['agent', 'supervisor', 'process_owner'] as const) expect((await get('/v1/audit/personal-data-reads', role)).status).toBe(403);
    await expect(ctx.sql`UPDATE personal_data_reads SET actor_id = 'someone' WHERE complaint_id = ${web.id}`).rejects.toThrow(/append-only/);
    await expect(ctx.sql`DELETE FROM personal_data_reads WHERE complaint_id = ${web.id}`).rejects.toThrow(/append-only/);
  });
});
