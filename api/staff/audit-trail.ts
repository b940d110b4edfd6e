// GET /v1/audit/staff-actions: what staff did, newest first, for auditors and admins — complaint
// decisions, console actions and process changes in one timeline (read-model/staff-audit-trail.ts).
import type { DataKeyStore } from '../../security/data-keys.js';
import { createHash } from 'node:crypto';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Sql } from 'postgres';
import { ROLES } from '../../domain/complaint.js';
import { AUDIT_SOURCES, staffAuditTrail, type AuditPosition } from '../../read-model/staff-audit-trail.js';
import type { AppEnv } from '../http/app-env.js';
import { access } from '../http/access-matrix.js';
import { errorResponses, unprocessableError } from '../http/errors.js';
import { validationHook } from '../http/validation.js';
import { instantOrDaySchema } from '../http/instant-or-day.js';
import { commaList, oneOfItem } from '../http/comma-list.js';
import { responseBody } from '../http/response-body.js';
import { readsBy, recordPersonalDataReads } from '../../read-model/personal-data-reads.js';

export const param = (name: string, description: string, example: string) => ({ param: { name, in: 'query' as const }, description, example });
/** An instant with an offset, or a day (a whole UTC day; as `to` it includes all of it). */
export function instantOrDay(name: 'from' | 'to', description: string) {
  return instantOrDaySchema(name === 'to')
    .optional()
    .meta(param(name, description, name === 'to' ? '2026-03-31' : '2026-03-01'));
}

export const auditTrailQuerySchema = z.strictObject({
  actor: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9._@:-]+$/, 'expected a staff id')
    .optional()
    .meta(param('actor', 'Only what this person (staff id) did', 'agent-ayse')),
  action: commaList({ pattern: '[a-z][a-z_]{0,59}', expected: 'an action name like sign_in or classified' })
    .optional()
    .meta(
      param(
        'action',
        'Only these actions, comma-separated: a complaint event type (classified, proposal_made, …), a console action (sign_in, ' +
          'sign_in_failed, locked_out, sign_out, person_created, password_set, role_switched, bulk_action, forgery_refused, …) ' +
          'or a process change (definition_created, version_created, version_published, version_retired, selection_rules_changed, ' +
          'calendar_overrides_saved, migration_requested)',
        'sign_in_failed,locked_out',
      ),
    ),
  source: commaList(oneOfItem(AUDIT_SOURCES))
    .transform((values) => values as (typeof AUDIT_SOURCES)[number][])
    .optional()
    .meta(param('source', 'Only entries from these sources, comma-separated: complaint (decisions on complaints), console (console actions), process (process changes)', 'console')),
  reference: z
    .string()
    .regex(/^CMP-\d{4}-\d{6,10}$/, 'expected a complaint reference like CMP-2026-000123')
    .optional()
    .meta(param('reference', "Only what concerns this complaint: its staff decisions and console actions on it (process changes concern none)", 'CMP-2026-000123')),
  from: instantOrDay('from', 'Entries at or after this instant (a day: from its start, UTC)'),
  to: instantOrDay('to', 'Entries before this instant (a day: up to its end, UTC)'),
  limit: z.coerce.number().int().min(1).max(200).default(50).meta(param('limit', 'Entries per page, 1–200 (default 50)', '50')),
  cursor: z.string().max(1000).optional().meta(param('cursor', "The previous page's nextCursor", 'eyJ2IjoxLC4uLn0')),
});

const entrySchema = z
  .object({
    id: z.string().meta({ description: 'Stable and unique: complaint:<id>:<seq>, console:<id>, process:…' }),
    at: z.string().meta({ description: 'When, UTC, with microseconds', example: '2026-04-20T09:00:00.123456Z' }),
    source: z.enum(AUDIT_SOURCES).meta({ description: 'complaint: a staff decision on a complaint (its event); console: a console action; process: a process change' }),
    action: z.string().meta({ description: 'The event type or action name', example: 'classified' }),
    actorId: z.string().nullable().meta({ description: 'Who (a staff id; null for a failed sign-in of an unknown e-mail)' }),
    actorRole: z.string().nullable().meta({ description: `The role they acted in (${ROLES.join(', ')}); null where the source does not record it` }),
    subject: z.string().nullable().meta({ description: 'What it was done to: a person id, `definition@version`, a calendar id, a path' }),
    complaintReference: z.string().nullable().meta({ description: 'The complaint it concerns, when there is one' }),
    details: z.record(z.string(), z.unknown()).meta({ description: "The source's own details (the event's data, the console action's details, the change note…)" }),
  })
  .meta({ id: 'StaffAuditEntry' });

