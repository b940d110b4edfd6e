// A real Temporal reset of a complaint's workflow. One that re-runs what already happened records
// the same transitions (no-ops); one that takes another path meets the old run's transitions in the
// read model and fails loudly instead of leaving staff and customers looking at the old run: the
// run is held at a failing workflow task (a decision through the API was answered from the history).
import { randomUUID } from 'node:crypto';
import proto from '@temporalio/proto';
import { describe, expect, it } from 'vitest';
import { type ComplaintDriver, type FiledComplaint, useComplaintDriver } from '../helpers/complaint-driver.js';
import { eventually, type IntegrationContext } from '../helpers/integration.js';

const { EventType, ResetReapplyExcludeType } = proto.temporal.api.enums.v1;

let ctx: IntegrationContext;
let d: ComplaintDriver;
useComplaintDriver((world) => ({ ctx, d } = world));

/** Filed and acknowledged, with the acknowledgement recorded in the read model. */
async function acknowledged(): Promise<FiledComplaint> {
  const c = await d.file();
  await eventually(async () => {
    const [row] = await ctx.sql<{ status: string }[]>`SELECT status FROM complaints WHERE id = ${c.id}`;
    return row?.status === 'acknowledged' ? true : undefined;
  });
  return c;
}

/** Resets the workflow to the task that accepted its first update, optionally dropping the updates. */
async function resetBeforeFirstUpdate(c: FiledComplaint, dropUpdates: boolean): Promise<void> {
  const handle = ctx.client.workflow.getHandle(c.id);
  const { runId } = await handle.describe();
  const events = (await handle.fetchHistory()).events ?? [];
  const accepted = events.findIndex((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED);
  const taskDone = events.slice(0, accepted).findLast((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
  await ctx.client.workflowService.resetWorkflowExecution({
    namespace: 'default',
    workflowExecution: { workflowId: c.id, runId },
    workflowTaskFinishEventId: taskDone!.eventId,
    requestId: randomUUID(),
    reason: 'test',
    resetReapplyExcludeTypes: dropUpdates ? [ResetReapplyExcludeType.RESET_REAPPLY_EXCLUDE_TYPE_UPDATE] : [],
  });
  await eventually(async () => ((await handle.describe()).runId !== runId ? true : undefined));
}

const note = (c: FiledComplaint, text: string) => d.decide(c, { type: 'note', text }, 'agent', { 'idempotency-key': randomUUID() });

describe('a reset complaint workflow', () => {
  it('goes on when the reset re-runs the same decisions: their transitions are no-ops', async () => {
    const c = await acknowledged();
    expect((await note(c, 'Called the customer.')).status).toBe(200);
    const before = await d.events(c);
    await resetBeforeFirstUpdate(c, false);
    expect((await note(c, 'Called the customer again.')).status).toBe(200);
    const after = await d.events(c);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.at(-1)).toMatchObject({ seq: before.at(-1)!.seq + 1, data: { text: 'Called the customer again.' } });
  });

  it('holds the run at READ_MODEL_DIVERGED, writing nothing, when the reset run takes another path over recorded numbers', async () => {
    const c = await acknowledged();
    expect((await note(c, 'Called the customer.')).status).toBe(200);
    const before = await d.events(c);
    await resetBeforeFirstUpdate(c, true);
    // Answered once in the history (the API's decisions are); its write meets the old run's transition.
    const res = await note(c, 'A note only the reset run has.');
    expect(res.status).toBe(200);
    const handle = ctx.client.workflow.getHandle(c.id);
    const failure = await eventually(async () => {
      const events = (await handle.fetchHistory()).events ?? [];
      return events.find((e) => e.workflowTaskFailedEventAttributes?.failure?.message?.includes('was it reset?'))?.workflowTaskFailedEventAttributes?.failure?.message ?? undefined;
    }, 30_000);
    expect(failure).toContain('is recorded as');
    expect((await handle.describe()).status.name).toBe('RUNNING'); // held, not failed: reset it again once the read model is prepared
    expect(await d.events(c)).toEqual(before);
  });
});
