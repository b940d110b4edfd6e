// The KPI report's periods and backlog-ageing thresholds. Pure: dates in, instants out.
//
// A report names local dates (`from`, `to` inclusive) in the report's time zone; its figures count
// facts whose deciding instant is in [start of `from`, start of the day after `to`).
import type { CalendarLike } from '../calendar/index.js';
import { workingIntervalsOn } from '../calendar/index.js';
import { dayNumberOf, localDateOf, weekdayOf, zonedEpochMs } from '../calendar/local-time.js';

export interface ReportBounds {
  start: Date;
  end: Date;
}

/** [start of `from`, start of the day after `to`) in `timeZone`. */
export function reportBounds(from: string, to: string, timeZone: string): ReportBounds {
  return {
    start: new Date(zonedEpochMs(timeZone, dayNumberOf(from), 0)),
    end: new Date(zonedEpochMs(timeZone, dayNumberOf(to) + 1, 0)),
  };
}

/** Days from `from` to `to`, both counted. */
export function daysSpanned(from: string, to: string): number {
  return dayNumberOf(to) - dayNumberOf(from) + 1;
}

export type TimeGrouping = 'week' | 'month';

export interface SubPeriod {
  /** `2026-W05` (ISO week) or `2026-01`. */
  key: string;
  /** Local date the week or month starts on (before `from` for the first one when clipped). */
  unitStart: string;
  /** The part of the report inside this week or month, local dates, both inclusive. */
  from: string;
  to: string;
}

/** Every ISO week (Monday–Sunday) or calendar month the report touches, oldest first, clipped to it. */
export function subPeriods(from: string, to: string, unit: TimeGrouping): SubPeriod[] {
  const [first, last] = [dayNumberOf(from), dayNumberOf(to)];
  const out: SubPeriod[] = [];
  let unitStart = unit === 'week' ? first - ((weekdayOf(first) + 6) % 7) : dayNumberOf(`${from.slice(0, 7)}-01`);
  while (unitStart <= last) {
    const next = unit === 'week' ? unitStart + 7 : dayNumberOf(nextMonth(localDateOf(unitStart)));
    out.push({
      key: unit === 'week' ? isoWeekOf(unitStart) : localDateOf(unitStart).slice(0, 7),
      unitStart: localDateOf(unitStart),
      from: localDateOf(Math.max(unitStart, first)),
      to: localDateOf(Math.min(next - 1, last)),
    });
    unitStart = next;
  }
  return out;
}

function nextMonth(localDate: string): string {
  const [y, m] = [Number(localDate.slice(0, 4)), Number(localDate.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** `2026-W05` for the ISO week a Monday (day number) starts. */
function isoWeekOf(monday: number): string {
  // The ISO year is the year of the week's Thursday; week 1 holds that year's first Thursday.
  const thursday = monday + 3;
  const year = Number(localDateOf(thursday).slice(0, 4));
  const week = Math.floor((thursday - dayNumberOf(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Backlog ageing buckets by business days of age: [least, most] (most null = no upper bound). */
export const AGEING_BUCKETS = [
  { id: 'days0to2', least: 0, most: 2 },
  { id: 'days3to5', least: 3, most: 5 },
  { id: 'days6to10', least: 6, most: 10 },
  { id: 'days11to20', least: 11, most: 20 },
  { id: 'over20', least: 21, most: null },
] as const;
export type AgeingBucketId = (typeof AGEING_BUCKETS)[number]['id'];

/**
 * A complaint's age on the report's last day is the number of the calendar's working days after
 * the (calendar-local) day it was received, up to and including that last day: received on the
 * last day → 0. Age ≥ k ⇔ received before the local midnight starting the k-th working day
 * counted back from the last day. Returns those instants for k = each bucket's `least` above 0
 * (3, 6, 11, 21), so SQL buckets complaints with plain comparisons.
 */
export function ageingThresholds(calendar: CalendarLike, lastDay: string): Date[] {
  const wanted = AGEING_BUCKETS.map((b) => b.least).filter((k) => k > 0);
  const most = Math.max(...wanted);
  const workingDays: number[] = [];
  // 21 working days fit in well under a year even with long holidays (a guard, not a rule).
  for (let day = dayNumberOf(lastDay); workingDays.length < most && day > dayNumberOf(lastDay) - 366; day--) {
    if (workingIntervalsOn(calendar, localDateOf(day)).length > 0) workingDays.push(day);
  }
  return wanted.map((k) => {
    const day = workingDays[k - 1];
    return day === undefined ? new Date(0) : new Date(zonedEpochMs(calendar.timeZone, day, 0));
  });
}
