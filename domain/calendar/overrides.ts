import { DomainError, type FieldIssue } from '../errors.js';
import { dayHoursOf } from './compile.js';
import { CALENDAR_DEFINITIONS } from './definitions.js';
import { dayNumberOf, minutesOf, weekdayOf } from './local-time.js';
import { CALENDAR_YEAR_LIMITS, getCalendar } from './registry.js';
import type { Calendar, CalendarException, CalendarOverrides, DayHours, MovingHolidayOverride } from './schema.js';

/**
 * What a process owner's overrides mean for one calendar: the checks that need the calendar itself
 * (the schema alone cannot know that 29 October is already closed in Turkey), and the one stored
 * form of a document. Uses the registry (heavy): activities and the API only.
 */

/** Overrides as stored: both lists present, in date order, so equal documents hash equal. */
export interface NormalizedOverrides {
  movingHolidays: MovingHolidayOverride[];
  exceptions: CalendarException[];
}

export const NO_OVERRIDES: NormalizedOverrides = Object.freeze({ movingHolidays: [], exceptions: [] }) as NormalizedOverrides;

export function normalizeOverrides(overrides: CalendarOverrides): NormalizedOverrides {
  const movingHolidays = (overrides.movingHolidays ?? []).map(({ key, firstDay }) => ({ key, firstDay }));
  const exceptions = (overrides.exceptions ?? []).map(({ ...e }) => e);
  return {
    movingHolidays: movingHolidays.sort((a, b) => a.firstDay.localeCompare(b.firstDay) || a.key.localeCompare(b.key)),
    exceptions: exceptions.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind)),
  };
}

/** Two first days of one key closer than this move the same occurrence (lunar years are ~354 days). */
const SAME_OCCURRENCE_DAYS = 60;

/**
 * Every entry that does not fit the calendar, with its path in the document: an unknown holiday
 * key, an announced day with no such holiday near it, a closure on a day already closed, an extra
 * working day that adds no working time, two entries for one day or one holiday, a date outside the
 * years calendars cover. Empty when the document may be stored. Throws NOT_FOUND for an unknown id.
 */
export function overrideIssues(calendarId: string, overrides: CalendarOverrides): FieldIssue[] {
  const definition = CALENDAR_DEFINITIONS.find((d) => d.id === calendarId);
  if (!definition) throw new DomainError('NOT_FOUND', `no calendar "${calendarId}"`);
  const movable = (definition.holidays.multiDay ?? []).map((m) => m.key);
  const issues: FieldIssue[] = [];
  const validMoves: { move: MovingHolidayOverride; index: number }[] = [];

  (overrides.movingHolidays ?? []).forEach((move, i) => {
    const path = `movingHolidays.${i}`;
    if (!movable.includes(move.key)) {
      const known = movable.length ? `its moving holidays are ${movable.join(', ')}` : 'it has no moving holidays';
      issues.push({ path: `${path}.key`, message: `${calendarId} has no moving holiday "${move.key}"; ${known}` });
      return;
    }
    const outside = yearIssue(move.firstDay);
    if (outside) return void issues.push({ path: `${path}.firstDay`, message: outside });
    const twin = validMoves.find(
      ({ move: m }) => m.key === move.key && Math.abs(dayNumberOf(m.firstDay) - dayNumberOf(move.firstDay)) < SAME_OCCURRENCE_DAYS,
    );
    if (twin) return void issues.push({ path: `${path}.firstDay`, message: `moves the same ${move.key} as movingHolidays.${twin.index}` });
    if (!movesAnOccurrence(calendarId, move)) {
      const message = `${calendarId} has no ${move.key} within 15 days of ${move.firstDay} to move there`;
      return void issues.push({ path: `${path}.firstDay`, message });
    }
    validMoves.push({ move, index: i });
  });

  const movingHolidays = validMoves.map((v) => v.move);
  // One calendar per year (the registry's cache holds only so many).
  const years = new Map<number, Calendar>();
  const calendarOf = (year: number) => years.get(year) ?? years.set(year, getCalendar(calendarId, year, { movingHolidays })).get(year)!;
  const seen = new Map<string, number>();
  (overrides.exceptions ?? []).forEach((exception, i) => {
    const path = `exceptions.${i}.date`;
    const outside = yearIssue(exception.date);
    if (outside) return void issues.push({ path, message: outside });
    const earlier = seen.get(exception.date);
    if (earlier !== undefined) return void issues.push({ path, message: `exceptions.${earlier} is on ${exception.date} too` });
    seen.set(exception.date, i);
    const calendar = calendarOf(Number(exception.date.slice(0, 4)));
    const hours = dayHoursOf(calendar, exception.date);
    if (exception.kind === 'closed' && hours.length === 0) {
      issues.push({ path, message: `${exception.date} is already closed (${whyClosed(calendar, exception.date)})` });
    }
    if (exception.kind === 'open' && covers(hours, exception.hours)) {
      const message = `${exception.date} already works ${describeHours(hours)}: an extra working day must add working time`;
      issues.push({ path, message });
    }
  });
  return issues;
}

function yearIssue(date: string): string | undefined {
  const year = Number(date.slice(0, 4));
  const { min, max } = CALENDAR_YEAR_LIMITS;
  return year < min || year > max ? `must lie within ${min}–${max}, the years calendars cover` : undefined;
}

/** The registry's own rule decides (a first day within 15 days of one it computes), so both agree. */
function movesAnOccurrence(calendarId: string, move: MovingHolidayOverride): boolean {
  try {
    getCalendar(calendarId, Number(move.firstDay.slice(0, 4)), { movingHolidays: [move] });
    return true;
  } catch (err) {
    if (err instanceof DomainError) throw err;
    return false;
  }
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function whyClosed(calendar: Calendar, date: string): string {
  const named = calendar.exceptions.find((e) => e.date === date) ?? calendar.holidays.find((h) => h.date === date);
  return named ? named.name : `a ${WEEKDAY_NAMES[weekdayOf(dayNumberOf(date))]}`;
}

/** True when every interval of `wanted` lies inside the day's hours already. */
function covers(hours: DayHours, wanted: DayHours): boolean {
  return wanted.every((w) => hours.some((h) => minutesOf(h.from) <= minutesOf(w.from) && minutesOf(w.to) <= minutesOf(h.to)));
}

function describeHours(hours: DayHours): string {
  return hours.map((h) => `${h.from}–${h.to}`).join(', ');
}
