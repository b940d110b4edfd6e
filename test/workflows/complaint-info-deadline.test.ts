// An information request the customer never answers, on the real TR calendar with days passing in
// milliseconds on Temporal's time-skipping test server: a reminder at half time, a staff alert at
// the deadline, then the complaint resumes or closes as `no_response`, as the definition says.
import type { WorkflowHandle } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { encryptingDataConverter } from '../../security/payload-codec.js';
import { describe, expect, inject, it } from 'vitest';
import { DEFAULT_PROCESS_SNAPSHOT } from '../../config/default-process.js';
import { addBusinessDuration, businessMinutesBetween } from '../../domain/calendar/index.js';
import { getCalendar } from '../../domain/calendar/registry.js';
import type { ProcessDefinitionSnapshot } from '../../domain/process-definition.js';
import { decideUpdate, statusQuery, type ComplaintIntake, type ComplaintSnapshot } from '../../workflows/complaint.messages.js';
import { CLASSIFY } from '../helpers/complaint-driver.js';
import { eventually } from '../helpers/integration.js';
import { anIntake, useTimeSkippingWorld } from '../helpers/time-skipping.js';

const world = useTimeSkippingWorld();

const agent = { id: 'agent-ayse', role: 'agent' as const };
const closeOnSilence: ProcessDefinitionSnapshot = {
  versionId: 'close-on-silence@1',
  definition: {
    ...DEFAULT_PROCESS_SNAPSHOT.definition,
    infoRequest: { ...DEFAULT_PROCESS_SNAPSHOT.definition.infoRequest!, onNoAnswer: 'close_no_response' },
  },
};

/** Files a complaint, classifies it and asks the customer a question; answers the status then. */
async function askAndWait(process: ProcessDefinitionSnapshot, historyLimit?: number): Promise<{ handle: WorkflowHandle; intake: ComplaintIntake; asked: ComplaintSnapshot }> {
  const intake = anIntake(new Date(await world.env.currentTimeMs()).toISOString());
  const handle = await world.env.client.workflow.start('complaintWorkflow', {
    workflowId: intake.complaintId,
    taskQueue: world.ctx.taskQueue,
    args: [{ intake, process, ...(historyLimit ? { historyLimit } : {}) }],
  });
  await eventually(async () => ((await handle.query(statusQuery)).state.status === 'acknowledged' ? true : undefined));
  await handle.executeUpdate(decideUpdate, { args: [{ actor: agent, decision: CLASSIFY }] });
  const asked = await handle.executeUpdate(decideUpdate, {
    args: [{ actor: agent, decision: { type: 'request_info', question: 'Which programme was running?' } }],
  });
  return { handle, intake, asked };
}

async function timeline(complaintId: string) {
  return world.ctx.sql<{ type: string; occurred_at: Date }[]>`
    SELECT type, occurred_at FROM complaint_events WHERE complaint_id = ${complaintId} ORDER BY seq`;
}
async function outbox(complaintId: string) {
  return world.ctx.sql<{ audience: string; template: string }[]>`
    SELECT audience, template FROM outbox_messages WHERE complaint_id = ${complaintId} ORDER BY seq, ordinal`;
}

