// /v1/queues/{team}: a team's work queue in fair order, the atomic claim of its next complaint,
// the release of a claim, and the caller's claims (to see one the workflow refused).
// Reading: agent, supervisor, admin, and the auditor (the order of handling is what an audit of
// fairness reads). Claiming and releasing: the roles that take decisions (agent, supervisor,
// admin), an agent only from a team they are a member of; whether the complaint's process lets that
// role `assign` is its workflow's to say, and a refusal shows on the claim.
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Sql } from 'postgres';
import { DomainError } from '../../domain/errors.js';
import { complaintViews, findComplaintsByIds } from '../../read-model/complaint-queries.js';
import type { CalendarResolver } from '../../read-model/calendar-resolver.js';
import {
  claimNext,
  claimsOf,
  findQueueTeam,
  queueCounts,
  queuePage,
  relayDoorbell,
  releaseClaim,
  type QueuePosition,
  type QueueTeam,
} from '../../read-model/work-queues.js';
import type { AppEnv } from '../http/app-env.js';
import { requireRole } from '../http/auth.js';
import { complaintAsReadBy } from './complaints.schemas.js';
import { readsBy, recordPersonalDataReads } from '../../read-model/personal-data-reads.js';
import { errorResponses, validationError } from '../http/errors.js';
import { validationHook } from '../http/validation.js';
import {
  claimAnswerSchema,
  claimListSchema,
  claimSchema,
  queuePageSchema,
  queueQuerySchema,
  releaseBodySchema,
  teamParamSchema,
} from './work-queues.schemas.js';
import { responseBody } from '../http/response-body.js';

const QUEUE_READ_ROLES = ['agent', 'supervisor', 'auditor', 'admin'] as const;
const QUEUE_WORK_ROLES = ['agent', 'supervisor', 'admin'] as const;
/** Live claims one person may hold unless configured otherwise: enough to work, too few to hoard. */
export const DEFAULT_MAX_LIVE_CLAIMS = 10;
const CLAIMS_LISTED = 50;

const security = [{ apiKey: [] }];

