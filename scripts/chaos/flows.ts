// The complaint flows a chaos run drives through the API as its users would: a customer files, an
// agent and a supervisor decide, the customer answers through their signed link, or not at all.
// Every call is retried through outages with its Idempotency-Key (the same request, never a
// second one); a refusal that a retried, already applied request earns is read as applied.
import { randomUUID } from 'node:crypto';
import type { Sql } from 'postgres';
import { LinkSigner, type LinkClaims } from '../../security/signed-links.js';

/** Customers of this country are filed under the process whose answers are due in seconds. */
export const DEEMED_COUNTRY = 'AZ';

export type FlowKind = 'accepted' | 'rejected_twice' | 'info_then_accepted' | 'deemed_accepted';
export const FLOW_KINDS: readonly FlowKind[] = ['accepted', 'rejected_twice', 'info_then_accepted', 'deemed_accepted'];

/** Where each kind of flow ends: the read model's status and closure. */
export const EXPECTED_END: Record<FlowKind, { status: string; closure: string | null }> = {
  accepted: { status: 'closed', closure: 'accepted' },
  rejected_twice: { status: 'open_external', closure: null },
  info_then_accepted: { status: 'closed', closure: 'accepted' },
  deemed_accepted: { status: 'closed', closure: 'deemed_accepted' },
};

export interface Flow {
  kind: FlowKind;
  id?: string;
  reference?: string;
  error?: string;
}

export interface FlowDeps {
  apiUrl: string;
  sql: Sql;
  staff: { agent: string; supervisor: string };
  linkSigner: LinkSigner;
  /** Counts a retry of a call that met an outage (a refused connection, a 5xx, a timeout). */
  retried(): void;
  /** The flows give up after this instant. */
  deadline: number;
}

const CLASSIFY = { type: 'classify', category: 'product_defect', product: 'WM-8000', severity: 'high', department: 'after_sales' };
const PROPOSE = (round: number) => ({ type: 'propose_resolution', outcome: 'upheld', summary: `Proposal ${round}: we repair the machine at home.`, remedy: 'repair' });

export async function driveFlow(deps: FlowDeps, flow: Flow): Promise<void> {
  const intake = await call(deps, 'POST', '/v1/complaints', {
    body: {
      channel: 'web',
      customer: {
        name: 'Ayşe Yılmaz',
        email: `chaos+${randomUUID().slice(0, 8)}@example.com`,
        locale: 'tr',
        country: flow.kind === 'deemed_accepted' ? DEEMED_COUNTRY : 'TR',
      },
      subject: 'Çamaşır makinesi su sızdırıyor',
      description: `Chaos flow (${flow.kind}): makine alttan su sızdırıyor.`,
    },
    ok: [200, 201, 202],
  });
  const filed = intake.body as { id: string; reference: string };
  flow.id = filed.id;
  flow.reference = filed.reference;
  await statusIs(deps, flow, (s) => s !== 'received');
  await decide(deps, flow, 'agent', CLASSIFY, 'investigating');
  if (flow.kind === 'info_then_accepted') {
    await decide(deps, flow, 'agent', { type: 'request_info', question: 'Which model number is on the label?' }, 'awaiting_customer');
    await answer(deps, flow, { purpose: 'info_request' }, { text: 'WM-8000, bought in March.' });
    await statusIs(deps, flow, (s) => s === 'investigating');
  }
  await decide(deps, flow, 'supervisor', PROPOSE(1), 'resolution_proposed');
  if (flow.kind === 'deemed_accepted') return statusIs(deps, flow, (s) => s === 'closed');
  if (flow.kind !== 'rejected_twice') {
    await answer(deps, flow, { purpose: 'resolution', round: 1 }, { decision: 'accept' });
    return statusIs(deps, flow, (s) => s === 'closed');
  }
  await answer(deps, flow, { purpose: 'resolution', round: 1 }, { decision: 'reject', reason: 'A repair does not help me.' });
  await statusIs(deps, flow, (s) => s === 'reinvestigating');
  await decide(deps, flow, 'supervisor', PROPOSE(2), 'resolution_proposed');
  await answer(deps, flow, { purpose: 'resolution', round: 2 }, { decision: 'reject', reason: 'Still not what I asked for.' });
  await statusIs(deps, flow, (s) => s === 'open_external');
}

