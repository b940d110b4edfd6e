// The customer's answers through signed links, shared by the JSON endpoint and the HTML pages.
// Order matters: the HMAC and expiry first (a forged token never reaches the database), then the
// link's row (a missing, revoked or used link is GONE), then the workflow, whose update id is the
// link's and the answer's, so a double submit returns the first result instead of answering
// twice, and a different second answer is taken or refused by the workflow, never dropped.
import { createHash } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import type { Sql } from 'postgres';
import { customerAnswerSchema, nonBlankText } from '../../domain/complaint-schemas.js';
import { DomainError, type FieldIssue } from '../../domain/errors.js';
import type { CustomerAnswer } from '../../domain/lifecycle/index.js';
import type { LinkClaims, LinkSigner } from '../../security/signed-links.js';
import type { AnswerOrigin } from '../../workflows/complaint.messages.js';
import type { AnswerOriginDeps } from './answer-origin.js';
import {
  buildCustomerView,
  findCustomerComplaint,
  type CustomerComplaintRow,
  type CustomerView,
} from './view.js';
import { unprocessableError, validationError } from '../http/errors.js';
import type { TemporalGateway } from '../../temporal/gateway.js';

export interface CustomerLinkDeps extends AnswerOriginDeps {
  sql: Sql;
  temporal: TemporalGateway;
  linkSigner: LinkSigner;
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

/**
 * Sends the answer to the complaint's workflow and answers the customer's view after it. The
 * workflow records the transition (the link marked used, the round's links revoked) before the
 * update returns, so a second submit finds the link GONE.
 */
export async function answerThroughLink(
  deps: CustomerLinkDeps,
  link: OpenedLink,
  body: LinkAnswerBody,
  origin: AnswerOrigin,
): Promise<CustomerView> {
  const { claims } = link;
  const answer = toAnswer(claims, body);
  const kind = answer.type === 'customer_rejected' ? 'reject' : answer.type === 'customer_accepted' ? 'accept' : 'info';
  // The answer's hash is part of the update id: a double submit of the same answer is taken once,
  // and a different one (another reason, say, after a 503) is a new update that the workflow takes
  // or refuses. Temporal would answer a reused id with the first result and drop the second answer.
  const status = await deps.temporal.answerAsCustomer(
    claims.complaintId,
    { linkId: claims.linkId, answer, origin },
    `${claims.linkId}:${kind}:${answerDigest(answer)}`,
  );
  return buildCustomerView(link.complaint, status);
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
