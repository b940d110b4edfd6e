// Erasure of a complaint's personal data (issue 14) end to end on real Temporal and PostgreSQL:
// an open complaint closes as withdrawn without a word to the customer, every table of the
// database is searched for the customer's values afterwards, the timeline keeps its events, the
// KPI report its numbers, the history still replays; a second erasure answers the first; the
// retention run erases only the complaints that are due and reports them.
import { randomInt, randomUUID } from 'node:crypto';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { encryptingDataConverter } from '../../../security/payload-codec.js';
import { snapshotOf } from '../../../domain/process-definitions/versions.js';
import { CLASSIFY, complaintDriver, type FiledComplaint } from '../../helpers/complaint-driver.js';
import { bearer, integrationContext, type IntegrationContext } from '../../helpers/integration.js';
import { quietProcess } from '../../helpers/process.js';
import { processOwnerClient } from '../../helpers/process-definitions.js';

let ctx: IntegrationContext;
let d: ReturnType<typeof complaintDriver>;
beforeAll(async () => {
  ctx = await integrationContext();
  await ctx.startWorker();
  d = complaintDriver(ctx, quietProcess());
});
afterAll(() => ctx?.close());

/** A customer whose every value is distinctive, so a search of the database finds only theirs. */
function aPerson() {
  const token = `zq${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const phoneDigits = `532${randomInt(1_000_000, 9_999_999)}`;
  return {
    token,
    email: `${token}@example.com`,
    phoneDigits,
    intake: {
      customer: { name: `Ayşe ${token}`, email: `${token}@example.com`, phone: `+90${phoneDigits}`, locale: 'tr', country: 'TR' },
      subject: `Makine ${token} su sızdırıyor`,
      description: `Komşum ${token} da gördü; makine alttan su sızdırıyor.`,
    },
  };
}

const erase = (c: FiledComplaint, role: 'admin' | 'agent' | 'auditor' = 'admin', body: unknown = { reason: 'request', note: 'KVKK application 2026/41' }) =>
  d.app.request(`/v1/complaints/${c.reference}/erasure`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(role) },
    body: JSON.stringify(body),
  });

/** Every text, jsonb, bytea and array cell of every table that contains one of `needles`. */
async function cellsHolding(needles: string[]): Promise<string[]> {
  const columns = await ctx.sql<{ table_name: string; column_name: string; data_type: string }[]>`
    SELECT table_name, column_name, data_type FROM information_schema.columns
    WHERE table_schema = 'public' AND data_type IN ('text', 'jsonb', 'json', 'bytea', 'ARRAY', 'character varying', 'tsvector')`;
  const found: string[] = [];
  for (const { table_name, column_name, data_type } of columns) {
    for (const needle of needles) {
      const [row] = await ctx.sql.unsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "${table_name}" WHERE ${data_type === 'bytea' ? `encode("${column_name}", 'escape')` : `"${column_name}"::text`} ILIKE $1`,
        [`%${needle}%`],
      );
      if (row!.n > 0) found.push(`${table_name}.${column_name} holds ${needle}`);
    }
  }
  return found;
}

const today = () => new Date().toISOString().slice(0, 10);
async function kpiNumbers() {
  const from = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
  const res = await d.app.request(`/v1/reports/kpis?from=${from}&to=${today()}`, { headers: bearer('supervisor') });
  expect(res.status).toBe(200);
  const body = (await res.json()) as Record<string, unknown>;
  delete body.generatedAt;
  return body;
}

