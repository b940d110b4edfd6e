import type { Calendar, DayHours, WeekHours } from './schema.js';
import { WEEKDAYS } from './schema.js';
import { dayNumberOf, localDateOf, minutesOf, weekdayOf, zonedEpochMs, zonedParts } from './local-time.js';

/**
 * The compiled form of a calendar: every working interval of its years as epoch-ms pieces, in
 * one ascending table, with running totals of business time. Deadline arithmetic is then a
 * binary search and an addition; the time zone is consulted only here, once per interval edge.
 *
 * A piece never spans a UTC-offset change: an interval crossed by a DST transition is split in
 * two, so inside a piece local time and epoch time advance together.
 */
export interface CompiledCalendar {
  readonly calendar: Calendar;
  readonly timeZone: string;
  /** Day number (days since 1970-01-01) of the first local date covered. */
  readonly firstDay: number;
  readonly dayCount: number;
  /** Epoch ms of local midnight starting the first covered day, and ending the last. */
  readonly rangeStartMs: number;
  readonly rangeEndMs: number;
  /** Per piece: start and end (epoch ms), business ms before its start, local ms of day at its start, day index. */
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly cumBefore: Float64Array;
  readonly cumAfter: Float64Array;
  readonly localStart: Float64Array;
  readonly day: Int32Array;
  /** Pieces of day index d are `[dayFirst[d], dayFirst[d + 1])`. */
  readonly dayFirst: Int32Array;
  /** Day indexes that have working time, ascending, and per day index how many come before it. */
  readonly workDays: Int32Array;
  readonly workDayRank: Int32Array;
}

/** Thrown when arithmetic needs a date outside the years a calendar was built for. */
export class CalendarRangeError extends RangeError {
  override readonly name = 'CalendarRangeError';
  constructor(
    readonly calendarId: string,
    readonly years: { from: number; to: number },
    at: string,
  ) {
    super(`calendar ${calendarId} covers ${years.from}–${years.to}; ${at} is outside it (build it for more years)`);
  }
}

const MINUTE_MS = 60_000;

/** The local working hours of one date, after exceptions, holidays and half days. */
export function dayHoursOf(calendar: Calendar, localDate: string): DayHours {
  return resolver(calendar)(dayNumberOf(localDate));
}

/** Builds a function from day number to that day's hours; the lookups are prepared once. */
function resolver(calendar: Calendar): (dayNumber: number) => DayHours {
  const exceptions = new Map(calendar.exceptions.map((e) => [e.date, e]));
  const holidays = new Set(calendar.holidays.map((h) => h.date));
  const halfDays = new Map<string, string>();
  for (const h of calendar.halfDays) {
    const earlier = halfDays.get(h.date);
    halfDays.set(h.date, earlier !== undefined && earlier < h.until ? earlier : h.until);
  }
  const schedules = calendar.weeklyHours.map((s) => ({
    from: s.effectiveFrom === undefined ? -Infinity : dayNumberOf(s.effectiveFrom),
    days: s.days,
  }));
  return (dayNumber) => {
    const date = localDateOf(dayNumber);
    const exception = exceptions.get(date);
    if (exception) return exception.kind === 'open' ? exception.hours : [];
    if (holidays.has(date)) return [];
    let days: WeekHours = schedules[0]!.days;
    for (const s of schedules) if (s.from <= dayNumber) days = s.days;
    const hours = days[WEEKDAYS[weekdayOf(dayNumber)]!] ?? [];
    const until = halfDays.get(date);
    if (until === undefined) return hours;
    return hours.filter((i) => i.from < until).map((i) => (i.to > until ? { from: i.from, to: until } : i));
  };
}

const cache = new WeakMap<Calendar, CompiledCalendar>();

/** Compiles (once per calendar object; treat calendars as immutable) for fast arithmetic. */
export function compileCalendar(calendar: Calendar): CompiledCalendar {
  const hit = cache.get(calendar);
  if (hit) return hit;
  const compiled = build(calendar);
  cache.set(calendar, compiled);
  return compiled;
}

export function isCompiled(c: Calendar | CompiledCalendar): c is CompiledCalendar {
  return 'cumBefore' in c;
}

export function asCompiled(c: Calendar | CompiledCalendar): CompiledCalendar {
  return isCompiled(c) ? c : compileCalendar(c);
}

interface Piece {
  start: number;
  end: number;
  localStart: number;
  day: number;
}

function build(calendar: Calendar): CompiledCalendar {
  const { timeZone } = calendar;
  const firstDay = dayNumberOf(`${calendar.years.from}-01-01`);
  const dayCount = dayNumberOf(`${calendar.years.to + 1}-01-01`) - firstDay;
  const hoursOf = resolver(calendar);
  const pieces: Piece[] = [];
  const dayFirst = new Int32Array(dayCount + 1);
  const workDays: number[] = [];
  const workDayRank = new Int32Array(dayCount + 1);

  for (let d = 0; d < dayCount; d++) {
    dayFirst[d] = pieces.length;
    workDayRank[d] = workDays.length;
    for (const interval of hoursOf(firstDay + d)) {
      pushPieces(pieces, timeZone, firstDay + d, d, minutesOf(interval.from), minutesOf(interval.to));
    }
    if (pieces.length > dayFirst[d]!) workDays.push(d);
  }
  dayFirst[dayCount] = pieces.length;
  workDayRank[dayCount] = workDays.length;

  const n = pieces.length;
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  const cumBefore = new Float64Array(n);
  const cumAfter = new Float64Array(n);
  const localStart = new Float64Array(n);
  const day = new Int32Array(n);
  let total = 0;
  pieces.forEach((p, i) => {
    start[i] = p.start;
    end[i] = p.end;
    localStart[i] = p.localStart;
    day[i] = p.day;
    cumBefore[i] = total;
    total += p.end - p.start;
    cumAfter[i] = total;
  });

  return {
    calendar,
    timeZone,
    firstDay,
    dayCount,
    rangeStartMs: zonedEpochMs(timeZone, firstDay, 0),
    rangeEndMs: zonedEpochMs(timeZone, firstDay + dayCount, 0),
    start,
    end,
    cumBefore,
    cumAfter,
    localStart,
    day,
    dayFirst,
    workDays: Int32Array.from(workDays),
    workDayRank,
  };
}

/** One local interval → one piece, or two when a UTC-offset change falls inside it. */
function pushPieces(
  out: Piece[],
  timeZone: string,
  dayNumber: number,
  d: number,
  fromMin: number,
  toMin: number,
): void {
  const s = zonedEpochMs(timeZone, dayNumber, fromMin);
  const e = zonedEpochMs(timeZone, dayNumber, toMin);
  if (e <= s) return; // the whole interval lies in a spring-forward gap
  if (e - s === (toMin - fromMin) * MINUTE_MS) {
    out.push({ start: s, end: e, localStart: fromMin * MINUTE_MS, day: d });
    return;
  }
  // Find the first local minute whose offset differs from the interval start's.
  const drift = (m: number) => zonedEpochMs(timeZone, dayNumber, m) - s - (m - fromMin) * MINUTE_MS;
  let lo = fromMin;
  let hi = toMin;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (drift(mid) === 0) lo = mid;
    else hi = mid;
  }
  const t = zonedEpochMs(timeZone, dayNumber, hi);
  if (t > s) out.push({ start: s, end: t, localStart: fromMin * MINUTE_MS, day: d });
  if (e > t) {
    const local = zonedParts(timeZone, t).minuteOfDay;
    out.push({ start: t, end: e, localStart: local * MINUTE_MS, day: d });
  }
}
