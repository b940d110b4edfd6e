/**
 * Business calendars and business-time arithmetic. Pure: no I/O, no clock; pass every instant in.
 * Never import from workflow code: workflows receive absolute instants computed by activities.
 *
 * Public API (this module; light — zod and @date-fns/tz only):
 *   calendarSchema, type Calendar               the calendar as zod-validated plain data
 *   calendarOverridesSchema, CalendarOverrides  announced religious dates, closures, extra working days
 *   addBusinessDuration(cal, from: Date, d: BusinessDuration) → { clockStart: Date, deadline: Date }
 *   businessMinutesBetween(cal, from: Date, to: Date) → number   (signed working minutes)
 *   addWorkingMinutes(cal, from: Date, minutes) → Date
 *   nextOpening(cal, at: Date) → Date           the out-of-hours rule
 *   isWorkingTime(cal, at: Date) → boolean
 *   dayHoursOf(cal: Calendar, 'YYYY-MM-DD') → DayHours            local hours after holidays etc.
 *   workingIntervalsOn(cal, 'YYYY-MM-DD') → { from: Date, to: Date }[]
 *   holidaysInYear(cal: Calendar, year) → { holidays, halfDays, exceptions }
 *   weeklyHoursInYear(cal: Calendar, year) → { effectiveFrom, effectiveUntil, days }[]   schedules in force
 *   toZonedIso(cal, at: Date) → '2026-03-23T13:00:00+03:00'   (the calendar's zone offset)
 *   compileCalendar(cal) → CompiledCalendar     optional: every function above compiles on first
 *                                               use and caches per calendar object
 *   addBusinessDurationMs(compiled, fromMs, d) → deadline ms       hot-loop form
 *   CalendarRangeError                          thrown outside the years a calendar was built for
 *
 * The shipped calendars (TR, US, DE, AZ, IR) come from `./registry.js`, which is heavy
 * (date-holidays, 12 MB) and so is not re-exported here:
 *   listCalendars() → { id, name, timeZone }[]
 *   getCalendar(id, year | { from, to }, overrides?) → Calendar   cached, frozen; DomainError NOT_FOUND
 *   yearsFor(at: Date, duration?) → { from, to }                    years a deadline from `at` may need
 *
 * Process owners' overrides (`./overrides.js`, heavy too: it builds calendars to check against):
 *   overrideIssues(id, overrides) → FieldIssue[]    entries that do not fit the calendar, by path
 *   normalizeOverrides(overrides) → { movingHolidays, exceptions }   the stored form, in date order
 * The overrides in force live in PostgreSQL: read-model/calendar-resolver.ts applies them.
 */
import { dayNumberOf, localDateOf } from './local-time.js';
import type { Calendar, CalendarException, HalfDay, Holiday, WeekHours } from './schema.js';

export * from './schema.js';
export {
  addBusinessDuration,
  addBusinessDurationMs,
  addWorkingMinutes,
  businessMinutesBetween,
  toZonedIso,
  isWorkingTime,
  nextOpening,
  workingIntervalsOn,
  type CalendarLike,
  type DeadlineResult,
} from './arithmetic.js';
export { CalendarRangeError, compileCalendar, dayHoursOf, type CompiledCalendar } from './compile.js';

/** One year's holidays, half days and exceptions of a calendar (for `GET /v1/calendars/{id}?year=`). */
export function holidaysInYear(
  calendar: Calendar,
  year: number,
): { holidays: Holiday[]; halfDays: HalfDay[]; exceptions: CalendarException[] } {
  const prefix = `${year}-`;
  return {
    holidays: calendar.holidays.filter((h) => h.date.startsWith(prefix)),
    halfDays: calendar.halfDays.filter((h) => h.date.startsWith(prefix)),
    exceptions: calendar.exceptions.filter((e) => e.date.startsWith(prefix)),
  };
}

/**
 * The weekly schedules in force during `year`, each with its first and last day in force
 * (inclusive; null when open-ended).
 */
export function weeklyHoursInYear(
  calendar: Calendar,
  year: number,
): { effectiveFrom: string | null; effectiveUntil: string | null; days: WeekHours }[] {
  const [first, last] = [`${year}-01-01`, `${year}-12-31`];
  return calendar.weeklyHours.flatMap((schedule, i) => {
    const next = calendar.weeklyHours[i + 1]?.effectiveFrom;
    const effectiveFrom = schedule.effectiveFrom ?? null;
    const effectiveUntil = next === undefined ? null : localDateOf(dayNumberOf(next) - 1);
    const inForce =
      (effectiveFrom === null || effectiveFrom <= last) && (effectiveUntil === null || effectiveUntil >= first);
    return inForce ? [{ effectiveFrom, effectiveUntil, days: schedule.days }] : [];
  });
}
