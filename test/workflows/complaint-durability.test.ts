// What must survive: a worker killed mid-flow, a long history, and curious eyes on the history.
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CLASSIFY, complaintDriver } from '../helpers/complaint-driver.js';
import { aComplaint } from '../helpers/fixtures.js';
import { eventually, integrationContext, type IntegrationContext } from '../helpers/integration.js';
import { quietProcess, seconds } from '../helpers/process.js';
import { anIntake } from '../helpers/time-skipping.js';

let ctx: IntegrationContext;
beforeAll(async () => {
  ctx = await integrationContext();
});
afterAll(() => ctx.close());

describe('durability', () => {
  it('loses and duplicates nothing when the worker stops mid-flow and another starts later', async () => {
    const first = await ctx.startWorker();
    const d = complaintDriver(
      ctx,
      quietProcess((def) => {
        def.stages.investigation.deadline = seconds(1);
        def.stages.conclusion.deadline = seconds(1);
        def.stages.investigation.escalation.onBreach = [{ notify: ['teamLead'], escalate: true }];
      }),
    );
    const c = await d.file();
    await d.waitForStatus(c, 'acknowledged');
    await d.decideOk(c, CLASSIFY);
    first.worker.shutdown();
    await first.running;

    // While no worker runs, the investigation deadline passes and the complaint is filed anyway.
    const whileDown = await d.file();
    await new Promise((r) => setTimeout(r, 2500));
    const [{ breaches }] = (await ctx.sql`SELECT count(*)::int AS breaches FROM complaint_events WHERE complaint_id = ${c.id} AND type = 'deadline_breached'`) as unknown as [{ breaches: number }];
    expect(breaches).toBe(0);

    await ctx.startWorker();
    await d.waitForStatus(whileDown, 'acknowledged');
    const breached = await eventually(async () => {
      const s = await d.status(c);
      return s.state.counters.breaches === 1 ? s : undefined;
    });
    expect(breached.escalationLevel).toBe('teamLead');
    await new Promise((r) => setTimeout(r, 500));
    const events = await d.events(c);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
    expect(events.filter((e) => e.type === 'deadline_breached')).toHaveLength(1);
    const messages = await d.messages(c);
    expect(messages.filter((m) => m.template === 'deadline_breached')).toHaveLength(1);
    expect(messages.filter((m) => m.template === 'acknowledgement')).toHaveLength(1);
  });

  it('continues as new past its history limit, keeping state, deadlines and timeline', async () => {
    await ctx.startWorker();
    const d = complaintDriver(ctx, quietProcess());
    // Started directly, as intake would, but with a history limit a long-lived complaint reaches.
    const intake = anIntake();
    await ctx.client.workflow.start('complaintWorkflow', {
      workflowId: intake.complaintId,
      taskQueue: ctx.taskQueue,
      args: [{ intake, process: quietProcess(), historyLimit: 40 }],
    });
    const c = { id: intake.complaintId, reference: intake.reference, pin: '' };
    const before = await d.waitForStatus(c, 'acknowledged');
    const handle = ctx.client.workflow.getHandle(c.id);
    const firstRun = (await handle.describe()).runId;
    const retried = { 'idempotency-key': `note-before-continue-${c.id}` };
    expect((await d.decide(c, { type: 'note', text: 'Called the customer, attempt 1.' }, 'agent', retried)).status).toBe(200);
    for (let i = 1; i < 6; i++) await d.decideOk(c, { type: 'note', text: `Called the customer, attempt ${i + 1}.` });
    await eventually(async () => ((await handle.describe()).runId !== firstRun ? true : undefined));
    // The client's retry of the first note, after the run continued as new, is not applied again.
    expect((await d.decide(c, { type: 'note', text: 'Called the customer, attempt 1.' }, 'agent', retried)).status).toBe(200);
    const carried = await d.status(c);
    expect(carried.state.counters.notes).toBe(6);
    expect(carried.deadlines.stage).toEqual(before.deadlines.stage);
    await d.decideOk(c, CLASSIFY);
    expect((await d.status(c)).state.status).toBe('investigating');
    const events = await d.events(c);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1)); // seq 0 is the API's; this one skipped the API
    expect(events.filter((e) => e.type === 'note')).toHaveLength(6);
  });

  it("keeps the customer's personal data out of readable workflow history", async () => {
    await ctx.startWorker();
    const d = complaintDriver(ctx, quietProcess());
    const c = await d.file({ customer: { ...aComplaint().customer, postalAddress: 'Bağdat Caddesi No 12\n34710 Kadıköy' } });
    await d.waitForStatus(c, 'acknowledged');
    // A client without the codec sees what the Temporal server and its UI store.
    const connection = await Connection.connect({ address: inject('temporalAddress') });
    try {
      const raw = new Client({ connection });
      const history = await raw.workflow.getHandle(c.id).fetchHistory();
      const text = rawText(history);
      for (const secret of ['Ayşe', 'Yılmaz', 'ayse@example.com', '532 000', 'Bağdat', 'sızdırıyor', c.pin]) expect(text).not.toContain(secret);
      const start = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
      expect(Buffer.from(start?.metadata?.encoding ?? []).toString()).toBe('binary/encrypted');
      await expect(raw.workflow.getHandle(c.id).query('status')).rejects.toThrow();
    } finally {
      await connection.close();
    }
  });
});


/** Every byte string in a history as text, as a reader of the server's database would see it. */
function rawText(history: unknown): string {
  const chunks: string[] = [JSON.stringify(history)];
  JSON.stringify(history, (_key, value: unknown) => {
    if (value instanceof Uint8Array) chunks.push(Buffer.from(value).toString('utf8'));
    return value;
  });
  return chunks.join('\n');
}
