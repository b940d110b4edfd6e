// POST /v1/complaints/{reference}/decisions: staff decisions, each a Temporal Update validated by
// the complaint's own workflow, answered synchronously (200 new state, 409 not now, 403 not you)
// once the decision is in the workflow's history; its transitions reach the read model just after.
// What needs no workflow is checked here first: that the role takes decisions at all (so a reader
// gets 403 even when the complaint is closed or no worker runs; which decisions it may take is the
// complaint's pinned process definition's to say, so the workflow checks that) and that a
// duplicate's original exists. Then the
// Idempotency-Key is recorded with the decision it carries (request-keys.ts), so a key reused
// for another decision is a 409, never a silently dropped decision.
import { randomUUID } from 'node:crypto';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Sql } from 'postgres';
import { decisionSchema } from '../../domain/complaint-schemas.js';
import { DomainError } from '../../domain/errors.js';
import type { Decision } from '../../domain/lifecycle/index.js';
import type { AppEnv } from '../http/app-env.js';
import { access } from '../http/access-matrix.js';
import { referenceParamSchema } from './complaints.schemas.js';
import { ifMatchHeader } from '../http/if-match.js';
import { errorResponses, unprocessableError } from '../http/errors.js';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeySchema } from '../http/idempotency-key.js';
import { requestDigest, sendOnce } from '../../read-model/request-keys.js';
import { complaintAsReadBy, complaintSchema } from './complaints.schemas.js';
import { allowedDecisionsFor, ETAG_HEADER_DOC, recordComplaintRead } from './complaints.js';
import type { DuplicateFinderSettings } from '../../read-model/possible-duplicates.js';
import { complaintViews, findComplaintRowByReference } from '../../read-model/complaint-queries.js';
import { findPossibleDuplicates } from '../../read-model/possible-duplicates.js';
import { rowAfterTransition } from '../../read-model/transition-columns.js';
import type { CalendarResolver } from '../../read-model/calendar-resolver.js';
import type { ApiMetrics } from '../http/metrics.js';
import type { PinnedDefinitionOf } from '../../read-model/pinned-definitions.js';
import type { TemporalGateway } from '../../temporal/gateway.js';
import { validationHook } from '../http/validation.js';
import { responseBody } from '../http/response-body.js';

const decisionBodySchema = decisionSchema.meta({
  id: 'Decision',
  description:
    'One decision, discriminated by `type`: acknowledge, classify, assign, request_info, propose_resolution, escalate, ' +
    'note, record_corrective_action, record_external_outcome, withdraw, close_out_of_scope, mark_duplicate, and, while the ' +
    'customer owes an answer: record_customer_answer (an answer that came by phone, mail, …), cancel_info_request, ' +
    'reissue_link (a fresh link for the open question or proposal; the earlier links answer 410); and link_repeat ' +
    '(this complaint repeats `repeatOf`, an earlier closed complaint of the same customer: history, and the repeat-rate KPI); ' +
    'a `duplicateOf` or `repeatOf` that names no such complaint (or not one that qualifies), and a corrective action whose ' +
    '`dueDate` is already past, are a 422 on that field. ' +
    '`propose_resolution` requires `outcome`: how far the proposal finds the complaint justified — `upheld`, ' +
    '`partly_upheld` or `not_upheld` (what regulators ask complaint reports to count; GET /v1/reports/kpis counts it).',
  example: { type: 'classify', category: 'product_defect', product: 'WM-8000', severity: 'high', department: 'after_sales' },
});

const idempotencyKeyResponseHeader = {
  [IDEMPOTENCY_KEY_HEADER]: {
    description: 'The key this decision was sent with (yours, or one made up for you): retry a 503 with it',
    schema: { type: 'string' as const, example: '5f0c2a8e-4c1b-4a51-9d8e-1f2a3b4c5d6e' },
  },
};

