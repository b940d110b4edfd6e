// /v1/calendars/{id}/overrides: process owners keep the shipped calendars right (announced
// religious-holiday dates, company closures, extra working days). Each change is a numbered,
// immutable version with its author, time and change note; clocks started after it use it.
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Sql } from 'postgres';
import { NO_OVERRIDES, normalizeOverrides, overrideIssues } from '../../domain/calendar/overrides.js';
import { hasCalendar } from '../../domain/calendar/registry.js';
import { DomainError } from '../../domain/errors.js';
import {
  calendarOverridesHistory,
  calendarOverridesVersion,
  currentCalendarOverrides,
  overridesContentHash,
  storeCalendarOverrides,
} from '../../read-model/calendar-overrides.js';
import type { CalendarResolver } from '../../read-model/calendar-resolver.js';
import type { AppEnv } from '../http/app-env.js';
import { access } from '../http/access-matrix.js';
import { errorResponses, unprocessableError } from '../http/errors.js';
import { validationHook } from '../http/validation.js';
import {
  overridesChangeSchema,
  overridesHistorySchema,
  overridesVersionParamSchema,
  overridesVersionSchema,
} from './calendar-overrides.schemas.js';
import { calendarIdParamSchema } from './calendars.schemas.js';
import { responseBody } from '../http/response-body.js';

const json = <T>(schema: T) => ({ 'application/json': { schema } });

const currentRoute = createRoute({
  method: 'get',
  path: '/{id}/overrides',
  summary: "A calendar's overrides in force",
  description: 'The latest version (version 0, empty, when the calendar was never overridden).',
  security: [{ apiKey: [] }],
  request: { params: calendarIdParamSchema },
  middleware: [access('GET /v1/calendars/{id}/overrides')] as const,
  responses: {
    200: { description: 'The overrides in force', content: json(overridesVersionSchema) },
    ...errorResponses(400, 401, 403, 404),
  },
});

const putRoute = createRoute({
  method: 'put',
  path: '/{id}/overrides',
  summary: "Replace a calendar's overrides (a new version)",
  description:
    'Stores the whole set as the next version, with you as its author and your change note; clocks started from now ' +
    'on use it (running ones keep their deadlines). 422 names every entry that does not fit the calendar: an unknown ' +
    'moving-holiday key, a year the calendar does not cover, an announced day with no such holiday within 15 days, a closure on a day already closed, an ' +
    'extra working day that adds no working time, two entries on one day. A set equal to the one in force stores ' +
    'nothing and answers 200 with it. 409 when `baseVersion` is given and another version is in force. The body may ' +
    'be at most 64 KiB (413).',
  security: [{ apiKey: [] }],
  request: {
    params: calendarIdParamSchema,
    body: { required: true, content: json(overridesChangeSchema) },
  },
  middleware: [access('PUT /v1/calendars/{id}/overrides')] as const,
  responses: {
    201: {
      description: 'Stored as a new version',
      headers: { Location: { description: 'The new version', schema: { type: 'string' as const } } },
      content: json(overridesVersionSchema),
    },
    200: { description: 'Equal to the set in force: nothing stored', content: json(overridesVersionSchema) },
    ...errorResponses(400, 401, 403, 404, 409, 413, 422),
  },
});

const historyRoute = createRoute({
  method: 'get',
  path: '/{id}/overrides/versions',
  summary: "Every version of a calendar's overrides",
  security: [{ apiKey: [] }],
  request: { params: calendarIdParamSchema },
  middleware: [access('GET /v1/calendars/{id}/overrides/versions')] as const,
  responses: {
    200: { description: 'Oldest first; the last is in force', content: json(overridesHistorySchema) },
    ...errorResponses(400, 401, 403, 404),
  },
});

const versionRoute = createRoute({
  method: 'get',
  path: '/{id}/overrides/versions/{version}',
  summary: "One version of a calendar's overrides",
  security: [{ apiKey: [] }],
  request: { params: calendarIdParamSchema.extend(overridesVersionParamSchema.shape) },
  middleware: [access('GET /v1/calendars/{id}/overrides/versions/{version}')] as const,
  responses: {
    200: { description: 'The version as stored', content: json(overridesVersionSchema) },
    ...errorResponses(400, 401, 403, 404),
  },
});

export function calendarOverrideRoutes(deps: { sql: Sql; calendars: CalendarResolver }) {
  const { sql, calendars } = deps;
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(currentRoute, async (c) => {
      const { id } = c.req.valid('param');
      knownCalendar(id);
      const body = (await currentCalendarOverrides(sql, id)) ?? neverOverridden(id);
      return c.json(responseBody(overridesVersionSchema, body), 200);
    })
    .openapi(putRoute, async (c) => {
      const { id } = c.req.valid('param');
      const { changeNote, baseVersion, ...document } = c.req.valid('json');
      // Paths name entries as sent, so the check runs before the document is put in date order.
      const issues = overrideIssues(id, document);
      // What the calendar itself refuses (a holiday it lacks, a year it does not cover, two entries on one day) fits the document: 422.
      if (issues.length > 0) throw unprocessableError(issues);
      const overrides = normalizeOverrides(document);
      const author = c.get('actor')!;
      const { version, created } = await storeCalendarOverrides(sql, { calendarId: id, overrides, author, changeNote, baseVersion });
      calendars.forget(id);
      if (created) c.header('Location', `/v1/calendars/${id}/overrides/versions/${version.version}`);
      return c.json(responseBody(overridesVersionSchema, version), created ? 201 : 200);
    })
    .openapi(historyRoute, async (c) => {
      const { id } = c.req.valid('param');
      knownCalendar(id);
      const versions = await calendarOverridesHistory(sql, id);
      return c.json(responseBody(overridesHistorySchema, { calendarId: id, versions }), 200);
    })
    .openapi(versionRoute, async (c) => {
      const { id, version } = c.req.valid('param');
      knownCalendar(id);
      const stored = await calendarOverridesVersion(sql, id, version);
      if (!stored) throw new DomainError('NOT_FOUND', `${id} has no overrides version ${version}`);
      return c.json(responseBody(overridesVersionSchema, stored), 200);
    });
}

function neverOverridden(calendarId: string) {
  const overrides = NO_OVERRIDES;
  return { calendarId, version: 0, overrides, contentSha256: overridesContentHash(overrides), author: null, createdAt: null, changeNote: null };
}

function knownCalendar(id: string): void {
  if (!hasCalendar(id)) throw new DomainError('NOT_FOUND', `no calendar "${id}"`);
}
