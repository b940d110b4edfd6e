// The re-arm arithmetic of a process migration: one complaint's timers and escalation under the
// target version, guarded so that no deadline the customer was told moves earlier (and no update
// we promised by a date moves later). One pure function for both callers: the clock activity the
// complaint's migration update runs, and the preview, so a preview shows what applying does.
import type { BusinessDuration } from './business-duration.js';
import type { CalendarLike } from './calendar/index.js';
import type { TimedStageId } from './complaint.js';
import {
  advance,
  currentProposal,
  infoRequestPolicy,
  stageDuration,
  type ComplaintState,
  type Effect,
  type StaffRecipient,
  type SystemEvent,
} from './lifecycle/index.js';
import {
  migratedState,
  migrationRefusal,
  type DeadlineRule,
  type GuardedDeadline,
  type MigratedProgress,
  type MigrationCheck,
  type MigrationSkip,
  type MovedInstant,
  type ProcessMigratedRecord,
} from './lifecycle/migration.js';
import { escalationEvents, nextDueEvent, type Timers } from './lifecycle/timers.js';
import type { ProcessDefinition } from './process-definition.js';
import { elapsedMinutes, pauseClock, resumeClock, startClock, toMs, type SlaClock } from './sla/clock.js';
import { rearmPoint, runDueEscalations } from './sla/escalation-run.js';
import { applyEscalationStep, nextEscalationStep, startEscalation, type EscalationPolicy, type EscalationState } from './sla/escalation.js';

/** A calendar built for the years a computation needs (activities/calendars.ts `CalendarResolver`). */
export type CalendarFor = (calendarId: string, at: Date, duration?: BusinessDuration, since?: Date) => CalendarLike;

export interface ComplaintMigrationInput extends MigrationCheck {
  /** The instant the migration applies: the workflow's time when applying, now in a preview. */
  at: string;
}

export type ComplaintMigrationPlan =
  | { ok: false; skip: MigrationSkip }
  | {
      ok: true;
      /** The complaint's timers under the target version. */
      timers: Timers;
      /** The stage's escalation progress and the owner's level as re-armed (`migratedState`). */
      progress: MigratedProgress;
      record: ProcessMigratedRecord;
    };

/** The stage's deadline rule applied: its clock and escalation under the target, and what the reducer counts as fired. */
interface StagePlan {
  stage: NonNullable<Timers['stage']>;
  rule: DeadlineRule;
  breached: boolean;
}

/**
 * The complaint's timers, escalation and timeline record under `input.target`, or why it is
 * skipped. Deterministic in its input: the same complaint, instant and calendars give the same plan.
 */
export function planComplaintMigration(calendars: CalendarFor, input: ComplaintMigrationInput): ComplaintMigrationPlan {
  const refusal = migrationRefusal(input);
  if (refusal) return { ok: false, skip: refusal };
  const { at, state, timers, current, target, deadlineRules } = input;
  const from = current.definition;
  const to = target.definition;
  const guarded: GuardedDeadline[] = [];
  const stage = timers.stage && rearmStage(calendars, timers.stage, deadlineRules[timers.stage.id], to, at, guarded);
  const answer = timers.answer && rearmAnswer(calendars, timers.answer, state, from, to, at, guarded);
  const info = timers.info && rearmInfo(calendars, timers.info, state, from, to, at, guarded);
  const progressDueAt = timers.progressDueAt && rearmProgress(calendars, timers.progressDueAt, from, to, at, guarded);
  const level = levelUnder(state, from, to);
  const escalation = stage?.stage.escalation;
  return {
    ok: true,
    timers: { stage: stage?.stage ?? null, answer, info, progressDueAt },
    progress: {
      stage: state.stage && escalation ? { warned: escalation.warned, breachCount: escalation.breaches } : null,
      escalationLevel: level.index,
    },
    record: {
      migrationId: input.migrationId,
      from: current.versionId,
      to: target.versionId,
      stage: timers.stage?.id ?? null,
      rule: stage?.rule ?? null,
      deadline: moved(timers.stage?.clock.deadline, stage?.stage.clock.deadline),
      warningAt: moved(timers.stage?.clock.warningAt, stage?.stage.clock.warningAt),
      answerDeadline: moved(timers.answer?.deadline, answer?.deadline),
      infoDeadline: moved(timers.info?.deadline, info?.deadline),
      progressUpdateAt: moved(timers.progressDueAt, progressDueAt),
      guarded,
      breached: stage?.breached ?? false,
      escalationLevel: level.ids,
    },
  };
}

