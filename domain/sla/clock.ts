import type { BusinessDuration } from '../business-duration.js';
import {
  addBusinessDuration,
  addWorkingMinutes,
  businessMinutesBetween,
  type CalendarLike,
} from '../calendar/index.js';
import { toMs, type Instant, type SlaClock, type SlaPhase } from './clock-state.js';

/**
 * The SLA clock operations that need a calendar (run them in activities). The clock counts
 * business time from its start; a pause freezes it, and on resume the warning point and the
 * deadline move on by the business time the pause lasted, if the pause began before them.
 *
 * Elapsed time at t = business minutes from the start to t, minus the business minutes paused
 * before t. The budget (`targetMinutes`) is what the stage's duration amounted to at the start.
 */

export * from './clock-state.js';

export const DEFAULT_WARN_AT_SHARE = 0.75;

export interface StartClockInput {
  /** When the stage began; an out-of-hours instant starts the clock at the next opening. */
  at: Instant;
  duration: BusinessDuration;
  /** Default 0.75. */
  warnAtShare?: number;
}

export function startClock(calendar: CalendarLike, input: StartClockInput): SlaClock {
  const warnAtShare = input.warnAtShare ?? DEFAULT_WARN_AT_SHARE;
  if (!(warnAtShare > 0 && warnAtShare <= 1)) throw new RangeError(`warnAtShare must be in (0, 1], got ${warnAtShare}`);
  const received = new Date(toMs(input.at));
  const { clockStart, deadline } = addBusinessDuration(calendar, received, input.duration);
  const targetMinutes = businessMinutesBetween(calendar, clockStart, deadline);
  const warningAt = addWorkingMinutes(calendar, clockStart, targetMinutes * warnAtShare);
  return {
    calendarId: calendarIdOf(calendar),
    duration: input.duration,
    warnAtShare,
    receivedAt: received.toISOString(),
    startedAt: clockStart.toISOString(),
    targetMinutes,
    warningAt: warningAt.toISOString(),
    deadline: deadline.toISOString(),
    pausedAt: null,
    pauses: [],
    stoppedAt: null,
  };
}

/** Freezes the clock. Needs no calendar: the paused business time is measured on resume. */
export function pauseClock(clock: SlaClock, at: Instant): SlaClock {
  assertRunning(clock, 'pause');
  const t = toMs(at);
  assertNotBefore(clock, t, 'pause');
  return { ...clock, pausedAt: iso(t) };
}

/** Restarts a paused clock, pushing the warning point and deadline by the paused business time. */
export function resumeClock(calendar: CalendarLike, clock: SlaClock, at: Instant): SlaClock {
  checkCalendar(calendar, clock);
  if (clock.stoppedAt !== null) throw new ClockStateError('resume', 'stopped');
  if (clock.pausedAt === null) throw new ClockStateError('resume', 'running');
  const from = toMs(clock.pausedAt);
  const to = toMs(at);
  if (to < from) throw new RangeError(`cannot resume at ${iso(to)}, before the pause at ${clock.pausedAt}`);
  const minutes = businessMinutesBetween(calendar, new Date(from), new Date(to));
  // Only a point still ahead when the pause began moves; one already passed stays passed.
  const push = (instant: string) =>
    from < toMs(instant) && minutes > 0
      ? addWorkingMinutes(calendar, new Date(instant), minutes).toISOString()
      : instant;
  return {
    ...clock,
    warningAt: push(clock.warningAt),
    deadline: push(clock.deadline),
    pausedAt: null,
    pauses: [...clock.pauses, { from: clock.pausedAt, to: iso(to), businessMinutes: minutes }],
  };
}

/** Stops the clock for good (the stage is done). A pause still open is closed at `at`. */
export function stopClock(calendar: CalendarLike, clock: SlaClock, at: Instant): SlaClock {
  if (clock.stoppedAt !== null) throw new ClockStateError('stop', 'stopped');
  const t = toMs(at);
  assertNotBefore(clock, t, 'stop');
  const resumed = clock.pausedAt === null ? clock : resumeClock(calendar, clock, t);
  return { ...resumed, stoppedAt: iso(t) };
}

/** Business minutes the clock has counted by `at` (pauses excluded; frozen once stopped). */
export function elapsedMinutes(calendar: CalendarLike, clock: SlaClock, at: Instant): number {
  checkCalendar(calendar, clock);
  let t = toMs(at);
  if (clock.stoppedAt !== null) t = Math.min(t, toMs(clock.stoppedAt));
  const start = toMs(clock.startedAt);
  if (t <= start) return 0;
  // Sum in whole milliseconds so that readings at different instants stay exactly ordered.
  let pausedMs = 0;
  for (const p of clock.pauses) {
    const from = toMs(p.from);
    if (from >= t) break;
    pausedMs += toMs(p.to) <= t ? Math.round(p.businessMinutes * MINUTE_MS) : betweenMs(calendar, from, t);
  }
  if (clock.pausedAt !== null && toMs(clock.pausedAt) < t) pausedMs += betweenMs(calendar, toMs(clock.pausedAt), t);
  return Math.max(0, betweenMs(calendar, start, t) - pausedMs) / MINUTE_MS;
}

