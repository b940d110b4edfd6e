// The workflow's timers as data, and what they mean: which timer event is due at an instant, when
// to wake next, and the deadlines a snapshot shows. Pure and calendar-free, so the workflow bundles
// it; the instants themselves come from clock activities (activities/clocks.ts).
import type { TimedStageId } from '../complaint.js';
import type { SlaClock } from '../sla/clock-state.js';
import type { EscalationPolicy } from '../sla/escalation.js';
import { nextEscalationStep, type EscalationState, type EscalationStep } from '../sla/escalation-steps.js';
import type { SystemEvent } from './events.js';

/** The timers a complaint sleeps towards: absolute instants computed by activities. */
export interface Timers {
  stage: { id: TimedStageId; clock: SlaClock; escalation: EscalationState; policy: EscalationPolicy } | null;
  /** `startedAt`: when the answer window opened (absent in runs from before it was kept). */
  answer: { round: number; reminderAt: string; deadline: string; reminded: boolean; startedAt?: string } | null;
  /** The open information request's reminder and deadline (absent in runs carried from before it existed). */
  info: { requestId: string; reminderAt: string; deadline: string; reminded: boolean } | null;
  progressDueAt: string | null;
}

/** Absolute instants a snapshot shows (what the workflow sleeps towards). */
export interface Deadlines {
  stage: { id: string; startedAt: string; warningAt: string; deadline: string; paused: boolean } | null;
  /** When the next escalation step (warning or breach) fires, if any. */
  nextEscalationAt: string | null;
  answer: { round: number; reminderAt: string; deadline: string } | null;
  /** The open information request's reminder and deadline; null while none is open (or it has none). */
  info: { requestId: string; reminderAt: string; deadline: string } | null;
  progressUpdateAt: string | null;
}

/** The timers of a run, or of a run carried from code that had fewer timer groups. */
export function carriedTimers(carried: unknown): Timers {
  return { stage: null, answer: null, info: null, progressDueAt: null, ...(carried as Partial<Timers> | undefined) };
}

/** An escalation step (warning or breach) of the running stage has come; an activity fires it. */
export function escalationDue(timers: Timers, now: string): boolean {
  const { stage } = timers;
  return Boolean(stage && nextEscalationStep(stage.policy, stage.clock, stage.escalation, now)?.due);
}

/**
 * The reducer's events for the escalation steps an activity fired. With `collapseMissed`, breach
 * steps that came due together (an outage across several re-arm periods) become the last alone:
 * the reducer climbs every level they would have climbed and notifies only the step now due.
 */
export function escalationEvents(stage: TimedStageId, fired: readonly EscalationStep[], collapseMissed: boolean): SystemEvent[] {
  const lastBreach = fired.findLast((step) => step.kind === 'breach');
  return fired
    .filter((step) => !collapseMissed || step.kind !== 'breach' || step === lastBreach)
    .map((step) =>
      step.kind === 'warning'
        ? { type: 'deadline_warning', stage }
        : { type: 'deadline_breached', stage, breachCount: step.breach },
    );
}

/**
 * The next timer event due at `now` besides escalation, in a fixed order (answer reminder, answer
 * timeout, information reminder, information timeout, progress update), with the timers that
 * remain once it is taken. Ask again after applying it: its effects may have moved the others.
 */
export function nextDueEvent(timers: Timers, now: string): { event: SystemEvent; timers: Timers } | null {
  const { answer, info, progressDueAt } = timers;
  if (answer && !answer.reminded && now >= answer.reminderAt && now < answer.deadline) {
    return { event: { type: 'answer_reminder_due', round: answer.round }, timers: { ...timers, answer: { ...answer, reminded: true } } };
  }
  if (answer && now >= answer.deadline) {
    return { event: { type: 'customer_answer_timed_out', round: answer.round }, timers: { ...timers, answer: null } };
  }
  if (info && !info.reminded && now >= info.reminderAt && now < info.deadline) {
    return { event: { type: 'info_reminder_due', requestId: info.requestId }, timers: { ...timers, info: { ...info, reminded: true } } };
  }
  if (info && now >= info.deadline) {
    return { event: { type: 'info_answer_timed_out', requestId: info.requestId }, timers: { ...timers, info: null } };
  }
  if (progressDueAt && now >= progressDueAt) {
    return { event: { type: 'progress_update_due' }, timers: { ...timers, progressDueAt: null } };
  }
  return null;
}

/** Epoch ms of the earliest pending timer, or undefined when nothing is scheduled. */
export function nextWakeAt(timers: Timers, now: string): number | undefined {
  const { stage, answer, info, progressDueAt } = timers;
  const candidates: string[] = [];
  const step = stage && nextEscalationStep(stage.policy, stage.clock, stage.escalation, now)?.step;
  if (step) candidates.push(step.at);
  if (answer) candidates.push(answer.reminded ? answer.deadline : answer.reminderAt);
  if (info) candidates.push(info.reminded ? info.deadline : info.reminderAt);
  if (progressDueAt) candidates.push(progressDueAt);
  const times = candidates.map((c) => Date.parse(c));
  return times.length ? Math.min(...times) : undefined;
}

/** What a snapshot shows of the timers at `now`. */
export function deadlinesOf(timers: Timers, now: string): Deadlines {
  const { stage, answer, info, progressDueAt } = timers;
  const step = stage && nextEscalationStep(stage.policy, stage.clock, stage.escalation, now)?.step;
  return {
    stage: stage && {
      id: stage.id,
      startedAt: stage.clock.startedAt,
      warningAt: stage.clock.warningAt,
      deadline: stage.clock.deadline,
      paused: stage.clock.pausedAt !== null,
    },
    nextEscalationAt: step?.at ?? null,
    answer: answer && { round: answer.round, reminderAt: answer.reminderAt, deadline: answer.deadline },
    info: info && { requestId: info.requestId, reminderAt: info.reminderAt, deadline: info.deadline },
    progressUpdateAt: progressDueAt,
  };
}