const pageSchema = z
  .object({
    entries: z.array(entrySchema).meta({ description: 'Newest first (by instant, then id)' }),
    nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next (older) page; null on the last page' }),
  })
  .meta({ id: 'StaffAuditTrail' });

const route = createRoute({
  method: 'get',
  path: '/staff-actions',
  summary: 'The timeline of staff actions: complaint decisions, console actions, process changes (staff: auditor, admin)',
  description:
    'Newest first, in keyset pages: a page starts strictly after the previous page\'s last entry, so entries recorded meanwhile ' +
    'never repeat one or hide one. A cursor is bound to the filters it was made with (a 422 on `cursor` otherwise).',
  security: [{ apiKey: [] }],
  middleware: [access('GET /v1/audit/staff-actions')] as const,
  request: { query: auditTrailQuerySchema },
  responses: {
    200: { description: 'A page of the trail', content: { 'application/json': { schema: pageSchema } } },
    ...errorResponses(400, 401, 403, 422),
  },
});

/** `2026-04-20T09:00:00.123456Z` naming a real instant since 1970 (not 30 February: PostgreSQL would refuse to cast it). */
const isCursorInstant = (s: string) => {
  const ms = Date.parse(`${s.slice(0, 23)}Z`);
  return ms >= 0 && new Date(ms).toISOString().slice(0, 23) === s.slice(0, 23);
};
const cursorSchema = z.object({
  v: z.literal(1),
  f: z.string(),
  a: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/).refine(isCursorInstant),
  i: z.string().min(1).max(300),
});

export function filterDigest(query: Record<string, unknown>): string {
  const canonical = Object.keys(query)
    .filter((k) => k !== 'cursor' && k !== 'limit' && query[k] !== undefined)
    .sort()
    .map((k) => [k, query[k] instanceof Date ? (query[k] as Date).toISOString() : query[k]]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('base64url').slice(0, 16);
}

export const encodeCursor = (p: AuditPosition, digest: string) => Buffer.from(JSON.stringify({ v: 1, f: digest, a: p.at, i: p.id })).toString('base64url');

export function decodeCursor(cursor: string, digest: string): AuditPosition {
  let parsed: z.infer<typeof cursorSchema>;
  try {
    parsed = cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw unprocessableError([{ path: 'query.cursor', message: 'not a cursor this API gave out' }]);
  }
  if (parsed.f !== digest) throw unprocessableError([{ path: 'query.cursor', message: 'this cursor belongs to other filters' }]);
  return { at: parsed.a, id: parsed.i };
}

export function auditTrailRoutes(deps: { sql: Sql; dataKeys: DataKeyStore }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(route, async (c) => {
    const query = c.req.valid('query');
    if (query.from && query.to && query.to <= query.from) throw unprocessableError([{ path: 'query.to', message: 'must be after from' }]);
    const digest = filterDigest(query);
    const after = query.cursor !== undefined ? decodeCursor(query.cursor, digest) : undefined;
    const { entries, next } = await staffAuditTrail(deps.sql, {
      actorId: query.actor,
      actions: query.action,
      sources: query.source,
      reference: query.reference,
      from: query.from,
      to: query.to,
      limit: query.limit,
      after,
    });
    // A decision's details are its event's data (a note, the customer's recorded answer): a read of that complaint.
    const decided = entries.flatMap((e) => (e.source === 'complaint' && e.complaintReference ? [e.complaintReference] : []));
    await recordPersonalDataReads(deps.sql, readsBy(c.get('actor')!, 'audit_trail', decided, { requestId: c.get('requestId'), byReference: true }));
    // A decision's texts are sealed on the timeline the complaint entries come from: opened (null once erased).
    const opened = await Promise.all(entries.map(async (e) => ({ ...e, details: await deps.dataKeys.openDeep(e.details) })));
    return c.json(responseBody(pageSchema, { entries: opened, nextCursor: next ? encodeCursor(next, digest) : null }), 200);
  });
}
