// POST /v1/process-definitions/{id}/migrations and GET …/{migrationId}: a preview says what applying
// does, applying does it (at once or at `applyAt`), and only process owners and admins may plan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../../api/http/errors.js';
import { migrationPreviewSchema, migrationProgressSchema } from '../../../api/staff/process-migrations.schemas.js';
import { CLASSIFY, complaintDriver, PROPOSE_REPAIR, type ComplaintDriver, type FiledComplaint } from '../../helpers/complaint-driver.js';
import { bearer, eventually, integrationContext, type IntegrationContext } from '../../helpers/integration.js';
import { definitionStore, hoursOf, processVersion } from '../../helpers/migration.js';
import { seconds } from '../../helpers/process.js';

const V1 = processVersion(1);
/** Investigation 5 h (+ 1 h conclusion) and a single round. */
const V2 = processVersion(2, (d) => {
  d.stages.investigation.deadline = hoursOf(5);
  d.acceptance.rounds = 1;
});
const DRAFT = processVersion(3);

/** Investigation due a second after classification; the chain re-arms after `rearmAfter`, climbing to the director. */
const fastChain = (n: number, rearmAfter: { workingHours: number }) =>
  processVersion(n, (def) => {
    def.id = 'fast-chain';
    def.stages.investigation.deadline = seconds(1);
    def.stages.conclusion.deadline = seconds(1);
    def.stages.investigation.escalation = {
      levels: ['assignee', 'teamLead', 'complaintsManager', 'director'],
      onBreach: [
        { notify: ['teamLead'], escalate: true, rearmAfter },
        { notify: ['complaintsManager'], escalate: true, rearmAfter },
        { notify: ['director'], escalate: true },
      ],
    };
  });
const FAST_V1 = fastChain(1, hoursOf(1));
const FAST_V2 = fastChain(2, seconds(1));
const PATH = '/v1/process-definitions/iso-10002-default/migrations';

let ctx: IntegrationContext;
let d: ComplaintDriver;
let app: ReturnType<IntegrationContext['app']>;
beforeAll(async () => {
  ctx = await integrationContext();
  await ctx.startWorker();
  d = complaintDriver(ctx, V1);
  app = ctx.app({ process: V1, processDefinitions: definitionStore([V1, 'published'], [V2, 'published'], [DRAFT, 'draft'], [FAST_V2, 'published']) });
});
afterAll(() => ctx.close());

type Role = Parameters<typeof bearer>[0];
const plan = (body: unknown, role: Role = 'process_owner') =>
  app.request(PATH, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(role) }, body: JSON.stringify(body) });
const progress = async (location: string, role: Role = 'auditor') => {
  const res = await app.request(location, { headers: bearer(role) });
  expect(res.status).toBe(200);
  return migrationProgressSchema.parse(await res.json());
};
const completed = (location: string) =>
  eventually(async () => {
    const p = await progress(location);
    return p.status === 'completed' ? p : undefined;
  }, 30_000);
const errorOf = async (res: Response) => errorBodySchema.parse(await res.json()).error;

async function investigating(): Promise<FiledComplaint> {
  const c = await d.file();
  await d.waitForStatus(c, 'acknowledged');
  await d.decideOk(c, CLASSIFY);
  return c;
}

