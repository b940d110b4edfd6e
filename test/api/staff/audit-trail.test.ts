// GET /v1/audit/staff-actions over HTTP on a database of its own: an entry of each source (a staff
// decision on a complaint, console actions, process changes) with its actor, role and time; the
// customer's and the system's events left out; the filters; keyset pages that neither repeat nor
// skip an entry when new ones arrive between pages; bad input and roles.
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../api/app.js';
import { recordStaffAction } from '../../../api/console/staff-audit.js';
import { errorBodySchema } from '../../../api/http/errors.js';
import { createCalendarResolver } from '../../../read-model/calendar-resolver.js';
import { apiKeyEntry } from '../../../scripts/dev-secrets.js';
import { bearer, integrationContext, LINK_SIGNING_SECRET, STAFF_KEYS, type IntegrationContext } from '../../helpers/integration.js';
import { isolatedDatabase } from '../../helpers/kpi-database.js';

let ctx: IntegrationContext;
let db: Awaited<ReturnType<typeof isolatedDatabase>>;
let app: ReturnType<typeof createApp>;

const REF_A = 'CMP-2026-000101';
const REF_B = 'CMP-2026-000102';

interface Entry {
  id: string;
  at: string;
  source: string;
  action: string;
  actorId: string | null;
  actorRole: string | null;
  subject: string | null;
  complaintReference: string | null;
  details: Record<string, unknown>;
}
interface Page {
  entries: Entry[];
  nextCursor: string | null;
}

async function aComplaint(reference: string): Promise<string> {
  const id = randomUUID();
  await db.sql`INSERT INTO complaints ${db.sql({
    id, reference, channel: 'web', status: 'investigating', customer_name: 'Customer', customer_locale: 'tr',
    subject: 'A complaint', description: 'For the audit trail', pin_hash: 'x', received_at: new Date('2026-04-01T07:00:00Z'),
  })}`;
  return id;
}

const event = (complaintId: string, seq: number, type: string, actorId: string, actorRole: string, at: string, data: object = {}) =>
  db.sql`INSERT INTO complaint_events (complaint_id, seq, type, actor_id, actor_role, occurred_at, data)
         VALUES (${complaintId}, ${seq}, ${type}, ${actorId}, ${actorRole}, ${at}, ${db.sql.json(data as never)})`;

beforeAll(async () => {
  ctx = await integrationContext();
  db = await isolatedDatabase();
  const a = await aComplaint(REF_A);
  const b = await aComplaint(REF_B);
  await event(a, 1, 'registered', 'system', 'system', '2026-04-01T07:00:00Z');
  await event(a, 2, 'acknowledge', 'agent-ayse', 'agent', '2026-04-01T08:00:00Z');
  await event(a, 3, 'classify', 'agent-ayse', 'agent', '2026-04-01T09:00:00Z', { category: 'billing' });
  await event(a, 4, 'customer_answered', 'customer', 'customer', '2026-04-02T09:00:00Z');
  await event(b, 2, 'escalate', 'sup-selin', 'supervisor', '2026-04-03T09:00:00Z');
  // Console actions, at times of their own (the column defaults to now()).
  const at = (iso: string) => db.sql`UPDATE staff_audit_events SET at = ${iso} WHERE id = (SELECT max(id) FROM staff_audit_events)`;
  await recordStaffAction(db.sql, { actorId: 'agent-ayse', actorRole: 'agent', action: 'sign_in' });
  await at('2026-04-01T07:30:00Z');
  await recordStaffAction(db.sql, { actorId: null, actorRole: null, action: 'sign_in_failed', details: { email: 'who@x.test' } });
  await at('2026-04-02T10:00:00Z');
  await recordStaffAction(db.sql, { actorId: 'sup-selin', actorRole: 'supervisor', action: 'bulk_action', subject: REF_B, details: { decision: 'assign' } });
  await at('2026-04-03T10:00:00Z');
  // Process changes: a calendar override version and a migration plan (the seed gives a definition, its version 1 and a selection revision).
  await db.sql`INSERT INTO calendar_override_versions (calendar_id, version, overrides, content_sha256, author_id, author_role, change_note, created_at)
               VALUES ('TR', 1, '{"movingHolidays":[],"exceptions":[]}', ${'a'.repeat(64)}, 'owner-okan', 'process_owner', 'Bayram dates', '2026-04-04T09:00:00Z')`;
  await db.sql`INSERT INTO process_migrations (id, definition_id, target_version, target_version_id, target, filter, deadline_rules, requested_by, requested_role, requested_at)
               VALUES (${randomUUID()}, 'iso-10002-default', 1, 'iso-10002-default@1', '{}', '{}', '{}', 'owner-okan', 'process_owner', '2026-04-05T09:00:00Z')`;
  app = createApp({
    config: {
      API_KEYS: Object.entries(STAFF_KEYS).map(([role, key]) => apiKeyEntry(`test-${role}`, role, key)),
      PUBLIC_INTAKE_PER_MINUTE: 1000,
      TRUST_PROXY: true,
      LINK_SIGNING_SECRET,
    },
    sql: db.sql,
    calendars: createCalendarResolver({ sql: db.sql }),
    temporal: ctx.unreachableTemporal(),
    encryptionKeys: ctx.encryptionKeys,
    log: pino({ level: 'silent' }),
  });
});
afterAll(async () => {
  await db?.drop();
  await ctx?.close();
});

