// How long a complaint took to resolve, counted as the KPI report counts it: working minutes of
// the complaint's calendar, and whether it closed within the FCA's "three business days". Pure:
// the calendar (with its overrides) comes in built by the caller.
import { businessMinutesBetween, workingIntervalsOn, type CalendarLike } from '../calendar/index.js';
import { localDateOf, zonedParts } from '../calendar/local-time.js';

/** The FCA's short-resolution figure (DISP 1.5): closed by close of business on the third business day after receipt. */
export const SHORT_RESOLUTION_BUSINESS_DAYS = 3;

/** More than a year without a business day is no calendar a complaint runs on. */
const MAX_DAYS_SEARCHED = 366;

export interface ResolutionTime {
  /** Working minutes from receipt to closure, rounded to the nearest minute. */
  businessMinutes: number;
  /** Closed at or before the end of the 3rd business day after the day of receipt. */
  closedWithin3BusinessDays: boolean;
}

export function resolutionTime(calendar: CalendarLike, receivedAt: Date, closedAt: Date): ResolutionTime {
  return {
    businessMinutes: Math.round(businessMinutesBetween(calendar, receivedAt, closedAt)),
    closedWithin3BusinessDays: closedAt.getTime() <= closeOfBusinessDaysAfter(calendar, receivedAt, SHORT_RESOLUTION_BUSINESS_DAYS).getTime(),
  };
}

/**
 * The close of business (end of the last working interval) of the `n`-th business day after the
 * local day of `at`. The day of receipt never counts, whether or not it is a business day or the
 * complaint came in hours; a business day is a local date with any working time (a half day too).
 */
export function closeOfBusinessDaysAfter(calendar: CalendarLike, at: Date, n: number): Date {
  const receiptDay = zonedParts(calendar.timeZone, at.getTime()).dayNumber;
  let counted = 0;
  for (let day = receiptDay + 1; day <= receiptDay + MAX_DAYS_SEARCHED; day++) {
    const intervals = workingIntervalsOn(calendar, localDateOf(day));
    if (intervals.length === 0) continue;
    counted++;
    if (counted === n) return intervals[intervals.length - 1]!.to;
  }
  throw new RangeError(`the calendar has no ${n} business days within ${MAX_DAYS_SEARCHED} days after ${at.toISOString()}`);
}
