// A running complaint takes a process migration through its `migrateProcess` update: it adopts the
// new version, re-arms its stage clock by the plan's rule (never bringing a told deadline sooner),
// re-arms its escalation chain, records `process_migrated`, and keeps the version through
// continue-as-new. One plan moves a complaint once.
import { describe, expect, it } from 'vitest';
import type { ProcessDefinition } from '../../domain/process-definition.js';
import { toDomainError } from '../../temporal/gateway.js';
import { CLASSIFY, complaintDriver, useComplaintDriver, type ComplaintDriver, type FiledComplaint } from '../helpers/complaint-driver.js';
import { eventually, type IntegrationContext } from '../helpers/integration.js';
import { hoursOf, migrationTo, processVersion } from '../helpers/migration.js';
import { seconds } from '../helpers/process.js';
import { anIntake } from '../helpers/time-skipping.js';

let ctx: IntegrationContext;
useComplaintDriver((world) => (ctx = world.ctx));

const V1 = processVersion(1);
/** Investigation 5 h + conclusion 1 h, instead of 1 h + 1 h. */
const LONGER = processVersion(2, (d) => (d.stages.investigation.deadline = hoursOf(5)));
/** Investigation 0.5 h + conclusion 1 h. */
const SHORTER = processVersion(2, (d) => (d.stages.investigation.deadline = hoursOf(0.5)));
const HOUR_MS = 3_600_000;

async function investigating(d: ComplaintDriver): Promise<FiledComplaint> {
  const c = await d.file();
  await d.waitForStatus(c, 'acknowledged');
  await d.decideOk(c, CLASSIFY);
  return c;
}

const refusalOf = async (p: Promise<unknown>) => {
  const err = toDomainError(await p.then(() => undefined, (e: unknown) => e));
  return { code: err.code, ...(err.details as object) };
};

