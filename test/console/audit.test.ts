// The audit trail page over HTTP on a database of its own: what the API lists, with people's names,
// roles and links to the complaint pages; older pages through the API's cursor; the API's 400s
// beside the fields; auditors and admins only.
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { recordStaffAction } from '../../api/console/staff-audit.js';
import { createCalendarResolver } from '../../read-model/calendar-resolver.js';
import { apiKeyEntry } from '../../scripts/dev-secrets.js';
import { aStaffPerson, signedInCookie, type StaffPerson } from '../helpers/console.js';
import { integrationContext, LINK_SIGNING_SECRET, STAFF_KEYS, type IntegrationContext } from '../helpers/integration.js';
import { isolatedDatabase } from '../helpers/kpi-database.js';

let ctx: IntegrationContext;
let db: Awaited<ReturnType<typeof isolatedDatabase>>;
let app: ReturnType<typeof createApp>;
let auditor: StaffPerson;
let agent: StaffPerson;
const REFERENCE = 'CMP-2026-000777';

beforeAll(async () => {
  ctx = await integrationContext();
  db = await isolatedDatabase();
  app = createApp({
    config: { API_KEYS: Object.entries(STAFF_KEYS).map(([role, key]) => apiKeyEntry(`test-${role}`, role, key)), PUBLIC_INTAKE_PER_MINUTE: 1000, TRUST_PROXY: true, LINK_SIGNING_SECRET },
    sql: db.sql,
    calendars: createCalendarResolver({ sql: db.sql }),
    temporal: ctx.unreachableTemporal(),
    encryptionKeys: ctx.encryptionKeys,
    log: pino({ level: 'silent' }),
  });
  auditor = await aStaffPerson(db.sql, { roles: ['auditor'], name: 'Deniz Ak' });
  agent = await aStaffPerson(db.sql, { roles: ['agent'], name: 'Ayşe Yılmaz', language: 'tr' });
  const id = randomUUID();
  await db.sql`INSERT INTO complaints ${db.sql({
    id, reference: REFERENCE, channel: 'web', status: 'investigating', customer_name: 'Customer', customer_locale: 'tr',
    subject: 'A complaint', description: 'For the audit page', pin_hash: 'x', received_at: new Date('2026-04-01T07:00:00Z'),
  })}`;
  await db.sql`INSERT INTO complaint_events (complaint_id, seq, type, actor_id, actor_role, occurred_at, data)
               VALUES (${id}, 2, 'classify', ${agent.id}, 'agent', '2026-04-01T09:00:00Z', '{"category":"billing"}')`;
  // 55 sign-ins of the agent: more than a page (50).
  for (let i = 0; i < 55; i++) await recordStaffAction(db.sql, { actorId: agent.id, actorRole: 'agent', action: 'sign_in' });
});
afterAll(async () => {
  await db?.drop();
  await ctx?.close();
});

async function open(path: string, person: StaffPerson = auditor) {
  const res = await app.request(path, { headers: { cookie: (await signedInCookie(db.sql, person)).cookie } });
  return { status: res.status, html: await res.text() };
}
const rows = (html: string) => html.match(/<tr data-entry=/g)?.length ?? 0;

describe('the audit trail page', () => {
  it('lists staff actions with who, their role and a link to the complaint', async () => {
    const { status, html } = await open(`/console/audit?source=complaint`);
    expect(status).toBe(200);
    expect(rows(html)).toBe(1);
    expect(html).toContain(`Ayşe Yılmaz (${agent.id})`);
    expect(html).toContain('<span class="muted">Agent</span>');
    expect(html).toContain('Classified');
    expect(html).toContain(`<a href="/console/complaints/${REFERENCE}">${REFERENCE}</a>`);
    expect(html).toContain('category: billing');
  });

  it('pages back through the API’s cursor, keeping the filters', async () => {
    const first = await open(`/console/audit?actor=${agent.id}&action=sign_in`);
    expect(rows(first.html)).toBe(50);
    const older = /<a href="(\/console\/audit\?[^"]+)" rel="next">Older entries<\/a>/.exec(first.html)![1]!.replace(/&amp;/g, '&');
    expect(new URL(older, 'http://x').searchParams.get('action')).toBe('sign_in');
    const second = await open(older);
    expect(rows(second.html)).toBe(5);
    expect(second.html).not.toContain('rel="next"');
    expect(second.html).toContain('Newest entries');
    const ids = (html: string) => [...html.matchAll(/<tr data-entry="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set([...ids(first.html), ...ids(second.html)]).size).toBe(55);
  });

  it('puts the API’s refusals beside the fields', async () => {
    const { status, html } = await open('/console/audit?reference=nope&from=2026-04-05&to=2026-04-01');
    expect(status).toBe(400);
    expect(html).toMatch(/id="audit-reference" name="reference" value="nope"[^>]*aria-invalid="true"/);
    expect(html).toContain('id="audit-filters-reference-error"');
    expect(html).not.toContain('<tr data-entry=');
  });

  it('is for auditors and admins only', async () => {
    expect((await open('/console/audit', agent)).status).toBe(403);
    const supervisor = await aStaffPerson(db.sql, { roles: ['supervisor'] });
    expect((await open('/console/audit', supervisor)).status).toBe(403);
    const admin = await aStaffPerson(db.sql, { roles: ['admin'], language: 'tr' });
    const page = await open('/console/audit', admin);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<h1>Denetim kaydı</h1>');
  });
});

describe('the reads of personal data tab', () => {
  it('lists the console’s reads as the signed-in person: opening a complaint page is recorded at the API', async () => {
    const page = await open(`/console/complaints/${REFERENCE}`, agent);
    expect(page.status).toBe(200);
    const { status, html } = await open(`/console/audit/personal-data-reads?complaint=${REFERENCE}&actor=${agent.id}`);
    expect(status).toBe(200);
    expect(html).toContain('aria-current="page">Reads of personal data</a>');
    const kinds = [...html.matchAll(/<tr data-read="\d+">[\s\S]*?<\/tr>/g)].map((m) => m[0]);
    expect(kinds.some((row) => row.includes('Opened the complaint') && row.includes(`Ayşe Yılmaz (${agent.id})`) && row.includes(`/console/complaints/${REFERENCE}`))).toBe(true);
    expect(kinds.some((row) => row.includes('Read the timeline'))).toBe(true);
  });

  it('shows an auditor’s masked read as such, refuses bad filters beside the field, and is for auditors and admins only', async () => {
    await open(`/console/complaints/${REFERENCE}`, auditor);
    const { html } = await open(`/console/audit/personal-data-reads?actor=${auditor.id}`);
    expect(html).toContain('Contact shown masked');
    const bad = await open('/console/audit/personal-data-reads?complaint=nope');
    expect(bad.status).toBe(400);
    expect(bad.html).toMatch(/id="reads-complaint" name="complaint" value="nope"[^>]*aria-invalid="true"/);
    expect((await open('/console/audit/personal-data-reads', agent)).status).toBe(403);
  });
});
