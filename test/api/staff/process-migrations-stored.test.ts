// A migration plan on definitions as a process owner keeps them: versions published through
// /v1/process-definitions, the plan reading them from PostgreSQL, the migrated complaints pinned
// to the target with its content hash; and a backtest over the complaints it moved, whose
// timelines hold `process_migrated` (the process owner's act, no decision of the process): the
// replay leaves it out, so they replay on the version tried from their start and the answer keeps
// its schema (it once failed it, on `refusals.0.type`, and came back as a 400).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcessDefinitionSnapshot } from '../../../domain/process-definition.js';
import { migrationPreviewSchema, migrationProgressSchema } from '../../../api/staff/process-migrations.schemas.js';
import { backtestSchema } from '../../../api/staff/process-simulation.schemas.js';
import { CLASSIFY, complaintDriver } from '../../helpers/complaint-driver.js';
import { bearer, eventually, integrationContext, type IntegrationContext } from '../../helpers/integration.js';
import { hoursOf } from '../../helpers/migration.js';
import { processOwnerClient, type StoredVersion } from '../../helpers/process-definitions.js';
import { quietProcess } from '../../helpers/process.js';

let ctx: IntegrationContext;
let owner: ReturnType<typeof processOwnerClient>;
beforeAll(async () => {
  ctx = await integrationContext();
  await ctx.startWorker();
  owner = processOwnerClient(ctx.app());
});
afterAll(() => ctx.close());

const snapshotOf = (v: StoredVersion): ProcessDefinitionSnapshot => ({ versionId: `${v.definitionId}@${v.version}`, definition: v.content, contentHash: v.contentHash });

describe('a migration plan on stored definitions', () => {
  it('moves complaints from a published version to the next one, pinned with its content hash', async () => {
    // On TR: publishing checks the answer deadlines against the link lifetime on a shipped calendar.
    const draft = await owner.newDefinition(quietProcess((p) => (p.calendarId = 'TR')).definition);
    const v1 = await owner.ok<StoredVersion>(owner.publish(draft.definitionId, 1));
    const v2 = await owner.publishNext(v1.definitionId, (d) => (d.stages.investigation.deadline = hoursOf(5)));
    await owner.ok(owner.newDraft(v1.definitionId), 201); // version 3, a draft
    const d = complaintDriver(ctx, snapshotOf(v1));
    const c = await d.file();
    await d.waitForStatus(c, 'acknowledged');
    await d.decideOk(c, CLASSIFY);

    const path = `/v1/process-definitions/${v1.definitionId}/migrations`;
    const plan = (body: object) => owner.call('POST', path, 'process_owner', body);
    expect((await plan({ targetVersion: 3 })).status).toBe(409);
    const preview = migrationPreviewSchema.parse(await owner.ok(plan({ targetVersion: 2, deadlineRules: { investigation: 'recompute' } })));
    expect(preview.complaints.map((i) => [i.reference, i.migrates, i.fromVersion])).toEqual([[c.reference, true, `${v1.definitionId}@1`]]);

    const applied = await plan({ targetVersion: 2, deadlineRules: { investigation: 'recompute' }, dryRun: false });
    expect(applied.status).toBe(202);
    const location = applied.headers.get('location')!;
    await eventually(async () => {
      const progress = migrationProgressSchema.parse(await (await ctx.app().request(location, { headers: bearer('auditor') })).json());
      return progress.status === 'completed' ? progress : undefined;
    });
    const view = await d.migrationView(c);
    expect(view.process).toMatchObject({ versionId: `${v1.definitionId}@2`, contentHash: v2.contentHash });
    expect((await d.status(c)).deadlines.stage!.deadline).toBe(preview.complaints[0]!.deadline!.new);
  });
});

describe('a backtest after a migration of running complaints', () => {
  it('replays the migrated complaints on the version tried, without the migration, and answers 200', async () => {
    const since = new Date(Date.now() - 60_000).toISOString();
    // On TR: publishing checks the answer deadlines against the link lifetime on a shipped calendar.
    const draft = await owner.newDefinition(quietProcess((p) => (p.calendarId = 'TR')).definition);
    const v1 = await owner.ok<StoredVersion>(owner.publish(draft.definitionId, 1));
    await owner.publishNext(v1.definitionId, (d) => (d.stages.investigation.deadline = hoursOf(5)));
    const d = complaintDriver(ctx, snapshotOf(v1));
    const filed = [await d.file(), await d.file()];
    for (const c of filed) {
      await d.waitForStatus(c, 'acknowledged');
      await d.decideOk(c, CLASSIFY);
    }

    const definitionPath = `/v1/process-definitions/${v1.definitionId}`;
    const applied = await owner.call('POST', `${definitionPath}/migrations`, 'process_owner', { targetVersion: 2, deadlineRules: { investigation: 'recompute' }, dryRun: false });
    expect(applied.status).toBe(202);
    const progress = await eventually(async () => {
      const res = await ctx.app().request(applied.headers.get('location')!, { headers: bearer('auditor') });
      const p = migrationProgressSchema.parse(await res.json());
      return p.status === 'completed' ? p : undefined;
    }, 30_000);
    expect(progress.counts).toMatchObject({ total: 2, moved: 2 });
    for (const c of filed) expect((await d.events(c)).map((e) => e.type)).toContain('process_migrated');

    const to = new Date(Date.now() + 86_400_000).toISOString();
    for (const version of [1, 2]) {
      const res = await owner.call('POST', `${definitionPath}/versions/${version}/backtest`, 'process_owner', { received: { from: since, to } });
      expect(res.status, await res.clone().text()).toBe(200);
      const report = backtestSchema.parse(await res.json());
      expect(report.complaints).toMatchObject({ matched: 2, replayed: 2, notStarted: 0, withRefusals: 0 });
      expect(report.refusals).toEqual([]);
      // Filed under v1, whichever version they run on now.
      expect(report.filedUnder).toEqual([{ versionId: `${v1.definitionId}@1`, complaints: 2 }]);
    }
  });
});
