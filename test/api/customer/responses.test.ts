import { describe, expect, it } from 'vitest';
import { customerViewSchema } from '../../../api/customer/view.js';
import { errorBodySchema } from '../../../api/http/errors.js';
import {
  anInfoRequestSnapshot,
  aProposedSnapshot,
  seedComplaint,
  seedLink,
  tampered,
  useCustomerApp,
  type CustomerTestEnv,
} from '../../helpers/customer-fixtures.js';

let ctx: CustomerTestEnv['ctx'];
let app: CustomerTestEnv['app'];
let flow: CustomerTestEnv['flow'];
useCustomerApp((env) => ({ ctx, app, flow } = env));

const answer = (token: string, body: unknown) =>
  app.request(`/v1/responses/${token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const { error } = errorBodySchema.parse(await res.json());
  expect(error.code).toBe(code);
  return error;
}

const pathsOf = (details: unknown) => (details as Array<{ path: string }>).map((d) => d.path).sort();

describe('POST /v1/responses/{token}: the link', () => {
  it('answers 404 for a token whose claims were changed, and for one that is not a token at all', async () => {
    const c = await seedComplaint(ctx.sql, aProposedSnapshot(1));
    const { token } = await seedLink(ctx.sql, c.id);
    await expectError(await answer(tampered(token), { decision: 'accept' }), 404, 'NOT_FOUND');
    await expectError(await answer('v1.bm90LWEtdG9rZW4.bm90LWEtbWFj', { decision: 'accept' }), 404, 'NOT_FOUND');
  });

  it('answers 410 for an expired token', async () => {
    const c = await seedComplaint(ctx.sql, aProposedSnapshot(1));
    const { token } = await seedLink(ctx.sql, c.id, { expiresInSeconds: -60 });
    await expectError(await answer(token, { decision: 'accept' }), 410, 'GONE');
  });

  it('answers 410 for an authentic token whose link was revoked, or never stored', async () => {
    const c = await seedComplaint(ctx.sql, aProposedSnapshot(1));
    await expectError(await answer((await seedLink(ctx.sql, c.id, { revoked: true })).token, { decision: 'accept' }), 410, 'GONE');
    await expectError(await answer((await seedLink(ctx.sql, c.id, { withoutRow: true })).token, { decision: 'accept' }), 410, 'GONE');
  });

  it('answers 422 naming the field when the body is another link\'s shape, 400 when it is none of the shapes', async () => {
    const proposed = await seedComplaint(ctx.sql, aProposedSnapshot(1));
    const resolution = (await seedLink(ctx.sql, proposed.id)).token;
    const asked = await seedComplaint(ctx.sql, anInfoRequestSnapshot());
    const info = (await seedLink(ctx.sql, asked.id, { purpose: 'info_request', requestId: 'info-1' })).token;

    const text = await expectError(await answer(resolution, { text: 'Here is my answer' }), 422, 'UNPROCESSABLE');
    expect(pathsOf(text.details)).toEqual(['decision', 'text']);
    const noReason = await expectError(await answer(resolution, { decision: 'reject' }), 400, 'VALIDATION_FAILED');
    expect(pathsOf(noReason.details)).toEqual(['reason']);
    const decision = await expectError(await answer(info, { decision: 'accept' }), 422, 'UNPROCESSABLE');
    expect(pathsOf(decision.details)).toEqual(['decision', 'text']);
    const unknown = await expectError(await answer(info, { text: 'WM-8000', round: 2 }), 400, 'VALIDATION_FAILED');
    expect(pathsOf(unknown.details)).toEqual(['(body)']);
  });
});

describe('POST /v1/responses/{token}: the answer', () => {
  it('closes the complaint as accepted when the customer accepts', async () => {
    const { complaint, token } = await flow.proposed();
    const res = await answer(token, { decision: 'accept' });
    expect(res.status).toBe(200);
    const view = customerViewSchema.parse(await res.json());
    expect(view).toMatchObject({ status: 'closed', closure: 'accepted', label: 'Kapatıldı', proposal: { round: 1, answer: { outcome: 'accepted' } } });
    const [row] = await ctx.sql`SELECT status, closure FROM complaints WHERE id = ${complaint.id}`;
    expect(row).toEqual({ status: 'closed', closure: 'accepted' });
  });

  it('reinvestigates after a round-1 rejection, and the same link then answers 410', async () => {
    const { complaint, token } = await flow.proposed();
    const res = await answer(token, { decision: 'reject', reason: 'I need the machine repaired this week, not next month.' });
    expect(res.status).toBe(200);
    expect(customerViewSchema.parse(await res.json())).toMatchObject({ status: 'reinvestigating', proposal: { answer: { outcome: 'rejected' } } });
    await expectError(await answer(token, { decision: 'reject', reason: 'Again' }), 410, 'GONE');
    await expectError(await answer(token, { decision: 'accept' }), 410, 'GONE');
    expect((await flow.status(complaint)).state.proposals[0]!.answer).toMatchObject({ outcome: 'rejected' });
  });

  it("refuses a superseded round's link (410) and opens external remedies after a round-2 rejection", async () => {
    const { complaint, token: round1 } = await flow.proposed();
    expect((await answer(round1, { decision: 'reject', reason: 'Not enough.' })).status).toBe(200);
    const round2 = await flow.propose(complaint, 2);
    expect(round2).not.toBe(round1);
    await expectError(await answer(round1, { decision: 'accept' }), 410, 'GONE');
    const res = await answer(round2, { decision: 'reject', reason: 'Still not enough.' });
    expect(res.status).toBe(200);
    expect(customerViewSchema.parse(await res.json())).toMatchObject({ status: 'open_external', label: 'Açık', closure: null });
  });

  it("answers 410 for a link left open after its round was answered: the read model shows the round closed", async () => {
    const { complaint, token } = await flow.proposed();
    expect((await answer(token, { decision: 'reject', reason: 'Not enough.' })).status).toBe(200);
    await ctx.sql`UPDATE response_links SET revoked_at = NULL, used_at = NULL WHERE complaint_id = ${complaint.id}`;
    await expectError(await answer(token, { decision: 'accept' }), 410, 'GONE');
  });

  it('answers 410 from the workflow itself when the read model still shows an answered round open, and keeps the refusal', async () => {
    const { complaint, token } = await flow.proposed();
    const [before] = await ctx.sql<{ status: string; lifecycle: unknown }[]>`SELECT status, lifecycle FROM complaints WHERE id = ${complaint.id}`;
    expect((await answer(token, { decision: 'reject', reason: 'Not enough.' })).status).toBe(200);
    // A read model behind the workflow: the row, the link and the answer ledger as before the answer.
    await ctx.sql`UPDATE complaints SET status = ${before!.status}, lifecycle = ${ctx.sql.json(before!.lifecycle as never)} WHERE id = ${complaint.id}`;
    await ctx.sql`UPDATE response_links SET revoked_at = NULL, used_at = NULL WHERE complaint_id = ${complaint.id}`;
    await ctx.sql`DELETE FROM customer_answers WHERE complaint_id = ${complaint.id}`;
    const error = await expectError(await answer(token, { decision: 'accept' }), 410, 'GONE');
    expect(error.message).toContain('round 1');
    const [kept] = await ctx.sql<{ status: string; refusal: { code: string } }[]>`SELECT status, refusal FROM customer_answers WHERE complaint_id = ${complaint.id}`;
    expect(kept).toMatchObject({ status: 'refused', refusal: { code: 'GONE' } });
  });

  it('takes a double submit once: both get the first result or 410, and one answer is recorded', async () => {
    const { complaint, token } = await flow.proposed();
    const both = await Promise.all([answer(token, { decision: 'accept' }), answer(token, { decision: 'accept' })]);
    expect(both.map((r) => r.status).sort()).toSatisfy((s: number[]) => s[0] === 200 && [200, 410].includes(s[1]!));
    const answers = await ctx.sql`SELECT seq FROM complaint_events WHERE complaint_id = ${complaint.id} AND type = 'customer_accepted'`;
    expect(answers).toHaveLength(1);
  });

  it('never drops a different second answer: of two rejections with different reasons, one is taken and the other refused', async () => {
    const { complaint, token } = await flow.proposed();
    const reasons = ['I need it repaired this week.', 'A refund would suit me better.'];
    const both = await Promise.all(reasons.map((reason) => answer(token, { decision: 'reject', reason })));
    const statuses = both.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200 || s === 409 || s === 410)).toHaveLength(2);
    const taken = reasons[statuses.indexOf(200)];
    // The reason is personal data: the workflow holds it sealed to the complaint, and opens to the text.
    const recorded = (await flow.status(complaint)).state.proposals[0]!.answer;
    expect(recorded).toMatchObject({ outcome: 'rejected', reason: expect.stringMatching(new RegExp(`^pd1\\.${complaint.id}\\.`)) });
    expect(await ctx.activityDeps.dataKeys.openDeep(recorded)).toMatchObject({ outcome: 'rejected', reason: taken });
  });

  it('answers 400 naming the field for a NUL or a lone surrogate in an answer', async () => {
    const asked = await seedComplaint(ctx.sql, anInfoRequestSnapshot());
    const info = (await seedLink(ctx.sql, asked.id, { purpose: 'info_request', requestId: 'info-1' })).token;
    for (const text of ['WM-8000\\u0000', 'WM-8000 \\udc00']) {
      const res = await app.request(`/v1/responses/${info}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"text":"${text}"}`,
      });
      const error = await expectError(res, 400, 'VALIDATION_FAILED');
      expect(pathsOf(error.details)).toEqual(['text']);
    }
  });

  it("resumes the complaint with the customer's answer to our question", async () => {
    const complaint = await flow.investigating();
    await flow.decide(complaint, { type: 'request_info', question: 'Which model number is on the label?' });
    await flow.waitForRow(complaint, 'awaiting_customer');
    const token = await flow.sentLink(complaint, 'info_requested');
    const res = await answer(token, { text: 'The label says WM-8000, serial 12345.' });
    expect(res.status).toBe(200);
    const view = customerViewSchema.parse(await res.json());
    expect(view).toMatchObject({ status: 'investigating', pendingQuestion: null });
    expect(view.aimToAnswerBy).not.toBeNull();
    expect((await flow.status(complaint)).deadlines.stage).toMatchObject({ id: 'investigation', paused: false });
    await expectError(await answer(token, { text: 'Once more' }), 410, 'GONE');
  });
});
