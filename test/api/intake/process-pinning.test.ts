// A complaint runs on the version it was filed under: publishing v2 changes nothing for a complaint
// filed on v1 (its next stage still gets v1's deadline), while the next complaint gets v2's. The pin
// is chosen once at intake and sealed into the ledger, so the reconciler starts a workflow that
// Temporal could not start at intake on the same pin, whatever was published in between.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startUnrecordedComplaints } from '../../../jobs/intake-reconciler.js';
import type { ProcessDefinition } from '../../../domain/process-definition.js';
import { SealedBox } from '../../../security/sealed-box.js';
import { createTemporalGateway } from '../../../temporal/gateway.js';
import { CLASSIFY, complaintDriver, type ComplaintDriver, type FiledComplaint } from '../../helpers/complaint-driver.js';
import { aComplaint } from '../../helpers/fixtures.js';
import { eventually, integrationContext, type IntegrationContext } from '../../helpers/integration.js';
import { quietProcess, seconds } from '../../helpers/process.js';
import { DEFAULT_SELECTION, processOwnerClient, type StoredVersion } from '../../helpers/process-definitions.js';

const HOUR_MS = 3_600_000;

let ctx: IntegrationContext;
let d: ComplaintDriver;
let owner: ReturnType<typeof processOwnerClient>;

beforeAll(async () => {
  ctx = await integrationContext();
  await ctx.startWorker();
  d = complaintDriver(ctx, 'selection-rules');
  owner = processOwnerClient(d.app);
});
afterEach(() => owner.ok(owner.selectRules(DEFAULT_SELECTION)));
afterAll(() => ctx.close());

/** A stored definition on the round-the-clock calendar with hour-long stages (the quiet test process), v1 published and in force. */
async function quietDefinitionInForce(): Promise<StoredVersion> {
  const draft = await owner.newDefinition(quietProcess().definition);
  const v1 = await owner.ok<StoredVersion>(owner.publish(draft.definitionId, 1, 'Hour-long stages.'));
  await owner.ok(owner.selectRules({ rules: [], defaultDefinitionId: v1.definitionId }));
  return v1;
}

const spanMs = (stage: { startedAt: string; deadline: string } | null) => Date.parse(stage!.deadline) - Date.parse(stage!.startedAt);

async function stageOf(c: FiledComplaint, status: string) {
  const snapshot = await d.waitForStatus(c, status);
  return { processVersion: snapshot.processVersion, spanMs: spanMs(snapshot.deadlines.stage) };
}

const longerStages = (d: ProcessDefinition) => {
  d.stages.initialReview.deadline = seconds(3 * 3600);
  d.stages.investigation.deadline = seconds(2 * 3600);
};

describe('pinning a complaint to the version it was filed under', () => {
  it('keeps v1 deadlines for a complaint filed on v1 after v2 is published, and gives the next complaint v2', async () => {
    const v1 = await quietDefinitionInForce();
    const onV1 = await d.file();
    expect(await stageOf(onV1, 'acknowledged')).toEqual({ processVersion: `${v1.definitionId}@1`, spanMs: HOUR_MS });

    const v2 = await owner.publishNext(v1.definitionId, longerStages, 'Longer initial review and investigation.');
    const onV2 = await d.file();
    expect(await stageOf(onV2, 'acknowledged')).toEqual({ processVersion: `${v1.definitionId}@2`, spanMs: 3 * HOUR_MS });

    // The stage v1's complaint enters after v2 was published still runs on v1: investigation 1 h + conclusion 1 h.
    await d.decideOk(onV1, CLASSIFY);
    expect(await stageOf(onV1, 'investigating')).toEqual({ processVersion: `${v1.definitionId}@1`, spanMs: 2 * HOUR_MS });
    await d.decideOk(onV2, CLASSIFY);
    expect(await stageOf(onV2, 'investigating')).toEqual({ processVersion: `${v1.definitionId}@2`, spanMs: 3 * HOUR_MS });

    const pins = await ctx.sql<{ id: string; process_definition_version: number; process_definition_hash: string }[]>`
      SELECT id, process_definition_version, process_definition_hash FROM complaints WHERE id IN (${onV1.id}, ${onV2.id})`;
    expect(Object.fromEntries(pins.map((p) => [p.id, [p.process_definition_version, p.process_definition_hash]]))).toEqual({
      [onV1.id]: [1, v1.contentHash],
      [onV2.id]: [2, v2.contentHash],
    });
  });

  it('starts a workflow Temporal could not start at intake on the version pinned then, not on one published since', async () => {
    const v1 = await quietDefinitionInForce();
    const down = ctx.app({ process: 'selection-rules', temporal: ctx.unreachableTemporal() });
    const res = await down.request('/v1/complaints', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(aComplaint()) });
    expect(res.status).toBe(202);
    const stored = (await res.json()) as FiledComplaint;

    await owner.publishNext(v1.definitionId, longerStages);
    const deps = { sql: ctx.sql, temporal: createTemporalGateway(ctx.client, ctx.taskQueue), sealedBox: new SealedBox(ctx.encryptionKeys) };
    await eventually(async () => ((await startUnrecordedComplaints(deps, 0)).started > 0 || (await isRunning(stored.id)) ? true : undefined));
    expect(await stageOf(stored, 'acknowledged')).toEqual({ processVersion: `${v1.definitionId}@1`, spanMs: HOUR_MS });
  });
});

async function isRunning(id: string): Promise<boolean> {
  return ctx.client.workflow
    .getHandle(id)
    .describe()
    .then(() => true)
    .catch(() => false);
}
