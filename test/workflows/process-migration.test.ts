// A plan's workflow survives its worker: stopped mid-plan and started again, it moves every
// complaint once and none twice, also one whose outcome was lost with the attempt that moved it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allStages } from '../../domain/lifecycle/index.js';
import { createMigrationPlan, migrationProgress } from '../../read-model/process-migrations.js';
import { createTemporalGateway } from '../../temporal/gateway.js';
import { migrateProcessUpdate } from '../../workflows/complaint.messages.js';
import { complaintDriver, type ComplaintDriver, type FiledComplaint } from '../helpers/complaint-driver.js';
import { bearer, eventually, integrationContext, type IntegrationContext } from '../helpers/integration.js';
import { definitionStore, hoursOf, processVersion } from '../helpers/migration.js';

const V1 = processVersion(1);
const V2 = processVersion(2, (d) => (d.stages.initialReview.deadline = hoursOf(3)));

let ctx: IntegrationContext;
let d: ComplaintDriver;
let worker: Awaited<ReturnType<IntegrationContext['startWorker']>>;
beforeAll(async () => {
  ctx = await integrationContext();
  worker = await ctx.startWorker();
  d = complaintDriver(ctx, V1);
});
afterAll(() => ctx.close());

async function acknowledgedComplaints(n: number): Promise<FiledComplaint[]> {
  const filed: FiledComplaint[] = [];
  for (let i = 0; i < n; i++) filed.push(await d.file());
  for (const c of filed) await d.waitForStatus(c, 'acknowledged');
  return filed;
}

const counts = async (migrationId: string) => (await migrationProgress(ctx.sql, 'iso-10002-default', migrationId, { limit: 1000, offset: 0 }))!;
const migratedEvents = async (c: FiledComplaint) => (await d.events(c)).filter((e) => e.type === 'process_migrated');

describe('a migration plan interrupted', () => {
  it('resumes after its worker stopped mid-plan: every complaint moved once, none twice', async () => {
    const since = new Date().toISOString();
    const complaints = await acknowledgedComplaints(40);
    const app = ctx.app({ process: V1, processDefinitions: definitionStore([V2, 'published']) });
    const res = await app.request('/v1/process-definitions/iso-10002-default/migrations', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer('process_owner') },
      body: JSON.stringify({ targetVersion: 2, filter: { receivedFrom: since }, deadlineRules: { initialReview: 'recompute' }, dryRun: false }),
    });
    expect(res.status).toBe(202);
    const { migrationId } = (await res.json()) as { migrationId: string };
    await eventually(async () => ((await counts(migrationId)).counts.moved >= 1 ? true : undefined));
    worker.worker.shutdown();
    await worker.running;
    const stopped = await counts(migrationId);
    expect(stopped.counts.pending).toBeGreaterThan(0);

    worker = await ctx.startWorker();
    const done = await eventually(async () => {
      const p = await counts(migrationId);
      return p.status === 'completed' ? p : undefined;
    }, 90_000);
    expect(done.counts).toMatchObject({ total: 40, moved: 40, skipped: 0, failed: 0 });
    for (const c of complaints) expect(await migratedEvents(c)).toHaveLength(1);
  }, 150_000);

  it('counts a complaint an earlier attempt moved as moved, with what its timeline recorded', async () => {
    const since = new Date().toISOString();
    const [first, second] = await acknowledgedComplaints(2);
    const migrationId = randomUUID();
    await createMigrationPlan(ctx.sql, {
      id: migrationId,
      scope: { definitionId: 'iso-10002-default', targetVersionId: V2.versionId, filter: { receivedFrom: since } },
      targetVersion: 2,
      target: V2,
      targetHash: null,
      deadlineRules: allStages('recompute'),
      requestedBy: { id: 'owner-1', role: 'process_owner' },
      applyAt: null,
    });
    // The attempt that moved it died before it wrote the outcome, and the complaint has since continued
    // as new (Temporal then no longer knows the update id): another update id stands in for that.
    const input = { migrationId, actor: { id: 'owner-1', role: 'process_owner' as const }, target: V2, deadlineRules: allStages('recompute') };
    const earlier = await ctx.client.workflow.getHandle(first!.id).executeUpdate(migrateProcessUpdate, { args: [input], updateId: `earlier-${migrationId}` });
    await createTemporalGateway(ctx.client, ctx.taskQueue).startProcessMigration({ migrationId });
    const done = await eventually(async () => {
      const p = await counts(migrationId);
      return p.status === 'completed' ? p : undefined;
    }, 30_000);
    expect(done.counts).toMatchObject({ total: 2, moved: 2 });
    expect(done.items.find((i) => i.complaintId === first!.id)!.record).toEqual(earlier.record);
    expect(await migratedEvents(first!)).toHaveLength(1);
    expect(await migratedEvents(second!)).toHaveLength(1);
  });
});
