// Request and response schemas of /v1/calendars, documented for the API reference.
import { z } from '@hono/zod-openapi';
import { localDateSchema, localTimeSchema } from '../../domain/calendar/index.js';
import { CALENDAR_YEAR_LIMITS } from '../../domain/calendar/registry.js';
import { ruleIssue } from '../../domain/schema-issues.js';
import { calendarInstantSchema, INSTANT_YEARS } from '../../domain/calendar/instant-years.js';

const { min: MIN_YEAR, max: MAX_YEAR, maxSpan: MAX_SPAN } = CALENDAR_YEAR_LIMITS;

/** Years two instants of one business-time question may lie apart (the calendar adds one each side). */
export const MAX_YEARS_APART = MAX_SPAN - 3;

export const calendarIdParamSchema = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/, 'expected a calendar id like TR')
    .meta({ param: { name: 'id', in: 'path' }, description: 'Calendar id (see GET /v1/calendars)', example: 'TR' }),
});

export const calendarYearQuerySchema = z.object({
  year: z.coerce
    .number()
    .int()
    .min(MIN_YEAR)
    .max(MAX_YEAR)
    .optional()
    .meta({
      description: `Year to show, ${MIN_YEAR}–${MAX_YEAR}; defaults to the current year in the calendar's zone`,
      example: 2026,
    }),
});

/**
 * An instant with an offset. An unencoded `+` in a query string arrives as a space
 * (`11:00:00 03:00`); it can only have meant `+`, so it is read as one.
 */
const instantQuery = (description: string, example: string) =>
  z
    .preprocess(
      (v) => (typeof v === 'string' ? v.replace(/ (\d{2}(:?\d{2})?)$/, '+$1') : v),
      calendarInstantSchema('expected an ISO 8601 instant with offset, e.g. 2026-03-19T11:00:00+03:00'),
    )
    .meta({ description: `${description}; in ${INSTANT_YEARS.min}–${INSTANT_YEARS.max}`, example });

/**
 * `workingDays` and `workingHours` add up (N working days, then H working hours); neither is
 * zero business time, so the deadline is the clock start. No combination of the two is refused.
 */
export const deadlineQuerySchema = z.object({
  from: instantQuery(
    'When the complaint was received (ISO 8601 with offset; `Z` is UTC)',
    '2026-03-19T11:00:00+03:00',
  ),
  workingHours: z.coerce.number().min(0).max(10_000).optional().meta({
    description: 'Working hours to add (fractions allowed); with `workingDays`, added after the days',
    example: 6,
  }),
  workingDays: z.coerce.number().int().min(0).max(1_000).optional().meta({
    description: 'Working days to add: the same local time N working days later',
    example: 2,
  }),
});

export const businessTimeQuerySchema = z
  .object({
    from: instantQuery('Start of the span (ISO 8601 with offset)', '2026-11-20T16:00:00+03:00'),
    to: instantQuery(
      'End of the span (ISO 8601 with offset); before `from` gives a negative answer',
      '2026-11-23T11:00:00+03:00',
    ),
  })
  .superRefine((q, ctx) => {
    // A relation between two fields: the document states it in words, the API answers it 422.
    if (Math.abs(new Date(q.to).getUTCFullYear() - new Date(q.from).getUTCFullYear()) > MAX_YEARS_APART) {
      ctx.addIssue(ruleIssue(['to'], `must be within ${MAX_YEARS_APART} years of from`));
    }
  })
  .meta({ description: `\`to\` must lie within ${MAX_YEARS_APART} years of \`from\` (422 otherwise)` });

// ---- responses ---------------------------------------------------------------------------

const instant = (description: string, example: string) =>
  z.iso.datetime({ offset: true }).meta({ description, example });
const calendarId = z.string().meta({ description: 'Calendar id', example: 'TR' });
const timeZone = z
  .string()
  .meta({ description: 'IANA time zone; every instant is given in its offset', example: 'Europe/Istanbul' });
const localDate = localDateSchema.meta({ description: 'Local date in the calendar\'s zone', example: '2026-03-20' });
const ruleKey = z
  .string()
  .optional()
  .meta({ description: 'Stable key of the rule, used by overrides', example: 'ramazanBayrami' });
const calendarName = z.string().meta({ description: 'Display name', example: 'Türkiye' });
const overridesVersion = z
  .number()
  .int()
  .min(0)
  .meta({ description: 'The version of the process owners\' overrides applied (0: none)', example: 2 });

export const calendarSummarySchema = z
  .object({
    id: calendarId,
    name: calendarName,
    timeZone,
  })
  .meta({ id: 'CalendarSummary' });

