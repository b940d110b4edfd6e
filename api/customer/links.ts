// The customer's answers through signed links, shared by the JSON endpoint and the HTML pages.
// Order matters: the HMAC and expiry first (a forged token never reaches the database), then the
// link's row (a missing, revoked or used link is GONE), then the read model (the link's round or
// question still the open one), then the answer is recorded (one per round or question) and only
// then sent to the workflow, whose update id is fixed at receipt: a double submit is taken once,
// and while no worker takes it the answer waits in PostgreSQL for the relay, never refused.
import { createHash } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import type { Sql } from 'postgres';
import { customerAnswerSchema, nonBlankText } from '../../domain/complaint-schemas.js';
import { DomainError, type FieldIssue } from '../../domain/errors.js';
import type { CustomerAnswer } from '../../domain/lifecycle/index.js';
import { answerSlot } from '../../domain/lifecycle/customer-answers.js';
import type { LinkClaims, LinkSigner } from '../../security/signed-links.js';
import type { AnswerOrigin, CustomerAnswerInput } from '../../workflows/complaint.messages.js';
import type { DataKeyStore } from '../../security/data-keys.js';
import { deliverCustomerAnswer, recordCustomerAnswer } from '../../read-model/customer-answers.js';
import type { AnswerOriginDeps } from './answer-origin.js';
import {
  buildCustomerView,
  findCustomerComplaint,
  type CustomerComplaintRow,
  type CustomerView,
} from './view.js';
import { unprocessableError, validationError } from '../http/errors.js';
import type { TemporalGateway } from '../../temporal/gateway.js';

/** How long the customer waits for a worker to take the answer before the page says it is received. */
export const CUSTOMER_ANSWER_WAIT_MS = 3_000;

export interface CustomerLinkDeps extends AnswerOriginDeps {
  sql: Sql;
  temporal: TemporalGateway;
  linkSigner: LinkSigner;
  /** Seals a received answer with its complaint's key while it waits for the workflow. */
  dataKeys: DataKeyStore;
  /** The clock tokens expire by, epoch ms (tests move it). */
  now?: () => number;
}

/** One body for both link purposes; which fields it needs depends on the link (see `toAnswer`). */
export const linkAnswerBodySchema = z
  .strictObject({
    decision: z
      .enum(['accept', 'reject'])
      .optional()
      .meta({ description: 'Resolution links: accept or reject the proposal' }),
    // Limits as in the domain's customer answer schema.
    reason: nonBlankText(2_000)
      .optional()
      .meta({ description: 'Required with `reject`: why the proposal does not satisfy you' }),
    text: nonBlankText(5_000).optional().meta({ description: 'Information-request links: your answer to our question' }),
  })
  .meta({
    id: 'CustomerAnswer',
    // What `toAnswer` takes, as the document's exclusive shapes; which one fits is the link's purpose.
    oneOf: [
      { title: 'Accept', properties: { decision: { const: 'accept' } }, required: ['decision'], not: { anyOf: [{ required: ['reason'] }, { required: ['text'] }] } },
      { title: 'Reject', properties: { decision: { const: 'reject' } }, required: ['decision', 'reason'], not: { required: ['text'] } },
      { title: 'Answer', required: ['text'], not: { anyOf: [{ required: ['decision'] }, { required: ['reason'] }] } },
    ],
    description:
      'A resolution link takes `{ "decision": "accept" }` or `{ "decision": "reject", "reason": "…" }`; ' +
      'an information-request link takes `{ "text": "…" }`.',
    example: { decision: 'reject', reason: 'A replacement does not help: I need the machine repaired this week.' },
  });

export type LinkAnswerBody = z.infer<typeof linkAnswerBodySchema>;

