// The customer's side of a complaint. Without a workflow: complaint rows with a lifecycle snapshot,
// response links and their signed tokens, written straight into the read model as the workflow's
// activity would. With one (`customerFlow`): complaints filed and decided over the API.
import { randomUUID } from 'node:crypto';
import { createOutboxDelivery, type StoredMessage } from '../../read-model/outbox-delivery.js';
import { readModelReached } from '../../read-model/complaint-queries.js';
import type { Sql } from 'postgres';
import type { ComplaintStatus as StatusId } from '../../domain/complaint.js';
import { initialState, type ComplaintState, type Proposal } from '../../domain/lifecycle/index.js';
import { formatReference } from '../../domain/reference.js';
import { generatePin } from '../../security/pin.js';
import { LinkSigner, type LinkClaims, type LinkPurpose } from '../../security/signed-links.js';
import type { ComplaintSnapshot } from '../../workflows/complaint.messages.js';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Decision } from '../../domain/lifecycle/index.js';
import { statusQuery } from '../../workflows/complaint.messages.js';
import { aComplaint } from './fixtures.js';
import { bearer, eventually, integrationContext, LINK_SIGNING_SECRET, trackingPins, type IntegrationContext } from './integration.js';

export const linkSigner = new LinkSigner(LINK_SIGNING_SECRET);

/** A staff id and a note that must never reach the customer. */
export const STAFF_ID = 'agent-mehmet-007';

export function aProposal(overrides: Partial<Proposal> = {}): Proposal {
  return {
    round: 1,
    summary: 'We will repair the machine at home free of charge.',
    remedy: 'repair',
    amount: null,
    currency: null,
    correctiveActionId: null,
    proposedAt: '2026-03-02T10:00:00.000Z',
    proposedBy: STAFF_ID,
    reminderSentAt: null,
    answerTimedOutAt: null,
    answer: null,
    ...overrides,
  };
}

/** A workflow status snapshot; `state` overrides the lifecycle state of a fresh complaint. */
export function aSnapshot(state: Partial<ComplaintState> = {}, deadlines: Partial<ComplaintSnapshot['deadlines']> = {}): ComplaintSnapshot {
  const base = initialState({
    reference: 'CMP-2026-000001',
    receivedAt: '2026-03-02T08:00:00.000Z',
    channel: 'web',
    customer: { locale: 'tr', country: 'TR', email: 'ayse@example.com' },
  });
  return {
    complaintId: randomUUID(),
    processVersion: 'test@1',
    calendarId: 'TR',
    seq: 5,
    state: {
      ...base,
      status: 'investigating',
      acknowledgedAt: '2026-03-02T08:05:00.000Z',
      assignee: STAFF_ID,
      team: 'after-sales-istanbul',
      counters: { ...base.counters, notes: 2 },
      ...state,
    },
    deadlines: {
      stage: { id: 'investigation', startedAt: '2026-03-02T09:00:00.000Z', warningAt: '2026-03-05T09:00:00.000Z', deadline: '2026-03-06T15:00:00.000Z', paused: false },
      nextEscalationAt: null,
      answer: null,
      info: null,
      progressUpdateAt: null,
      ...deadlines,
    },
    escalationLevel: 'owner',
  };
}

/** A proposal of `round` waiting for the customer's answer. */
/** Answer windows end in 2099: a page never asks for a date that has passed, so a past one would not show. */
export function aProposedSnapshot(round = 1, proposal: Partial<Proposal> = {}): ComplaintSnapshot {
  const proposals = Array.from({ length: round }, (_, i) =>
    aProposal({ round: i + 1, ...(i + 1 < round ? { answer: { outcome: 'rejected', at: '2026-03-03T10:00:00.000Z', reason: 'No' } } : proposal) }),
  );
  return aSnapshot(
    { status: 'resolution_proposed', round, proposals },
    { stage: null, answer: { round, reminderAt: '2099-03-09T10:00:00.000Z', deadline: '2099-03-16T15:00:00.000Z' } },
  );
}

