import type { BusinessDuration } from '../business-duration.js';
import type { Calendar } from './schema.js';
import { asCompiled, CalendarRangeError, type CompiledCalendar } from './compile.js';
import { formatZoned, localDateOf } from './local-time.js';

/**
 * Business-time arithmetic on a calendar. Pure and deterministic: every instant comes in as an
 * argument. Working intervals are half-open: a complaint at 18:00:00 on a 09:00–18:00 day
 * arrived after closing.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

export type CalendarLike = Calendar | CompiledCalendar;

export interface DeadlineResult {
  /** When the clock starts: `from`, or the next opening if `from` is out of hours. */
  clockStart: Date;
  deadline: Date;
}

/** The first working instant at or after `at` (the out-of-hours rule). */
export function nextOpening(calendar: CalendarLike, at: Date): Date {
  const c = asCompiled(calendar);
  return new Date(openingMs(c, at.getTime()));
}

/** Whether `at` lies inside a working interval. */
export function isWorkingTime(calendar: CalendarLike, at: Date): boolean {
  const c = asCompiled(calendar);
  const t = at.getTime();
  checkInRange(c, t);
  const i = firstEndingAfter(c, t);
  return i < c.start.length && c.start[i]! <= t;
}

/**
 * Adds business time. `workingHours` counts only time inside working intervals, ending at the
 * earliest instant the sum is reached (so a deadline can fall on a closing time). `workingDays`
 * lands on the same local time on the N-th following working day, or at the end of that day's
 * working hours if that time is not within them. Either way the clock starts at the next
 * opening when `from` is out of hours.
 */
export function addBusinessDuration(calendar: CalendarLike, from: Date, duration: BusinessDuration): DeadlineResult {
  const c = asCompiled(calendar);
  const start = openingMs(c, from.getTime());
  const deadline =
    'workingHours' in duration
      ? addMs(c, start, Math.round(duration.workingHours * HOUR_MS))
      : addDays(c, start, duration.workingDays);
  return { clockStart: new Date(start), deadline: new Date(deadline) };
}

/** Epoch-ms form of {@link addBusinessDuration} for hot loops: returns the deadline only. */
export function addBusinessDurationMs(c: CompiledCalendar, fromMs: number, duration: BusinessDuration): number {
  const start = openingMs(c, fromMs);
  return 'workingHours' in duration
    ? addMs(c, start, Math.round(duration.workingHours * HOUR_MS))
    : addDays(c, start, duration.workingDays);
}

/**
 * Adds working minutes (may be fractional; 0 returns the next opening). The result is the
 * earliest instant at which that much business time has passed since `from`.
 */
export function addWorkingMinutes(calendar: CalendarLike, from: Date, minutes: number): Date {
  if (!(minutes >= 0)) throw new RangeError(`minutes must be ≥ 0, got ${minutes}`);
  const c = asCompiled(calendar);
  const start = openingMs(c, from.getTime());
  return new Date(minutes === 0 ? start : addMs(c, start, Math.round(minutes * MINUTE_MS)));
}

/** Working minutes between two instants; negative when `to` is before `from`. */
export function businessMinutesBetween(calendar: CalendarLike, from: Date, to: Date): number {
  const c = asCompiled(calendar);
  const minutes = (cumulativeMs(c, to.getTime()) - cumulativeMs(c, from.getTime())) / MINUTE_MS;
  return minutes === 0 ? 0 : minutes; // never -0
}

/** ISO 8601 in the calendar's zone with its offset, e.g. `2026-03-23T13:00:00+03:00`. */
export function toZonedIso(calendar: CalendarLike, at: Date): string {
  return formatZoned(calendar.timeZone, at.getTime());
}

/** The working intervals of a local date as instants (empty on a closed day). */
export function workingIntervalsOn(calendar: CalendarLike, localDate: string): { from: Date; to: Date }[] {
  const c = asCompiled(calendar);
  const d = Math.round(Date.parse(`${localDate}T00:00:00Z`) / 86_400_000) - c.firstDay;
  if (!(d >= 0 && d < c.dayCount)) throw rangeError(c, localDate);
  const out: { from: Date; to: Date }[] = [];
  for (let i = c.dayFirst[d]!; i < c.dayFirst[d + 1]!; i++) {
    // Pieces split by an offset change are contiguous; report them as one interval.
    const last = out[out.length - 1];
    if (last && last.to.getTime() === c.start[i]) last.to = new Date(c.end[i]!);
    else out.push({ from: new Date(c.start[i]!), to: new Date(c.end[i]!) });
  }
  return out;
}

// ---- internals on epoch ms -------------------------------------------------------------

function rangeError(c: CompiledCalendar, at: string): CalendarRangeError {
  return new CalendarRangeError(c.calendar.id, c.calendar.years, at);
}

function checkInRange(c: CompiledCalendar, t: number): void {
  if (!(t >= c.rangeStartMs && t < c.rangeEndMs)) {
    throw rangeError(c, Number.isFinite(t) ? new Date(t).toISOString() : String(t));
  }
}

/** Index of the first piece ending after `t` (piece count if none). */
function firstEndingAfter(c: CompiledCalendar, t: number): number {
  const end = c.end;
  let lo = 0;
  let hi = end.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (end[mid]! > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function openingMs(c: CompiledCalendar, t: number): number {
  checkInRange(c, t);
  const i = firstEndingAfter(c, t);
  if (i === c.start.length) throw rangeError(c, new Date(t).toISOString());
  const s = c.start[i]!;
  return s > t ? s : t;
}

/** Business ms from the start of the covered range up to `t`. */
function cumulativeMs(c: CompiledCalendar, t: number): number {
  if (!(t >= c.rangeStartMs && t <= c.rangeEndMs)) checkInRange(c, t);
  const i = firstEndingAfter(c, t);
  if (i === c.start.length) return i === 0 ? 0 : c.cumAfter[i - 1]!;
  const s = c.start[i]!;
  return c.cumBefore[i]! + (t > s ? t - s : 0);
}

/** `start` must be a working instant; `ms` > 0. */
function addMs(c: CompiledCalendar, start: number, ms: number): number {
  const target = cumulativeMs(c, start) + ms;
  const after = c.cumAfter;
  let lo = 0;
  let hi = after.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (after[mid]! >= target) hi = mid;
    else lo = mid + 1;
  }
  if (lo === after.length) throw rangeError(c, `${ms / HOUR_MS} working hours after ${new Date(start).toISOString()}`);
  return c.start[lo]! + (target - c.cumBefore[lo]!);
}

/** `start` must be a working instant. */
function addDays(c: CompiledCalendar, start: number, days: number): number {
  const i = firstEndingAfter(c, start);
  const local = c.localStart[i]! + (start - c.start[i]!);
  const rank = c.workDayRank[c.day[i]!]! + days;
  if (rank >= c.workDays.length) {
    throw rangeError(c, `${days} working days after ${localDateOf(c.firstDay + c.day[i]!)}`);
  }
  const d = c.workDays[rank]!;
  const first = c.dayFirst[d]!;
  const last = c.dayFirst[d + 1]! - 1;
  for (let j = first; j <= last; j++) {
    const from = c.localStart[j]!;
    if (local < from) {
      // A local time skipped by a spring-forward jump inside working hours: take the jump's end.
      if (j > first && c.end[j - 1] === c.start[j]) return c.start[j]!;
      break;
    }
    if (local <= from + (c.end[j]! - c.start[j]!)) return c.start[j]! + (local - from);
  }
  return c.end[last]!;
}
