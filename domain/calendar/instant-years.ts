// The years an instant sent to a business-time question may be written in, as a pattern the
// OpenAPI document can state (a generated request then never lands outside the calendars' years).
import { CALENDAR_YEAR_LIMITS } from './registry.js';

/**
 * One inside the calendars' years each side, so that the instant's UTC year (an offset moves it
 * across New Year) still lies within them.
 */
export const INSTANT_YEARS = { min: CALENDAR_YEAR_LIMITS.min + 1, max: CALENDAR_YEAR_LIMITS.max - 1 } as const;

/** `^(?:1972|…|2074)-`: the year range as a pattern on the instant. */
export const INSTANT_YEAR_PATTERN = new RegExp(
  `^(?:${Array.from({ length: INSTANT_YEARS.max - INSTANT_YEARS.min + 1 }, (_, i) => INSTANT_YEARS.min + i).join('|')})-`,
);

export const INSTANT_YEAR_MESSAGE = `must lie within ${INSTANT_YEARS.min}–${INSTANT_YEARS.max}`;

/** Whether an ISO 8601 instant is written in those years (anything else is for the format check). */
export function isWrittenInCalendarYears(instant: string): boolean {
  return !/^\d{4}-/.test(instant) || INSTANT_YEAR_PATTERN.test(instant);
}
