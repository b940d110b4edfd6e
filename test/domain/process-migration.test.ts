// A complaint moved to another process version: its stage clock under keep / recompute / restart,
// the escalation chain under the new policy, the promise guard, and the complaints it skips.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROCESS_DEFINITION } from '../../config/default-process.js';
import { getCalendar } from '../../domain/calendar/registry.js';
import { allStages, type ComplaintState, type DeadlineRule, type MigrationMemory } from '../../domain/lifecycle/index.js';
import type { Timers } from '../../domain/lifecycle/timers.js';
import type { ProcessDefinition, ProcessDefinitionSnapshot } from '../../domain/process-definition.js';
import { migrationConsequences, planComplaintMigration, type CalendarFor, type ComplaintMigrationInput } from '../../domain/process-migration.js';
import { pauseClock, resumeClock, startClock } from '../../domain/sla/clock.js';
import { runDueEscalations } from '../../domain/sla/escalation-run.js';
import { startEscalation, type EscalationPolicy } from '../../domain/sla/escalation.js';
import { ROUND_THE_CLOCK } from '../helpers/process.js';
import { reach, step, system } from './lifecycle/fixtures.js';

const calendars: CalendarFor = (id, at) => (id === ROUND_THE_CLOCK.id ? ROUND_THE_CLOCK : getCalendar(id, { from: at.getUTCFullYear() - 1, to: at.getUTCFullYear() + 1 }));
const hours = (n: number) => ({ workingHours: n });
/** 2026-03-02 at hh:mm UTC (business time is wall-clock time on the round-the-clock calendar). */
const t = (hhmm: string) => `2026-03-02T${hhmm}:00.000Z`;

/** Version `version` of a round-the-clock process: investigation `hoursInvestigating` + 1 h of conclusion. */
function version(version: number, change: (d: ProcessDefinition) => void = () => undefined): ProcessDefinitionSnapshot {
  const d = structuredClone(DEFAULT_PROCESS_DEFINITION);
  d.version = version;
  d.calendarId = ROUND_THE_CLOCK.id;
  d.stages.investigation.deadline = hours(4);
  d.stages.conclusion.deadline = hours(1);
  d.stages.reinvestigation.deadline = hours(4);
  change(d);
  return { versionId: `${d.id}@${version}`, definition: d };
}
const V1 = version(1);
const investigationHours = (n: number) => (d: ProcessDefinition) => (d.stages.investigation.deadline = hours(n - 1));

/** Investigating since 10:00 with a 5-hour clock (warning 13:45, deadline 15:00), escalation as of `at`. */
function investigating(at: string, opts: { pause?: [string, string]; pausedAt?: string; state?: ComplaintState } = {}): { state: ComplaintState; timers: Timers } {
  const { escalation: policy, warnAtShare } = V1.definition.stages.investigation;
  let clock = startClock(ROUND_THE_CLOCK, { at: t('10:00'), duration: hours(5), warnAtShare });
  if (opts.pause) clock = resumeClock(ROUND_THE_CLOCK, pauseClock(clock, opts.pause[0]), opts.pause[1]);
  if (opts.pausedAt) clock = pauseClock(clock, opts.pausedAt);
  const escalation = runDueEscalations(ROUND_THE_CLOCK, policy, clock, startEscalation(), at).state;
  return {
    state: opts.state ?? reach('investigating', V1.definition),
    timers: { stage: { id: 'investigation', clock, escalation, policy }, answer: null, info: null, progressDueAt: null },
  };
}

function migrate(
  at: string,
  complaint: { state: ComplaintState; timers: Timers },
  target: ProcessDefinitionSnapshot,
  rule: DeadlineRule,
  opts: { current?: ProcessDefinitionSnapshot; migrations?: MigrationMemory[] } = {},
) {
  const input: ComplaintMigrationInput = {
    at,
    ...complaint,
    current: opts.current ?? V1,
    target,
    deadlineRules: allStages(rule),
    migrationId: 'm-1',
    migrations: opts.migrations ?? [],
  };
  const plan = planComplaintMigration(calendars, input);
  return { plan, consequences: () => (plan.ok ? migrationConsequences(calendars, input, plan) : undefined) };
}