describe('an information request nobody answers, on the Turkish calendar', () => {
  it('reminds at half time, alerts staff at 10 working days, then resumes the stage clock', async () => {
    const { handle, intake, asked } = await askAndWait(DEFAULT_PROCESS_SNAPSHOT);
    const askedAt = new Date(asked.state.pendingInfoRequest!.askedAt);
    const tr = getCalendar('TR', { from: askedAt.getUTCFullYear() - 1, to: askedAt.getUTCFullYear() + 1 });
    const info = asked.deadlines.info!;
    expect(info.deadline).toBe(addBusinessDuration(tr, askedAt, { workingDays: 10 }).deadline.toISOString());
    // Half the working time: a reminder at 18:00 and one at 09:00 the next working day are the same
    // business instant, so compare working minutes (which one the clock names depends on the hour asked).
    const halfTime = addBusinessDuration(tr, askedAt, { workingDays: 5 }).deadline;
    expect(businessMinutesBetween(tr, askedAt, new Date(info.reminderAt))).toBe(businessMinutesBetween(tr, askedAt, halfTime));

    await world.env.sleep(Date.parse(info.deadline) - (await world.env.currentTimeMs()) + 60_000); // days pass here
    const resumed = await eventually(async () => {
      const s = await handle.query(statusQuery);
      return s.state.status === 'investigating' ? s : undefined;
    });
    expect(resumed.state.pendingInfoRequest).toBeNull();
    expect(resumed.deadlines).toMatchObject({ info: null, stage: { id: 'investigation', paused: false } });
    // The paused weeks do not count: the investigation is due after the deadline of the question.
    expect(Date.parse(resumed.deadlines.stage!.deadline)).toBeGreaterThan(Date.parse(info.deadline));

    const events = await timeline(intake.complaintId);
    const at = (type: string) => events.find((e) => e.type === type)!.occurred_at.getTime();
    expect(at('info_reminder_due')).toBeGreaterThanOrEqual(Date.parse(info.reminderAt));
    expect(at('info_reminder_due')).toBeLessThan(Date.parse(info.deadline));
    expect(at('info_answer_timed_out')).toBeGreaterThanOrEqual(Date.parse(info.deadline));
    const sent = (await outbox(intake.complaintId)).map((m) => `${m.audience}:${m.template}`);
    expect(sent).toEqual(expect.arrayContaining(['customer:info_reminder', 'staff:info_request_timed_out', 'customer:info_request_lapsed']));
    expect(sent.indexOf('customer:info_reminder')).toBeLessThan(sent.indexOf('staff:info_request_timed_out'));
    const [link] = await world.ctx.sql<{ revoked_at: Date | null }[]>`
      SELECT revoked_at FROM response_links WHERE complaint_id = ${intake.complaintId} AND purpose = 'info_request'`;
    expect(link!.revoked_at).not.toBeNull();
  });

  it('closes as no_response when the definition says so', async () => {
    const { handle, intake, asked } = await askAndWait(closeOnSilence);
    const result = (await handle.result()) as ComplaintSnapshot; // days pass here
    expect(result.state).toMatchObject({ status: 'closed', closure: 'no_response' });
    const events = await timeline(intake.complaintId);
    expect(events.map((e) => e.type).slice(-2)).toEqual(['info_reminder_due', 'info_answer_timed_out']);
    expect(events.at(-1)!.occurred_at.getTime()).toBeGreaterThanOrEqual(Date.parse(asked.deadlines.info!.deadline));
    const sent = (await outbox(intake.complaintId)).map((m) => `${m.audience}:${m.template}`);
    expect(sent.slice(-3)).toEqual(['customer:info_reminder', 'staff:info_request_timed_out', 'customer:complaint_closed']);
    const [row] = await world.ctx.sql<{ status: string; closure: string; answer_due_at: Date | null }[]>`
      SELECT status, closure, answer_due_at FROM complaints WHERE id = ${intake.complaintId}`;
    expect(row).toEqual({ status: 'closed', closure: 'no_response', answer_due_at: null });
    // The new timer sits behind `patched('info-request-deadline')`: its own history replays.
    const history = await handle.fetchHistory();
    const patchIds = history.events!.flatMap((e) => {
      const [payload] = e.markerRecordedEventAttributes?.details?.['patch-data']?.payloads ?? [];
      return payload?.data ? [(JSON.parse(Buffer.from(payload.data).toString()) as { id: string }).id] : [];
    });
    expect(patchIds).toContain('info-request-deadline');
    await Worker.runReplayHistory(
      { workflowBundle: { code: inject('workflowBundleCode') }, dataConverter: encryptingDataConverter(world.ctx.encryptionKeys) },
      history,
      intake.complaintId,
    );
  });

  it('keeps the reminder and deadline of the question through continue-as-new', async () => {
    // Room for filing and asking in one run (the events they take vary with timing); notes then fill it.
    const { handle, intake, asked } = await askAndWait(closeOnSilence, 80);
    const firstRun = (await handle.describe()).runId;
    for (let i = 1; i <= 12 && (await handle.describe()).runId === firstRun; i++) {
      await handle.executeUpdate(decideUpdate, { args: [{ actor: agent, decision: { type: 'note', text: `Called, attempt ${i}.` } }] });
    }
    await eventually(async () => ((await handle.describe()).runId !== firstRun ? true : undefined));
    expect((await handle.query(statusQuery)).deadlines.info).toEqual(asked.deadlines.info);
    const result = (await world.env.client.workflow.getHandle(intake.complaintId).result()) as ComplaintSnapshot; // days pass here
    expect(result.state.closure).toBe('no_response');
    expect((await timeline(intake.complaintId)).map((e) => e.type).slice(-2)).toEqual(['info_reminder_due', 'info_answer_timed_out']);
  });
});