/** What a migration causes at once: the escalation steps and timer events now due, and the messages they send. */
export interface MigrationConsequences {
  events: SystemEvent[];
  messages: Array<{ audience: 'customer' | 'staff'; template: string; recipient?: StaffRecipient }>;
  /** The owner's level once those events ran. */
  escalationLevel: string;
}

/**
 * The events the workflow fires right after recording the migration (it fires due timers then, as
 * `ComplaintRun.fireDueTimers` does: escalation steps first, collapsed; then answer, question and
 * progress timers) and what the reducer sends for them.
 */
export function migrationConsequences(
  calendars: CalendarFor,
  input: ComplaintMigrationInput,
  plan: Extract<ComplaintMigrationPlan, { ok: true }>,
): MigrationConsequences {
  const to = input.target.definition;
  let timers = plan.timers;
  const events: SystemEvent[] = [];
  const stage = timers.stage;
  if (stage) {
    const run = runDueEscalations(calendarOf(calendars, stage.clock, input.at), stage.policy, stage.clock, stage.escalation, input.at);
    events.push(...escalationEvents(stage.id, run.fired, true));
  }
  for (let due = nextDueEvent(timers, input.at); due; due = nextDueEvent(timers, input.at)) {
    timers = due.timers;
    events.push(due.event);
  }
  let state = migratedState(input.state, plan.progress, input.at, to);
  const messages: MigrationConsequences['messages'] = [];
  for (const event of events) {
    const result = advance(state, { kind: 'system', at: input.at, system: event }, to);
    if (!result.ok) continue;
    state = result.state;
    messages.push(...result.effects.flatMap(messageOf));
  }
  const levels = to.stages[state.escalation.stage].escalation.levels;
  return { events, messages, escalationLevel: levels[state.escalation.level] ?? levels[0]! };
}

function rearmStage(
  calendars: CalendarFor,
  stage: NonNullable<Timers['stage']>,
  rule: DeadlineRule,
  to: ProcessDefinition,
  at: string,
  guarded: GuardedDeadline[],
): StagePlan {
  const { warnAtShare, escalation: policy } = to.stages[stage.id];
  const duration = stageDuration(stage.id, to);
  const old = stage.clock;
  const oldCalendar = calendars(old.calendarId, new Date(at), duration, new Date(old.receivedAt));
  // A kept or recomputed clock stays on its calendar (a differing one is refused); a restart runs on the target's.
  const calendar = rule === 'restart' ? calendars(to.calendarId, new Date(at), duration) : oldCalendar;
  let clock = rule === 'keep' ? old : rule === 'recompute' ? recomputedClock(calendar, old, duration, warnAtShare) : restartedClock(calendar, old, duration, warnAtShare, at);
  // The tracking page shows the stage's deadline, and letters name it: a date still ahead never comes sooner.
  const promised = effectiveDeadline(oldCalendar, old, at);
  if (toMs(promised) > toMs(at) && toMs(effectiveDeadline(calendar, clock, at)) < toMs(promised)) {
    clock = withDeadline(calendar, clock, clock.pausedAt === old.pausedAt ? old.deadline : promised);
    guarded.push('stage_deadline');
  }
  // Steps already fired stay fired (and are not notified again) as far as the new timeline has them due.
  const fired = rule === 'restart' ? startEscalation() : stage.escalation;
  const escalation = rearmEscalation(calendar, policy, clock, at, fired);
  const breached = clock.stoppedAt === null && toMs(effectiveDeadline(calendar, clock, at)) <= toMs(at);
  return { stage: { id: stage.id, clock, escalation, policy }, rule, breached };
}