function applied(result: ReturnType<typeof migrate>) {
  if (!result.plan.ok) throw new Error(`skipped: ${result.plan.skip.reason}`);
  return result.plan;
}

describe('the running stage under the deadline rule', () => {
  it('keep: the deadline and warning stay, the chain takes the new policy', () => {
    const policy: EscalationPolicy = { levels: ['assignee', 'teamLead'], onBreach: [{ notify: ['teamLead'], escalate: true }] };
    const plan = applied(migrate(t('11:00'), investigating(t('11:00')), version(2, (d) => (d.stages.investigation.escalation = policy)), 'keep'));
    expect(plan.timers.stage).toMatchObject({ clock: { deadline: t('15:00'), warningAt: t('13:45') }, policy });
    expect(plan.record).toMatchObject({ from: 'iso-10002-default@1', to: 'iso-10002-default@2', stage: 'investigation', rule: 'keep', guarded: [] });
  });

  it('recompute: from the stage start under the new duration and warning share', () => {
    const plan = applied(migrate(t('11:00'), investigating(t('11:00')), version(2, investigationHours(8)), 'recompute'));
    expect(plan.record.deadline).toEqual({ old: t('15:00'), new: t('18:00') });
    expect(plan.record.warningAt).toEqual({ old: t('13:45'), new: t('16:00') });
  });

  it('recompute: counts the paused time as the clock does', () => {
    const complaint = investigating(t('12:00'), { pause: [t('11:00'), t('11:30')] });
    expect(complaint.timers.stage!.clock.deadline).toBe(t('15:30'));
    const plan = applied(migrate(t('12:00'), complaint, version(2, investigationHours(8)), 'recompute'));
    expect(plan.record.deadline.new).toBe(t('18:30'));
  });

  it('restart: a full new deadline from the moment of migration', () => {
    const plan = applied(migrate(t('12:00'), investigating(t('12:00')), version(2), 'restart'));
    expect(plan.record.deadline).toEqual({ old: t('15:00'), new: t('17:00') });
    expect(plan.timers.stage!.clock).toMatchObject({ receivedAt: t('12:00'), targetMinutes: 300 });
  });
});