describe('migrating a running complaint', () => {
  it('keep: the deadline stays, the version changes, and the timeline says so', async () => {
    const d = complaintDriver(ctx, V1);
    const c = await investigating(d);
    const before = await d.status(c);
    const { record, status } = await d.migrate(c, migrationTo(LONGER, 'keep'));
    expect(status.processVersion).toBe('iso-10002-default@2');
    expect(status.deadlines.stage!.deadline).toBe(before.deadlines.stage!.deadline);
    const migrated = (await d.events(c)).find((e) => e.type === 'process_migrated')!;
    expect(migrated.actor).toEqual({ id: 'owner-1', role: 'process_owner' });
    expect(migrated.data).toMatchObject({
      from: 'iso-10002-default@1',
      to: 'iso-10002-default@2',
      stage: 'investigation',
      rule: 'keep',
      deadline: { old: before.deadlines.stage!.deadline, new: before.deadlines.stage!.deadline },
      guarded: [],
    });
    expect(record).toEqual(expect.objectContaining({ rule: 'keep' }));
  });

  it('recompute: the deadline counts from the stage start under the new rules', async () => {
    const d = complaintDriver(ctx, V1);
    const c = await investigating(d);
    const { stage } = (await d.status(c)).deadlines;
    const { status, record } = await d.migrate(c, migrationTo(LONGER, 'recompute'));
    expect(Date.parse(status.deadlines.stage!.deadline) - Date.parse(stage!.startedAt)).toBe(6 * HOUR_MS);
    expect(record.deadline).toEqual({ old: stage!.deadline, new: status.deadlines.stage!.deadline });
  });

  it('restart: a full new deadline from the moment it migrated', async () => {
    const d = complaintDriver(ctx, V1);
    const c = await investigating(d);
    const { status } = await d.migrate(c, migrationTo(LONGER, 'restart'));
    const migratedAt = (await d.events(c)).find((e) => e.type === 'process_migrated')!;
    const at = Date.parse((migratedAt as unknown as { at: string }).at);
    expect(Date.parse(status.deadlines.stage!.deadline) - at).toBe(6 * HOUR_MS);
  });

  it('never brings a deadline the customer was told sooner: the record says it was kept', async () => {
    const d = complaintDriver(ctx, V1);
    const c = await investigating(d);
    const before = (await d.status(c)).deadlines.stage!;
    const { status, record } = await d.migrate(c, migrationTo(SHORTER, 'recompute'));
    expect(status.deadlines.stage!.deadline).toBe(before.deadline);
    expect(record.guarded).toEqual(['stage_deadline']);
    // The warning (staff only) follows the new, shorter budget: 75 % of 1.5 h from the stage start.
    expect(Date.parse(status.deadlines.stage!.warningAt) - Date.parse(before.startedAt)).toBe(0.75 * 1.5 * HOUR_MS);
  });

  it('fires at once the breaches a faster chain has made due, climbing to the top', async () => {
    const chain = (rearmAfter: { workingHours: number }) => (def: ProcessDefinition) => {
      def.stages.investigation.deadline = seconds(1);
      def.stages.conclusion.deadline = seconds(1);
      def.stages.investigation.escalation = {
        levels: ['assignee', 'teamLead', 'complaintsManager', 'director'],
        onBreach: [
          { notify: ['teamLead'], escalate: true, rearmAfter },
          { notify: ['complaintsManager'], escalate: true, rearmAfter },
          { notify: ['director'], escalate: true },
        ],
      };
    };
    const d = complaintDriver(ctx, processVersion(1, chain(hoursOf(1))));
    const c = await investigating(d);
    await eventually(async () => ((await d.status(c)).state.counters.breaches === 1 ? true : undefined));
    await new Promise((r) => setTimeout(r, 2_500)); // the faster chain's breaches 2 and 3 are due by now
    const { status, record } = await d.migrate(c, migrationTo(processVersion(2, chain(seconds(1))), 'keep'));
    expect(record).toMatchObject({ breached: true, escalationLevel: { old: 'teamLead', new: 'teamLead' } });
    expect(status.escalationLevel).toBe('director');
    const events = await d.events(c);
    const after = events.slice(events.findIndex((e) => e.type === 'process_migrated') + 1);
    expect(after.map((e) => [e.type, e.data.breachCount])).toEqual([['deadline_breached', 3]]);
    const notices = (await d.messages(c)).filter((m) => m.seq === after[0]!.seq);
    expect(notices.map((m) => [m.template, m.recipient])).toEqual([['deadline_breached', 'escalation:director']]);
  });

  it('takes one plan once: a repeat moves nothing, another plan to the same version is refused', async () => {
    const d = complaintDriver(ctx, V1);
    const c = await investigating(d);
    const plan = migrationTo(LONGER, 'recompute');
    const first = await d.migrate(c, plan);
    // The same update id within a run is answered with the first update's result.
    expect(await d.migrate(c, plan)).toEqual(first);
    expect(await refusalOf(d.migrate(c, migrationTo(LONGER, 'restart')))).toMatchObject({ code: 'NOT_MIGRATABLE', reason: 'already_on_target' });
    expect((await d.events(c)).filter((e) => e.type === 'process_migrated')).toHaveLength(1);
  });

  it('refuses a closed complaint and a round the new version does not have', async () => {
    const d = complaintDriver(ctx, V1);
    const closed = await investigating(d);
    await d.decideOk(closed, { type: 'withdraw', reason: 'The customer solved it.' });
    expect(await refusalOf(d.migrate(closed, migrationTo(LONGER, 'keep')))).toMatchObject({ code: 'NOT_MIGRATABLE', reason: 'closed' });
    const c = await investigating(d);
    await d.decideOk(c, { type: 'propose_resolution', outcome: 'upheld', summary: 'We repair it.', remedy: 'repair' });
    await d.answer(c, { type: 'customer_rejected', round: 1, reason: 'Not enough.' });
    const oneRound = processVersion(2, (def) => (def.acceptance.rounds = 1));
    expect(await refusalOf(d.migrate(c, migrationTo(oneRound, 'keep')))).toMatchObject({ code: 'NOT_MIGRATABLE', reason: 'round_beyond_target' });
    expect((await d.status(c)).processVersion).toBe('iso-10002-default@1');
  });

  it('carries the new version and the plans it took through continue-as-new', async () => {
    const d = complaintDriver(ctx, V1);
    const intake = anIntake();
    const started = await ctx.client.workflow.start('complaintWorkflow', {
      workflowId: intake.complaintId,
      taskQueue: ctx.taskQueue,
      args: [{ intake, process: V1, historyLimit: 60 }],
    });
    const c = { id: intake.complaintId, reference: intake.reference, pin: '' };
    await d.waitForStatus(c, 'acknowledged');
    const plan = migrationTo(LONGER, 'recompute');
    const { status } = await d.migrate(c, plan);
    const handle = ctx.client.workflow.getHandle(c.id);
    for (let i = 1; (await handle.describe()).runId === started.firstExecutionRunId; i++) {
      await d.decideOk(c, { type: 'note', text: `Called the customer, attempt ${i}.` });
      expect(i).toBeLessThan(20);
    }
    const next = await eventually(async () => d.status(c).catch(() => undefined));
    expect(next.processVersion).toBe('iso-10002-default@2');
    expect(next.deadlines.stage!.deadline).toBe(status.deadlines.stage!.deadline);
    // The new run remembers the plan: a retry after continue-as-new (a new update id scope) is refused.
    expect(await refusalOf(d.migrate(c, plan))).toMatchObject({ code: 'NOT_MIGRATABLE', reason: 'already_migrated' });
    expect((await d.events(c)).filter((e) => e.type === 'process_migrated')).toHaveLength(1);
  });
});