const decideRoute = createRoute({
  method: 'post',
  path: '/{reference}/decisions',
  summary: 'Take a decision on a complaint (staff)',
  description:
    'Accepted decisions answer with the complaint after the decision (the same `Complaint` as GET, its `ETag` too). ' +
    'The answer comes once the decision is in the complaint\'s durable history; its timeline event, messages, row and ' +
    'reports are written right after, so a GET, list or report sent at once may show the state before for a moment ' +
    '(the answer\'s `seq` is what they reach). ' +
    '`If-Match: "<seq>"` (the ETag read) makes the decision conditional: when anything was recorded since (another ' +
    "agent's decision, a deadline's warning), 412 PRECONDITION_FAILED and nothing changes; the workflow checks it, so " +
    'of two decisions sent at once with the same ETag exactly one is taken. 409 INVALID_TRANSITION lists the decisions allowed now (`details.allowed`); ' +
    '403 NOT_ALLOWED_FOR_ROLE when the role may not take it; 400 when `mark_duplicate` names no other existing complaint, ' +
    'when `link_repeat` names no earlier, closed complaint of the same customer (same e-mail or phone), ' +
    'or `record_customer_answer` answers what is not open (`answer` `info` needs an open question; `accepted` or ' +
    '`rejected` an open proposal). ' +
    'An `Idempotency-Key` makes a retry return the first result; the same key with a different decision (or on another ' +
    'complaint) is refused with 409 CONFLICT naming the key, unless the first was refused. Without a key the server makes ' +
    'one up. Either way the key is returned in the `Idempotency-Key` response header, on 200 and on 503: after a 503, ' +
    'retry with that key and the decision is taken at most once. The body may be at most 64 KiB (413).',
  security: [{ apiKey: [] }],
  middleware: [access('POST /v1/complaints/{reference}/decisions')] as const,
  request: {
    params: referenceParamSchema,
    headers: z.object({
      'idempotency-key': idempotencyKeySchema.optional().meta({ description: 'Retries with the same key take the decision once' }),
      'if-match': ifMatchHeader('this complaint', '"7"', 'The `ETag` last read: refuse the decision (412) if the complaint changed since'),
    }),
    body: { required: true, content: { 'application/json': { schema: decisionBodySchema } } },
  },
  responses: {
    200: {
      description: 'The decision was taken',
      headers: { ...idempotencyKeyResponseHeader, ...ETAG_HEADER_DOC },
      content: { 'application/json': { schema: complaintSchema } },
    },
    ...errorResponses(400, 401, 403, 404, 409, 410, 412, 413, 422),
    503: { ...errorResponses(503)[503]!, headers: idempotencyKeyResponseHeader },
  },
});

