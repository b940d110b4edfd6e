// Erasure that did not run straight through, on real Temporal and PostgreSQL: a process that died
// between the steps (request recorded; workflow closed but the key kept and the columns full; by
// retention as well as on request) is finished by asking again or by the next retention run; a
// complaint whose workflow never started (Temporal down at intake) ends closed as withdrawn and
// the intake reconciler starts nothing for it afterwards; an erased complaint drops out of the
// subject-access export (its lookup hashes are blanked).
import { randomInt, randomUUID } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUnrecordedComplaints } from '../../../jobs/intake-reconciler.js';
import { noteWorkflowOutcome, requestErasure } from '../../../read-model/erasure.js';
import { SealedBox } from '../../../security/sealed-box.js';
import { createTemporalGateway, type TemporalGateway } from '../../../temporal/gateway.js';
import { complaintWorkflowId } from '../../../workflows/complaint.messages.js';
import { aComplaint } from '../../helpers/fixtures.js';
import { complaintDriver, type FiledComplaint } from '../../helpers/complaint-driver.js';
import { bearer, eventually, integrationContext, type IntegrationContext } from '../../helpers/integration.js';
import { quietProcess } from '../../helpers/process.js';

let ctx: IntegrationContext;
let d: ReturnType<typeof complaintDriver>;
let gateway: TemporalGateway;
beforeAll(async () => {
  ctx = await integrationContext();
  await ctx.startWorker();
  d = complaintDriver(ctx, quietProcess());
  gateway = createTemporalGateway(ctx.client, ctx.taskQueue);
});
afterAll(() => ctx?.close());

const ADMIN = { id: 'admin-1', role: 'admin' };

function aPerson() {
  const token = `zr${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  return {
    token,
    email: `${token}@example.com`,
    intake: {
      customer: { name: `Ayşe ${token}`, email: `${token}@example.com`, phone: `+90532${randomInt(1_000_000, 9_999_999)}`, locale: 'tr', country: 'TR' },
      subject: `Makine ${token} su sızdırıyor`,
      description: `Komşum ${token} da gördü.`,
    },
  };
}

const erase = (c: { reference: string }) =>
  d.app.request(`/v1/complaints/${c.reference}/erasure`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer('admin') },
    body: JSON.stringify({ reason: 'request' }),
  });

const erasureOf = async (c: { reference: string }) => {
  const res = await d.app.request(`/v1/complaints/${c.reference}/erasure`, { headers: bearer('auditor') });
  return { status: res.status, body: (await res.json()) as { status: string; workflow: string | null; reason: string } };
};

/** What a half-erased complaint still holds: its key alive, its name and hashes in the row. */
async function rowOf(id: string) {
  const [row] = await ctx.sql<{ status: string; closure: string | null; customer_name: string; email_hash: boolean; destroyed: boolean; recorded: boolean }[]>`
    SELECT c.status, c.closure, c.customer_name, c.customer_email_hash IS NOT NULL AS email_hash,
      k.destroyed_at IS NOT NULL AS destroyed, c.recorded_at IS NOT NULL AS recorded
    FROM complaints c LEFT JOIN complaint_data_keys k ON k.complaint_id = c.id WHERE c.id = ${id}`;
  return row!;
}

const workflowExists = async (complaintId: string) => {
  try {
    await ctx.client.workflow.getHandle(complaintWorkflowId(complaintId)).describe();
    return true;
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return false;
    throw err;
  }
};

async function openComplaint() {
  const person = aPerson();
  const c = await d.file(person.intake);
  await d.waitForStatus(c, 'acknowledged');
  return { person, c };
}

const runRetention = async () => {
  const res = await d.app.request('/v1/retention/runs', { method: 'POST', headers: bearer('admin') });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as { resumedCount: number; failures: Array<{ complaintId: string }> };
};

describe('an erasure interrupted between its steps', () => {
  it('recorded as requested and nothing more: asking again closes the workflow and erases', async () => {
    const { c } = await openComplaint();
    await requestErasure(ctx.sql, { complaintId: c.id, reason: 'request', actor: ADMIN });
    expect((await erasureOf(c)).body).toMatchObject({ status: 'requested', workflow: null });

    const res = await erase(c);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'completed', workflow: 'withdrawn' });
    expect((await d.status(c)).state).toMatchObject({ status: 'closed', closure: 'withdrawn' });
    expect(await rowOf(c.id)).toMatchObject({ customer_name: '', email_hash: false, destroyed: true });
  });

  it('workflow closed by the update, the process died before noting it: asking again finishes (the update is idempotent)', async () => {
    const { c } = await openComplaint();
    const record = await requestErasure(ctx.sql, { complaintId: c.id, reason: 'request', actor: ADMIN });
    expect(await gateway.closeForErasure(c.id, record.id, ADMIN)).toBe('withdrawn');
    expect(await rowOf(c.id)).toMatchObject({ destroyed: false, email_hash: true });

    const res = await erase(c);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'completed', workflow: 'withdrawn' });
    const events = await d.events(c);
    expect(events.filter((e) => e.type === 'personal_data_erasure_requested')).toHaveLength(1);
    expect(events.at(-1)!.type).toBe('personal_data_erased');
    expect(await rowOf(c.id)).toMatchObject({ status: 'closed', closure: 'withdrawn', customer_name: '', destroyed: true });
  });

  it('on request and by retention, workflow closed but key and columns kept: the next retention run finishes both', async () => {
    const { c: onRequest } = await openComplaint();
    const record = await requestErasure(ctx.sql, { complaintId: onRequest.id, reason: 'request', actor: ADMIN });
    await gateway.closeForErasure(onRequest.id, record.id, ADMIN);
    await noteWorkflowOutcome(ctx.sql, onRequest.id, 'withdrawn');

    // A retention erasure of a closed complaint, stopped before its transaction: the due query
    // skips complaints with an erasure row, so only the resumption can finish it.
    const { c: byRetention } = await openComplaint();
    await d.decideOk(byRetention, { type: 'withdraw', reason: 'Vazgeçti.' });
    await d.waitForStatus(byRetention, 'closed');
    await eventually(async () => ((await rowOf(byRetention.id)).status === 'closed' ? true : undefined));
    await requestErasure(ctx.sql, { complaintId: byRetention.id, reason: 'retention', actor: { id: 'retention', role: 'system' } });
    for (const c of [onRequest, byRetention]) expect(await rowOf(c.id)).toMatchObject({ destroyed: false, email_hash: true });

    const report = await runRetention();
    expect(report.resumedCount).toBeGreaterThanOrEqual(2);
    expect(report.failures.map((f) => f.complaintId)).not.toContain(onRequest.id);
    expect(report.failures.map((f) => f.complaintId)).not.toContain(byRetention.id);
    expect((await erasureOf(onRequest)).body).toMatchObject({ status: 'completed', workflow: 'withdrawn', reason: 'request' });
    expect((await erasureOf(byRetention)).body).toMatchObject({ status: 'completed', workflow: 'already_closed', reason: 'retention' });
    for (const c of [onRequest, byRetention]) expect(await rowOf(c.id)).toMatchObject({ status: 'closed', customer_name: '', email_hash: false, destroyed: true });
    const [left] = await ctx.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM erasures WHERE status = 'requested'`;
    expect(left!.n).toBe(0);
  });
});

