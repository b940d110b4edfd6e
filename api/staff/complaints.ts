// GET /v1/complaints (search) and GET /v1/complaints/{reference}: the staff view of complaints,
// from the read model; the single complaint also asks its workflow what the caller may decide.
// Readers are the staff who handle or audit complaints (agent, supervisor, auditor, admin); a
// process owner designs the process and reads its reports, not customers' complaints.
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Sql } from 'postgres';
import { isDecidingRole, type Role } from '../../domain/complaint.js';
import { DomainError, type FieldIssue } from '../../domain/errors.js';
import type { CalendarResolver } from '../../read-model/calendar-resolver.js';
import { complaintViews, findComplaintByReference, type ComplaintRow } from '../../read-model/complaint-queries.js';
import { searchComplaints, type ComplaintFilters } from '../../read-model/complaint-search.js';
import { findPossibleDuplicates, type DuplicateFinderSettings } from '../../read-model/possible-duplicates.js';
import type { CustomerLookupHasher } from '../../security/customer-lookup.js';
import type { TemporalGateway } from '../../temporal/gateway.js';
import type { PinnedDefinitionOf } from '../../read-model/pinned-definitions.js';
import { allowedDecisions } from '../../domain/lifecycle/index.js';
import type { ComplaintSnapshot } from '../../workflows/complaint.messages.js';
import type { AppEnv } from '../http/app-env.js';
import { access } from '../http/access-matrix.js';
import type { Actor } from '../http/auth.js';
import { errorResponses, unprocessableError } from '../http/errors.js';
import { validationHook } from '../http/validation.js';
import { listCursors } from './complaint-list-cursor.js';
import { complaintListQuerySchema, complaintListSchema, type ComplaintListQuery } from './complaint-list.schemas.js';
import { complaintAsReadBy, complaintSchema, referenceParamSchema } from './complaints.schemas.js';
import { responseBody } from '../http/response-body.js';
import { readsBy, recordPersonalDataReads } from '../../read-model/personal-data-reads.js';

export const ETAG_HEADER_DOC = {
  ETag: { description: 'The complaint\'s sequence, `"<seq>"`: send it as `If-Match` with a decision', schema: { type: 'string' as const, example: '"7"' } },
};

