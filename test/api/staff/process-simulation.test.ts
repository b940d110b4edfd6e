// POST /v1/process-definitions/{id}/versions/{v}/simulate and …/backtest, through the whole app,
// with an in-memory store of versions (the shipped v1, a draft v2 with shorter deadlines, a broken
// v3) and, for the backtest, the hand-computed past complaints of test/helpers/past-complaints.ts
// as rows in PostgreSQL.
import type { Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../../api/http/errors.js';
import type { ProcessDefinitionVersions } from '../../../api/staff/process-simulation.js';
import { backtestSchema, simulationSchema } from '../../../api/staff/process-simulation.schemas.js';
import { DEFAULT_PROCESS_DEFINITION } from '../../../config/default-process.js';
import type { RecordedComplaint } from '../../../read-model/recorded-timelines.js';
import { bearer, integrationContext, type IntegrationContext } from '../../helpers/integration.js';
import { PAST_COMPLAINTS, PAST_RANGE, SHORTER_DEADLINES, tr } from '../../helpers/past-complaints.js';

const VERSIONS: ProcessDefinitionVersions = {
  async version(id, v) {
    // A new definition with no complaints of its own yet.
    if (id === 'iso-10002-new' && v === 1) return { definition: { ...SHORTER_DEADLINES, id, version: 1 }, status: 'draft' };
    if (id !== 'iso-10002-default') return undefined;
    if (v === 1) return { definition: DEFAULT_PROCESS_DEFINITION, status: 'published' };
    if (v === 2) return { definition: SHORTER_DEADLINES, status: 'draft' };
    // A draft saved half-edited: it does not validate.
    if (v === 3) return { definition: { ...SHORTER_DEADLINES, version: 3, calendarId: 'tr' } as never, status: 'draft' };
    return undefined;
  },
};

let ctx: IntegrationContext;
let app: ReturnType<IntegrationContext['app']>;

beforeAll(async () => {
  ctx = await integrationContext();
  app = ctx.app({ processDefinitions: VERSIONS });
  for (const complaint of PAST_COMPLAINTS) await insertRecorded(ctx.sql, complaint);
});
afterAll(() => ctx.close());

const post = (path: string, body: unknown, headers: Record<string, string> = bearer('process_owner')) =>
  app.request(`/v1/process-definitions/iso-10002-default/versions/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

/** The dotted paths a 400 (off the document) or a 422 (a rule stated in words) names. */
const badFields = async (res: Response, status: 400 | 422 = 400) => {
  expect(res.status).toBe(status);
  const { error } = errorBodySchema.parse(await res.json());
  expect(error.code).toBe(status === 400 ? 'VALIDATION_FAILED' : 'UNPROCESSABLE');
  return (error.details as Array<{ path: string }>).map((d) => d.path).sort();
};

const A_PATH = {
  receivedAt: '2025-03-03T10:00:00+03:00',
  events: [
    { kind: 'decision', at: '2025-03-04T15:00:00+03:00', decision: { type: 'classify', category: 'defect', product: 'WM-8000', severity: 'medium', department: 'after-sales' } },
    { kind: 'decision', at: '2025-03-06T12:00:00+03:00', decision: { type: 'propose_resolution', outcome: 'upheld', summary: 'We repair the machine', remedy: 'repair' } },
    { kind: 'customer', at: '2025-03-07T20:00:00+03:00', answer: { type: 'customer_accepted', round: 1 } },
  ],
};

describe('POST …/versions/{v}/simulate', () => {
  it("answers a path's stages, breaches and messages under the version asked for", async () => {
    const res = await post('1/simulate', A_PATH);
    expect(res.status).toBe(200);
    const v1 = simulationSchema.parse(await res.json());
    expect(v1.definition).toEqual({ id: 'iso-10002-default', version: 1, status: 'published' });
    expect(v1.stages.map((s) => [s.stage, s.deadline, s.outcome])).toEqual([
      ['acknowledgement', tr('2025-03-03 16:00'), 'met'],
      ['initialReview', tr('2025-03-05 10:00'), 'met'],
      ['investigation', tr('2025-03-11 15:00'), 'met'],
    ]);
    expect(v1.breaches).toEqual([]);

    // The draft: one working day for the review (due Tue 10:00), 3 for the investigation (Fri 7 15:00).
    const v2 = simulationSchema.parse(await (await post('2/simulate', A_PATH)).json());
    expect(v2.definition.status).toBe('draft');
    expect(v2.stages.map((s) => [s.stage, s.deadline, s.outcome])).toEqual([
      ['acknowledgement', tr('2025-03-03 16:00'), 'met'],
      ['initialReview', tr('2025-03-04 10:00'), 'breached'],
      ['investigation', tr('2025-03-07 15:00'), 'met'],
    ]);
    expect(v2.breaches.map((b) => [b.at, b.owner])).toEqual([
      [tr('2025-03-04 10:00'), 'teamLead'],
      [tr('2025-03-04 14:00'), 'complaintsManager'],
    ]);
    expect(v2.final).toMatchObject({ status: 'closed', closure: 'accepted' });
    expect(v2.messages.filter((m) => m.audience === 'customer').map((m) => m.template)).toEqual([
      'acknowledgement', 'resolution_proposed', 'complaint_closed',
    ]);
  });

  it('touches no real complaint', async () => {
    const [before] = await ctx.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM complaints`;
    expect((await post('2/simulate', A_PATH)).status).toBe(200);
    const [after] = await ctx.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM complaints`;
    expect(after!.n).toBe(before!.n);
  });

  it('lets process owners, supervisors and auditors simulate, not agents', async () => {
    for (const role of ['process_owner', 'supervisor', 'auditor'] as const) expect((await post('1/simulate', A_PATH, bearer(role))).status).toBe(200);
    const res = await post('1/simulate', A_PATH, bearer('agent'));
    expect(res.status).toBe(403);
    expect(errorBodySchema.parse(await res.json()).error.code).toBe('NOT_ALLOWED_FOR_ROLE');
    expect((await post('1/simulate', A_PATH, {})).status).toBe(401);
  });

  it('answers 404 for a version or definition that does not exist', async () => {
    expect((await post('9/simulate', A_PATH)).status).toBe(404);
    const res = await app.request('/v1/process-definitions/no-such-process/versions/1/simulate', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer('process_owner') },
      body: JSON.stringify(A_PATH),
    });
    expect(res.status).toBe(404);
  });

  it('answers 422 naming the fields of a stored version that does not validate', async () => {
    const res = await post('3/simulate', A_PATH);
    expect(res.status).toBe(422);
    const { error } = errorBodySchema.parse(await res.json());
    expect(error.code).toBe('DEFINITION_INVALID');
    expect(error.details).toEqual([expect.objectContaining({ path: 'calendarId' })]);
  });

  it('answers 400 naming each bad field (422 when only rules stated in words are broken)', async () => {
    const [classify, propose, accept] = A_PATH.events;
    expect(await badFields(await post('1/simulate', { ...A_PATH, receivedAt: 'yesterday' }))).toEqual(['receivedAt']);
    // Out of order, before the receipt, a decision that is no decision, a horizon before the last event.
    const body = {
      ...A_PATH,
      events: [{ ...classify, at: '2025-03-01T09:00:00+03:00' }, propose, { ...accept, at: '2025-03-05T09:00:00+03:00' }, { kind: 'decision', at: '2025-03-08T09:00:00+03:00', decision: { type: 'shout' } }],
      until: '2025-03-06T00:00:00+03:00',
    };
    expect(await badFields(await post('1/simulate', body))).toEqual(['events.0.at', 'events.2.at', 'events.3.decision.type', 'until']);
    // Alone, the order and the horizon are rules the description states: 422.
    expect(await badFields(await post('1/simulate', { ...A_PATH, until: '2025-03-06T00:00:00+03:00' }), 422)).toEqual(['until']);
    expect(await badFields(await post('1/simulate', { ...A_PATH, events: [{ ...propose, at: '2027-01-01T00:00:00+03:00' }] }), 422)).toEqual(['events.0.at']);
    expect(await badFields(await post('one/simulate', A_PATH))).toEqual(['param.v']);
    expect(await badFields(await post('1/simulate', { ...A_PATH, customer: { reachable: 'yes', colour: 'red' } }))).toEqual(['customer', 'customer.reachable']);
    for (const body of [null, 'a path', []]) expect(await badFields(await post('1/simulate', body))).toEqual(['(body)']);
  });
});

describe('POST …/versions/{v}/backtest', () => {
  it('replays the recorded complaints through the draft and compares, as worked out by hand', async () => {
    const res = await post('2/backtest', { received: PAST_RANGE });
    expect(res.status).toBe(200);
    const report = backtestSchema.parse(await res.json());
    // C never started a workflow, so the read model knows no version of it: not a complaint of this definition.
    expect(report.complaints).toMatchObject({ matched: 3, replayed: 3, truncated: false, notStarted: 0, withRefusals: 0, closed: { asWas: 3, draft: 3 } });
    const review = report.stages.find((s) => s.stage === 'initialReview')!.overall;
    expect(review.onTime).toEqual({ asWas: { met: 1, breached: 1, rate: 0.5 }, draft: { met: 0, breached: 2, rate: 0 } });
    expect(review.deadlineShift).toMatchObject({ count: 3, p50Hours: -9 });
    expect(review.breaches).toEqual({ asWas: 2, draft: 5, added: 3, removed: 0 });
    expect(review.escalations).toEqual({ asWas: 2, draft: 5, added: 3, removed: 0, notCompared: 1 });
    const investigation = report.stages.find((s) => s.stage === 'investigation')!.overall;
    expect(investigation.onTime.draft).toEqual({ met: 1, breached: 1, rate: 0.5 });
    expect(investigation.deadlineShift).toMatchObject({ count: 2, p50Hours: -18 });
    expect(report.workload.map((w) => [w.week, w.team, w.inProgress.draft])).toEqual([
      ['2025-W10', '(unrouted)', 1],
      ['2025-W10', 'after-sales', 1],
      ['2025-W10', 'billing', 1],
      ['2025-W11', 'billing', 1],
    ]);
  });

  it('replays at most `limit` complaints, the oldest received first, and says it truncated', async () => {
    const report = backtestSchema.parse(await (await post('2/backtest', { received: PAST_RANGE, limit: 2 })).json());
    // B (Mon 09:00) and A (Mon 10:00); D (Tue) is left out.
    expect(report.complaints).toMatchObject({ matched: 3, replayed: 2, truncated: true, limit: 2 });
    expect(report.filedUnder).toEqual([{ versionId: 'iso-10002-default@1', complaints: 2 }]);
  });

  it('tries a new definition on the complaints filed under another (filedUnder), which it has none of itself', async () => {
    const backtestNew = async (body: object) => {
      const res = await app.request('/v1/process-definitions/iso-10002-new/versions/1/backtest', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer('process_owner') },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(200);
      return backtestSchema.parse(await res.json());
    };
    expect((await backtestNew({ received: PAST_RANGE })).complaints).toMatchObject({ matched: 0, replayed: 0 });
    const tried = await backtestNew({ received: PAST_RANGE, filedUnder: 'iso-10002-default' });
    expect(tried.complaints).toMatchObject({ matched: 3, replayed: 3 });
    // The same draft content as v2 of the default: the same figures.
    const asV2 = backtestSchema.parse(await (await post('2/backtest', { received: PAST_RANGE })).json());
    expect(tried.stages).toEqual(asV2.stages);
  });

  it('answers 422 for a range backwards or longer than a year, 400 for too many complaints asked for', async () => {
    expect(await badFields(await post('2/backtest', { received: { from: PAST_RANGE.to, to: PAST_RANGE.from } }), 422)).toEqual(['received.to']);
    expect(await badFields(await post('2/backtest', { received: { from: '2024-01-01T00:00:00Z', to: '2025-03-01T00:00:00Z' } }), 422)).toEqual(['received.to']);
    expect(await badFields(await post('2/backtest', { received: PAST_RANGE, limit: 20_001 }))).toEqual(['limit']);
    for (const body of [{}, { received: null }]) expect(await badFields(await post('2/backtest', body))).toEqual(['received']);
    expect(await badFields(await post('2/backtest', null))).toEqual(['(body)']);
  });

  it('answers 403 to an agent and 404 for a version that does not exist', async () => {
    expect((await post('2/backtest', { received: PAST_RANGE }, bearer('agent'))).status).toBe(403);
    expect((await post('9/backtest', { received: PAST_RANGE })).status).toBe(404);
  });
});

/** The rows the workflow would have written for a recorded complaint. */
async function insertRecorded(sql: Sql, c: RecordedComplaint): Promise<void> {
  await sql`
    INSERT INTO complaints (id, reference, channel, status, customer_name, customer_email, customer_locale, customer_country,
      subject, description, category, pin_hash, received_at, team, department, closed_at, process_version)
    VALUES (${c.id}, ${c.reference}, ${c.channel}, ${c.closedAt ? 'closed' : 'received'}, 'Past Customer',
      ${c.customer.reachable ? 'past@example.com' : null}, ${c.customer.locale}, ${c.customer.country}, 'A past complaint',
      'Recorded for the backtest test.', ${c.category}, 'scrypt$unused$unused', ${c.receivedAt}, ${c.team}, ${c.department},
      ${c.closedAt}, ${c.processVersion})
    ON CONFLICT (id) DO NOTHING`;
  for (const e of c.events) {
    await sql`
      INSERT INTO complaint_events (complaint_id, seq, type, actor_id, actor_role, occurred_at, data)
      VALUES (${c.id}, ${e.seq}, ${e.type}, ${e.actorId}, ${e.actorRole}, ${e.at}, ${sql.json(e.data as never)})
      ON CONFLICT DO NOTHING`;
  }
}

