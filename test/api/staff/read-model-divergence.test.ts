// A workflow whose next sequence number the read model already holds for another transition (what a
// Temporal reset to an earlier point leaves behind): the decision fails loudly instead of vanishing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../../api/http/errors.js';
import { complaintDriver } from '../../helpers/complaint-driver.js';
import { eventually, integrationContext, type IntegrationContext } from '../../helpers/integration.js';
import { quietProcess } from '../../helpers/process.js';

let ctx: IntegrationContext;
beforeAll(async () => {
  ctx = await integrationContext();
  await ctx.startWorker();
});
afterAll(() => ctx.close());

describe('a decision whose sequence number the read model holds for another run', () => {
  it('answers 500 READ_MODEL_DIVERGED and writes nothing of it', async () => {
    const d = complaintDriver(ctx, quietProcess());
    const c = await d.file();
    // Recorded, not just reached: the acknowledgement's transition is in the read model.
    const { seq } = await eventually(async () => {
      const [row] = await ctx.sql<{ status: string; last_seq: number }[]>`SELECT status, last_seq FROM complaints WHERE id = ${c.id}`;
      return row?.status === 'acknowledged' ? { seq: row.last_seq } : undefined;
    });
    // The old run's note under the number the workflow will use next.
    await ctx.sql`
      INSERT INTO complaint_events (complaint_id, seq, type, actor_id, actor_role, occurred_at, data, transition_hash)
      VALUES (${c.id}, ${seq + 1}, 'note', 'agent-1', 'agent', now(), ${ctx.sql.json({ type: 'note', text: 'Old run' })}, ${'0'.repeat(64)})`;

    const res = await d.decide(c, { type: 'note', text: 'A note of the new run.' }, 'agent', { 'idempotency-key': `diverged-${c.id}` });
    expect(res.status).toBe(500);
    expect(errorBodySchema.parse(await res.json()).error.code).toBe('READ_MODEL_DIVERGED');
    const events = await d.events(c);
    expect(events.find((e) => e.seq === seq + 1)?.data).toEqual({ type: 'note', text: 'Old run' });
    expect(JSON.stringify(events)).not.toContain('A note of the new run.');
  });
});
