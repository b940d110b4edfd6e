// POST /v1/complaints/{reference}/decisions: one test per outcome a client can get.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintSchema } from '../../../api/staff/complaints.schemas.js';
import { errorBodySchema } from '../../../api/http/errors.js';
import { CLASSIFY, complaintDriver, PROPOSE_REFUND, PROPOSE_REPAIR, type FiledComplaint } from '../../helpers/complaint-driver.js';
import { bearer, integrationContext, type IntegrationContext } from '../../helpers/integration.js';
import { quietProcess } from '../../helpers/process.js';

let ctx: IntegrationContext;
let d: ReturnType<typeof complaintDriver>;
let acknowledged: FiledComplaint;

beforeAll(async () => {
  ctx = await integrationContext();
  await ctx.startWorker();
  d = complaintDriver(ctx, quietProcess());
  acknowledged = await d.file();
  await d.waitForStatus(acknowledged, 'acknowledged');
});
afterAll(() => ctx.close());

const errorOf = async (res: Response) => errorBodySchema.parse(await res.json()).error;

describe('POST /v1/complaints/{reference}/decisions', () => {
  it('answers 200 with the new state and its deadlines', async () => {
    const c = await d.file();
    await d.waitForStatus(c, 'acknowledged');
    const res = await d.decide(c, CLASSIFY);
    expect(res.status).toBe(200);
    const body = complaintSchema.parse(await res.json());
    expect(body).toMatchObject({ reference: c.reference, status: 'investigating', escalationLevel: 'assignee' });
    expect(Date.parse(body.stage!.deadline!)).toBeGreaterThan(Date.now());
  });

  it('refuses a decision the status does not allow with 409 and the decisions allowed now', async () => {
    const res = await d.decide(acknowledged, PROPOSE_REPAIR);
    expect(res.status).toBe(409);
    const error = await errorOf(res);
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.details).toMatchObject({ status: 'acknowledged', allowed: expect.arrayContaining(['classify', 'request_info', 'note']) });
    expect((error.details as { allowed: string[] }).allowed).not.toContain('propose_resolution');
  });

  it('refuses an agent marking a duplicate with 403, from the process the complaint is pinned to', async () => {
    const original = await d.file();
    await d.waitForStatus(original, 'acknowledged');
    const res = await d.decide(acknowledged, { type: 'mark_duplicate', duplicateOf: original.reference }, 'agent');
    expect(res.status).toBe(403);
    expect(await errorOf(res)).toMatchObject({ code: 'NOT_ALLOWED_FOR_ROLE', details: { role: 'agent', decision: 'mark_duplicate' } });
  });

  it.each([
    ['an auditor taking any decision', 'auditor', { type: 'note', text: 'Looks fine.' }],
    ['a process owner taking any decision', 'process_owner', { type: 'note', text: 'Looks fine.' }],
  ] as const)('refuses %s with 403', async (_what, role, decision) => {
    const res = await d.decide(acknowledged, decision as never, role);
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe('NOT_ALLOWED_FOR_ROLE');
  });

  it('refuses a reader with 403 without asking the workflow: on a closed complaint, and with Temporal down', async () => {
    const closed = await d.file();
    await d.waitForStatus(closed, 'acknowledged');
    await d.decideOk(closed, { type: 'withdraw', reason: 'The customer called to withdraw it.' });
    const late = await d.decide(closed, { type: 'note', text: 'Read it.' }, 'auditor');
    expect([late.status, (await errorOf(late)).code]).toEqual([403, 'NOT_ALLOWED_FOR_ROLE']);

    const temporalDown = ctx.app({ temporal: ctx.unreachableTemporal() });
    const decideOn = (role: 'agent' | 'auditor') =>
      temporalDown.request(`/v1/complaints/${acknowledged.reference}/decisions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(role) },
        body: JSON.stringify({ type: 'note', text: 'Looks fine.' }),
      });
    const auditor = await decideOn('auditor');
    expect([auditor.status, (await errorOf(auditor)).code]).toEqual([403, 'NOT_ALLOWED_FOR_ROLE']);
    const agent = await decideOn('agent');
    expect(agent.status).toBe(503); // the gateway is really down
    // The key the server made up comes back, so the client can retry as the message asks.
    expect(agent.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect((await errorOf(agent)).message).toContain('retry');
  });

  it('answers 422 on duplicateOf for an unknown complaint or the complaint itself, and marks a real duplicate', async () => {
    const c = await d.file();
    await d.waitForStatus(c, 'acknowledged');
    for (const duplicateOf of ['CMP-1999-999999', c.reference]) {
      const res = await d.decide(c, { type: 'mark_duplicate', duplicateOf }, 'supervisor');
      expect(res.status).toBe(422);
      expect(await errorOf(res)).toMatchObject({ code: 'UNPROCESSABLE', details: [{ path: 'duplicateOf' }] });
    }
    expect((await d.status(c)).state.status).toBe('acknowledged');
    const marked = await d.decideOk(c, { type: 'mark_duplicate', duplicateOf: acknowledged.reference }, 'supervisor');
    expect(marked).toMatchObject({ status: 'closed', closure: 'duplicate' });
  });

  it('lets a supervisor close a complaint as out of scope', async () => {
    const c = await d.file();
    await d.waitForStatus(c, 'acknowledged');
    const closed = await d.decideOk(c, { type: 'close_out_of_scope', reason: 'Concerns a product we do not sell.' }, 'supervisor');
    expect(closed).toMatchObject({ status: 'closed', closure: 'out_of_scope' });
    const again = await d.decide(c, { type: 'note', text: 'too late' });
    expect(again.status).toBe(409);
    expect(await errorOf(again)).toMatchObject({ code: 'INVALID_TRANSITION', details: { status: 'closed', allowed: [] } });
  });

  it('answers 400 naming each bad field, and the complaint is untouched', async () => {
    const res = await d.decide(acknowledged, { type: 'propose_resolution', summary: '', remedy: 'refund' });
    expect(res.status).toBe(400);
    const paths = ((await errorOf(res)).details as Array<{ path: string }>).map((i) => i.path).sort();
    expect(paths).toEqual(expect.arrayContaining(['outcome', 'summary']));
    const unknown = await d.decide(acknowledged, { type: 'bribe', amount: 100 });
    expect(unknown.status).toBe(400);
    expect((await d.status(acknowledged)).state.status).toBe('acknowledged');
  });

  it('answers 401 without a key and 404 for an unknown reference', async () => {
    const res = await d.app.request(`/v1/complaints/${acknowledged.reference}/decisions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'note', text: 'x' }),
    });
    expect(res.status).toBe(401);
    expect((await d.decide({ ...acknowledged, reference: 'CMP-1999-999999' }, { type: 'note', text: 'x' })).status).toBe(404);
  });

  it('applies a retried decision once when it carries the same Idempotency-Key', async () => {
    const headers = { 'idempotency-key': `note-${crypto.randomUUID()}` };
    const first = await d.decide(acknowledged, { type: 'note', text: 'Customer called again.' }, 'agent', headers);
    const retry = await d.decide(acknowledged, { type: 'note', text: 'Customer called again.' }, 'agent', headers);
    expect([first.status, retry.status]).toEqual([200, 200]);
    const seqOf = async (res: Response) => ((await res.json()) as { seq: number }).seq;
    expect(await seqOf(retry)).toBe(await seqOf(first));
  });

  it('refuses a key reused with a different decision with 409 CONFLICT naming the key, and takes only the first', async () => {
    const c = await d.file();
    await d.waitForStatus(c, 'acknowledged');
    const key = `note-${crypto.randomUUID()}`;
    const first = await d.decide(c, { type: 'note', text: 'Customer called again.' }, 'agent', { 'idempotency-key': key });
    expect(first.status).toBe(200);
    const second = await d.decide(c, { type: 'note', text: 'Customer asked for a refund.' }, 'agent', { 'idempotency-key': key });
    expect(second.status).toBe(409);
    const error = await errorOf(second);
    expect(error).toMatchObject({ code: 'CONFLICT', details: { idempotencyKey: key } });
    expect(error.message).toContain(key);
    const notes = (await d.events(c)).filter((e) => e.type === 'note');
    expect(notes).toHaveLength(1);
    // The same key on another complaint is another request too.
    const elsewhere = await d.decide(acknowledged, { type: 'note', text: 'Customer called again.' }, 'agent', { 'idempotency-key': key });
    expect([elsewhere.status, (await errorOf(elsewhere)).code]).toEqual([409, 'CONFLICT']);
  });

  it('never drops a decision under a reused key once the key ledger has forgotten it', async () => {
    const c = await d.file();
    await d.waitForStatus(c, 'acknowledged');
    const headers = { 'idempotency-key': `old-${crypto.randomUUID()}` };
    expect((await d.decide(c, { type: 'note', text: 'First call.' }, 'agent', headers)).status).toBe(200);
    // 30 days later the ledger's sweep has removed the key; the workflow still remembers its update.
    await ctx.sql`DELETE FROM request_keys WHERE idempotency_key = ${headers['idempotency-key']}`;
    expect((await d.decide(c, { type: 'note', text: 'Second call, a month on.' }, 'agent', headers)).status).toBe(200);
    const notes = (await d.events(c)).filter((e) => e.type === 'note').map((e) => e.data.text);
    expect(notes).toEqual(['First call.', 'Second call, a month on.']);
    // And the very same request is still taken once.
    expect((await d.decide(c, { type: 'note', text: 'Second call, a month on.' }, 'agent', headers)).status).toBe(200);
    expect((await d.events(c)).filter((e) => e.type === 'note')).toHaveLength(2);
  });

  it('lets a key whose decision the workflow refused carry a corrected decision', async () => {
    const c = await d.file();
    await d.waitForStatus(c, 'acknowledged');
    const headers = { 'idempotency-key': `fix-${crypto.randomUUID()}` };
    expect((await d.decide(c, PROPOSE_REPAIR, 'agent', headers)).status).toBe(409); // not before classify
    const corrected = await d.decide(c, CLASSIFY, 'agent', headers);
    expect(corrected.status).toBe(200);
  });

  it('answers with the Idempotency-Key it used, made up when none was sent; a retry with it applies once', async () => {
    const c = await d.file();
    await d.waitForStatus(c, 'acknowledged');
    const note = { type: 'note', text: 'Called the customer back.' } as const;
    const first = await d.decide(c, note);
    expect(first.status).toBe(200);
    const key = first.headers.get('idempotency-key');
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    const retry = await d.decide(c, note, 'agent', { 'idempotency-key': key! });
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotency-key')).toBe(key);
    const seqOf = async (res: Response) => ((await res.json()) as { seq: number }).seq;
    expect(await seqOf(retry)).toBe(await seqOf(first));
    expect((await d.events(c)).filter((e) => e.type === 'note')).toHaveLength(1);
  });

  it('documents the Idempotency-Key response header on 200 and 503', async () => {
    const doc = (await (await d.app.request('/openapi.json')).json()) as {
      paths: Record<string, { post: { responses: Record<string, { headers?: Record<string, unknown> }> } }>;
    };
    const responses = doc.paths['/v1/complaints/{reference}/decisions']!.post.responses;
    expect(Object.keys(responses['200']!.headers ?? {})).toContain('Idempotency-Key');
    expect(Object.keys(responses['503']!.headers ?? {})).toContain('Idempotency-Key');
  });

  it('answers 400 naming the field for a NUL in a decision text, without asking the workflow', async () => {
    const res = await d.app.request(`/v1/complaints/${acknowledged.reference}/decisions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer('agent') },
      body: '{"type":"note","text":"Called \\u0000 back"}',
    });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'text' }] });
  });

  it('answers 410 for an answer to a round that was superseded', async () => {
    const c = await d.file();
    await d.waitForStatus(c, 'acknowledged');
    await d.decideOk(c, CLASSIFY);
    await d.decideOk(c, PROPOSE_REPAIR);
    const roundOne = await d.openLink(c, 'resolution');
    await d.answer(c, { type: 'customer_rejected', round: 1, reason: 'No.' }, roundOne!.id);
    await d.decideOk(c, PROPOSE_REFUND);
    await expect(d.answer(c, { type: 'customer_accepted', round: 1 }, roundOne!.id)).rejects.toMatchObject({
      cause: { type: 'GONE' },
    });
    expect((await d.status(c)).state.status).toBe('resolution_proposed');
  });
});
