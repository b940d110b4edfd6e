// Drives complaints the way clients do: intake and decisions over the HTTP API, the customer's
// answers through their signed links; reads what the read model and the workflow say.
import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, expect } from 'vitest';
import { createTemporalGateway } from '../../temporal/gateway.js';
import type { Role } from '../../domain/complaint.js';
import type { CustomerAnswer, Decision } from '../../domain/lifecycle/index.js';
import type { ProcessDefinitionSnapshot } from '../../domain/process-definition.js';
import type { ComplaintSnapshot, MigrateProcessInput, MigrateProcessResult, MigrationView } from '../../workflows/complaint.messages.js';
import { aComplaint } from './fixtures.js';
import { readModelReached } from '../../read-model/complaint-queries.js';
import { bearer, eventually, integrationContext, type IntegrationContext } from './integration.js';
import { quietProcess } from './process.js';
import type { IntakeRequest } from '../../api/intake/intake.schemas.js';

export interface FiledComplaint {
  id: string;
  reference: string;
  pin: string;
}

/** `process`: the snapshot every complaint is pinned to, or `'selection-rules'` (the stored rules choose). `client` defaults to the context's; pass another server's (the time-skipping one) to drive complaints there. */
export function complaintDriver(ctx: IntegrationContext, process: ProcessDefinitionSnapshot | 'selection-rules', client: Client = ctx.client) {
  const gateway = createTemporalGateway(client, ctx.taskQueue);
  const app = ctx.app({ process, ...(client === ctx.client ? {} : { temporal: gateway }) });
  const driver = {
    app,
    /** Files a complaint: on the public web form, or as staff when a role is given. */
    async file(overrides: Partial<IntakeRequest> = {}, as?: Exclude<Role, 'admin'>): Promise<FiledComplaint> {
      const res = await app.request('/v1/complaints', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(as ? bearer(as) : {}) },
        body: JSON.stringify(aComplaint(overrides)),
      });
      expect(res.status).toBe(201);
      return (await res.json()) as FiledComplaint;
    },
    /** Takes a decision; a taken one is waited for in the read model, as the console does (a decision is answered before it is recorded). */
    async decide(c: FiledComplaint, decision: Decision | Record<string, unknown>, role: Exclude<Role, 'admin'> = 'agent', headers: Record<string, string> = {}) {
      const res = await app.request(`/v1/complaints/${c.reference}/decisions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(role), ...headers },
        body: JSON.stringify(decision),
      });
      if (res.status === 200) await readModelReached(ctx.sql, c.reference, ((await res.clone().json()) as { seq: number }).seq);
      return res;
    },
    /** Takes a decision that must be accepted; answers the new status. */
    async decideOk(c: FiledComplaint, decision: Decision, role: Exclude<Role, 'admin'> = 'agent') {
      const res = await driver.decide(c, decision, role);
      expect(res.status, JSON.stringify(await res.clone().json())).toBe(200);
      return (await res.json()) as { status: string; round: number; closure: string | null; escalationLevel: string };
    },
    status(c: FiledComplaint): Promise<ComplaintSnapshot> {
      return client.workflow.getHandle(c.id).query('status');
    },
    async waitForStatus(c: FiledComplaint, status: string, timeoutMs = 20_000): Promise<ComplaintSnapshot> {
      return eventually(async () => {
        const s = await driver.status(c);
        return s.state.status === status ? s : undefined;
      }, timeoutMs);
    },
    async events(c: FiledComplaint): Promise<Array<{ seq: number; type: string; actor: { id: string; role: string }; data: Record<string, unknown> }>> {
      const res = await app.request(`/v1/complaints/${c.reference}/events`, { headers: bearer('auditor') });
      expect(res.status).toBe(200);
      return res.json() as never;
    },
    async messages(c: FiledComplaint): Promise<Array<{ audience: string; channel: string; recipient: string; template: string; subject: string; body: string; seq: number }>> {
      // As an agent: an auditor reads a customer's recipient masked (domain/customer-masking.ts).
      const res = await app.request(`/v1/complaints/${c.reference}/messages`, { headers: bearer('agent') });
      expect(res.status).toBe(200);
      return res.json() as never;
    },
    /** The open link of a purpose, as the activity stored it. */
    async openLink(c: FiledComplaint, purpose: 'resolution' | 'info_request' | 'survey') {
      const [link] = await ctx.sql<{ id: string; round: number | null; request_id: string | null }[]>`
        SELECT id, round, request_id FROM response_links
        WHERE complaint_id = ${c.id} AND purpose = ${purpose} AND revoked_at IS NULL AND used_at IS NULL
        ORDER BY created_at DESC LIMIT 1`;
      return link;
    },
    /** A process migration sent to the complaint as a plan's workflow sends it. */
    migrate(c: FiledComplaint, input: MigrateProcessInput): Promise<MigrateProcessResult> {
      return gateway.migrateProcess(c.id, input);
    },
    migrationView(c: FiledComplaint): Promise<MigrationView> {
      return gateway.migrationView(c.id);
    },
    /** The customer's answer through the workflow update a signed link leads to. */
    async answer(c: FiledComplaint, answer: CustomerAnswer, linkId?: string) {
      const purpose = answer.type === 'customer_answered_info' ? 'info_request' : 'resolution';
      const id = linkId ?? (await driver.openLink(c, purpose))!.id;
      return client.workflow
        .getHandle(c.id)
        .executeUpdate('customerAnswer', { args: [{ linkId: id, answer }], updateId: `test-${id}-${answer.type}` }) as Promise<ComplaintSnapshot>;
    },
  };
  return driver;
}

export type ComplaintDriver = ReturnType<typeof complaintDriver>;

/**
 * The usual setup of a file that drives complaints: an integration context, a worker on its task
 * queue and a driver on the quiet process, closed after the file. `use` receives them in beforeAll.
 */
export function useComplaintDriver(use: (world: { ctx: IntegrationContext; d: ComplaintDriver }) => void): void {
  let ctx: IntegrationContext | undefined;
  beforeAll(async () => {
    ctx = await integrationContext();
    await ctx.startWorker();
    use({ ctx, d: complaintDriver(ctx, quietProcess()) });
  });
  afterAll(() => ctx?.close());
}

export const CLASSIFY: Decision = { type: 'classify', category: 'product_defect', product: 'WM-8000', severity: 'high', department: 'after_sales' };
export const PROPOSE_REPAIR: Decision = { type: 'propose_resolution', outcome: 'upheld', summary: 'We will repair the machine at home free of charge.', remedy: 'repair' };
export const PROPOSE_REFUND: Decision = { type: 'propose_resolution', outcome: 'upheld', summary: 'We refund the full price.', remedy: 'refund', amount: 14999.9, currency: 'TRY' };
