import type { BusinessDuration } from '../domain/business-duration.js';
import type { Calendar } from '../domain/calendar/index.js';
import { getCalendar, yearsFor } from '../domain/calendar/registry.js';

/** Finds the calendar a process definition names, built for the years a deadline from `at` may need. */
export type CalendarResolver = (calendarId: string, at: Date, duration?: BusinessDuration) => Calendar;

/** The shipped calendars (TR, US, DE, AZ, IR), plus any given (e.g. a round-the-clock one in tests). */
export function calendarResolver(extra: Readonly<Record<string, Calendar>> = {}): CalendarResolver {
  return (calendarId, at, duration) => extra[calendarId] ?? getCalendar(calendarId, yearsFor(at, duration));
}