describe('the promise guard', () => {
  it('keeps a stage deadline still ahead when the new rules would bring it sooner, and says so', () => {
    const plan = applied(migrate(t('11:00'), investigating(t('11:00')), version(2, investigationHours(3)), 'recompute'));
    expect(plan.record.deadline).toEqual({ old: t('15:00'), new: t('15:00') });
    expect(plan.record.guarded).toEqual(['stage_deadline']);
    // The warning is for staff only: it follows the new, shorter budget.
    expect(plan.record.warningAt.new).toBe(t('12:15'));
    expect(plan.timers.stage!.clock.targetMinutes).toBe(300);
  });

  it('keeps it while the clock is paused, comparing the deadlines as they stand once resumed', () => {
    const asked = { ...investigating(t('11:00'), { pausedAt: t('10:30') }), state: reach('awaiting_customer', V1.definition) };
    const shorter = applied(migrate(t('11:00'), asked, version(2, investigationHours(3)), 'recompute'));
    expect(shorter.record).toMatchObject({ deadline: { old: t('15:00'), new: t('15:00') }, guarded: ['stage_deadline'] });
    expect(shorter.timers.stage!.clock.pausedAt).toBe(t('10:30'));
    // Restarted at 11:00 it is paused from then: the promise is the old deadline pushed by the half hour paused so far.
    const restarted = applied(migrate(t('11:00'), asked, version(2, investigationHours(2)), 'restart'));
    expect(restarted.record.deadline.new).toBe(t('15:30'));
  });

  it('keeps it on a restart too', () => {
    const plan = applied(migrate(t('12:00'), investigating(t('12:00')), version(2, investigationHours(2)), 'restart'));
    expect(plan.record.deadline.new).toBe(t('15:00'));
    expect(plan.record.guarded).toEqual(['stage_deadline']);
  });

  it("never moves the customer's answer deadline sooner, but gives more time when the new rules do", () => {
    const proposed = reach('resolution_proposed', V1.definition);
    const answer = { round: 1, startedAt: t('10:00'), reminderAt: t('10:30'), deadline: t('11:00'), reminded: false };
    const timers: Timers = { stage: null, answer, info: null, progressDueAt: null };
    const shorter = applied(migrate(t('10:10'), { state: proposed, timers }, version(2, (d) => (d.acceptance.answerDeadline = hours(0.5))), 'keep'));
    expect(shorter.record.answerDeadline).toEqual({ old: t('11:00'), new: t('11:00') });
    expect(shorter.record.guarded).toEqual(['answer_deadline']);
    const longer = applied(migrate(t('10:10'), { state: proposed, timers }, version(2, (d) => (d.acceptance.answerDeadline = hours(2))), 'keep'));
    expect(longer.record.answerDeadline).toEqual({ old: t('11:00'), new: t('12:00') });
    expect(longer.timers.answer).toMatchObject({ reminderAt: t('11:00'), reminded: false });
  });

  it('never writes to the customer later than the progress update promised', () => {
    const { state } = investigating(t('11:00'));
    const timers: Timers = { ...investigating(t('11:00')).timers, progressDueAt: t('12:00') };
    const longer = applied(migrate(t('11:00'), { state, timers }, version(2, (d) => (d.progressUpdateEvery = hours(5))), 'keep'));
    expect(longer.record.progressUpdateAt).toEqual({ old: t('12:00'), new: t('12:00') });
    expect(longer.record.guarded).toEqual(['progress_update']);
    const shorter = applied(migrate(t('11:00'), { state, timers }, version(2, (d) => (d.progressUpdateEvery = hours(0.5))), 'keep'));
    expect(shorter.record.progressUpdateAt.new).toBe(t('11:30'));
  });
});

describe('escalation under the new rules', () => {
  /** Breach 1 at 15:00 has fired (the owner is the team lead); the next falls at 19:00 under v1. */
  const late = () => {
    const state = step(investigating(t('16:00')).state, system({ type: 'deadline_breached', stage: 'investigation', breachCount: 1 }), V1.definition).state;
    return { state, timers: investigating(t('16:00')).timers };
  };
  const tenMinuteChain = version(2, (d) => {
    d.stages.investigation.escalation = {
      levels: ['assignee', 'teamLead', 'complaintsManager', 'director'],
      onWarning: { notify: ['assignee'] },
      onBreach: [
        { notify: ['teamLead'], escalate: true, rearmAfter: hours(1 / 6) },
        { notify: ['complaintsManager'], escalate: true, rearmAfter: hours(1 / 6) },
        { notify: ['director'], escalate: true },
      ],
    };
  });

  it('fires at once the breaches a shorter re-arm has made due, collapsed into one, climbing every level', () => {
    const result = migrate(t('16:00'), late(), tenMinuteChain, 'keep');
    const plan = applied(result);
    expect(plan.progress.stage).toEqual({ warned: true, breachCount: 1 });
    expect(plan.record).toMatchObject({ breached: true, escalationLevel: { old: 'teamLead', new: 'teamLead' } });
    expect(result.consequences()).toEqual({
      events: [{ type: 'deadline_breached', stage: 'investigation', breachCount: 3 }],
      messages: [{ audience: 'staff', template: 'deadline_breached', recipient: { kind: 'escalation_level', level: 'director' } }],
      escalationLevel: 'director',
    });
  });

  it('a restart takes a late stage back in time: the breaches are behind it, the owner stays', () => {
    const plan = applied(migrate(t('16:00'), late(), version(2), 'restart'));
    expect(plan.record).toMatchObject({ breached: false, deadline: { old: t('15:00'), new: t('21:00') }, escalationLevel: { new: 'teamLead' } });
    expect(plan.progress).toEqual({ stage: { warned: false, breachCount: 0 }, escalationLevel: 1 });
  });

  it('warns at once when the new warning point has passed, and names who is warned', () => {
    const result = migrate(t('13:00'), investigating(t('13:00')), version(2, (d) => (d.stages.investigation.warnAtShare = 0.5)), 'recompute');
    expect(result.consequences()).toMatchObject({
      events: [{ type: 'deadline_warning', stage: 'investigation' }],
      messages: [{ audience: 'staff', template: 'deadline_warning', recipient: { level: 'assignee' } }],
    });
  });

  it('does not warn again for a warning already sent that the new timeline also has behind it', () => {
    const result = migrate(t('14:00'), investigating(t('14:00')), version(2, (d) => (d.stages.investigation.warnAtShare = 0.5)), 'recompute');
    expect(result.consequences()?.events).toEqual([]);
  });
});