export function decisionRoutes(deps: {
  sql: Sql;
  temporal: TemporalGateway;
  definitions: PinnedDefinitionOf;
  calendars: CalendarResolver;
  duplicates: DuplicateFinderSettings;
  metrics?: Pick<ApiMetrics, 'decisions'>;
}) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(decideRoute, async (c) => {
    const actor = c.get('actor')!;
    const decision = c.req.valid('json');
    const { reference } = c.req.valid('param');
    // Independent reads, sent together (one round trip when they are pipelined on one connection).
    const [row] = await Promise.all([
      findComplaintRowByReference(deps.sql, reference),
      checkDuplicateOf(deps.sql, reference, decision),
      checkRepeatOf(deps.sql, reference, decision),
    ]);
    if (!row) throw new DomainError('NOT_FOUND', 'No complaint has this reference');
    const headers = c.req.valid('header');
    const key = headers['idempotency-key'] ?? randomUUID();
    c.header(IDEMPOTENCY_KEY_HEADER, key); // also on a 503, whose message asks for a retry with it
    const expectedSeq = expectedSeqOf(headers['if-match']);
    // The expected sequence is part of the request: after a 412, the same key may carry the decision again with a fresh ETag.
    const requestKey = { caller: `decide:${actor.id}`, key, body: expectedSeq === undefined ? { reference, decision } : { reference, decision, expectedSeq } };
    // The body's digest is part of the update id too: the ledger forgets keys after 30 days, and a
    // reused key with another decision must then be a new update, never the first one's answer.
    const updateKey = `${actor.id}:${key}:${requestDigest(requestKey.body).slice(0, 32)}`;
    // Answered once the decision is in the workflow's history; its transitions reach the read model
    // moments later, so the answer is the row as that write will leave it (rowAfterTransition).
    const input = { actor, decision, answerBeforeRecorded: true, ...(expectedSeq === undefined ? {} : { expectedSeq }) };
    const decided = sendOnce(deps.sql, requestKey, () => deps.temporal.decide(row.id, input, updateKey)).catch((err: unknown) => {
      if (err instanceof DomainError && err.code !== 'TEMPORARILY_UNAVAILABLE') deps.metrics?.decisions.inc({ type: decision.type, outcome: 'refused' });
      throw err;
    });
    // The similarity search reads the complaint's texts, which no decision changes: it runs while the workflow decides.
    const duplicates = findPossibleDuplicates(deps.sql, row.id, deps.duplicates);
    const [status] = await Promise.all([decided, duplicates]);
    deps.metrics?.decisions.inc({ type: decision.type, outcome: 'taken' });
    // Without `decidedAt` (a retried update id, an older worker) the transitions were written before the answer: read them.
    const rowAfter = status.decidedAt ? rowAfterTransition(row, status, status.decidedAt) : ((await findComplaintRowByReference(deps.sql, reference)) ?? row);
    const [complaint] = await complaintViews([rowAfter], {
      now: new Date(),
      calendars: deps.calendars,
      allowedDecisions: allowedDecisionsFor(deps, actor.role),
      possibleDuplicates: () => duplicates,
    });
    await recordComplaintRead(deps.sql, actor, 'decision_result', complaint!, c.get('requestId'));
    c.header('ETag', `"${Math.max(complaint!.seq, status.seq)}"`);
    return c.json(responseBody(complaintSchema, complaintAsReadBy(actor.role, complaint!)), 200);
  });
}

/** The sequence an `If-Match` names; undefined without one or for `*` (any). */
function expectedSeqOf(ifMatch: string | undefined): number | undefined {
  const digits = ifMatch?.match(/"(\d+)"/)?.[1];
  return digits === undefined ? undefined : Number(digits);
}

/** `mark_duplicate` names another complaint that exists; else 422 on `duplicateOf` (the reference fits the document). */
async function checkDuplicateOf(sql: Sql, reference: string, decision: Decision): Promise<void> {
  if (decision.type !== 'mark_duplicate') return;
  const refuse = (message: string) => unprocessableError([{ path: 'duplicateOf', message }]);
  if (decision.duplicateOf === reference) throw refuse('a complaint cannot duplicate itself');
  const [original] = await sql`SELECT 1 FROM complaints WHERE reference = ${decision.duplicateOf}`;
  if (!original) throw refuse('no complaint has this reference');
}

/**
 * `link_repeat` names an earlier, closed complaint of the same customer (its e-mail or phone hash
 * matches one of this complaint's); else 422 on `repeatOf`, saying which of these it is not.
 */
async function checkRepeatOf(sql: Sql, reference: string, decision: Decision): Promise<void> {
  if (decision.type !== 'link_repeat') return;
  const refuse = (message: string) => unprocessableError([{ path: 'repeatOf', message }]);
  if (decision.repeatOf === reference) throw refuse('a complaint cannot repeat itself');
  const [earlier] = await sql<{ status: string; earlier: boolean; same_customer: boolean }[]>`
    SELECT e.status, e.received_at < c.received_at AS earlier,
           coalesce(e.customer_email_hash = c.customer_email_hash, false)
             OR coalesce(e.customer_phone_hash = c.customer_phone_hash, false) AS same_customer
    FROM complaints c, complaints e WHERE c.reference = ${reference} AND e.reference = ${decision.repeatOf}`;
  if (!earlier) throw refuse('no complaint has this reference');
  if (!earlier.same_customer) throw refuse("that complaint is another customer's: neither its e-mail nor its phone is this one's");
  if (!earlier.earlier) throw refuse('that complaint was received after this one');
  if (earlier.status !== 'closed') throw refuse('that complaint is still open: a repeat follows a closed complaint (an open one is marked as a duplicate)');
}