const queueRoute = createRoute({
  method: 'get',
  path: '/{team}',
  summary: "A team's work queue, in fair order",
  description:
    'Open complaints nobody has (no assignee, no live claim) that belong to the team, or to its department and no team ' +
    'yet, once their workflow has recorded them. Ordered by severity (critical, high, medium, low, then unclassified), then ' +
    'oldest received first, then id; never by who the customer is. Cursor pagination: pass `nextCursor` as `cursor`. ' +
    'Every page also says how many wait in the whole queue (`total`, exact) and how many of them are at risk or overdue.',
  security,
  middleware: [requireRole(...QUEUE_READ_ROLES)] as const,
  request: { params: teamParamSchema, query: queueQuerySchema },
  responses: {
    200: { description: 'One page of the queue', content: { 'application/json': { schema: queuePageSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

const claimRoute = createRoute({
  method: 'post',
  path: '/{team}/claim',
  summary: 'Claim the next complaint of the queue',
  description:
    'Gives you the first complaint of the queue that nobody else holds, atomically: two people claiming at once never get ' +
    'the same one. The assignment then reaches the complaint\'s workflow (an `assign` decision in your name) and the read ' +
    'model names you once the workflow recorded it; `claim.assignment` says where that stands (see GET …/claims). ' +
    'An agent claims only from the queue of a team they are a member of (the staff directory\'s team members; supervisors ' +
    'and admins from any team): 403 NOT_TEAM_MEMBER otherwise. 404 QUEUE_EMPTY when nothing is left; 409 CONFLICT when you ' +
    'already hold the most live claims allowed (details.maxLiveClaims).',
  security,
  middleware: [requireRole(...QUEUE_WORK_ROLES)] as const,
  request: { params: teamParamSchema },
  responses: {
    200: { description: 'Claimed', content: { 'application/json': { schema: claimAnswerSchema } } },
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const releaseRoute = createRoute({
  method: 'post',
  path: '/{team}/release',
  summary: 'Give a claimed complaint back to the queue',
  description:
    "The claim's holder, a supervisor or an admin releases it: the workflow's assignee is cleared and the complaint rejoins " +
    'the queue at its fair place once that is recorded. 403 for someone else\'s claim (as an agent); 409 when the complaint ' +
    "has no live claim or was claimed from another team's queue; 404 for an unknown reference.",
  security,
  middleware: [requireRole(...QUEUE_WORK_ROLES)] as const,
  request: {
    params: teamParamSchema,
    body: { required: true, content: { 'application/json': { schema: releaseBodySchema } } },
  },
  responses: {
    200: { description: 'Released', content: { 'application/json': { schema: claimSchema } } },
    ...errorResponses(400, 401, 403, 404, 409, 413),
  },
});

const claimsRoute = createRoute({
  method: 'get',
  path: '/{team}/claims',
  summary: 'Your claims from this queue, newest first',
  description: `Live ones and how the others ended (released, refused by the workflow, reassigned, closed); at most ${CLAIMS_LISTED}.`,
  security,
  middleware: [requireRole(...QUEUE_WORK_ROLES)] as const,
  request: { params: teamParamSchema },
  responses: {
    200: { description: 'Your claims', content: { 'application/json': { schema: claimListSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export function workQueueRoutes(deps: { sql: Sql; calendars: CalendarResolver; maxLiveClaims?: number | undefined }) {
  const { sql } = deps;
  const views = () => ({ now: new Date(), calendars: deps.calendars });
  const maxLiveClaims = deps.maxLiveClaims ?? DEFAULT_MAX_LIVE_CLAIMS;
  const doorbell = relayDoorbell(sql);
  const teamOf = async (id: string): Promise<QueueTeam> => {
    const team = await findQueueTeam(sql, id);
    if (!team) throw new DomainError('NOT_FOUND', `No team ${id}`);
    return team;
  };
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(queueRoute, async (c) => {
      const team = await teamOf(c.req.valid('param').team);
      const { limit, cursor } = c.req.valid('query');
      const after = cursor === undefined ? undefined : decodeCursor(cursor);
      const now = new Date();
      const [page, counts] = await Promise.all([queuePage(sql, team, { limit, after }), queueCounts(sql, team, now)]);
      const [items] = await Promise.all([
        findComplaintsByIds(sql, page.ids, { now, calendars: deps.calendars }),
        recordPersonalDataReads(sql, readsBy(c.get('actor')!, 'queue', page.ids, { requestId: c.get('requestId') })),
      ]);
      const body = { team: team.id, items: items.map((item) => complaintAsReadBy(c.get('actor')!.role, item)), nextCursor: page.next ? encodeCursor(page.next) : null, ...counts };
      return c.json(responseBody(queuePageSchema, body), 200);
    })
    .openapi(claimRoute, async (c) => {
      const team = c.req.valid('param').team;
      // The claim statement finds the team, checks the claimer and reads the complaint back itself: one round trip.
      const claimed = await claimNext(sql, { team, claimer: c.get('actor')!, maxLiveClaims });
      if (!claimed) throw new DomainError('QUEUE_EMPTY', `The queue of ${team} has no complaint to claim`);
      doorbell.ring();
      const [[complaint]] = await Promise.all([
        complaintViews([claimed.complaint], views()),
        recordPersonalDataReads(sql, readsBy(c.get('actor')!, 'claim', [claimed.complaint.id], { requestId: c.get('requestId') })),
      ]);
      return c.json(responseBody(claimAnswerSchema, { claim: claimed.claim, complaint: complaint && complaintAsReadBy(c.get('actor')!.role, complaint) }), 200);
    })
    .openapi(releaseRoute, async (c) => {
      const team = await teamOf(c.req.valid('param').team);
      const claim = await releaseClaim(sql, { team, reference: c.req.valid('json').reference, by: c.get('actor')! });
      doorbell.ring();
      return c.json(responseBody(claimSchema, claim), 200);
    })
    .openapi(claimsRoute, async (c) => {
      const team = await teamOf(c.req.valid('param').team);
      const items = await claimsOf(sql, team.id, c.get('actor')!.id, CLAIMS_LISTED);
      return c.json(responseBody(claimListSchema, { items }), 200);
    });
}

/** The cursor is the last item's sort key, opaque to clients. */
function encodeCursor(p: QueuePosition): string {
  return Buffer.from(JSON.stringify([p.severityRank, p.receivedAt, p.id])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

function decodeCursor(cursor: string): QueuePosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    Array.isArray(parsed) && parsed.length === 3 &&
    Number.isInteger(parsed[0]) && parsed[0] >= 0 && parsed[0] <= 4 &&
    typeof parsed[1] === 'string' && INSTANT.test(parsed[1]) && !Number.isNaN(Date.parse(parsed[1])) &&
    typeof parsed[2] === 'string' && UUID.test(parsed[2])
  ) {
    return { severityRank: parsed[0] as number, receivedAt: parsed[1], id: parsed[2] };
  }
  throw validationError([{ path: 'query.cursor', message: 'not a cursor this queue gave out; start again without one' }]);
}