describe('a complaint whose workflow never started (Temporal down at intake)', () => {
  const fileWhileTemporalDown = async () => {
    const person = aPerson();
    const app = ctx.app({ temporal: ctx.unreachableTemporal() });
    const res = await app.request('/v1/complaints', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(aComplaint(person.intake as never)),
    });
    expect(res.status).toBe(202);
    const c = (await res.json()) as FiledComplaint;
    expect(await rowOf(c.id)).toMatchObject({ status: 'received', recorded: false });
    return { person, c };
  };
  const reconcile = () => startUnrecordedComplaints({ sql: ctx.sql, temporal: gateway, sealedBox: new SealedBox(ctx.encryptionKeys) }, 0);

  it('ends closed as withdrawn in the read model, and the intake reconciler never starts its workflow', async () => {
    const { c } = await fileWhileTemporalDown();
    const res = await erase(c);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'completed', workflow: 'withdrawn' });

    expect(await rowOf(c.id)).toMatchObject({ status: 'closed', closure: 'withdrawn', customer_name: '', destroyed: true });
    const view = await d.app.request(`/v1/complaints/${c.reference}`, { headers: bearer('agent') });
    expect(view.status).toBe(200);
    expect(await view.json()).toMatchObject({ status: 'closed', closure: 'withdrawn' });
    expect((await d.events(c)).map((e) => e.type)).toEqual(['received', 'personal_data_erasure_requested', 'personal_data_erased']);

    await reconcile();
    expect(await workflowExists(c.id)).toBe(false);
    expect(await rowOf(c.id)).toMatchObject({ status: 'closed', closure: 'withdrawn', recorded: false });
  });

  it('the reconciler starts nothing once an erasure is asked for, even before it is done', async () => {
    const { c } = await fileWhileTemporalDown();
    await requestErasure(ctx.sql, { complaintId: c.id, reason: 'request', actor: ADMIN });
    await reconcile();
    expect(await workflowExists(c.id)).toBe(false);

    // Asked again, the erasure finishes it.
    const res = await erase(c);
    expect(res.status).toBe(200);
    expect(await rowOf(c.id)).toMatchObject({ status: 'closed', closure: 'withdrawn', destroyed: true });
    expect(await workflowExists(c.id)).toBe(false);
  });
});

describe('subject access after erasure', () => {
  it('no longer lists the erased complaint: its lookup hashes are blanked', async () => {
    const person = aPerson();
    const kept = await d.file(person.intake);
    const erased = await d.file({ ...person.intake, subject: `İkinci ${person.token}` });
    await d.waitForStatus(erased, 'acknowledged');
    const exported = async () => {
      const res = await d.app.request(`/v1/data-subjects/export?email=${encodeURIComponent(person.email)}`, { headers: bearer('admin') });
      expect(res.status).toBe(200);
      return ((await res.json()) as { complaints: Array<{ reference: string }> }).complaints.map((c) => c.reference).sort();
    };
    expect(await exported()).toEqual([kept.reference, erased.reference].sort());

    expect((await erase(erased)).status).toBe(200);
    const [hashes] = await ctx.sql<{ email: Buffer | null; phone: Buffer | null }[]>`
      SELECT customer_email_hash AS email, customer_phone_hash AS phone FROM complaints WHERE id = ${erased.id}`;
    expect(hashes).toEqual({ email: null, phone: null });
    expect(await exported()).toEqual([kept.reference]);
    const byPhone = await d.app.request(`/v1/data-subjects/export?phone=${encodeURIComponent(person.intake.customer.phone)}`, { headers: bearer('admin') });
    expect(JSON.stringify(await byPhone.json())).not.toContain(erased.reference);
  });
});