/** The clock from the stage's start under a new duration, paused as the old one was (pauses measured again). */
function recomputedClock(calendar: CalendarLike, old: SlaClock, duration: BusinessDuration, warnAtShare: number): SlaClock {
  let clock = startClock(calendar, { at: old.receivedAt, duration, warnAtShare });
  for (const pause of old.pauses) clock = resumeClock(calendar, pauseClock(clock, pause.from), pause.to);
  return old.pausedAt === null ? clock : pauseClock(clock, old.pausedAt);
}

/** A full new clock from `at`; paused at once when the old one was (the customer still owes us). */
function restartedClock(calendar: CalendarLike, old: SlaClock, duration: BusinessDuration, warnAtShare: number, at: string): SlaClock {
  const clock = startClock(calendar, { at, duration, warnAtShare });
  return old.pausedAt === null ? clock : pauseClock(clock, at);
}

/** The deadline as it stands once a pause open now ended at `at` (a running clock's own deadline). */
function effectiveDeadline(calendar: CalendarLike, clock: SlaClock, at: string): string {
  return clock.pausedAt === null ? clock.deadline : resumeClock(calendar, clock, at).deadline;
}

/** The clock with another deadline, its budget counted to it so the stage's outcome reads right. */
function withDeadline(calendar: CalendarLike, clock: SlaClock, deadline: string): SlaClock {
  const running = { ...clock, deadline, pausedAt: null };
  return { ...clock, deadline, targetMinutes: elapsedMinutes(calendar, running, deadline) };
}

/**
 * The escalation state under `policy` on `clock` at `at`, counting as fired the steps `fired` had
 * fired that the new timeline has due by then. Steps due beyond those fire live, right after the
 * migration, with their notifications. A paused clock is read as it stood when the pause began.
 */
function rearmEscalation(calendar: CalendarLike, policy: EscalationPolicy, clock: SlaClock, at: string, fired: EscalationState): EscalationState {
  const running = { ...clock, pausedAt: null };
  const until = clock.pausedAt ?? at;
  let state = startEscalation();
  for (let i = 0; i < MAX_REPLAYED_STEPS; i++) {
    const next = nextEscalationStep(policy, running, state, until);
    if (!next?.due) break;
    const { step } = next;
    if (step.kind === 'warning' ? !fired.warned : step.breach > fired.breaches) break;
    const rearm = step.kind === 'breach' && step.rearmAfter !== null ? rearmPoint(calendar, running, step.at, step) : undefined;
    state = applyEscalationStep(policy, state, step, rearm);
  }
  return state;
}

/** The same bound as a live escalation run (domain/sla/escalation-run.ts). */
const MAX_REPLAYED_STEPS = 100;

type AnswerTimer = NonNullable<Timers['answer']>;
type InfoTimer = NonNullable<Timers['info']>;

/** The proposal's answer window under the target's answer deadline and reminder, from when it opened; never ending sooner. */
function rearmAnswer(
  calendars: CalendarFor,
  answer: AnswerTimer,
  state: ComplaintState,
  from: ProcessDefinition,
  to: ProcessDefinition,
  at: string,
  guarded: GuardedDeadline[],
): AnswerTimer {
  const policy = to.acceptance;
  if (sameTiming(from, to, from.acceptance, policy)) return answer;
  const startedAt = answer.startedAt ?? currentProposal(state)?.proposedAt ?? at;
  const window = answerWindow(calendars, to.calendarId, startedAt, policy.answerDeadline, policy.reminderAtShare, at);
  const deadline = laterOf(answer.deadline, window.deadline, () => guarded.push('answer_deadline'));
  return { ...answer, reminderAt: earlierOf(window.reminderAt, deadline), deadline };
}