async function decide(deps: FlowDeps, flow: Flow, role: 'agent' | 'supervisor', decision: Record<string, unknown>, then: string): Promise<void> {
  await call(deps, 'POST', `/v1/complaints/${flow.reference}/decisions`, {
    body: decision,
    headers: { authorization: `Bearer ${deps.staff[role]}`, 'idempotency-key': randomUUID() },
    ok: [200],
  });
  await statusIs(deps, flow, (s) => s === then || (then === 'investigating' && s === 'awaiting_customer'));
}

/** The customer's answer through the link we sent (signed here as delivery signs it: the same secret). */
async function answer(deps: FlowDeps, flow: Flow, link: { purpose: 'resolution' | 'info_request'; round?: number }, body: Record<string, unknown>): Promise<void> {
  const row = await until(deps, `its ${link.purpose} link`, async () => {
    const [found] = await deps.sql<{ id: string; round: number | null; request_id: string | null; expires_at: Date }[]>`
      SELECT id, round, request_id, expires_at FROM response_links
      WHERE complaint_id = ${flow.id!} AND purpose = ${link.purpose} AND revoked_at IS NULL
        ${link.round ? deps.sql`AND round = ${link.round}` : deps.sql``}
      ORDER BY created_at DESC LIMIT 1`.catch(() => []);
    return found;
  });
  const claims: LinkClaims = {
    linkId: row.id,
    complaintId: flow.id!,
    purpose: link.purpose,
    ...(row.round !== null ? { round: row.round } : {}),
    ...(row.request_id !== null ? { requestId: row.request_id } : {}),
    expiresAt: Math.floor(row.expires_at.getTime() / 1000),
  };
  // 410 after a retry: the first attempt was taken (the link is used); the status check tells.
  await call(deps, 'POST', `/v1/responses/${deps.linkSigner.sign(claims)}`, { body, ok: [200, 202, 410] });
}

async function statusIs(deps: FlowDeps, flow: Flow, test: (status: string) => boolean): Promise<void> {
  let last = '(no row)';
  await until(deps, () => `the next status (still ${last})`, async () => {
    const [row] = await deps.sql<{ status: string }[]>`SELECT status FROM complaints WHERE id = ${flow.id!}`.catch(() => []);
    if (row) last = row.status;
    return row && test(row.status) ? true : undefined;
  });
}

async function until<T>(deps: FlowDeps, what: string | (() => string), probe: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    const waitedFor = typeof what === 'string' ? what : what();
    if (Date.now() > deps.deadline) throw new Error(`the flow was still waiting for ${waitedFor} when the run ended`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** One request, retried through outages with the same body and headers (so the same Idempotency-Key). */
async function call(
  deps: FlowDeps,
  method: string,
  path: string,
  opts: { body: unknown; headers?: Record<string, string>; ok: number[] },
): Promise<{ status: number; body: unknown }> {
  const headers = { 'content-type': 'application/json', 'idempotency-key': randomUUID(), ...opts.headers };
  for (let attempt = 0; ; attempt++) {
    let status: number | undefined;
    let text = '';
    try {
      const res = await fetch(`${deps.apiUrl}${path}`, { method, headers, body: JSON.stringify(opts.body), signal: AbortSignal.timeout(20_000) });
      status = res.status;
      text = await res.text();
    } catch {
      status = undefined; // refused or cut: the API is down or restarting
    }
    if (status !== undefined && opts.ok.includes(status)) return { status, body: text ? (JSON.parse(text) as unknown) : null };
    // A retried decision whose first attempt went through answers as the first did (the ledger); a
    // 409 is a request with this key still in flight.
    const outage = status === undefined || status >= 500 || status === 409 || status === 429;
    if (!outage) throw new Error(`${method} ${path} answered ${status}: ${text.slice(0, 300)}`);
    if (Date.now() > deps.deadline) throw new Error(`${method} ${path} still failing when the run ended (last ${status ?? 'no answer'})`);
    deps.retried();
    await new Promise((r) => setTimeout(r, Math.min(2_000, 200 * 2 ** Math.min(attempt, 4))));
  }
}