const listRoute = createRoute({
  method: 'get',
  path: '/',
  summary: 'Search complaints (staff)',
  description:
    'Filters combine with AND; a comma-separated filter matches any of its values. Pages follow `nextCursor` and stay ' +
    'stable while complaints are filed (keyset on the sort key and id: no item repeats or goes missing). A cursor ' +
    'belongs to its filters and sort: another, or an altered one, is a 422 on `cursor`; so is a `…From` not before its `…To`, and a `customerEmail` or `customerPhone` holding no address or number. `total` is exact up to 1000 ' +
    'matches, an estimate above (`exact: false`). Items are the same `Complaint` as the single complaint, with ' +
    '`allowedDecisions` null. An auditor reads customers\' contact details masked (`customer.masked`).',
  security: [{ apiKey: [] }],
  request: { query: complaintListQuerySchema },
  middleware: [access('GET /v1/complaints')] as const,
  responses: {
    200: { description: 'One page of matching complaints', content: { 'application/json': { schema: complaintListSchema } } },
    ...errorResponses(400, 401, 403, 422),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/{reference}',
  summary: 'Read a complaint (staff)',
  description:
    '`allowedDecisions` are those the caller\'s role may take now, asked of the complaint\'s workflow (`[]` once ' +
    'closed; null when the workflow does not answer within 2 s: the rest of the complaint is still shown). ' +
    '`possibleDuplicates` lists the earlier complaints of the window from the same customer or with a very similar text, ' +
    'as they are now; `repeatOf` the closed complaint this one repeats. An auditor reads the customer\'s e-mail, phone ' +
    'and postal address masked (`customer.masked`), and those of the possible duplicates.',
  security: [{ apiKey: [] }],
  request: { params: referenceParamSchema },
  middleware: [access('GET /v1/complaints/{reference}')] as const,
  responses: {
    200: { description: 'The complaint', headers: ETAG_HEADER_DOC, content: { 'application/json': { schema: complaintSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export interface ComplaintReadDeps {
  sql: Sql;
  temporal: TemporalGateway;
  /** Published definitions by pin: the decisions a role may take are computed from them. */
  definitions: PinnedDefinitionOf;
  calendars: CalendarResolver;
  customerLookup: CustomerLookupHasher;
  /** Signs list cursors (LINK_SIGNING_SECRET). */
  linkSigningSecret: string;
  /** The window and threshold of possible duplicates (DUPLICATE_WINDOW_DAYS, DUPLICATE_SIMILARITY_THRESHOLD). */
  duplicates: DuplicateFinderSettings;
}

/** The single complaint's possible duplicates, under the configured window and threshold. */
export function possibleDuplicatesFor(sql: Sql, settings: DuplicateFinderSettings) {
  return (row: ComplaintRow) => findPossibleDuplicates(sql, row.id, settings);
}

/** What the caller may decide on this complaint now; [] when closed or for a role that takes no decisions. */
/**
 * The decisions `role` may take on a complaint: from its lifecycle and the definition it was
 * pinned to when the row shows both (unmigrated, filed under a stored version), else asked of its
 * workflow (a migrated complaint, or one pinned to a test's unstored process).
 */
export function allowedDecisionsFor(deps: { temporal: TemporalGateway; definitions: PinnedDefinitionOf }, role: Role) {
  return async (row: ComplaintRow) => {
    if (row.status === 'closed' || !isDecidingRole(role)) return [];
    const snapshot = row.lifecycle as Partial<ComplaintSnapshot> | null;
    const pinned = row.process_definition_id && row.process_definition_version !== null && row.process_definition_hash;
    // The workflow's own snapshot names the version it runs: a migration moves it off the pinned one.
    if (pinned && snapshot?.state && snapshot.processVersion === row.process_version && row.process_version === `${row.process_definition_id}@${row.process_definition_version}`) {
      const definition = await deps.definitions({ definitionId: row.process_definition_id!, version: row.process_definition_version!, contentHash: row.process_definition_hash! });
      if (definition) return allowedDecisions(snapshot.state, role, definition);
    }
    return deps.temporal.allowedDecisions(row.id, role);
  };
}

export function complaintReadRoutes(deps: ComplaintReadDeps) {
  const cursors = listCursors(deps.linkSigningSecret);
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(listRoute, async (c) => {
      const actor = c.get('actor')!;
      const query = c.req.valid('query');
      const filters = toFilters(query, actor.id, deps.customerLookup);
      const digest = cursors.digest({ ...query, me: query.assignee?.includes('me') ? actor.id : undefined });
      let after;
      if (query.cursor !== undefined) {
        const decoded = cursors.decode(query.cursor, digest);
        if ('refused' in decoded) throw unprocessableError([{ path: 'query.cursor', message: decoded.refused }]);
        after = decoded;
      }
      const now = new Date();
      const page = await searchComplaints(deps.sql, { filters, sort: query.sort, limit: query.limit, ...(after ? { after } : {}), now });
      // The page shows each complaint's customer: one read each, recorded while the views are built.
      const [items] = await Promise.all([
        complaintViews(page.rows, { now, calendars: deps.calendars }),
        recordPersonalDataReads(deps.sql, readsBy(actor, 'search_result', page.rows.map((r) => r.id), { requestId: c.get('requestId') })),
      ]);
      return c.json(
        responseBody(complaintListSchema, { items: items.map((item) => complaintAsReadBy(actor.role, item)), nextCursor: page.next && cursors.encode(page.next, digest), total: page.total }),
        200,
      );
    })
    .openapi(getRoute, async (c) => {
      const actor = c.get('actor')!;
      const complaint = await findComplaintByReference(deps.sql, c.req.valid('param').reference, {
        now: new Date(),
        calendars: deps.calendars,
        allowedDecisions: allowedDecisionsFor(deps, actor.role),
        possibleDuplicates: possibleDuplicatesFor(deps.sql, deps.duplicates),
      });
      if (!complaint) throw new DomainError('NOT_FOUND', 'No complaint has this reference');
      await recordComplaintRead(deps.sql, actor, 'complaint_view', complaint, c.get('requestId'));
      c.header('ETag', `"${complaint.seq}"`);
      return c.json(responseBody(complaintSchema, complaintAsReadBy(actor.role, complaint)), 200);
    });
}

/** The complaint read in full, and the other complaints its possible duplicates show (name, contact, subject). */
export function recordComplaintRead(
  sql: Sql,
  actor: Actor,
  kind: 'complaint_view' | 'decision_result',
  complaint: { id: string; possibleDuplicates: readonly { reference: string }[] | null },
  requestId: string | undefined,
) {
  return recordPersonalDataReads(sql, [
    ...readsBy(actor, kind, [complaint.id], { requestId }),
    ...readsBy(actor, 'possible_duplicate', (complaint.possibleDuplicates ?? []).map((d) => d.reference), { requestId, byReference: true }),
  ]);
}

function toFilters(q: ComplaintListQuery, actorId: string, hasher: CustomerLookupHasher): ComplaintFilters {
  const issues: FieldIssue[] = [];
  const customerEmailHash = q.customerEmail === undefined ? undefined : hasher.email(q.customerEmail);
  if (customerEmailHash === null) issues.push({ path: 'query.customerEmail', message: 'expected an e-mail address' });
  const customerPhoneHash = q.customerPhone === undefined ? undefined : hasher.phone(q.customerPhone);
  if (customerPhoneHash === null) issues.push({ path: 'query.customerPhone', message: 'expected a phone number (digits)' });
  // The values fit the document; they hold no address or number to look up (`00`, ` `).
  if (issues.length > 0) throw unprocessableError(issues);
  const { cursor: _cursor, sort: _sort, limit: _limit, customerEmail: _email, customerPhone: _phone, assignee, ...rest } = q;
  return {
    ...rest,
    ...(assignee ? { assignee: assignee.map((a) => (a === 'me' ? actorId : a)) } : {}),
    ...(customerEmailHash ? { customerEmailHash } : {}),
    ...(customerPhoneHash ? { customerPhoneHash } : {}),
  };
}
