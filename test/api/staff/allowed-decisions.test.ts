// The decisions a role may take, as a staff view shows them: computed from the row's lifecycle and
// the stored definition the complaint was pinned to, the same list its workflow answers, without
// asking the workflow; a complaint pinned to a process the store does not hold asks it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedDecisionsQuery } from '../../../workflows/complaint.messages.js';
import { aComplaint } from '../../helpers/fixtures.js';
import { bearer, eventually, integrationContext, type IntegrationContext } from '../../helpers/integration.js';

let ctx: IntegrationContext;
beforeAll(async () => {
  ctx = await integrationContext();
  await ctx.startWorker();
});
afterAll(() => ctx?.close());

const ROLES = ['agent', 'supervisor'] as const;

async function fileAndRecord(app: ReturnType<IntegrationContext['app']>) {
  const res = await app.request('/v1/complaints', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(aComplaint()) });
  const { id, reference } = (await res.json()) as { id: string; reference: string };
  await eventually(async () => {
    const [row] = await ctx.sql<{ status: string }[]>`SELECT status FROM complaints WHERE id = ${id}`;
    return row && row.status !== 'received' ? row : undefined;
  });
  return { id, reference };
}

const allowedIn = async (app: ReturnType<IntegrationContext['app']>, reference: string, role: (typeof ROLES)[number]) =>
  ((await (await app.request(`/v1/complaints/${reference}`, { headers: bearer(role) })).json()) as { allowedDecisions: string[] }).allowedDecisions;

describe('allowed decisions on a staff view', () => {
  it('are what the workflow answers, computed without asking it for a complaint pinned to a stored version', async () => {
    const noQueries = { ...ctx.activityDeps.temporal!, allowedDecisions: () => Promise.reject(new Error('the workflow was asked')) };
    const app = ctx.app({ process: 'selection-rules', temporal: noQueries });
    const c = await fileAndRecord(ctx.app({ process: 'selection-rules' }));
    const [row] = await ctx.sql<{ hash: string | null }[]>`SELECT process_definition_hash AS hash FROM complaints WHERE id = ${c.id}`;
    expect(row!.hash).not.toBeNull();
    for (const role of ROLES) {
      const fromWorkflow = await ctx.client.workflow.getHandle(c.id).query(allowedDecisionsQuery, role);
      expect(fromWorkflow.length).toBeGreaterThan(0);
      expect(await allowedIn(app, c.reference, role)).toEqual(fromWorkflow);
    }
  });

  it('asks the workflow for a complaint pinned to a process the store does not hold', async () => {
    const app = ctx.app(); // a test process, not stored: no pinned hash to look it up by
    const c = await fileAndRecord(app);
    const fromWorkflow = await ctx.client.workflow.getHandle(c.id).query(allowedDecisionsQuery, 'supervisor');
    expect(await allowedIn(app, c.reference, 'supervisor')).toEqual(fromWorkflow);
  });
});
