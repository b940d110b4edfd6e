// GET /v1/audit/personal-data-reads: who read whose personal data, newest first, for auditors and
// admins (read-model/personal-data-reads.ts; what counts as a read: README "Who read personal data").
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Sql } from 'postgres';
import { ROLES } from '../../domain/complaint.js';
import { listPersonalDataReads, PERSONAL_DATA_READ_KINDS } from '../../read-model/personal-data-reads.js';
import type { AppEnv } from '../http/app-env.js';
import { access } from '../http/access-matrix.js';
import { errorResponses, unprocessableError } from '../http/errors.js';
import { responseBody } from '../http/response-body.js';
import { validationHook } from '../http/validation.js';
import { decodeCursor, encodeCursor, filterDigest, instantOrDay, param } from './audit-trail.js';

export const personalDataReadsQuerySchema = z.strictObject({
  complaint: z
    .string()
    .regex(/^CMP-\d{4}-\d{6,10}$/, 'expected a complaint reference like CMP-2026-000123')
    .optional()
    .meta(param('complaint', 'Only reads of this complaint', 'CMP-2026-000123')),
  actor: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9._@:-]+$/, 'expected a staff id')
    .optional()
    .meta(param('actor', 'Only what this person (staff id) read', 'agent-ayse')),
  from: instantOrDay('from', 'Reads at or after this instant (a day: from its start, UTC)'),
  to: instantOrDay('to', 'Reads before this instant (a day: up to its end, UTC)'),
  limit: z.coerce.number().int().min(1).max(200).default(50).meta(param('limit', 'Entries per page, 1–200 (default 50)', '50')),
  cursor: z.string().max(1000).optional().meta(param('cursor', "The previous page's nextCursor", 'eyJ2IjoxLC4uLn0')),
});

const readSchema = z
  .object({
    id: z.string().regex(/^\d+$/).meta({ description: 'Unique, in the order reads were recorded' }),
    at: z.string().meta({ description: 'When, UTC, with microseconds', example: '2026-04-20T09:00:00.123456Z' }),
    actorId: z.string().meta({ description: 'Who read (a staff id)', example: 'agent-ayse' }),
    actorRole: z.string().meta({ description: `The role they read in (${ROLES.join(', ')})` }),
    complaintReference: z.string().nullable().meta({ description: "Whose data: the complaint's reference (null if its row is gone)" }),
    kind: z.string().meta({
      description: `What was read: ${PERSONAL_DATA_READ_KINDS.join(', ')}`,
      example: 'complaint_view',
    }),
    contactMasked: z.boolean().meta({ description: "The customer's contact was shown masked (an auditor); their name and words were read all the same" }),
    item: z.string().nullable().meta({ description: 'The one thing read among several (an attachment id), when it matters' }),
    requestId: z.string().nullable().meta({ description: 'The request that read it (X-Request-Id), to match with logs' }),
  })
  .meta({ id: 'PersonalDataRead' });

const pageSchema = z
  .object({
    entries: z.array(readSchema).meta({ description: 'Newest first (by instant, then id)' }),
    nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next (older) page; null on the last page' }),
  })
  .meta({ id: 'PersonalDataReads' });

const route = createRoute({
  method: 'get',
  path: '/personal-data-reads',
  summary: "Who read customers' personal data, which complaint, when (staff: auditor, admin)",
  description:
    'Every staff read of a complaint\'s personal data through the API (and the console, which calls it): a complaint opened, ' +
    'its timeline, messages or files, each complaint of a search page or queue, a claim, an export. Newest first, in keyset ' +
    'pages bound to their filters (a 422 on `cursor` otherwise). The list is append-only.',
  security: [{ apiKey: [] }],
  middleware: [access('GET /v1/audit/personal-data-reads')] as const,
  request: { query: personalDataReadsQuerySchema },
  responses: {
    200: { description: 'A page of reads', content: { 'application/json': { schema: pageSchema } } },
    ...errorResponses(400, 401, 403, 422),
  },
});

export function personalDataReadRoutes(deps: { sql: Sql }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(route, async (c) => {
    const query = c.req.valid('query');
    if (query.from && query.to && query.to <= query.from) throw unprocessableError([{ path: 'query.to', message: 'must be after from' }]);
    const digest = filterDigest(query);
    const after = query.cursor !== undefined ? decodeCursor(query.cursor, digest) : undefined;
    if (after && !/^\d{1,18}$/.test(after.id)) throw unprocessableError([{ path: 'query.cursor', message: 'not a cursor this API gave out' }]);
    let complaintId: string | undefined;
    if (query.complaint) {
      const [row] = await deps.sql<{ id: string }[]>`SELECT id FROM complaints WHERE reference = ${query.complaint}`;
      // An unknown reference has no reads: an empty page, as a filter that matches nothing.
      if (!row) return c.json(responseBody(pageSchema, { entries: [], nextCursor: null }), 200);
      complaintId = row.id;
    }
    const { entries, next } = await listPersonalDataReads(deps.sql, {
      complaintId,
      actorId: query.actor,
      from: query.from,
      to: query.to,
      limit: query.limit,
      after,
    });
    return c.json(responseBody(pageSchema, { entries, nextCursor: next ? encodeCursor(next, digest) : null }), 200);
  });
}
