import type { BusinessDuration } from '../domain/business-duration.js';
import type { Calendar } from '../domain/calendar/index.js';
import { CALENDAR_YEAR_LIMITS, getCalendar, yearsFor } from '../domain/calendar/registry.js';

/**
 * Finds the calendar a process definition names, built for every year a computation may touch:
 * from `since` (a clock's start, which may be years back for a long pause) to a deadline from `at`.
 */
export type CalendarResolver = (calendarId: string, at: Date, duration?: BusinessDuration, since?: Date) => Calendar;

/** The shipped calendars (TR, US, DE, AZ, IR), plus any given (e.g. a round-the-clock one in tests). */
export function calendarResolver(extra: Readonly<Record<string, Calendar>> = {}): CalendarResolver {
  return (calendarId, at, duration, since) => {
    const given = extra[calendarId];
    if (given) return given;
    const years = yearsFor(at, duration);
    const from = since ? Math.min(years.from, since.getUTCFullYear() - 1) : years.from;
    return getCalendar(calendarId, { from: Math.max(from, years.to - CALENDAR_YEAR_LIMITS.maxSpan + 1), to: years.to });
  };
}
