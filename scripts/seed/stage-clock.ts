// Stage clocks as the workflow's clock activities compute them (domain/sla/clock.ts), on the
// process's calendar in epoch ms: the clock starts at the next opening, warns at its share of the
// budget, breaches at the deadline and re-arms as the escalation policy says; a pause pushes
// whatever was still ahead by the working minutes it lasted.
import type { BusinessDuration } from '../../domain/business-duration.js';
import { addBusinessDurationMs, addWorkingMinutes, businessMinutesBetween, nextOpening, type CompiledCalendar } from '../../domain/calendar/index.js';
import type { TimedStageId } from '../../domain/complaint.js';
import { stageDuration } from '../../domain/lifecycle/clocks.js';
import type { ProcessDefinition } from '../../domain/process-definition.js';

export interface RunningClock {
  stage: TimedStageId;
  /** When the stage started (the transition's instant). */
  startedAtMs: number;
  /** When the clock started counting: the next opening at or after the start. */
  clockStartMs: number;
  warningAtMs: number;
  deadlineMs: number;
  pausedAtMs: number | null;
  warned: boolean;
  breaches: number;
  /** When the next breach step fires (the deadline, then each re-arm). */
  nextBreachAtMs: number;
}

export class StageClocks {
  constructor(
    private readonly calendar: CompiledCalendar,
    private readonly definition: ProcessDefinition,
  ) {}

  start(stage: TimedStageId, atMs: number): RunningClock {
    const c = this.calendar;
    const { warnAtShare } = this.definition.stages[stage];
    const clockStartMs = nextOpening(c, new Date(atMs)).getTime();
    const deadlineMs = addBusinessDurationMs(c, atMs, stageDuration(stage, this.definition));
    const target = businessMinutesBetween(c, new Date(clockStartMs), new Date(deadlineMs));
    const warningAtMs = addWorkingMinutes(c, new Date(clockStartMs), target * warnAtShare).getTime();
    return { stage, startedAtMs: atMs, clockStartMs, warningAtMs, deadlineMs, pausedAtMs: null, warned: false, breaches: 0, nextBreachAtMs: deadlineMs };
  }

  /** The next breach after breach `breaches` (re-armed by the step that fired). */
  rearm(clock: RunningClock): void {
    const { onBreach } = this.definition.stages[clock.stage].escalation;
    const step = onBreach[Math.min(clock.breaches, onBreach.length) - 1];
    clock.nextBreachAtMs = step?.rearmAfter ? addBusinessDurationMs(this.calendar, clock.nextBreachAtMs, step.rearmAfter) : Infinity;
  }

  resume(clock: RunningClock, atMs: number): void {
    const from = clock.pausedAtMs!;
    clock.pausedAtMs = null;
    const minutes = businessMinutesBetween(this.calendar, new Date(from), new Date(atMs));
    if (minutes <= 0) return;
    const push = (ms: number) => (from < ms && Number.isFinite(ms) ? addWorkingMinutes(this.calendar, new Date(ms), minutes).getTime() : ms);
    clock.warningAtMs = push(clock.warningAtMs);
    clock.deadlineMs = push(clock.deadlineMs);
    clock.nextBreachAtMs = push(clock.nextBreachAtMs);
  }

  /** Signed working minutes from `atMs` to the clock's deadline (positive: met with time to spare). */
  minutesToDeadline(clock: RunningClock, atMs: number): number {
    return businessMinutesBetween(this.calendar, new Date(atMs), new Date(clock.deadlineMs));
  }

  /** An answer window as the clock activities compute it: the reminder at its share of the business time. */
  window(atMs: number, duration: BusinessDuration, reminderAtShare: number): { reminderAtMs: number; deadlineMs: number } {
    const c = this.calendar;
    const clockStartMs = nextOpening(c, new Date(atMs)).getTime();
    const deadlineMs = addBusinessDurationMs(c, atMs, duration);
    const target = businessMinutesBetween(c, new Date(clockStartMs), new Date(deadlineMs));
    return { reminderAtMs: addWorkingMinutes(c, new Date(clockStartMs), target * reminderAtShare).getTime(), deadlineMs };
  }

  add(atMs: number, duration: BusinessDuration): number {
    return addBusinessDurationMs(this.calendar, atMs, duration);
  }

  /** The next working instant at or after `atMs` (agents decide in working hours). */
  opening(atMs: number): number {
    return nextOpening(this.calendar, new Date(atMs)).getTime();
  }

  minutesBetween(fromMs: number, toMs: number): number {
    return businessMinutesBetween(this.calendar, new Date(fromMs), new Date(toMs));
  }
}
