import { z } from 'zod';
import { isStorableText, nonBlankText, STORABLE_TEXT_MESSAGE } from '../complaint-schemas.js';
import { ruleIssue } from '../schema-issues.js';

/** What a pattern cannot state (a day its month lacks, an order between fields) is a rule: 422 at the API. */
const RULE = { params: { rule: true } } as const;

/**
 * A business calendar as plain, validated data: an IANA time zone, effective-dated weekly
 * working hours, full-day holidays, half days and named exceptions, all in local dates and
 * wall-clock times of that zone. No transforms: parsed input equals output, so a calendar can
 * cross any boundary as JSON.
 *
 * For one local date the hours come from, in order of precedence:
 * an exception (`open` with its hours, or `closed`) → a holiday (closed) → a half day (the
 * weekly hours cut at `until`) → the weekly schedule in effect on that date.
 */

const LOCAL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const LOCAL_TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** A local calendar date, `YYYY-MM-DD`, that exists in the proleptic Gregorian calendar. */
export const localDateSchema = z
  .string()
  .regex(LOCAL_DATE, 'a local date is YYYY-MM-DD')
  .refine(isRealDate, { message: 'no such date', ...RULE });

/** A local wall-clock time, `HH:mm`; `24:00` is allowed as the end of a day. */
export const localTimeSchema = z.string().regex(LOCAL_TIME, 'a local time is HH:mm (00:00–24:00)');

/** One working interval of a day, `from` inclusive, `to` exclusive. */
export const workingIntervalSchema = z
  .strictObject({ from: localTimeSchema, to: localTimeSchema })
  .refine((i) => i.from < i.to, { message: '`from` must be before `to`', path: ['to'], ...RULE });

/** The intervals of one day, ascending and not overlapping (a lunch break is two intervals). */
export const dayHoursSchema = z
  .array(workingIntervalSchema)
  .max(12)
  .superRefine((intervals, ctx) => {
    for (let i = 1; i < intervals.length; i++) {
      if (intervals[i]!.from < intervals[i - 1]!.to) {
        ctx.addIssue(ruleIssue([i, 'from'], 'intervals must ascend and not overlap'));
      }
    }
  });

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Working hours per weekday; a missing or empty day is closed. */
export const weekHoursSchema = z.strictObject({
  mon: dayHoursSchema.optional(),
  tue: dayHoursSchema.optional(),
  wed: dayHoursSchema.optional(),
  thu: dayHoursSchema.optional(),
  fri: dayHoursSchema.optional(),
  sat: dayHoursSchema.optional(),
  sun: dayHoursSchema.optional(),
});

/**
 * A weekly schedule in effect from a local date (inclusive) until the next schedule's.
 * The first schedule may omit `effectiveFrom`: it then applies to all earlier dates too.
 */
export const weeklyScheduleSchema = z.strictObject({
  effectiveFrom: localDateSchema.optional(),
  days: weekHoursSchema,
});

export const holidaySchema = z.strictObject({
  date: localDateSchema,
  name: z.string().min(1).max(200),
  /** Stable key of the rule that produced it (e.g. `ramazanBayrami`), for overrides. */
  key: z.string().max(80).optional(),
});

export const halfDaySchema = z.strictObject({
  date: localDateSchema,
  /** Working ends at this local time (e.g. `13:00` on a Turkish eve, arife). */
  until: localTimeSchema,
  name: z.string().min(1).max(200),
  key: z.string().max(80).optional(),
});

/** A named one-off: an extra working day (with its hours) or an extra closure. */
export const calendarExceptionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('open'),
    date: localDateSchema,
    name: z.string().min(1).max(200),
    hours: dayHoursSchema.min(1, 'an open day needs hours'),
  }),
  z.strictObject({
    kind: z.literal('closed'),
    date: localDateSchema,
    name: z.string().min(1).max(200),
  }),
]);