/** Business minutes left at `at`; negative once overdue. */
export function remainingMinutes(calendar: CalendarLike, clock: SlaClock, at: Instant): number {
  return clock.targetMinutes - elapsedMinutes(calendar, clock, at);
}

/**
 * The instant at which the clock will have counted `minutes` of business time, assuming no
 * further pauses (used to place re-armed escalations so that later pauses move them too).
 */
export function instantAtElapsed(calendar: CalendarLike, clock: SlaClock, minutes: number): Date {
  checkCalendar(calendar, clock);
  let t = addWorkingMinutes(calendar, new Date(clock.startedAt), minutes);
  for (const p of clock.pauses) {
    if (toMs(p.from) < t.getTime() && p.businessMinutes > 0) t = addWorkingMinutes(calendar, t, p.businessMinutes);
  }
  return t;
}

export interface SlaStatus {
  phase: SlaPhase;
  elapsedMinutes: number;
  /** Negative once overdue. */
  remainingMinutes: number;
  /** Business minutes past the deadline (0 when not overdue). */
  overdueMinutes: number;
  warningAt: string;
  deadline: string;
  /** For a stopped clock: whether it stopped by the deadline. */
  met: boolean | null;
}

/** Everything a screen or an API answer needs about the clock at `at`. */
export function slaStatusAt(calendar: CalendarLike, clock: SlaClock, at: Instant): SlaStatus {
  const elapsed = elapsedMinutes(calendar, clock, at);
  const remaining = clock.targetMinutes - elapsed;
  const stopped = clock.stoppedAt !== null;
  const t = stopped ? toMs(clock.stoppedAt!) : toMs(at);
  const phase: SlaPhase = stopped
    ? 'stopped'
    : clock.pausedAt !== null
      ? 'paused'
      : t >= toMs(clock.deadline)
        ? 'breached'
        : t >= toMs(clock.warningAt)
          ? 'warning'
          : 'running';
  return {
    phase,
    elapsedMinutes: elapsed,
    remainingMinutes: remaining,
    overdueMinutes: t > toMs(clock.deadline) ? Math.max(0, -remaining) : 0,
    warningAt: clock.warningAt,
    deadline: clock.deadline,
    met: stopped ? t <= toMs(clock.deadline) : null,
  };
}

export interface SlaOutcome {
  met: boolean;
  /** Business minutes to spare (met) or over (breached). */
  byMinutes: number;
}

/** Whether a stopped stage met its deadline, and by how much business time. */
export function slaOutcome(calendar: CalendarLike, clock: SlaClock): SlaOutcome {
  if (clock.stoppedAt === null) throw new ClockStateError('judge', 'running');
  const status = slaStatusAt(calendar, clock, clock.stoppedAt);
  return { met: status.met!, byMinutes: Math.abs(status.remainingMinutes) };
}

/** A clock operation that does not fit its state (e.g. resuming a running clock). */
export class ClockStateError extends Error {
  override readonly name = 'ClockStateError';
  constructor(
    readonly operation: string,
    readonly state: 'running' | 'paused' | 'stopped',
  ) {
    super(`cannot ${operation} a ${state} SLA clock`);
  }
}

const MINUTE_MS = 60_000;

function betweenMs(calendar: CalendarLike, from: number, to: number): number {
  return Math.round(businessMinutesBetween(calendar, new Date(from), new Date(to)) * MINUTE_MS);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function calendarIdOf(calendar: CalendarLike): string {
  return 'cumBefore' in calendar ? calendar.calendar.id : calendar.id;
}

function checkCalendar(calendar: CalendarLike, clock: SlaClock): void {
  const id = calendarIdOf(calendar);
  if (id !== clock.calendarId) throw new RangeError(`clock runs on calendar ${clock.calendarId}, got ${id}`);
}

function assertRunning(clock: SlaClock, operation: string): void {
  if (clock.stoppedAt !== null) throw new ClockStateError(operation, 'stopped');
  if (clock.pausedAt !== null) throw new ClockStateError(operation, 'paused');
}

function assertNotBefore(clock: SlaClock, t: number, operation: string): void {
  const last = Math.max(toMs(clock.receivedAt), ...clock.pauses.map((p) => toMs(p.to)));
  if (t < last) throw new RangeError(`cannot ${operation} at ${iso(t)}, before ${iso(last)}`);
}