describe('complaints a migration skips', () => {
  const skipOf = (result: ReturnType<typeof migrate>) => (result.plan.ok ? null : result.plan.skip.reason);

  it.each([
    ['a closed complaint', 'closed', () => ({ ...investigating(t('11:00')), state: reach('closed', V1.definition) }), version(2), 'keep'],
    ['one already on the target', 'already_on_target', () => investigating(t('11:00')), V1, 'keep'],
    ['one on another definition', 'other_definition', () => investigating(t('11:00')), { ...version(2), definition: { ...version(2).definition, id: 'other' } }, 'keep'],
    [
      'a round beyond the new round count',
      'round_beyond_target',
      () => ({ ...investigating(t('11:00')), state: reach('reinvestigating', V1.definition) }),
      version(2, (d) => (d.acceptance.rounds = 1)),
      'keep',
    ],
    ['a kept clock on another calendar', 'calendar_differs', () => investigating(t('11:00')), version(2, (d) => (d.calendarId = 'TR')), 'recompute'],
  ] as const)('skips %s (%s)', (_what, reason, complaint, target, rule) => {
    expect(skipOf(migrate(t('11:00'), complaint(), target as ProcessDefinitionSnapshot, rule))).toBe(reason);
  });

  it('restarts a clock on the new calendar, a paused one paused still', () => {
    const plan = applied(migrate(t('11:00'), investigating(t('11:00')), version(2, (d) => (d.calendarId = 'TR')), 'restart'));
    expect(plan.timers.stage!.clock.calendarId).toBe('TR');
    const asked = { ...investigating(t('11:00'), { pausedAt: t('10:30') }), state: reach('awaiting_customer', V1.definition) };
    const paused = applied(migrate(t('11:00'), asked, version(2, (d) => (d.calendarId = 'TR')), 'restart'));
    expect(paused.timers.stage!.clock).toMatchObject({ calendarId: 'TR', pausedAt: t('11:00') });
  });

  it('skips a proposal whose silence would turn from staying open into acceptance', () => {
    const stayOpen = version(1, (d) => (d.acceptance.noAnswer = 'stay_open'));
    const proposed = { state: reach('resolution_proposed', stayOpen.definition), timers: { stage: null, answer: null, info: null, progressDueAt: null } };
    expect(skipOf(migrate(t('11:00'), proposed, version(2), 'keep', { current: stayOpen }))).toBe('answer_policy_differs');
  });

  it('skips an open question whose silence would turn from going on into closing', () => {
    const asked = { ...investigating(t('11:00')), state: reach('awaiting_customer', V1.definition) };
    const closing = version(2, (d) => (d.infoRequest!.onNoAnswer = 'close_no_response'));
    expect(skipOf(migrate(t('11:00'), asked, closing, 'keep'))).toBe('info_policy_differs');
  });

  it('answers "already migrated" for a plan it took before', () => {
    const migrations = [{ migrationId: 'm-1', at: t('10:30'), from: V1.versionId, to: 'iso-10002-default@2' }];
    const result = migrate(t('11:00'), investigating(t('11:00')), version(2), 'keep', { migrations });
    expect(result.plan).toMatchObject({ ok: false, skip: { reason: 'already_migrated', earlier: migrations[0] } });
  });
});
