// The years an instant sent to a business-time question may be written in, as a pattern the
// OpenAPI document can state (a generated request then never lands outside the calendars' years).
import { z } from 'zod';
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

/**
 * An ISO 8601 instant with an offset (`2026-03-02T10:00:00+03:00`) written in those years, as one
 * pattern: the document states it whole (a generator then draws valid instants straight from it,
 * instead of filtering date-times by year), and the validator is that pattern. A day its month
 * lacks (02-30) fits the pattern and is a rule issue (422).
 */
export const CALENDAR_INSTANT_PATTERN = new RegExp(
  `${INSTANT_YEAR_PATTERN.source}(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d{1,9})?(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)$`,
);

/** Whether a text starting `YYYY-MM-DD` names a day of its month (a pattern lets 02-30 through). */
export function namesRealDay(text: string): boolean {
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Whether the instant's date names a day of its month (and so parses); off the pattern is the pattern's to say. */
export function isRealInstant(instant: string): boolean {
  return !CALENDAR_INSTANT_PATTERN.test(instant) || namesRealDay(instant);
}

export function calendarInstantSchema(message: string) {
  return z
    .string()
    .regex(CALENDAR_INSTANT_PATTERN, `${message}, ${INSTANT_YEAR_MESSAGE}`)
    .refine(isRealInstant, { message: 'names a day its month does not have', params: { rule: true } });
}
