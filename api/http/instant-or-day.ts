// A query bound that is an instant with an offset (2026-03-01T09:00:00+03:00) or a whole UTC day
// (2026-03-01). The document states the shape as a pattern, so a request it allows is never
// refused with 400; what a pattern cannot say (a day its month lacks, a bound past 9999) is a rule
// stated in words, answered 422.
import { z } from '@hono/zod-openapi';
import { namesRealDay } from '../../domain/calendar/instant-years.js';
import { ruleIssue } from '../../domain/schema-issues.js';

const DATE = '(?:19[7-9]\\d|[2-9]\\d{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])';
const TIME = '(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,9})?)?';
const OFFSET = '(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)';
export const INSTANT_OR_DAY_PATTERN = new RegExp(`^${DATE}(?:T${TIME}${OFFSET})?$`);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const SHAPE_MESSAGE = 'expected an ISO 8601 instant with an offset (2026-03-01T09:00:00Z) or a day (2026-03-01), from 1970';

/**
 * Parses to the bound as a Date: a day is its start, or as an upper bound (`end`) the next day's
 * start, so that it includes all of it.
 */
export function instantOrDaySchema(end: boolean) {
  return z
    .string()
    .regex(INSTANT_OR_DAY_PATTERN, SHAPE_MESSAGE)
    .transform((s, ctx) => {
      if (!namesRealDay(s)) {
        ctx.addIssue(ruleIssue([], `${s.slice(0, 10)} is not a day of its month`));
        return z.NEVER;
      }
      const day = DAY.test(s);
      const at = new Date(day ? `${s}T00:00:00Z` : s);
      const bound = day && end ? new Date(at.getTime() + 86_400_000) : at;
      // PostgreSQL has no year 0, and JavaScript writes years past 9999 as +010000.
      if (bound.getUTCFullYear() < 1970 || bound.getUTCFullYear() > 9999) {
        ctx.addIssue(ruleIssue([], 'must fall, in UTC, between 1970 and 9999'));
        return z.NEVER;
      }
      return bound;
    });
}