export const calendarListSchema = z
  .object({ calendars: z.array(calendarSummarySchema) })
  .meta({ id: 'CalendarList', description: 'The business calendars deadlines can be computed on' });

const workingIntervalSchema = z
  .object({
    from: localTimeSchema.meta({ description: 'Local opening time, inclusive', example: '09:00' }),
    to: localTimeSchema.meta({ description: 'Local closing time, exclusive', example: '18:00' }),
  })
  .meta({ id: 'CalendarWorkingInterval' });

const dayHours = z
  .array(workingIntervalSchema)
  .optional()
  .meta({ description: 'Working intervals; missing or empty is closed' });

const weeklyScheduleSchema = z
  .object({
    effectiveFrom: localDateSchema
      .nullable()
      .meta({ description: 'First day in force; null: since always', example: null }),
    effectiveUntil: localDateSchema
      .nullable()
      .meta({ description: 'Last day in force (inclusive); null: until further notice', example: null }),
    days: z.object({
      mon: dayHours,
      tue: dayHours,
      wed: dayHours,
      thu: dayHours,
      fri: dayHours,
      sat: dayHours,
      sun: dayHours,
    }),
  })
  .meta({ id: 'CalendarWeeklySchedule', description: 'Weekly working hours in force over a span of dates' });

const holidaySchema = z
  .object({ date: localDate, name: z.string().meta({ example: 'Ramazan Bayramı' }), key: ruleKey })
  .meta({ id: 'CalendarHoliday', description: 'A whole local day closed' });

const halfDaySchema = z
  .object({
    date: localDate,
    until: localTimeSchema.meta({ description: 'Working ends at this local time', example: '13:00' }),
    name: z.string().meta({ example: 'Ramazan Bayramı Arifesi' }),
    key: ruleKey,
  })
  .meta({ id: 'CalendarHalfDay', description: 'A day whose weekly hours end early' });

const exceptionSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('open'), date: localDate, name: z.string(), hours: z.array(workingIntervalSchema) }),
    z.object({ kind: z.literal('closed'), date: localDate, name: z.string() }),
  ])
  .meta({ id: 'CalendarException', description: 'A one-off extra working day (with its hours) or extra closure' });

export const calendarYearSchema = z
  .object({
    id: calendarId,
    name: calendarName,
    timeZone,
    year: z.number().int().meta({ example: 2026 }),
    overridesVersion,
    weeklyHours: z.array(weeklyScheduleSchema).meta({ description: 'The weekly schedules in force that year' }),
    holidays: z.array(holidaySchema),
    halfDays: z.array(halfDaySchema),
    exceptions: z.array(exceptionSchema),
  })
  .meta({
    id: 'CalendarYear',
    description:
      "A calendar's definition for one year, with the process owners' overrides in force applied (announced " +
      'holiday dates moved, company closures and extra working days as exceptions). A day\'s hours come from, ' +
      'in order: an exception, a holiday, a half day, the weekly schedule',
  });

export const deadlineSchema = z
  .object({
    calendarId,
    timeZone,
    overridesVersion,
    from: instant('The `from` asked about, in the calendar\'s offset', '2026-03-19T11:00:00+03:00'),
    duration: z
      .union([
        z.strictObject({ workingHours: z.number().meta({ description: 'Working hours added', example: 6 }) }),
        z.strictObject({ workingDays: z.number().int().meta({ description: 'Working days added', example: 2 }) }),
        z.strictObject({ workingDays: z.number().int(), workingHours: z.number() }).meta({ description: 'Working days, then working hours, added' }),
      ])
      .meta({ description: 'The business time added', example: { workingHours: 6 } }),
    clockStart: instant(
      'When the clock starts: `from`, or the next opening when `from` is out of hours',
      '2026-03-19T11:00:00+03:00',
    ),
    deadline: instant('The deadline', '2026-03-23T13:00:00+03:00'),
    outOfHoursStart: z
      .boolean()
      .meta({ description: '`from` was out of hours, so the clock starts later', example: false }),
  })
  .meta({ id: 'CalendarDeadline' });

export const businessTimeSchema = z
  .object({
    calendarId,
    timeZone,
    overridesVersion,
    from: instant('Start of the span, in the calendar\'s offset', '2026-11-20T16:00:00+03:00'),
    to: instant('End of the span, in the calendar\'s offset', '2026-11-23T11:00:00+03:00'),
    workingMinutes: z
      .number()
      .meta({ description: 'Working minutes between the two; negative when `to` is before `from`', example: 240 }),
    workingHours: z.number().meta({ description: '`workingMinutes` / 60', example: 4 }),
  })
  .meta({ id: 'CalendarBusinessTime' });