/** The open question's window under the target's information-request policy, from when it was asked; never ending sooner. */
function rearmInfo(
  calendars: CalendarFor,
  info: InfoTimer,
  state: ComplaintState,
  from: ProcessDefinition,
  to: ProcessDefinition,
  at: string,
  guarded: GuardedDeadline[],
): InfoTimer {
  const policy = infoRequestPolicy(to);
  const before = infoRequestPolicy(from);
  if (!policy || (before && sameTiming(from, to, before, policy))) return info;
  const askedAt = state.pendingInfoRequest?.askedAt ?? at;
  const window = answerWindow(calendars, to.calendarId, askedAt, policy.answerDeadline, policy.reminderAtShare, at);
  const deadline = laterOf(info.deadline, window.deadline, () => guarded.push('info_deadline'));
  return { ...info, reminderAt: earlierOf(window.reminderAt, deadline), deadline };
}

/** The next progress update under the target's interval, counted from now; never later than the one promised. */
function rearmProgress(calendars: CalendarFor, dueAt: string, from: ProcessDefinition, to: ProcessDefinition, at: string, guarded: GuardedDeadline[]): string {
  if (from.calendarId === to.calendarId && sameDuration(from.progressUpdateEvery, to.progressUpdateEvery)) return dueAt;
  const calendar = calendars(to.calendarId, new Date(at), to.progressUpdateEvery);
  const next = startClock(calendar, { at, duration: to.progressUpdateEvery, warnAtShare: 1 }).deadline;
  if (toMs(next) <= toMs(dueAt)) return next;
  guarded.push('progress_update');
  return dueAt;
}

function answerWindow(calendars: CalendarFor, calendarId: string, startedAt: string, duration: BusinessDuration, reminderAtShare: number, at: string) {
  const calendar = calendars(calendarId, new Date(at), duration, new Date(startedAt));
  const clock = startClock(calendar, { at: startedAt, duration, warnAtShare: reminderAtShare });
  return { reminderAt: clock.warningAt, deadline: clock.deadline };
}

/** The owner's level under the target: the same level id where the new chain has it, else as high as it goes. */
function levelUnder(state: ComplaintState, from: ProcessDefinition, to: ProcessDefinition): { index: number; ids: { old: string; new: string } } {
  const stage: TimedStageId = state.escalation.stage;
  const before = from.stages[stage].escalation.levels;
  const after = to.stages[stage].escalation.levels;
  const oldId = before[state.escalation.level] ?? before[0]!;
  const same = after.indexOf(oldId);
  const index = same >= 0 ? same : Math.min(state.escalation.level, after.length - 1);
  return { index, ids: { old: oldId, new: after[index]! } };
}

function messageOf(effect: Effect): MigrationConsequences['messages'] {
  if (effect.kind === 'notify_customer') return [{ audience: 'customer', template: effect.template }];
  if (effect.kind === 'notify_staff') return [{ audience: 'staff', template: effect.template, recipient: effect.recipient }];
  return [];
}

function calendarOf(calendars: CalendarFor, clock: SlaClock, at: string): CalendarLike {
  return calendars(clock.calendarId, new Date(at), clock.duration, new Date(clock.receivedAt));
}

/** The answer timing of both versions is the same (same calendar too): nothing to re-arm. */
function sameTiming(
  from: ProcessDefinition,
  to: ProcessDefinition,
  before: { answerDeadline: BusinessDuration; reminderAtShare: number },
  after: { answerDeadline: BusinessDuration; reminderAtShare: number },
): boolean {
  return from.calendarId === to.calendarId && sameDuration(before.answerDeadline, after.answerDeadline) && before.reminderAtShare === after.reminderAtShare;
}

function sameDuration(a: BusinessDuration, b: BusinessDuration): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The promised instant unless the new one is later; `onKept` notes that the promise held it. */
function laterOf(promised: string, next: string, onKept: () => void): string {
  if (toMs(next) >= toMs(promised)) return next;
  onKept();
  return promised;
}

function earlierOf(a: string, b: string): string {
  return toMs(a) <= toMs(b) ? a : b;
}

function moved(before: string | null | undefined, after: string | null | undefined): MovedInstant {
  return { old: before ?? null, new: after ?? null };
}