/** An information request waiting for the customer, back to `investigating` once answered. */
export function anInfoRequestSnapshot(question = 'Which model number is on the label?'): ComplaintSnapshot {
  return aSnapshot(
    {
      status: 'awaiting_customer',
      pendingInfoRequest: { requestId: 'info-1', question, askedAt: '2026-03-02T11:00:00.000Z', askedBy: STAFF_ID, returnTo: 'investigating' },
      counters: { ...aSnapshot().state.counters, infoRequests: 1 },
    },
    {
      stage: { id: 'investigation', startedAt: '2026-03-02T09:00:00.000Z', warningAt: '2026-03-05T09:00:00.000Z', deadline: '2026-03-06T15:00:00.000Z', paused: true },
      info: { requestId: 'info-1', reminderAt: '2099-03-09T11:00:00.000Z', deadline: '2099-03-16T11:00:00.000Z' },
    },
  );
}

export interface SeededComplaint {
  id: string;
  reference: string;
  pin: string;
}

/** A complaint row as intake and the workflow's activity leave it. */
export async function seedComplaint(sql: Sql, snapshot: ComplaintSnapshot | null = aSnapshot(), locale = 'tr'): Promise<SeededComplaint> {
  const pin = generatePin();
  const id = randomUUID();
  const [seq] = await sql<{ n: number }[]>`SELECT nextval('complaint_reference_seq')::int AS n`;
  const reference = formatReference(new Date(), seq!.n);
  const state = snapshot?.state;
  await sql`
    INSERT INTO complaints (id, reference, channel, status, customer_name, customer_email, customer_locale, subject,
      description, pin_hash, received_at, recorded_at, closure, round, assignee, acknowledged_at, closed_at, lifecycle)
    VALUES (${id}, ${reference}, 'web', ${(state?.status ?? 'received') satisfies StatusId}, 'Ayşe Yılmaz', 'ayse@example.com',
      ${locale}, 'Çamaşır makinesi su sızdırıyor', 'Makine iki haftalık, alttan su sızdırıyor.', ${trackingPins.hash(pin)},
      '2026-03-02T08:00:00Z', now(), ${state?.closure ?? null}, ${state?.round ?? 0}, ${state?.assignee ?? null},
      ${state?.acknowledgedAt ?? null}, ${state?.closedAt ?? null},
      ${snapshot ? sql.json({ ...snapshot, complaintId: id } as never) : null})`;
  return { id, reference, pin };
}

export interface LinkOptions {
  purpose?: LinkPurpose;
  round?: number;
  requestId?: string;
  /** Seconds from now; negative for an expired token. */
  expiresInSeconds?: number;
  revoked?: boolean;
  /** Sign a token without writing its row. */
  withoutRow?: boolean;
}

/** A response link row and its signed token. */
export async function seedLink(sql: Sql, complaintId: string, options: LinkOptions = {}): Promise<{ linkId: string; token: string }> {
  const linkId = randomUUID();
  const purpose = options.purpose ?? 'resolution';
  const expiresAt = Math.floor(Date.now() / 1000) + (options.expiresInSeconds ?? 86_400);
  const claims: LinkClaims = {
    linkId,
    complaintId,
    purpose,
    ...(purpose === 'resolution' ? { round: options.round ?? 1 } : { requestId: options.requestId ?? 'info-1' }),
    expiresAt,
  };
  if (!options.withoutRow) {
    await sql`
      INSERT INTO response_links (id, complaint_id, purpose, round, request_id, expires_at, revoked_at)
      VALUES (${linkId}, ${complaintId}, ${purpose}, ${claims.round ?? null}, ${claims.requestId ?? null},
        ${new Date(expiresAt * 1000)}, ${options.revoked ? new Date() : null})`;
  }
  return { linkId, token: linkSigner.sign(claims) };
}

/** The token with its claims changed (another round, a later expiry) under the original signature. */
export function tampered(token: string): string {
  const [version, payload, mac] = token.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as LinkClaims;
  const forged = { ...claims, round: (claims.round ?? 0) + 1, expiresAt: claims.expiresAt + 86_400 };
  return `${version}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${mac}`;
}

