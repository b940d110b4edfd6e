// /v1/calendars: the business calendars, and deadlines and working time asked of them directly,
// so a process owner can check a rule without filing a complaint.
import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi';
import type { BusinessDuration } from '../../domain/business-duration.js';
import {
  addBusinessDuration,
  businessMinutesBetween,
  CalendarRangeError,
  toZonedIso,
  holidaysInYear,
  weeklyHoursInYear,
  type Calendar,
} from '../../domain/calendar/index.js';
import { CALENDAR_YEAR_LIMITS, listCalendars, yearsFor } from '../../domain/calendar/registry.js';
import type { AppEnv } from '../http/app-env.js';
import { access } from '../http/access-matrix.js';
import {
  businessTimeQuerySchema,
  businessTimeSchema,
  calendarIdParamSchema,
  calendarListSchema,
  calendarYearQuerySchema,
  calendarYearSchema,
  deadlineQuerySchema,
  deadlineSchema,
} from './calendars.schemas.js';
import { errorResponses, validationError } from '../http/errors.js';
import { validationHook } from '../http/validation.js';
import type { CalendarResolver } from '../../read-model/calendar-resolver.js';
import { responseBody } from '../http/response-body.js';

const json = <T>(schema: T) => ({ 'application/json': { schema } });

const listRoute = createRoute({
  method: 'get',
  path: '/',
  summary: 'List the business calendars',
  security: [{ apiKey: [] }],
  middleware: [access('GET /v1/calendars')] as const,
  responses: {
    200: { description: 'The calendars', content: json(calendarListSchema) },
    ...errorResponses(401, 403),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/{id}',
  summary: 'Read a calendar for one year',
  description: "Time zone, the weekly schedules in force that year, and that year's holidays, half days, exceptions.",
  security: [{ apiKey: [] }],
  request: { params: calendarIdParamSchema, query: calendarYearQuerySchema },
  middleware: [access('GET /v1/calendars/{id}')] as const,
  responses: {
    200: { description: 'The calendar in that year', content: json(calendarYearSchema) },
    ...errorResponses(400, 401, 403, 404),
  },
});

const deadlineRoute = createRoute({
  method: 'get',
  path: '/{id}/deadline',
  summary: 'Compute a deadline',
  description:
    'The clock start and deadline for business time added from `from`, as a complaint received then would get. ' +
    'Out of hours the clock starts at the next opening. `workingDays` and `workingHours` add up (the days first); ' +
    'with neither, the deadline is the clock start. 422 for a `from` whose day its month does not have (2026-04-31).',
  security: [{ apiKey: [] }],
  request: { params: calendarIdParamSchema, query: deadlineQuerySchema },
  middleware: [access('GET /v1/calendars/{id}/deadline')] as const,
  responses: {
    200: { description: 'Clock start and deadline', content: json(deadlineSchema) },
    ...errorResponses(400, 401, 403, 404, 422),
  },
});

const businessTimeRoute = createRoute({
  method: 'get',
  path: '/{id}/business-time',
  summary: 'Working time between two instants',
  description: '422 when `to` is not within the years one question may span of `from`, or an instant names a day its month does not have.',
  security: [{ apiKey: [] }],
  request: { params: calendarIdParamSchema, query: businessTimeQuerySchema },
  middleware: [access('GET /v1/calendars/{id}/business-time')] as const,
  responses: {
    200: { description: 'Working minutes between `from` and `to`', content: json(businessTimeSchema) },
    ...errorResponses(400, 401, 403, 404, 422),
  },
});

/**
 * Every answer applies the process owners' overrides in force (`calendars`), as a complaint's
 * clocks do. `now` sets the default `year` (the current one); tests may pass a fixed clock.
 */
export function calendarRoutes(deps: { calendars: CalendarResolver; now?: () => Date }) {
  const { calendars } = deps;
  const now = deps.now ?? (() => new Date());
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(listRoute, (c) => c.json(responseBody(calendarListSchema, { calendars: listCalendars() }), 200))
    .openapi(getRoute, async (c) => {
      const { id } = c.req.valid('param');
      const year = c.req.valid('query').year ?? currentYear(id, now());
      const { calendar, overridesVersion } = await calendars.forYears(id, year);
      const { name, timeZone } = calendar;
      const weeklyHours = weeklyHoursInYear(calendar, year);
      const body = { id, name, timeZone, year, overridesVersion, weeklyHours, ...holidaysInYear(calendar, year) };
      return c.json(responseBody(calendarYearSchema, body), 200);
    })
    .openapi(deadlineRoute, async (c) => {
      const body = await deadlineAnswer(calendars, c.req.valid('param').id, c.req.valid('query'));
      return c.json(responseBody(deadlineSchema, body), 200);
    })
    .openapi(businessTimeRoute, async (c) => {
      const body = await businessTimeAnswer(calendars, c.req.valid('param').id, c.req.valid('query'));
      return c.json(responseBody(businessTimeSchema, body), 200);
    });
}

async function deadlineAnswer(
  calendars: CalendarResolver,
  id: string,
  query: z.infer<typeof deadlineQuerySchema>,
): Promise<z.input<typeof deadlineSchema>> {
  const { workingHours, workingDays } = query;
  const duration = deadlineDuration(query);
  const from = new Date(query.from);
  // Built for the years the longest such duration can reach (the registry caches it); an hour counts as a quarter day there.
  const reach: BusinessDuration = { workingDays: (workingDays ?? 0) + Math.ceil((workingHours ?? 0) / 4) };
  const { calendar, overridesVersion } = await calendars.forYears(id, withinLimits(yearsFor(from, reach)));
  const resultField = workingHours !== undefined ? 'workingHours' : 'workingDays';
  const { clockStart, deadline } = inCalendarYears(calendar, { from }, resultField, () => {
    const afterDays = addBusinessDuration(calendar, from, { workingDays: workingDays ?? 0 });
    // Zero hours added is the moment reached, not the close before it (where adding 0 ms to an opening lands).
    if (!workingHours) return { clockStart: afterDays.clockStart, deadline: workingDays ? afterDays.deadline : afterDays.clockStart };
    const base = workingDays ? afterDays.deadline : from;
    return { clockStart: afterDays.clockStart, deadline: addBusinessDuration(calendar, base, { workingHours }).deadline };
  });
  const fmt = (at: Date) => toZonedIso(calendar, at);
  return {
    calendarId: calendar.id,
    timeZone: calendar.timeZone,
    overridesVersion,
    from: fmt(from),
    duration,
    clockStart: fmt(clockStart),
    deadline: fmt(deadline),
    outOfHoursStart: clockStart.getTime() !== from.getTime(),
  };
}

async function businessTimeAnswer(
  calendars: CalendarResolver,
  id: string,
  query: z.infer<typeof businessTimeQuerySchema>,
): Promise<z.input<typeof businessTimeSchema>> {
  const [from, to] = [new Date(query.from), new Date(query.to)];
  // One year of margin each side: a UTC year can differ from the local one near New Year.
  const years = [from.getUTCFullYear(), to.getUTCFullYear()];
  const span = withinLimits({ from: Math.min(...years) - 1, to: Math.max(...years) + 1 });
  const { calendar, overridesVersion } = await calendars.forYears(id, span);
  const workingMinutes = inCalendarYears(calendar, { from, to }, 'to', () =>
    businessMinutesBetween(calendar, from, to),
  );
  const fmt = (at: Date) => toZonedIso(calendar, at);
  return {
    calendarId: calendar.id,
    timeZone: calendar.timeZone,
    overridesVersion,
    from: fmt(from),
    to: fmt(to),
    workingMinutes,
    workingHours: workingMinutes / 60,
  };
}

/** The business time asked for, as the answer echoes it: what was given, or zero hours when nothing was. */
function deadlineDuration({ workingHours, workingDays }: z.infer<typeof deadlineQuerySchema>): z.input<typeof deadlineSchema>['duration'] {
  if (workingDays !== undefined && workingHours !== undefined) return { workingDays, workingHours };
  if (workingDays !== undefined) return { workingDays };
  return { workingHours: workingHours ?? 0 };
}

function currentYear(id: string, at: Date): number {
  const timeZone = listCalendars().find((cal) => cal.id === id)?.timeZone ?? 'UTC';
  return Number(new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(at));
}

function withinLimits(years: { from: number; to: number }): { from: number; to: number } {
  const { min, max } = CALENDAR_YEAR_LIMITS;
  return { from: Math.max(years.from, min), to: Math.min(years.to, max) };
}

/**
 * Runs calendar arithmetic; a CalendarRangeError becomes 400 naming the query field at fault: an
 * instant whose local year the calendar cannot hold, else `resultField` (the answer would fall outside).
 */
function inCalendarYears<T>(
  calendar: Calendar,
  instants: Record<string, Date>,
  resultField: string,
  compute: () => T,
): T {
  try {
    return compute();
  } catch (err) {
    if (!(err instanceof CalendarRangeError)) throw err;
    const { min, max } = CALENDAR_YEAR_LIMITS;
    const outside = Object.entries(instants).filter(([, at]) => {
      const year = Number(toZonedIso(calendar, at).slice(0, 4));
      return year < calendar.years.from || year > calendar.years.to;
    });
    const issues = outside.length
      ? outside.map(([field]) => ({ path: `query.${field}`, message: `its local date must lie within ${min}–${max}` }))
      : [{ path: `query.${resultField}`, message: `the answer would fall after ${max}, the last year covered` }];
    throw validationError(issues);
  }
}