export interface OpenedLink {
  claims: LinkClaims;
  complaint: CustomerComplaintRow;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An authentic, unexpired link whose row is still open, with its complaint. Tampered or malformed:
 * NOT_FOUND; expired, answered, superseded or revoked: GONE. Reads only: opening changes nothing.
 */
export async function openLink(deps: CustomerLinkDeps, token: string): Promise<OpenedLink> {
  const claims = deps.linkSigner.verify(token, (deps.now ?? Date.now)());
  // A survey link answers the survey (survey.ts), never a proposal or a question.
  if (claims.purpose === 'survey' || !UUID.test(claims.linkId) || !UUID.test(claims.complaintId)) throw invalidLink();
  type LinkRow = { complaint_id: string; purpose: string; revoked_at: Date | null; used_at: Date | null };
  const [link] = await deps.sql<LinkRow[]>`
    SELECT complaint_id, purpose, revoked_at, used_at FROM response_links WHERE id = ${claims.linkId}`;
  if (!link || link.revoked_at || link.used_at) {
    throw new DomainError('GONE', 'This link is no longer valid: it was answered, or a newer one replaced it');
  }
  if (link.complaint_id !== claims.complaintId || link.purpose !== claims.purpose) throw invalidLink();
  const complaint = await findCustomerComplaint(deps.sql, { id: claims.complaintId });
  if (!complaint) throw invalidLink();
  return { claims, complaint };
}

/** What the customer sees after answering: `taken` by the workflow, or `received` and waiting for a worker. */
export interface LinkAnswerOutcome {
  outcome: 'taken' | 'received';
  view: CustomerView;
}

/**
 * Records the answer and sends it to the complaint's workflow. Taken: the workflow recorded the
 * transition (the link marked used, the round's links revoked) before the update returned, so a
 * second submit finds the link GONE. Received: no worker took it in time; the relay delivers it.
 */
export async function answerThroughLink(
  deps: CustomerLinkDeps,
  link: OpenedLink,
  body: LinkAnswerBody,
  origin: AnswerOrigin,
): Promise<LinkAnswerOutcome> {
  const { claims } = link;
  const answer = toAnswer(claims, body);
  const slot = openAnswerSlot(link);
  const kind = answer.type === 'customer_rejected' ? 'reject' : answer.type === 'customer_accepted' ? 'accept' : 'info';
  // The answer's hash is part of the update id: a double submit of the same answer is one update.
  const updateId = `${claims.linkId}:${kind}:${answerDigest(answer)}`;
  const input: CustomerAnswerInput = { linkId: claims.linkId, answer, origin };
  const stored = await recordCustomerAnswer(deps.sql, deps.dataKeys, { complaintId: claims.complaintId, slot, updateId, input });
  if (stored.updateId !== updateId) {
    throw new DomainError('CONFLICT', 'We already have another answer of yours to this; it is the one that counts');
  }
  if (stored.status === 'refused') throw new DomainError(stored.refusal!.code, stored.refusal!.message);
  if (stored.status === 'delivered') {
    const now = await findCustomerComplaint(deps.sql, { id: claims.complaintId });
    return { outcome: 'taken', view: buildCustomerView(now ?? link.complaint) };
  }
  const delivery = await deliverCustomerAnswer(deps, { id: stored.id, complaintId: claims.complaintId, updateId, input }, CUSTOMER_ANSWER_WAIT_MS);
  return delivery.delivered
    ? { outcome: 'taken', view: buildCustomerView(link.complaint, delivery.status) }
    : { outcome: 'received', view: buildCustomerView(link.complaint) };
}

/**
 * The round or question the link answers, if the read model shows it still open (`round:<n>`,
 * `info:<requestId>`); else GONE, as the workflow would refuse it.
 */
export function openAnswerSlot({ claims, complaint }: OpenedLink): string {
  const view = buildCustomerView(complaint);
  if (claims.purpose === 'resolution') {
    const p = view.proposal;
    if (view.status === 'resolution_proposed' && p && p.round === claims.round && !p.answer) return answerSlot.round(claims.round);
  } else {
    const pending = complaint.lifecycle?.state.pendingInfoRequest;
    if (view.status === 'awaiting_customer' && view.pendingQuestion && pending && pending.requestId === claims.requestId) return answerSlot.info(pending.requestId);
  }
  throw new DomainError('GONE', 'This link is no longer valid: it was answered, or a newer one replaced it');
}

/** A short hash of what the customer answered (the update id must not carry their words). */
function answerDigest(answer: CustomerAnswer): string {
  return createHash('sha256').update(JSON.stringify(answer)).digest('hex').slice(0, 32);
}

/** The customer answer a body means for this link; a body that does not fit the purpose is 400. */
export function toAnswer(claims: LinkClaims, body: LinkAnswerBody): CustomerAnswer {
  const issues: FieldIssue[] = [];
  const refuse = (path: keyof LinkAnswerBody, message: string) => issues.push({ path, message });
  let answer: unknown;
  if (claims.purpose === 'resolution') {
    if (body.text !== undefined) refuse('text', 'a resolution link takes a decision, not text');
    if (body.decision === undefined) refuse('decision', "required: 'accept' or 'reject'");
    if (body.decision === 'reject' && body.reason === undefined) {
      refuse('reason', 'required when you reject: tell us why');
    }
    if (body.decision === 'accept' && body.reason !== undefined) refuse('reason', "only with decision 'reject'");
    answer =
      body.decision === 'accept'
        ? { type: 'customer_accepted', round: claims.round }
        : { type: 'customer_rejected', round: claims.round, reason: body.reason };
  } else {
    if (body.decision !== undefined) refuse('decision', 'an information request takes text, not a decision');
    if (body.reason !== undefined) refuse('reason', 'an information request takes text, not a reason');
    if (body.text === undefined) refuse('text', 'required: your answer to our question');
    answer = { type: 'customer_answered_info', requestId: claims.requestId, text: body.text };
  }
  // A body of the document's shapes that is not the one this link takes: 422 (the purpose is in the token).
  if (issues.length > 0) throw offDocument(body) ? validationError(issues) : unprocessableError(issues);
  const parsed = customerAnswerSchema.safeParse(answer);
  if (!parsed.success) throw invalidLink(); // the link lacks its round or request id
  return parsed.data;
}

/** Whether `body` is none of the document's three shapes (accept; reject with a reason; text). */
function offDocument(body: LinkAnswerBody): boolean {
  const accept = body.decision === 'accept' && body.reason === undefined && body.text === undefined;
  const reject = body.decision === 'reject' && body.reason !== undefined && body.text === undefined;
  const answer = body.text !== undefined && body.decision === undefined && body.reason === undefined;
  return !(accept || reject || answer);
}

function invalidLink(): DomainError {
  return new DomainError('NOT_FOUND', 'This link is not valid');
}