describe('POST /v1/complaints/{reference}/erasure', () => {
  it('closes an open complaint as withdrawn without a word to the customer, and leaves none of their data anywhere', async () => {
    const person = aPerson();
    const c = await d.file(person.intake);
    await d.waitForStatus(c, 'acknowledged');
    await d.decideOk(c, CLASSIFY);
    await d.decideOk(c, { type: 'note', text: `Müşteri ${person.token} aradı` });
    await d.decideOk(c, { type: 'request_info', question: `Seri numarası nedir, ${person.token} Hanım?` });
    const before = await d.events(c);

    const res = await erase(c);
    expect(res.status, await res.clone().text()).toBe(200);
    const record = (await res.json()) as { status: string; workflow: string; reason: string; blanked: Record<string, number>; note: string };
    expect(record).toMatchObject({ status: 'completed', workflow: 'withdrawn', reason: 'request', note: 'KVKK application 2026/41' });
    expect(record.blanked.complaints).toBe(1);

    // The workflow closed it as withdrawn, the customer now unreachable, and it has ended.
    const status = await d.status(c);
    expect(status.state).toMatchObject({ status: 'closed', closure: 'withdrawn', customer: { reachable: false } });
    expect(await ctx.client.workflow.getHandle(c.id).describe()).toMatchObject({ status: { name: 'COMPLETED' } });

    // The timeline keeps every event, with kinds, times and actors, plus the closure and the erasure.
    const after = await d.events(c);
    expect(after.map((e) => e.type)).toEqual([...before.map((e) => e.type), 'personal_data_erasure_requested', 'personal_data_erased']);
    expect(after.find((e) => e.type === 'note')!.data).toMatchObject({ text: '' });
    expect(after.find((e) => e.type === 'request_info')!.data).toMatchObject({ question: '' });
    const closureSeq = after.find((e) => e.type === 'personal_data_erasure_requested')!.seq;

    // No message to the customer from the closure on, and nothing waits to go to them.
    const [sentAfter] = await ctx.sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM outbox_messages WHERE complaint_id = ${c.id} AND audience = 'customer' AND seq >= ${closureSeq}`;
    expect(sentAfter!.n).toBe(0);
    const [waiting] = await ctx.sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM outbox_messages WHERE complaint_id = ${c.id} AND status IN ('pending', 'sending')`;
    expect(waiting!.n).toBe(0);
    const [links] = await ctx.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM response_links WHERE complaint_id = ${c.id} AND revoked_at IS NULL`;
    expect(links!.n).toBe(0);

    // Nothing in any table holds the customer's name token, e-mail or phone.
    expect(await cellsHolding([person.token, person.email, person.phoneDigits])).toEqual([]);

    // The data key is destroyed, and the history (sealed with the payload key) still replays.
    const [key] = await ctx.sql<{ destroyed_reason: string }[]>`SELECT destroyed_reason FROM complaint_data_keys WHERE complaint_id = ${c.id}`;
    expect(key!.destroyed_reason).toBe('request');
    const history = await ctx.client.workflow.getHandle(c.id).fetchHistory();
    await Worker.runReplayHistory({ workflowBundle: { code: inject('workflowBundleCode') }, dataConverter: encryptingDataConverter(ctx.encryptionKeys) }, history, c.id);

    // Auditors read the record.
    const read = await d.app.request(`/v1/complaints/${c.reference}/erasure`, { headers: bearer('auditor') });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ status: 'completed', workflow: 'withdrawn', requestedBy: { role: 'admin' } });
  });

  it('erases a closed complaint without touching the KPI report, and a second erasure answers the first record', async () => {
    const person = aPerson();
    const c = await d.file(person.intake);
    await d.waitForStatus(c, 'acknowledged');
    await d.decideOk(c, { type: 'withdraw', reason: `Müşteri ${person.token} vazgeçti` });
    await d.waitForStatus(c, 'closed');
    const kpisBefore = await kpiNumbers();

    const first = await erase(c);
    expect(first.status).toBe(200);
    const record = (await first.json()) as { id: string; workflow: string; completedAt: string };
    expect(record.workflow).toBe('already_closed');
    expect(await kpiNumbers()).toEqual(kpisBefore);
    expect(await cellsHolding([person.token, person.email, person.phoneDigits])).toEqual([]);

    const again = await erase(c, 'admin', { reason: 'request' });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(record);
  });

  it('answers 403 to everyone but an admin, 404 for a complaint never erased, and 400 naming a bad field', async () => {
    const c = await d.file(aPerson().intake);
    expect((await erase(c, 'agent')).status).toBe(403);
    expect((await erase(c, 'auditor')).status).toBe(403);
    expect((await d.app.request(`/v1/complaints/${c.reference}/erasure`, { headers: bearer('agent') })).status).toBe(403);
    expect((await d.app.request(`/v1/complaints/${c.reference}/erasure`, { headers: bearer('admin') })).status).toBe(404);
    const bad = await erase(c, 'admin', { reason: 'retention' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('reason');
  });
});

describe('retention runs', () => {
  it('erases only the closed complaints whose pinned version says they are due, and reports them', async () => {
    const owner = processOwnerClient(d.app);
    const content = quietProcess().definition;
    const id = `test-${randomUUID().slice(0, 8)}`;
    const draft = await owner.ok<{ version: number }>(
      owner.call('POST', '/v1/process-definitions', 'process_owner', { id, content: { ...content, id, retention: { erasePersonalDataAfterClosureMonths: 1 } } }),
      201,
    );
    const stored = await owner.ok<{ content: typeof content; contentHash: string }>(owner.publish(id, draft.version));
    const kept = complaintDriver(ctx, snapshotOf(stored.content, stored.contentHash));
    const due = await kept.file(aPerson().intake);
    const recent = await kept.file(aPerson().intake);
    for (const c of [due, recent]) {
      await kept.waitForStatus(c, 'acknowledged');
      await kept.decideOk(c, { type: 'withdraw', reason: 'Vazgeçti.' });
      await kept.waitForStatus(c, 'closed');
    }
    // Closed two months ago (as if); the other closed just now.
    await ctx.sql`UPDATE complaints SET closed_at = now() - interval '2 months' WHERE id = ${due.id}`;

    const expectedAgent = (await d.app.request('/v1/retention/runs', { method: 'POST', headers: bearer('agent') })).status;
    expect(expectedAgent).toBe(403);
    const res = await d.app.request('/v1/retention/runs', { method: 'POST', headers: bearer('admin') });
    expect(res.status, await res.clone().text()).toBe(200);
    const report = (await res.json()) as { id: string; byVersion: Record<string, number>; erasedCount: number; trigger: string; finishedAt: string };
    expect(report).toMatchObject({ trigger: 'manual', byVersion: { [`${id}@${draft.version}`]: 1 } });
    expect(report.finishedAt).not.toBeNull();

    const erased = await d.app.request(`/v1/complaints/${due.reference}/erasure`, { headers: bearer('auditor') });
    expect(await erased.json()).toMatchObject({ reason: 'retention', status: 'completed', workflow: 'already_closed' });
    expect((await d.app.request(`/v1/complaints/${recent.reference}/erasure`, { headers: bearer('auditor') })).status).toBe(404);

    const list = await d.app.request('/v1/retention/runs', { headers: bearer('auditor') });
    expect(list.status).toBe(200);
    expect(((await list.json()) as Array<{ id: string }>).map((r) => r.id)).toContain(report.id);

    // A second run finds nothing more of ours.
    const second = (await (await d.app.request('/v1/retention/runs', { method: 'POST', headers: bearer('admin') })).json()) as { byVersion: Record<string, number> };
    expect(second.byVersion[`${id}@${draft.version}`]).toBeUndefined();
  });
});
