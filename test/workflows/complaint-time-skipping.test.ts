// Whole-calendar runs on the real TR calendar and the default process, with days passing in
// milliseconds on Temporal's time-skipping test server.
import type { WorkflowHandle } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROCESS_SNAPSHOT } from '../../config/default-process.js';
import { addBusinessDuration } from '../../domain/calendar/index.js';
import { getCalendar } from '../../domain/calendar/registry.js';
import {
  decideUpdate,
  statusQuery,
  type ComplaintIntake,
  type ComplaintSnapshot,
} from '../../workflows/complaint.messages.js';
import { CLASSIFY, PROPOSE_REPAIR } from '../helpers/complaint-driver.js';
import { eventually } from '../helpers/integration.js';
import { anIntake, useTimeSkippingWorld } from '../helpers/time-skipping.js';

const world = useTimeSkippingWorld();


/** Polls the status query (queries do not skip time). */
function untilStatus(handle: WorkflowHandle, status: string): Promise<ComplaintSnapshot> {
  return eventually(async () => {
    const s = await handle.query(statusQuery);
    return s.state.status === status ? s : undefined;
  });
}

const agent = { id: 'agent-ayse', role: 'agent' as const };

describe('a complaint on the Turkish calendar', () => {
  it('reminds after 5 and closes as deemed accepted after 10 working days without an answer', async () => {
    const receivedAt = new Date(await world.env.currentTimeMs()).toISOString();
    const intake = anIntake(receivedAt);
    const handle = await world.env.client.workflow.start('complaintWorkflow', {
      workflowId: intake.complaintId,
      taskQueue: world.ctx.taskQueue,
      args: [{ intake, process: DEFAULT_PROCESS_SNAPSHOT }],
    });
    await untilStatus(handle, 'acknowledged');
    await handle.executeUpdate(decideUpdate, { args: [{ actor: agent, decision: CLASSIFY }] });
    const proposed = await handle.executeUpdate(decideUpdate, { args: [{ actor: agent, decision: PROPOSE_REPAIR }] });
    const proposedAt = new Date(proposed.state.proposals[0]!.proposedAt);
    const tr = getCalendar('TR', { from: proposedAt.getUTCFullYear() - 1, to: proposedAt.getUTCFullYear() + 1 });
    expect(proposed.deadlines.answer?.deadline).toBe(addBusinessDuration(tr, proposedAt, { workingDays: 10 }).deadline.toISOString());

    const result = (await handle.result()) as ComplaintSnapshot; // days pass here
    expect(result.state).toMatchObject({ status: 'closed', closure: 'deemed_accepted' });
    const events = await world.ctx.sql<{ type: string; occurred_at: Date }[]>`
      SELECT type, occurred_at FROM complaint_events WHERE complaint_id = ${intake.complaintId} ORDER BY seq`;
    const at = (type: string) => events.find((e) => e.type === type)!.occurred_at.getTime();
    expect(at('answer_reminder_due')).toBeGreaterThanOrEqual(Date.parse(proposed.deadlines.answer!.reminderAt));
    expect(at('customer_answer_timed_out')).toBeGreaterThanOrEqual(Date.parse(proposed.deadlines.answer!.deadline));
    // Ten working days are at least two calendar weeks.
    expect(at('customer_answer_timed_out') - proposedAt.getTime()).toBeGreaterThanOrEqual(14 * 86_400_000 - 60_000);
  });

  it('escalates an unclassified complaint up the chain, one working-time breach after another', async () => {
    const intake = anIntake(new Date(await world.env.currentTimeMs()).toISOString());
    const handle = await world.env.client.workflow.start('complaintWorkflow', {
      workflowId: intake.complaintId,
      taskQueue: world.ctx.taskQueue,
      args: [{ intake, process: DEFAULT_PROCESS_SNAPSHOT }],
    });
    const start = await untilStatus(handle, 'acknowledged');
    expect(start.deadlines.stage?.id).toBe('initialReview');
    // Let two weeks pass; the initial review (2 working days) breaches and re-arms daily.
    await world.env.sleep('14 days');
    const later = await handle.query(statusQuery);
    expect(later.state.counters.breaches).toBeGreaterThanOrEqual(3);
    expect(later.escalationLevel).toBe('director');
    const breaches = await world.ctx.sql<{ occurred_at: Date }[]>`
      SELECT occurred_at FROM complaint_events WHERE complaint_id = ${intake.complaintId} AND type = 'deadline_breached' ORDER BY seq`;
    expect(breaches[0]!.occurred_at.getTime()).toBeGreaterThanOrEqual(Date.parse(start.deadlines.stage!.deadline));
  });
});