export const calendarSchema = z
  .strictObject({
    /** Stable id, e.g. `TR`. */
    id: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/),
    name: z.string().min(1).max(200),
    /** IANA time zone, e.g. `Europe/Istanbul`. Offsets always come from it, never fixed. */
    timeZone: z.string().refine(isTimeZone, 'unknown IANA time zone'),
    /** Years whose holidays this calendar holds; arithmetic outside them is refused. */
    years: z
      .strictObject({ from: z.number().int().min(1970).max(2200), to: z.number().int().min(1970).max(2200) })
      .refine((y) => y.from <= y.to, { message: '`from` must not be after `to`', path: ['to'] }),
    weeklyHours: z.array(weeklyScheduleSchema).min(1).max(50),
    holidays: z.array(holidaySchema).max(5_000),
    halfDays: z.array(halfDaySchema).max(5_000),
    exceptions: z.array(calendarExceptionSchema).max(5_000),
  })
  .superRefine((cal, ctx) => {
    cal.weeklyHours.forEach((schedule, i) => {
      if (i === 0) return;
      const previous = cal.weeklyHours[i - 1]!.effectiveFrom;
      const path = ['weeklyHours', i, 'effectiveFrom'];
      if (schedule.effectiveFrom === undefined) {
        ctx.addIssue({ code: 'custom', path, message: 'only the first schedule may omit effectiveFrom' });
      } else if (previous !== undefined && schedule.effectiveFrom <= previous) {
        ctx.addIssue({ code: 'custom', path, message: 'schedules must be in ascending effectiveFrom order' });
      }
    });
    const seen = new Set<string>();
    cal.exceptions.forEach((e, i) => {
      if (seen.has(e.date)) {
        ctx.addIssue({ code: 'custom', path: ['exceptions', i, 'date'], message: `two exceptions on ${e.date}` });
      }
      seen.add(e.date);
    });
  });

export type LocalDate = z.infer<typeof localDateSchema>;
export type LocalTime = z.infer<typeof localTimeSchema>;
export type WorkingInterval = z.infer<typeof workingIntervalSchema>;
export type DayHours = z.infer<typeof dayHoursSchema>;
export type WeekHours = z.infer<typeof weekHoursSchema>;
export type WeeklySchedule = z.infer<typeof weeklyScheduleSchema>;
export type Holiday = z.infer<typeof holidaySchema>;
export type HalfDay = z.infer<typeof halfDaySchema>;
export type CalendarException = z.infer<typeof calendarExceptionSchema>;
export type Calendar = z.infer<typeof calendarSchema>;

function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

/** A name a person typed: not blank, and storable by PostgreSQL (no NUL, no lone surrogate). */
// nonBlankText states all of it in the document too (its pattern: no NUL, not only white space).
const overrideNameSchema = nonBlankText(200);

/** An announced first day of a multi-day religious holiday (`key` as the calendar names it). */
export const movingHolidayOverrideSchema = z.strictObject({
  key: z.string().min(1).max(80),
  firstDay: localDateSchema,
});

/** A company closure (`closed`) or an extra working day with its hours (`open`). */
export const exceptionOverrideSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('open'),
    date: localDateSchema,
    name: overrideNameSchema,
    hours: dayHoursSchema.min(1, 'an extra working day needs hours'),
  }),
  z.strictObject({ kind: z.literal('closed'), date: localDateSchema, name: overrideNameSchema }),
]);

/**
 * Process owners' corrections applied when a calendar is generated. Religious holidays follow the
 * moon and are announced: `movingHolidays` replaces the computed first day of the nearest
 * occurrence of a multi-day holiday (its eve and length follow). `exceptions` close days (company
 * closures) or open them (extra working days). Whether each entry fits the calendar is checked by
 * `overrideIssues` (overrides.ts), which needs the calendar itself.
 */
export const calendarOverridesSchema = z.strictObject({
  movingHolidays: z.array(movingHolidayOverrideSchema).max(100).optional(),
  exceptions: z.array(exceptionOverrideSchema).max(400).optional(),
});

export type MovingHolidayOverride = z.infer<typeof movingHolidayOverrideSchema>;
export type CalendarOverrides = z.infer<typeof calendarOverridesSchema>;