/** The real thing: complaints filed and decided over the API, run by the workflow. */
export function customerFlow(ctx: IntegrationContext, app: ReturnType<IntegrationContext['app']>) {
  const flow = {
    async file(): Promise<SeededComplaint> {
      const res = await app.request('/v1/complaints', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(aComplaint()),
      });
      expect(res.status).toBe(201);
      return (await res.json()) as SeededComplaint;
    },
    async decide(c: SeededComplaint, decision: Decision): Promise<void> {
      const res = await app.request(`/v1/complaints/${c.reference}/decisions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer('agent') },
        body: JSON.stringify(decision),
      });
      expect(res.status, await res.clone().text()).toBe(200);
      // Answered once in the workflow's history: the read model (what the customer sees) follows.
      await readModelReached(ctx.sql, c.reference, ((await res.json()) as { seq: number }).seq);
    },
    status(c: SeededComplaint): Promise<ComplaintSnapshot> {
      return ctx.client.workflow.getHandle(c.id).query(statusQuery);
    },
    /** Waits until the read model (what the customer sees) shows `status`. */
    waitForRow(c: SeededComplaint, status: StatusId) {
      return eventually(async () => {
        const [row] = await ctx.sql<{ status: string }[]>`SELECT status FROM complaints WHERE id = ${c.id}`;
        return row?.status === status ? row : undefined;
      });
    },
    /** Filed, assigned to STAFF_ID, noted, classified: under investigation. */
    async investigating(): Promise<SeededComplaint> {
      const c = await flow.file();
      await flow.decide(c, { type: 'assign', assignee: STAFF_ID, team: 'after-sales-istanbul' });
      await eventually(async () => ((await flow.status(c)).state.status === 'in_review' ? true : undefined));
      await flow.decide(c, { type: 'note', text: INTERNAL_NOTE });
      await flow.decide(c, { type: 'classify', category: 'product_defect', product: 'WM-8000', severity: 'high', department: 'after_sales' });
      return c;
    },
    async propose(c: SeededComplaint, round: number): Promise<string> {
      await flow.decide(c, { type: 'propose_resolution', outcome: 'upheld', summary: `Round ${round}: we repair the machine at home.`, remedy: 'repair' });
      await flow.waitForRow(c, 'resolution_proposed');
      return flow.sentLink(c, 'resolution_proposed', round - 1);
    },
    /** Under investigation with a proposal of round 1 sent; answers the token of its link. */
    async proposed(): Promise<{ complaint: SeededComplaint; token: string }> {
      const complaint = await flow.investigating();
      return { complaint, token: await flow.propose(complaint, 1) };
    },
    /** The token in the `nth` (0-based) message of `template` as delivery sends it to the customer. */
    sentLink(c: SeededComplaint, template: 'resolution_proposed' | 'info_requested', nth = 0): Promise<string> {
      return eventually(async () => {
        const message = (await flow.outbox(c, template))[nth];
        if (!message) return undefined;
        const { body } = await createOutboxDelivery(ctx.activityDeps).renderForDelivery(message);
        return /\/r\/(v1\.[\w-]+\.[\w-]+)/.exec(body)?.[1];
      });
    },
    /** The stored outbox rows of a template, oldest first, as the delivery worker reads them. */
    async outbox(c: SeededComplaint, template: string): Promise<StoredMessage[]> {
      return ctx.sql<StoredMessage[]>`
        SELECT complaint_id AS "complaintId", subject, body, response_link_id AS "responseLinkId"
        FROM outbox_messages WHERE complaint_id = ${c.id} AND template = ${template} ORDER BY seq`;
    },
    async eventCount(c: SeededComplaint): Promise<number> {
      const [row] = await ctx.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM complaint_events WHERE complaint_id = ${c.id}`;
      return row!.n;
    },
  };
  return flow;
}

/** A staff note that must never reach the customer. */
export const INTERNAL_NOTE = 'Internal: the customer threatened to go to the press; handle with care.';

export interface CustomerTestEnv {
  ctx: IntegrationContext;
  app: ReturnType<IntegrationContext['app']>;
  flow: ReturnType<typeof customerFlow>;
}

/** For a test file about the customer side: a worker, the app and the flow helpers, closed after. */
export function useCustomerApp(onReady: (env: CustomerTestEnv) => void): void {
  let ctx: IntegrationContext | undefined;
  beforeAll(async () => {
    ctx = await integrationContext();
    await ctx.startWorker();
    const app = ctx.app();
    onReady({ ctx, app, flow: customerFlow(ctx, app) });
  });
  afterAll(() => ctx?.close());
}
