// A customer's answer while no worker runs (a deploy, an outage): received and kept, told so on
// the page, delivered once when a worker is back, never twice however often it is sent or relayed.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerViewSchema } from '../../../api/customer/view.js';
import { relayCustomerAnswers } from '../../../jobs/customer-answer-relay.js';
import { createTemporalGateway } from '../../../temporal/gateway.js';
import { sealingGateway } from '../../../temporal/sealing-gateway.js';
import { translate } from '../../../texts/translate.js';
import { customerFlow } from '../../helpers/customer-fixtures.js';
import { eventually, integrationContext, type IntegrationContext } from '../../helpers/integration.js';
import { quietProcess, seconds } from '../../helpers/process.js';

let ctx: IntegrationContext;
let app: ReturnType<IntegrationContext['app']>;
let flow: ReturnType<typeof customerFlow>;
let worker: Awaited<ReturnType<IntegrationContext['startWorker']>>;

beforeAll(async () => {
  ctx = await integrationContext();
  worker = await ctx.startWorker();
  app = ctx.app();
  flow = customerFlow(ctx, app);
});
afterAll(() => ctx?.close());

const answer = (token: string, body: unknown) =>
  app.request(`/v1/responses/${token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const relay = () =>
  relayCustomerAnswers(
    { sql: ctx.sql, temporal: sealingGateway(createTemporalGateway(ctx.client, ctx.taskQueue), ctx.activityDeps.dataKeys), dataKeys: ctx.activityDeps.dataKeys, log: pino({ level: 'silent' }) },
    { pollMs: 100, leaseMs: 30_000, waitMs: 1_000 },
  );

describe('a customer answer while no worker runs', () => {
  it('is received (202, and the page says so), kept once, refused if it differs, and delivered once when a worker is back', async () => {
    const { complaint, token } = await flow.proposed();
    const other = await flow.proposed();
    await worker.worker.shutdown();
    await worker.running;

    const started = Date.now();
    const first = await answer(token, { decision: 'accept' });
    expect(first.status).toBe(202);
    expect(Date.now() - started).toBeLessThan(8_000); // the customer waits seconds, not the update deadline
    expect(customerViewSchema.parse(await first.json()).status).toBe('resolution_proposed');
    expect((await answer(token, { decision: 'accept' })).status).toBe(202); // a double click: the same answer
    const differing = await answer(token, { decision: 'reject', reason: 'On second thought, no.' });
    expect(differing.status).toBe(409);

    const page = await app.request(`/r/${other.token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'decision=accept',
    });
    expect(page.status).toBe(202);
    expect(await page.text()).toContain(translate('tr', 'page.answer.received'));

    const kept = await ctx.sql<{ status: string }[]>`SELECT status FROM customer_answers WHERE complaint_id IN (${complaint.id}, ${other.complaint.id})`;
    expect(kept.map((r) => r.status)).toEqual(['pending', 'pending']);
    expect((await relay()).delivered).toBe(0); // still no worker: it waits

    worker = await ctx.startWorker();
    await eventually(async () => {
      await ctx.sql`UPDATE customer_answers SET next_attempt_at = now() WHERE status = 'pending'`;
      await relay();
      const [row] = await ctx.sql<{ pending: number }[]>`
        SELECT count(*)::int AS pending FROM customer_answers WHERE status = 'pending' AND complaint_id IN (${complaint.id}, ${other.complaint.id})`;
      return row!.pending === 0 || undefined;
    });
    for (const c of [complaint, other.complaint]) {
      const events = await ctx.sql`SELECT seq FROM complaint_events WHERE complaint_id = ${c.id} AND type = 'customer_accepted'`;
      expect(events).toHaveLength(1);
      expect((await flow.status(c)).state.proposals[0]!.answer).toMatchObject({ outcome: 'accepted' });
    }
    expect((await answer(token, { decision: 'accept' })).status).toBe(410); // answered: the link is used
    // A relay that runs again, or a lease that ran out mid-delivery, sends nothing twice.
    await ctx.sql`UPDATE customer_answers SET status = 'pending', next_attempt_at = now() WHERE complaint_id = ${complaint.id}`;
    expect((await relay()).delivered).toBe(1);
    const events = await ctx.sql`SELECT seq FROM complaint_events WHERE complaint_id = ${complaint.id} AND type = 'customer_accepted'`;
    expect(events).toHaveLength(1);
  });

  it('counts an answer received before its deadline, though workers came back only after it (not deemed accepted)', async () => {
    const ANSWER_WINDOW_MS = 8_000;
    const shortApp = ctx.app({ process: quietProcess((def) => (def.acceptance.answerDeadline = seconds(ANSWER_WINDOW_MS / 1000))) });
    const short = customerFlow(ctx, shortApp);
    const complaint = await short.investigating();
    const token = await short.propose(complaint, 1);
    const proposedAt = Date.now();
    await worker.worker.shutdown();
    await worker.running;

    const rejected = await shortApp.request(`/v1/responses/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ decision: 'reject', reason: 'A repair does not help me.' }),
    });
    expect(rejected.status).toBe(202);
    expect(Date.now() - proposedAt).toBeLessThan(ANSWER_WINDOW_MS); // received in time
    await new Promise((r) => setTimeout(r, ANSWER_WINDOW_MS - (Date.now() - proposedAt) + 1_000));

    worker = await ctx.startWorker(); // the deadline has passed: its timer fires first, no relay ran yet
    await short.waitForRow(complaint, 'reinvestigating');
    const types = (await ctx.sql<{ type: string }[]>`SELECT type FROM complaint_events WHERE complaint_id = ${complaint.id} ORDER BY seq`).map((e) => e.type);
    expect(types).toContain('customer_rejected');
    expect(types).not.toContain('customer_answer_timed_out');
    expect(types.filter((t) => t === 'customer_rejected')).toHaveLength(1);

    // The relay's delivery afterwards is the same update again: taken once, settled as delivered.
    await ctx.sql`UPDATE customer_answers SET next_attempt_at = now() WHERE complaint_id = ${complaint.id}`;
    const relayed = await relay();
    expect(relayed.delivered).toBe(1);
    const [row] = await ctx.sql<{ status: string }[]>`SELECT status FROM customer_answers WHERE complaint_id = ${complaint.id}`;
    expect(row!.status).toBe('delivered');
    const after = await ctx.sql`SELECT seq FROM complaint_events WHERE complaint_id = ${complaint.id} AND type = 'customer_rejected'`;
    expect(after).toHaveLength(1);
    expect((await short.status(complaint)).state.status).toBe('reinvestigating');
  });
});
