// What the read-model activity writes to the outbox: texts rendered at the transition's own time,
// and nothing for a template we no longer send.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities/index.js';
import type { TransitionRecord } from '../../read-model/record-transition.js';
import { aSnapshot, seedComplaint } from '../helpers/customer-fixtures.js';
import { integrationContext, type IntegrationContext } from '../helpers/integration.js';

let ctx: IntegrationContext;
beforeAll(async () => {
  ctx = await integrationContext();
});
afterAll(() => ctx.close());

async function record(messages: TransitionRecord['messages'], at: string) {
  const { id } = await seedComplaint(ctx.sql);
  await createActivities(ctx.activityDeps).recordTransition({
    complaintId: id,
    seq: 2,
    at,
    event: { type: 'progress_update_due', actorId: 'system', actorRole: 'system', data: { marker: randomUUID() } },
    status: { ...aSnapshot(), complaintId: id },
    messages,
    links: [],
    revokeLinks: false,
  });
  const rows = await ctx.sql<{ template: string; body: string }[]>`
    SELECT template, body FROM outbox_messages WHERE complaint_id = ${id} ORDER BY ordinal`;
  // Rendered bodies are sealed with the complaint's data key at rest.
  for (const row of rows) expect(row.body).toMatch(/^pd1\./);
  return ctx.activityDeps.dataKeys.openDeep([...rows]);
}

describe('recordTransition messages', () => {
  it('dates a progress update by the transition, not by when the activity happens to run', async () => {
    const params = { status: 'investigating', dueAt: '2026-03-06T15:00:00.000Z', nextUpdateAt: '2026-03-13T07:00:00.000Z' };
    const [before] = await record([{ audience: 'customer', template: 'progress_update', params }], '2026-03-05T09:00:00.000Z');
    expect(before!.body).toContain('Bu aşamayı en geç 6 Mart 2026 18:00 tarihine kadar tamamlamayı planlıyoruz.');
    const [after] = await record([{ audience: 'customer', template: 'progress_update', params }], '2026-03-09T09:00:00.000Z');
    expect(after!.body).toContain('planladığımızdan daha geç kaldık');
    expect(after!.body).toContain('13 Mart 2026 10:00');
  });

  it('drops a satisfaction survey that older workflow code still asked for, and writes the rest', async () => {
    const retired = { audience: 'customer', template: 'satisfaction_survey', params: { closure: 'accepted' } } as unknown as TransitionRecord['messages'][number];
    const rows = await record([retired, { audience: 'customer', template: 'complaint_closed', params: { closure: 'accepted' } }], '2026-03-05T09:00:00.000Z');
    expect(rows.map((r) => r.template)).toEqual(['complaint_closed']);
  });
});