describe('a migration plan', () => {
  it('does what its preview said: the same deadlines, the same skips', async () => {
    const since = new Date().toISOString();
    const moving = await investigating();
    const kept = await d.file();
    await d.waitForStatus(kept, 'acknowledged');
    const secondRound = await investigating();
    await d.decideOk(secondRound, PROPOSE_REPAIR);
    await d.answer(secondRound, { type: 'customer_rejected', round: 1, reason: 'Not enough.' });
    const body = { targetVersion: 2, filter: { fromVersion: 1, receivedFrom: since }, deadlineRules: { investigation: 'recompute' } };

    const res = await plan(body);
    expect(res.status).toBe(200);
    const preview = migrationPreviewSchema.parse(await res.json());
    expect(preview).toMatchObject({ matched: 3, truncated: false, summary: { migrates: 2, skipped: { round_beyond_target: 1 } } });
    const previewed = new Map(preview.complaints.map((c) => [c.reference, c]));
    const startedAt = (await d.status(moving)).deadlines.stage!.startedAt;
    expect(Date.parse(previewed.get(moving.reference)!.deadline!.new!) - Date.parse(startedAt)).toBe(6 * 3_600_000);
    expect(previewed.get(kept.reference)).toMatchObject({ stage: 'initialReview', rule: 'keep' });
    expect((await d.status(moving)).processVersion).toBe('iso-10002-default@1'); // a preview changes nothing

    const applied = await plan({ ...body, dryRun: false });
    expect(applied.status).toBe(202);
    const done = await completed(applied.headers.get('location')!);
    expect(done.counts).toMatchObject({ total: 3, moved: 2, skipped: 1, failed: 0, pending: 0 });
    for (const item of done.complaints) {
      const said = previewed.get(item.reference)!;
      expect({ status: item.status, reason: item.reason, deadline: item.deadline, rule: item.rule, guarded: item.guarded }).toEqual({
        status: said.migrates ? 'moved' : 'skipped',
        reason: said.skip?.reason ?? null,
        deadline: said.deadline,
        rule: said.rule,
        guarded: said.guarded,
      });
    }
    const timeline = await d.events(moving);
    expect(timeline.find((e) => e.type === 'process_migrated')).toMatchObject({
      actor: { id: 'test-process_owner', role: 'process_owner' },
      data: { from: 'iso-10002-default@1', to: 'iso-10002-default@2', rule: 'recompute', deadline: previewed.get(moving.reference)!.deadline },
    });
    expect((await d.status(secondRound)).processVersion).toBe('iso-10002-default@1');
  });

  it('previews the escalations and messages the change causes, and applying sends just those', async () => {
    const since = new Date().toISOString();
    const fast = complaintDriver(ctx, FAST_V1);
    const c = await fast.file();
    await fast.waitForStatus(c, 'acknowledged');
    await fast.decideOk(c, CLASSIFY);
    await eventually(async () => ((await fast.status(c)).state.counters.breaches === 1 ? true : undefined));
    await new Promise((r) => setTimeout(r, 2_500)); // under FAST_V2's chain, breaches 2 and 3 are due by now
    const request = (dryRun: boolean) =>
      app.request('/v1/process-definitions/fast-chain/migrations', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer('process_owner') },
        body: JSON.stringify({ targetVersion: 2, filter: { receivedFrom: since }, dryRun }),
      });
    const [item] = migrationPreviewSchema.parse(await (await request(true)).json()).complaints;
    expect(item).toMatchObject({
      breached: true,
      escalationLevel: { old: 'teamLead', new: 'director' },
      escalations: [{ type: 'deadline_breached', breachCount: 3 }],
      messages: [{ audience: 'staff', template: 'deadline_breached', recipient: 'director' }],
    });
    await completed((await request(false)).headers.get('location')!);
    const events = await fast.events(c);
    const after = events.slice(events.findIndex((e) => e.type === 'process_migrated') + 1);
    expect(after.map((e) => [e.type, e.data.breachCount])).toEqual([['deadline_breached', 3]]);
    const sent = (await fast.messages(c)).filter((m) => m.seq === after[0]!.seq);
    expect(sent.map((m) => [m.audience, m.template, m.recipient])).toEqual([['staff', 'deadline_breached', 'escalation:director']]);
    expect((await fast.status(c)).escalationLevel).toBe('director');
  });

  it('waits for applyAt', async () => {
    const since = new Date().toISOString();
    const c = await investigating();
    const applyAt = new Date(Date.now() + 3_000).toISOString();
    const res = await plan({ targetVersion: 2, filter: { receivedFrom: since }, dryRun: false, applyAt });
    expect(res.status).toBe(202);
    const scheduled = migrationProgressSchema.parse(await res.json());
    expect(scheduled).toMatchObject({ status: 'scheduled', applyAt, counts: { total: 1, pending: 1 } });
    await completed(res.headers.get('location')!);
    const migrated = (await d.events(c)).find((e) => e.type === 'process_migrated') as unknown as { at: string };
    expect(Date.parse(migrated.at)).toBeGreaterThanOrEqual(Date.parse(applyAt));
  });

  it.each(['agent', 'supervisor', 'auditor'] as const)('refuses a %s with 403', async (role) => {
    const res = await plan({ targetVersion: 2 }, role);
    expect([res.status, (await errorOf(res)).code]).toEqual([403, 'NOT_ALLOWED_FOR_ROLE']);
  });

  it('answers 400 naming each bad field', async () => {
    const res = await plan({ targetVersion: 'two', deadlineRules: { investigation: 'later', closure: 'keep' }, filter: { status: ['closed'] } });
    expect(res.status).toBe(400);
    const paths = ((await errorOf(res)).details as Array<{ path: string }>).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['targetVersion', 'deadlineRules.investigation', 'deadlineRules', 'filter.status.0']));
    const scheduledPreview = await plan({ targetVersion: 2, applyAt: new Date(Date.now() + 60_000).toISOString() });
    expect(((await errorOf(scheduledPreview)).details as Array<{ path: string }>).map((i) => i.path)).toEqual(['applyAt']);
    const past = await plan({ targetVersion: 2, dryRun: false, applyAt: '2020-01-01T00:00:00Z', filter: { fromVersion: 2 } });
    expect(((await errorOf(past)).details as Array<{ path: string }>).map((i) => i.path).sort()).toEqual(['applyAt', 'filter.fromVersion']);
  });

  it('refuses a target that is not published (409) or does not exist (404)', async () => {
    const draft = await plan({ targetVersion: 3 });
    expect([draft.status, (await errorOf(draft)).code]).toEqual([409, 'CONFLICT']);
    const missing = await plan({ targetVersion: 9 });
    expect([missing.status, (await errorOf(missing)).code]).toEqual([404, 'NOT_FOUND']);
    const otherDefinition = await app.request('/v1/process-definitions/no-such-definition/migrations', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer('process_owner') },
      body: JSON.stringify({ targetVersion: 1 }),
    });
    expect(otherDefinition.status).toBe(404);
  });

  it('answers 404 for a plan that does not exist', async () => {
    const res = await app.request(`${PATH}/7c1e0d55-3f7a-4c57-9a53-2b1d7f0c9e11`, { headers: bearer('auditor') });
    expect([res.status, (await errorOf(res)).code]).toEqual([404, 'NOT_FOUND']);
  });
});
