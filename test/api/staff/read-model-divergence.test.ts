// A workflow whose next sequence number the read model already holds for another transition (what a
// Temporal reset to an earlier point leaves behind): the decision fails loudly instead of vanishing.
// Through the API the decision is answered first, so the loud part is the run's failing workflow task.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTemporalGateway } from '../../../temporal/gateway.js';
import { complaintDriver } from '../../helpers/complaint-driver.js';
import { eventually, integrationContext, type IntegrationContext } from '../../helpers/integration.js';
import { quietProcess } from '../../helpers/process.js';

let ctx: IntegrationContext;
beforeAll(async () => {
  ctx = await integrationContext();
  await ctx.startWorker();
});
afterAll(() => ctx.close());

/** An acknowledged complaint whose next sequence number the read model holds for an old run's note. */
async function divergedComplaint() {
  const d = complaintDriver(ctx, quietProcess());
  const c = await d.file();
  // Recorded, not just reached: the acknowledgement's transition is in the read model.
  const { seq } = await eventually(async () => {
    const [row] = await ctx.sql<{ status: string; last_seq: number }[]>`SELECT status, last_seq FROM complaints WHERE id = ${c.id}`;
    return row?.status === 'acknowledged' ? { seq: row.last_seq } : undefined;
  });
  await ctx.sql`
    INSERT INTO complaint_events (complaint_id, seq, type, actor_id, actor_role, occurred_at, data, transition_hash)
    VALUES (${c.id}, ${seq + 1}, 'note', 'agent-1', 'agent', now(), ${ctx.sql.json({ type: 'note', text: 'Old run' })}, ${'0'.repeat(64)})`;
  return { d, c, seq };
}

describe('a decision whose sequence number the read model holds for another run', () => {
  it('writes nothing of it and holds the run at its failing workflow task, the complaint waiting for an operator', async () => {
    const { d, c, seq } = await divergedComplaint();

    // Through the API a decision is answered once it is in the history: the divergence stops the
    // run at its write, in a workflow task that fails (and is retried) until an operator resets it.
    const res = await d.decide(c, { type: 'note', text: 'A note of the new run.' }, 'agent', { 'idempotency-key': `diverged-${c.id}` });
    expect(res.status).toBe(200);
    const handle = ctx.client.workflow.getHandle(c.id);
    const failure = await eventually(async () => {
      const history = await handle.fetchHistory();
      return history.events?.find((e) => e.workflowTaskFailedEventAttributes)?.workflowTaskFailedEventAttributes?.failure?.message ?? undefined;
    }, 30_000);
    expect(failure).toContain(`transition ${seq + 1}`);
    expect(failure).toContain('was it reset?'); // the divergence's own message, for the operator
    expect((await handle.describe()).status.name).toBe('RUNNING'); // the complaint waits; it has not failed
    const events = await d.events(c);
    expect(events.find((e) => e.seq === seq + 1)?.data).toEqual({ type: 'note', text: 'Old run' });
    expect(JSON.stringify(events)).not.toContain('A note of the new run.');
  });

  it('answers 500 READ_MODEL_DIVERGED to a decision sent to be answered once recorded (the jobs relay, scripts)', async () => {
    const { d, c } = await divergedComplaint();
    const gateway = createTemporalGateway(ctx.client, ctx.taskQueue);
    const decided = gateway.decide(c.id, { actor: { id: 'agent-1', role: 'agent' }, decision: { type: 'note', text: 'A note of the new run.' } }, `diverged-${c.id}`);
    await expect(decided).rejects.toMatchObject({ code: 'READ_MODEL_DIVERGED' });
    expect(JSON.stringify(await d.events(c))).not.toContain('A note of the new run.');
  });
});