type Role = keyof typeof STAFF_KEYS;
const get = (query: Record<string, string> = {}, role: Role | null = 'auditor') =>
  app.request(`/v1/audit/staff-actions?${new URLSearchParams(query)}`, { headers: role ? bearer(role) : {} });
const page = async (query: Record<string, string> = {}, role: Role = 'auditor'): Promise<Page> => {
  const res = await get(query, role);
  expect(res.status).toBe(200);
  return (await res.json()) as Page;
};
const actions = (p: Page) => p.entries.map((e) => e.action);
const badFields = async (res: Response) => {
  expect(res.status).toBe(400);
  const { error } = errorBodySchema.parse(await res.json());
  expect(error.code).toBe('VALIDATION_FAILED');
  return (error.details as Array<{ path: string }>).map((d) => d.path).sort();
};

describe('the staff audit trail', () => {
  it('lists every source newest first, each with its actor, role and time, and no customer or system event', async () => {
    const { entries, nextCursor } = await page({ to: '2026-04-30' });
    expect(nextCursor).toBeNull();
    expect(entries.map((e) => [e.source, e.action, e.actorId, e.actorRole, e.at, e.complaintReference])).toEqual([
      ['process', 'migration_requested', 'owner-okan', 'process_owner', '2026-04-05T09:00:00.000000Z', null],
      ['process', 'calendar_overrides_saved', 'owner-okan', 'process_owner', '2026-04-04T09:00:00.000000Z', null],
      ['console', 'bulk_action', 'sup-selin', 'supervisor', '2026-04-03T10:00:00.000000Z', REF_B],
      ['complaint', 'escalate', 'sup-selin', 'supervisor', '2026-04-03T09:00:00.000000Z', REF_B],
      ['console', 'sign_in_failed', null, null, '2026-04-02T10:00:00.000000Z', null],
      ['complaint', 'classify', 'agent-ayse', 'agent', '2026-04-01T09:00:00.000000Z', REF_A],
      ['complaint', 'acknowledge', 'agent-ayse', 'agent', '2026-04-01T08:00:00.000000Z', REF_A],
      ['console', 'sign_in', 'agent-ayse', 'agent', '2026-04-01T07:30:00.000000Z', null],
    ]);
    expect(entries.find((e) => e.action === 'classify')?.details).toEqual({ category: 'billing' });
    expect(entries.find((e) => e.action === 'calendar_overrides_saved')).toMatchObject({ subject: 'TR', details: { version: 1, changeNote: 'Bayram dates' } });
    // The shipped definition's seed rows (written by migration 0009 at "now"): its creation, version 1 and the selection rules.
    const seed = await page({ actor: 'plaint' });
    expect(actions(seed).sort()).toEqual(['definition_created', 'selection_rules_changed', 'version_created', 'version_published']);
    expect(seed.entries.find((e) => e.action === 'version_published')?.subject).toBe('iso-10002-default@1');
  });

  it('filters by person, action, source, complaint and period', async () => {
    expect(actions(await page({ actor: 'agent-ayse' }))).toEqual(['classify', 'acknowledge', 'sign_in']);
    expect(actions(await page({ action: 'sign_in,sign_in_failed' }))).toEqual(['sign_in_failed', 'sign_in']);
    expect(actions(await page({ source: 'complaint' }))).toEqual(['escalate', 'classify', 'acknowledge']);
    expect(actions(await page({ reference: REF_B }))).toEqual(['bulk_action', 'escalate']);
    expect(actions(await page({ from: '2026-04-02', to: '2026-04-03' }))).toEqual(['bulk_action', 'escalate', 'sign_in_failed']);
    expect(actions(await page({ from: '2026-04-03T09:30:00+00:00', to: '2026-04-04T09:00:00Z' }))).toEqual(['bulk_action']);
  });

  it('walks pages that neither repeat nor skip an entry, even when new ones are recorded meanwhile', async () => {
    const whole = (await page({ to: '2026-04-30', limit: '200' })).entries.map((e) => e.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let first = true;
    do {
      const p: Page = await page({ to: '2026-04-30', limit: '3', ...(cursor ? { cursor } : {}) });
      expect(p.entries.length).toBeLessThanOrEqual(3);
      seen.push(...p.entries.map((e) => e.id));
      if (first) {
        // A newer action between the pages: it belongs on a fresh first page, not in this walk.
        await recordStaffAction(db.sql, { actorId: 'agent-ayse', actorRole: 'agent', action: 'sign_out' });
        await db.sql`UPDATE staff_audit_events SET at = '2026-04-20T09:00:00Z' WHERE action = 'sign_out'`;
        first = false;
      }
      cursor = p.nextCursor;
    } while (cursor);
    expect(seen).toEqual(whole);
    expect(new Set(seen).size).toBe(seen.length);
    expect(actions(await page({ limit: '1', to: '2026-04-30' }))).toEqual(['sign_out']);
  });

  it('refuses a cursor of other filters or not of ours, and names every bad field', async () => {
    const { nextCursor } = await page({ limit: '1' });
    // A cursor fits the document's string; only the API can tell it is not one it gave out for this search: 422.
    for (const cursor of [nextCursor!, 'not-a-cursor']) {
      const res = await get({ ...(cursor === nextCursor ? { source: 'console' } : {}), cursor });
      expect(res.status).toBe(422);
      expect(errorBodySchema.parse(await res.json()).error.details).toEqual([expect.objectContaining({ path: 'query.cursor' })]);
    }
    expect(await badFields(await get({ limit: '0', source: 'mail', from: 'yesterday', reference: 'X-1', action: 'Sign In' }))).toEqual(
      ['query.action', 'query.from', 'query.limit', 'query.reference', 'query.source'],
    );
    // Each alone fits the document; that `to` must come after `from` is a rule in words: 422.
    const backwards = await get({ from: '2026-04-05', to: '2026-04-01' });
    expect(backwards.status).toBe(422);
    expect(errorBodySchema.parse(await backwards.json()).error.details).toEqual([expect.objectContaining({ path: 'query.to' })]);
    expect(await badFields(await get({ colour: 'red' }))).toEqual(['query']);
  });

  it('is for auditors and admins only, and in the OpenAPI document', async () => {
    expect((await get({}, 'admin')).status).toBe(200);
    for (const role of ['agent', 'supervisor', 'process_owner'] as const) {
      const res = await get({}, role);
      expect(res.status).toBe(403);
      expect(errorBodySchema.parse(await res.json()).error.code).toBe('NOT_ALLOWED_FOR_ROLE');
    }
    expect((await get({}, null)).status).toBe(401);
    const doc = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, { get?: { responses: Record<string, unknown> } }> };
    expect(Object.keys(doc.paths['/v1/audit/staff-actions']?.get?.responses ?? {}).sort()).toEqual(['200', '400', '401', '403', '422']);
  });
});
