// /v1/queues/{team}: the fair order, who is in a queue, twenty agents claiming at once, the relay
// that takes claims to the workflows (and back when released), Temporal away, refusals, roles.
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../../api/http/errors.js';
import { claimAnswerSchema, claimListSchema, claimSchema, queuePageSchema } from '../../../api/staff/work-queues.schemas.js';
import { createAssignmentRelay, claimUpdateKey } from '../../../jobs/assignment-relay.js';
import { takeDueClaims } from '../../../read-model/claim-relay.js';
import { apiKeyEntry } from '../../../scripts/dev-secrets.js';
import { createTemporalGateway, type TemporalGateway } from '../../../temporal/gateway.js';
import { complaintDriver, type FiledComplaint } from '../../helpers/complaint-driver.js';
import { bearer, eventually, integrationContext, STAFF_KEYS, type IntegrationContext } from '../../helpers/integration.js';
import { quietProcess } from '../../helpers/process.js';

let ctx: IntegrationContext;
let d: ReturnType<typeof complaintDriver>;
let gateway: TemporalGateway;
const run = randomUUID().slice(0, 8);
const silent = pino({ level: 'silent' });

/** A team of its own for each test, in a department of its own; `test-agent` (and `members`) belong to it. */
async function aTeam(name: string, members: readonly string[] = ['test-agent']): Promise<{ team: string; department: string }> {
  const team = `q-${run}-${name}`;
  const department = `qd-${run}-${name}`;
  await ctx.sql`INSERT INTO staff_departments (id, name) VALUES (${department}, ${department})`;
  await ctx.sql`INSERT INTO staff_teams (id, name, department_id) VALUES (${team}, ${team}, ${department})`;
  for (const person of members) await aMember(team, person);
  return { team, department };
}

/** `person` in the staff directory (an active agent unless already there) and in `team`. */
async function aMember(team: string, person: string): Promise<void> {
  await ctx.sql`INSERT INTO staff_people (id, name, roles) VALUES (${person}, ${person}, '{agent}') ON CONFLICT (id) DO NOTHING`;
  await ctx.sql`INSERT INTO staff_team_members (team_id, person_id) VALUES (${team}, ${person})`;
}

let referenceSeq = Math.floor(Math.random() * 1_000_000_000);
/**
 * A complaint straight in the read model (as the seeder writes them): enough for the order and
 * membership, which are PostgreSQL's alone. No workflow runs for it.
 */
async function aRow(row: {
  team?: string | null; department?: string | null; severity?: string | null; receivedAt: string;
  status?: string; assignee?: string | null; recorded?: boolean; customer?: string;
  /** The running stage's warning point and deadline this many minutes from now (negative: past), its clock paused or not. */
  clock?: { warningIn: number; deadlineIn: number; paused?: boolean };
}): Promise<{ id: string; reference: string }> {
  const id = randomUUID();
  const reference = `CMP-1999-${String(referenceSeq++).padStart(10, '0')}`;
  const at = (minutes: number | undefined) => (minutes === undefined ? null : new Date(Date.now() + minutes * 60_000));
  await ctx.sql`
    INSERT INTO complaints (id, reference, channel, status, customer_name, customer_locale, subject, description, pin_hash,
      received_at, recorded_at, team, department, severity, assignee, stage, stage_warning_at, stage_deadline_at, stage_paused)
    VALUES (${id}, ${reference}, 'web', ${row.status ?? 'investigating'}, ${row.customer ?? 'A. Customer'}, 'tr', 'Subject', 'A description',
      'x', ${row.receivedAt}, ${row.recorded === false ? null : new Date()}, ${row.team ?? null}, ${row.department ?? null},
      ${row.severity ?? null}, ${row.assignee ?? null}, ${row.clock ? 'investigation' : null}, ${at(row.clock?.warningIn)},
      ${at(row.clock?.deadlineIn)}, ${row.clock?.paused ?? false})`;
  return { id, reference };
}

const json = { 'content-type': 'application/json' };
const errorOf = async (res: Response) => errorBodySchema.parse(await res.json()).error;

async function queue(team: string, query = '', role: keyof typeof STAFF_KEYS = 'agent') {
  const res = await d.app.request(`/v1/queues/${team}${query}`, { headers: bearer(role) });
  return res;
}
async function queueReferences(team: string): Promise<string[]> {
  const res = await queue(team, '?limit=100');
  expect(res.status).toBe(200);
  return queuePageSchema.parse(await res.json()).items.map((c) => c.reference);
}
const claim = (team: string, headers: Record<string, string> = bearer('agent')) =>
  d.app.request(`/v1/queues/${team}/claim`, { method: 'POST', headers });
const release = (team: string, reference: string, headers: Record<string, string> = bearer('agent')) =>
  d.app.request(`/v1/queues/${team}/release`, { method: 'POST', headers: { ...json, ...headers }, body: JSON.stringify({ reference }) });

/** A complaint with a real workflow, classified into the department (so in the team's queue). */
async function aFiledComplaint(department: string, severity: 'critical' | 'high' | 'medium' | 'low' = 'medium'): Promise<FiledComplaint> {
  const c = await d.file();
  await d.waitForStatus(c, 'acknowledged');
  await d.decideOk(c, { type: 'classify', category: 'product_defect', product: 'WM-8000', severity, department });
  return c;
}

function relayFor(team: string, temporal: TemporalGateway = gateway, leaseMs = 60_000) {
  return createAssignmentRelay({ sql: ctx.sql, temporal, log: silent }, { pollMs: 100, leaseMs, teams: [team], backoffBaseMs: 20, backoffMaxMs: 40 });
}

beforeAll(async () => {
  ctx = await integrationContext();
  await ctx.startWorker();
  gateway = createTemporalGateway(ctx.client, ctx.taskQueue);
  d = complaintDriver(ctx, quietProcess());
});
afterAll(() => ctx.close());

describe('GET /v1/queues/{team}', () => {
  it('orders by severity, then oldest received first, then id; never by who the customer is', async () => {
    const { team, department } = await aTeam('order');
    const day = (n: number) => `2025-01-${String(n).padStart(2, '0')}T09:00:00Z`;
    const lowOld = await aRow({ team, severity: 'low', receivedAt: day(1) });
    const unclassified = await aRow({ team, severity: null, receivedAt: day(1) });
    const criticalNew = await aRow({ team, severity: 'critical', receivedAt: day(9), customer: 'Very Important Customer' });
    const criticalOld = await aRow({ team, severity: 'critical', receivedAt: day(3) });
    const highFromDepartment = await aRow({ team: null, department, severity: 'high', receivedAt: day(5) });
    const mediumNew = await aRow({ team, severity: 'medium', receivedAt: day(8) });
    const mediumOld = await aRow({ team, severity: 'medium', receivedAt: day(2), customer: 'Z. Last' });
    // Same severity and instant: the id decides, so the order is total.
    const tieA = await aRow({ team, severity: 'low', receivedAt: day(4) });
    const tieB = await aRow({ team, severity: 'low', receivedAt: day(4) });
    const [firstTie, secondTie] = [tieA, tieB].sort((a, b) => (a.id < b.id ? -1 : 1));

    expect(await queueReferences(team)).toEqual(
      [criticalOld, criticalNew, highFromDepartment, mediumOld, mediumNew, lowOld, firstTie!, secondTie!, unclassified].map((c) => c.reference),
    );
  });

  it("holds the team's and its department's unrouted open complaints that nobody has", async () => {
    const { team, department } = await aTeam('members');
    const other = await aTeam('members-other');
    const at = '2025-02-01T09:00:00Z';
    const own = await aRow({ team, receivedAt: at });
    const unrouted = await aRow({ team: null, department, receivedAt: at });
    const openExternal = await aRow({ team, receivedAt: at, status: 'open_external' });
    await aRow({ team, receivedAt: at, status: 'closed' });
    await aRow({ team, receivedAt: at, assignee: 'someone' });
    await aRow({ team, receivedAt: at, recorded: false }); // its workflow has not confirmed it yet
    await aRow({ team: other.team, department, receivedAt: at }); // another team of the department has it
    await aRow({ team: null, department: other.department, receivedAt: at });
    await aRow({ team: null, department: null, receivedAt: at });
    const claimed = await aRow({ team, receivedAt: '2024-01-01T00:00:00Z', severity: 'critical' });
    await ctx.sql`INSERT INTO complaint_claims (id, complaint_id, team, claimed_by) VALUES (${randomUUID()}, ${claimed.id}, ${team}, 'test-agent')`;

    expect(new Set(await queueReferences(team))).toEqual(new Set([own, unrouted, openExternal].map((c) => c.reference)));
    expect(queuePageSchema.parse(await (await queue(team, '?limit=1')).json()).total).toBe(3);
  });

  it('counts the whole queue on every page, and how many of it are at risk and overdue', async () => {
    const { team, department } = await aTeam('counts');
    const at = '2025-02-01T09:00:00Z';
    // More than the largest page (100), so the total cannot be read from one.
    await ctx.sql`
      INSERT INTO complaints (id, reference, channel, status, customer_name, customer_locale, subject, description, pin_hash, received_at, recorded_at, team)
      SELECT gen_random_uuid(), 'CMP-1998-' || lpad((${referenceSeq} + i)::text, 10, '0'), 'web', 'investigating', 'A. Customer', 'tr', 'Subject', 'A description',
        'x', ${at}, now(), ${team}
      FROM generate_series(1, 120) i`;
    referenceSeq += 121;
    await aRow({ team, receivedAt: at, clock: { warningIn: -10, deadlineIn: 30 } }); // at risk
    await aRow({ team: null, department, receivedAt: at, clock: { warningIn: -60, deadlineIn: 120 } }); // at risk, the department's
    await aRow({ team, receivedAt: at, clock: { warningIn: -120, deadlineIn: -5 } }); // overdue
    await aRow({ team, receivedAt: at, clock: { warningIn: -120, deadlineIn: -5, paused: true } }); // paused: waiting on the customer, neither
    await aRow({ team, receivedAt: at, clock: { warningIn: 60, deadlineIn: 120 } }); // on time
    // Not in the queue, so not counted however late: assigned, claimed, closed.
    await aRow({ team, receivedAt: at, assignee: 'someone', clock: { warningIn: -120, deadlineIn: -5 } });
    const claimed = await aRow({ team, receivedAt: at, clock: { warningIn: -120, deadlineIn: -5 } });
    await ctx.sql`INSERT INTO complaint_claims (id, complaint_id, team, claimed_by) VALUES (${randomUUID()}, ${claimed.id}, ${team}, 'test-agent')`;
    await aRow({ team, receivedAt: at, status: 'closed', clock: { warningIn: -120, deadlineIn: -5 } });

    const first = queuePageSchema.parse(await (await queue(team, '?limit=5')).json());
    expect(first.items).toHaveLength(5);
    expect({ total: first.total, atRisk: first.atRisk, overdue: first.overdue }).toEqual({ total: 125, atRisk: 2, overdue: 1 });
    const second = queuePageSchema.parse(await (await queue(team, `?limit=100&cursor=${first.nextCursor}`)).json());
    expect([second.total, second.atRisk, second.overdue]).toEqual([125, 2, 1]);

    // A claim given back puts its complaint in the count again.
    await ctx.sql`UPDATE complaint_claims SET released_at = now(), end_reason = 'released' WHERE complaint_id = ${claimed.id}`;
    const after = queuePageSchema.parse(await (await queue(team, '?limit=1')).json());
    expect([after.total, after.overdue]).toEqual([126, 2]);
  });

  it('pages with a cursor through the same order', async () => {
    const { team } = await aTeam('pages');
    const severities = ['low', 'critical', null, 'high', 'medium', 'critical', 'low'] as const;
    for (const [i, severity] of severities.entries()) {
      await aRow({ team, severity, receivedAt: `2025-03-0${i + 1}T09:00:00.123456Z` });
    }
    const all = await queueReferences(team);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await queue(team, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      const page = queuePageSchema.parse(await res.json());
      expect(page.items.length).toBeLessThanOrEqual(2);
      paged.push(...page.items.map((c) => c.reference));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
    expect(paged).toHaveLength(severities.length);
  });

  it('answers an unknown team with 404, bad input with 400 naming the field, and readers by role', async () => {
    const { team } = await aTeam('roles');
    expect((await errorOf(await queue(`q-${run}-nobody`))).code).toBe('NOT_FOUND');
    const badCursor = await queue(team, '?cursor=bm90LWEtY3Vyc29y');
    expect(badCursor.status).toBe(400);
    expect((await errorOf(badCursor)).details).toEqual([expect.objectContaining({ path: 'query.cursor' })]);
    const badLimit = await queue(team, '?limit=0');
    expect(badLimit.status).toBe(400);
    expect((await errorOf(badLimit)).details).toEqual([expect.objectContaining({ path: 'query.limit' })]);
    expect((await queue('bad team!')).status).toBe(400);
    for (const role of ['agent', 'supervisor', 'auditor', 'admin'] as const) expect((await queue(team, '', role)).status).toBe(200);
    expect((await queue(team, '', 'process_owner')).status).toBe(403);
    expect((await d.app.request(`/v1/queues/${team}`)).status).toBe(401);
  });
});

describe('POST /v1/queues/{team}/claim', () => {
  it('gives twenty agents claiming at once twenty different complaints, never one twice', async () => {
    const agents = Array.from({ length: 20 }, (_, i) => ({ id: `q-agent-${run}-${i}`, key: `q-agent-key-${randomUUID()}` }));
    const { team } = await aTeam('twenty', ['test-agent', ...agents.map((a) => a.id)]);
    const rows = [];
    for (let i = 0; i < 15; i++) rows.push(await aRow({ team, severity: i % 2 ? 'high' : 'low', receivedAt: `2025-04-01T09:00:${String(i).padStart(2, '0')}Z` }));
    const app = ctx.app({ process: quietProcess(), extraApiKeys: agents.map((a) => apiKeyEntry(a.id, 'agent', a.key)) });

    const answers = await Promise.all(
      agents.map((a) => app.request(`/v1/queues/${team}/claim`, { method: 'POST', headers: { authorization: `Bearer ${a.key}` } })),
    );
    const claimed = [];
    for (const res of answers) {
      if (res.status === 200) claimed.push(claimAnswerSchema.parse(await res.json()));
      else expect(await errorOf(res)).toMatchObject({ code: 'QUEUE_EMPTY' });
    }
    expect(claimed).toHaveLength(15);
    expect(new Set(claimed.map((c) => c.complaint.reference))).toEqual(new Set(rows.map((r) => r.reference)));
    expect(new Set(claimed.map((c) => c.claim.claimedBy)).size).toBe(15);
    const [{ live }] = (await ctx.sql<{ live: number }[]>`
      SELECT count(*)::int AS live FROM complaint_claims WHERE team = ${team} AND released_at IS NULL`) as unknown as [{ live: number }];
    expect(live).toBe(15);
    expect((await errorOf(await claim(team))).code).toBe('QUEUE_EMPTY');
  });

  it('hands out the queue in its fair order and caps the live claims one person holds', async () => {
    const { team } = await aTeam('cap');
    const low = await aRow({ team, severity: 'low', receivedAt: '2025-05-01T09:00:00Z' });
    const critical = await aRow({ team, severity: 'critical', receivedAt: '2025-05-03T09:00:00Z' });
    const high = await aRow({ team, severity: 'high', receivedAt: '2025-05-02T09:00:00Z' });
    const app = ctx.app({ process: quietProcess(), maxLiveClaims: 2 });
    const take = () => app.request(`/v1/queues/${team}/claim`, { method: 'POST', headers: bearer('supervisor') });
    const first = claimAnswerSchema.parse(await (await take()).json());
    const second = claimAnswerSchema.parse(await (await take()).json());
    expect([first.complaint.reference, second.complaint.reference]).toEqual([critical.reference, high.reference]);
    expect(first.claim).toMatchObject({ claimedBy: 'test-supervisor', assignment: 'pending', team, releasedAt: null });
    const third = await take();
    expect(third.status).toBe(409);
    expect(await errorOf(third)).toMatchObject({ code: 'CONFLICT', details: { liveClaims: 2, maxLiveClaims: 2 } });
    expect(await queueReferences(team)).toEqual([low.reference]);
  });

  it('holds the cap when one person claims many times at once', async () => {
    const agent = { id: `q-hoarder-${run}`, key: `q-key-${randomUUID()}` };
    const { team } = await aTeam('cap-parallel', [agent.id]);
    for (let i = 0; i < 8; i++) await aRow({ team, receivedAt: `2025-05-04T09:00:0${i}Z` });
    const app = ctx.app({ process: quietProcess(), maxLiveClaims: 3, extraApiKeys: [apiKeyEntry(agent.id, 'agent', agent.key)] });
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => app.request(`/v1/queues/${team}/claim`, { method: 'POST', headers: { authorization: `Bearer ${agent.key}` } })),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 409, 409, 409, 409, 409]);
    expect(await queueReferences(team)).toHaveLength(5);
  });

  it("refuses an agent outside the team with 403 NOT_TEAM_MEMBER and takes nothing; supervisors and admins claim from any team's queue", async () => {
    const { team } = await aTeam('membership', []);
    const other = await aTeam('membership-other');
    const first = await aRow({ team, severity: 'high', receivedAt: '2025-06-01T09:00:00Z' });
    const second = await aRow({ team, severity: 'low', receivedAt: '2025-06-01T09:00:00Z' });
    const third = await aRow({ team, severity: 'low', receivedAt: '2025-06-02T09:00:00Z' });
    const [unknown, leaver] = [`q-unknown-${run}`, `q-leaver-${run}`].map((id) => ({ id, key: `q-key-${randomUUID()}` })) as [{ id: string; key: string }, { id: string; key: string }];
    // The leaver is still listed in the team, but deactivated: they have left, so they belong to no team.
    await aMember(team, leaver.id);
    await ctx.sql`UPDATE staff_people SET active = false WHERE id = ${leaver.id}`;
    const app = ctx.app({ process: quietProcess(), extraApiKeys: [unknown, leaver].map((a) => apiKeyEntry(a.id, 'agent', a.key)) });
    const take = (headers: Record<string, string>) => app.request(`/v1/queues/${team}/claim`, { method: 'POST', headers });

    // test-agent is a member of another team only; the other key's id is not in the staff directory at all.
    for (const headers of [bearer('agent'), { authorization: `Bearer ${unknown.key}` }, { authorization: `Bearer ${leaver.key}` }]) {
      const refused = await take(headers);
      expect(refused.status).toBe(403);
      const error = await errorOf(refused);
      expect(error).toMatchObject({ code: 'NOT_TEAM_MEMBER', details: { team, role: 'agent' } });
      expect(error.message).toContain(team);
    }
    expect(await queueReferences(team)).toEqual([first, second, third].map((c) => c.reference));
    const [{ claims }] = (await ctx.sql<{ claims: number }[]>`SELECT count(*)::int AS claims FROM complaint_claims WHERE team = ${team}`) as unknown as [{ claims: number }];
    expect(claims).toBe(0);

    // Membership is read at each claim: once in the team, the agent claims.
    await aMember(team, 'test-agent');
    const byAgent = await take(bearer('agent'));
    expect(byAgent.status).toBe(200);
    expect(claimAnswerSchema.parse(await byAgent.json()).complaint.reference).toBe(first.reference);
    for (const [role, complaint] of [['supervisor', second], ['admin', third]] as const) {
      const res = await take(bearer(role));
      expect(res.status).toBe(200);
      expect(claimAnswerSchema.parse(await res.json())).toMatchObject({ claim: { claimedBy: `test-${role}` }, complaint: { reference: complaint.reference } });
    }
    // A non-member is refused even when the queue is empty: 403 before 404.
    expect((await errorOf(await app.request(`/v1/queues/${other.team}/claim`, { method: 'POST', headers: { authorization: `Bearer ${unknown.key}` } }))).code).toBe('NOT_TEAM_MEMBER');
  });

  it('refuses roles that take no decisions, and an unknown team', async () => {
    const { team } = await aTeam('claim-roles');
    await aRow({ team, receivedAt: '2025-06-01T09:00:00Z' });
    expect((await claim(team, bearer('auditor'))).status).toBe(403);
    expect((await claim(team, bearer('process_owner'))).status).toBe(403);
    expect((await errorOf(await claim(`q-${run}-nobody`))).code).toBe('NOT_FOUND');
  });
});

describe('the assignment relay', () => {
  it("records the claim's assignment in the workflow, and the read model agrees", async () => {
    const { team, department } = await aTeam('relay');
    const c = await aFiledComplaint(department, 'high');
    expect(await queueReferences(team)).toEqual([c.reference]);
    const res = await claim(team);
    expect(res.status).toBe(200);
    const answer = claimAnswerSchema.parse(await res.json());
    expect(answer.complaint.reference).toBe(c.reference);
    expect(await queueReferences(team)).toEqual([]);

    const relay = relayFor(team).start();
    try {
      const status = await eventually(async () => {
        const s = await d.status(c);
        return s.state.assignee === 'test-agent' ? s : undefined;
      });
      expect(status.state.team).toBe(team);
      expect(status.state.status).toBe('investigating');
      const claims = await eventually(async () => {
        const list = claimListSchema.parse(await (await d.app.request(`/v1/queues/${team}/claims`, { headers: bearer('agent') })).json());
        return list.items[0]?.assignment === 'recorded' ? list : undefined;
      });
      expect(claims.items).toEqual([expect.objectContaining({ reference: c.reference, assignment: 'recorded', endReason: null })]);
      const view = (await (await d.app.request(`/v1/complaints/${c.reference}`, { headers: bearer('agent') })).json()) as { assignee: string; team: string };
      expect(view).toMatchObject({ assignee: 'test-agent', team });
    } finally {
      await relay.stop();
    }
  });

  it('puts a released complaint back at its fair place and clears the workflow assignee', async () => {
    const { team, department } = await aTeam('release');
    const older = await aFiledComplaint(department, 'medium');
    const younger = await aFiledComplaint(department, 'medium');
    const critical = await aFiledComplaint(department, 'critical');
    const relay = relayFor(team).start();
    try {
      const first = claimAnswerSchema.parse(await (await claim(team)).json());
      expect(first.complaint.reference).toBe(critical.reference);
      const second = claimAnswerSchema.parse(await (await claim(team)).json());
      expect(second.complaint.reference).toBe(older.reference);
      await eventually(async () => ((await d.status(older)).state.assignee === 'test-agent' ? true : undefined));
      expect(await queueReferences(team)).toEqual([younger.reference]);

      // Someone else's claim: an agent may not give it back, a supervisor may.
      const other = await release(team, older.reference, bearer('supervisor'));
      expect(other.status).toBe(200);
      expect(claimSchema.parse(await other.json())).toMatchObject({ endReason: 'released', releasedBy: 'test-supervisor', release: 'pending' });
      await eventually(async () => ((await d.status(older)).state.assignee === null ? true : undefined));
      const status = await d.status(older);
      expect(status.state.status).toBe('investigating');
      await eventually(async () => ((await queueReferences(team)).length === 2 ? true : undefined));
      expect(await queueReferences(team)).toEqual([older.reference, younger.reference]);
      const events = await d.events(older);
      expect(events.filter((e) => e.type === 'assign').map((e) => e.data.assignee)).toEqual(['test-agent', null]);
      const [row] = await ctx.sql<{ release: string }[]>`SELECT release FROM complaint_claims WHERE id = ${second.claim.id}`;
      expect(row?.release).toBe('recorded');

      // Released: no live claim is left to release.
      expect((await errorOf(await release(team, older.reference))).code).toBe('CONFLICT');
    } finally {
      await relay.stop();
    }
  });

  it("refuses an agent releasing someone else's claim, another team's claim, and bad references", async () => {
    const { team } = await aTeam('release-refusals');
    const other = await aTeam('release-refusals-other');
    const row = await aRow({ team, receivedAt: '2025-07-01T09:00:00Z' });
    const claimed = claimAnswerSchema.parse(await (await claim(team, bearer('supervisor'))).json());
    expect(claimed.complaint.reference).toBe(row.reference);
    const byAgent = await release(team, row.reference, bearer('agent'));
    expect(byAgent.status).toBe(403);
    expect((await errorOf(byAgent)).code).toBe('NOT_ALLOWED_FOR_ROLE');
    expect((await errorOf(await release(other.team, row.reference, bearer('supervisor')))).code).toBe('CONFLICT');
    const bad = await release(team, 'CMP-12');
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).details).toEqual([expect.objectContaining({ path: 'reference' })]);
    expect((await errorOf(await release(team, 'CMP-1999-0000000000'))).code).toBe('NOT_FOUND');
    expect((await release(team, row.reference, bearer('auditor'))).status).toBe(403);
  });

  it('takes claims while Temporal is away and delivers them once it is back', async () => {
    const { team, department } = await aTeam('outage');
    const c = await aFiledComplaint(department);
    const away = ctx.app({ process: quietProcess(), temporal: ctx.unreachableTemporal() });
    const res = await away.request(`/v1/queues/${team}/claim`, { method: 'POST', headers: bearer('agent') });
    expect(res.status).toBe(200);
    const { claim: taken } = claimAnswerSchema.parse(await res.json());

    const down = relayFor(team, ctx.unreachableTemporal());
    expect(await down.runOnce()).toBe(1);
    const [failed] = await ctx.sql<{ assignment: string; attempts: number; last_error: string | null }[]>`
      SELECT assignment, attempts, last_error FROM complaint_claims WHERE id = ${taken.id}`;
    expect(failed).toMatchObject({ assignment: 'pending', attempts: 1 });
    expect(failed?.last_error).toBeTruthy();
    expect((await d.status(c)).state.assignee).toBeNull();

    const relay = relayFor(team).start();
    try {
      await eventually(async () => ((await d.status(c)).state.assignee === 'test-agent' ? true : undefined));
      await eventually(async () => {
        const [row] = await ctx.sql<{ assignment: string }[]>`SELECT assignment FROM complaint_claims WHERE id = ${taken.id}`;
        return row?.assignment === 'recorded' ? true : undefined;
      });
    } finally {
      await relay.stop();
    }
  });

  it("keeps one complaint's claims in order: a claim released while Temporal was away never clears the next holder", async () => {
    const { team, department } = await aTeam('order-of-claims');
    const c = await aFiledComplaint(department);
    const away = ctx.app({ process: quietProcess(), temporal: ctx.unreachableTemporal() });
    const first = claimAnswerSchema.parse(await (await away.request(`/v1/queues/${team}/claim`, { method: 'POST', headers: bearer('agent') })).json());
    // Never assigned in the workflow, so given back it is in the queue at once, and someone else takes it.
    expect((await release(team, c.reference)).status).toBe(200);
    expect(await queueReferences(team)).toEqual([c.reference]);
    const second = claimAnswerSchema.parse(await (await claim(team, bearer('supervisor'))).json());
    expect(second.complaint.reference).toBe(c.reference);
    // The second claim waits for the first one's assignment and release, whatever the relays take first.
    const [only] = await takeDueClaims(ctx.sql, { batchSize: 10, leaseMs: 60_000, teams: [team] });
    expect(only?.claimId).toBe(first.claim.id);
    await ctx.sql`UPDATE complaint_claims SET relay_started_at = NULL WHERE id = ${first.claim.id}`;

    const relay = relayFor(team).start();
    try {
      await eventually(async () => {
        const rows = await ctx.sql<{ id: string; assignment: string; release: string | null }[]>`
          SELECT id, assignment, release FROM complaint_claims WHERE team = ${team}`;
        const done = rows.every((r) => r.assignment !== 'pending' && r.release !== 'pending');
        return done ? true : undefined;
      });
    } finally {
      await relay.stop();
    }
    expect((await d.status(c)).state.assignee).toBe('test-supervisor');
    const events = await d.events(c);
    expect(events.filter((e) => e.type === 'assign').map((e) => e.data.assignee)).toEqual(['test-agent', null, 'test-supervisor']);
  });

  it('takes the assignment once when a relay dies after the workflow took it', async () => {
    const { team, department } = await aTeam('crash');
    const c = await aFiledComplaint(department);
    const { claim: taken } = claimAnswerSchema.parse(await (await claim(team)).json());
    // The first relay takes the claim and reaches the workflow, then dies before recording it.
    const [task] = await takeDueClaims(ctx.sql, { batchSize: 1, leaseMs: 60_000, teams: [team] });
    expect(task?.claimId).toBe(taken.id);
    await gateway.decide(c.id, { actor: { id: 'test-agent', role: 'agent' }, decision: { type: 'assign', assignee: 'test-agent', team } }, claimUpdateKey(taken.id));
    // Its lease holds off the others…
    expect(await relayFor(team).runOnce()).toBe(0);
    // …until it expires: the next relay sends the same update id again.
    await ctx.sql`UPDATE complaint_claims SET relay_started_at = now() - interval '2 minutes' WHERE id = ${taken.id}`;
    expect(await relayFor(team).runOnce()).toBe(1);
    const [row] = await ctx.sql<{ assignment: string; attempts: number }[]>`SELECT assignment, attempts FROM complaint_claims WHERE id = ${taken.id}`;
    expect(row).toEqual({ assignment: 'recorded', attempts: 2 });
    const events = await d.events(c);
    expect(events.filter((e) => e.type === 'assign')).toHaveLength(1);
  });

  it('ends a claim the workflow refuses (the complaint closed meanwhile), and the claimer sees why', async () => {
    const { team, department } = await aTeam('refused');
    const c = await aFiledComplaint(department);
    const { claim: taken } = claimAnswerSchema.parse(await (await claim(team)).json());
    await d.decideOk(c, { type: 'withdraw', reason: 'The customer withdrew it by phone.' });
    await eventually(async () => {
      const [row] = await ctx.sql<{ status: string }[]>`SELECT status FROM complaints WHERE id = ${c.id}`;
      return row?.status === 'closed' ? true : undefined;
    });
    expect(await relayFor(team).runOnce()).toBe(1);
    const list = claimListSchema.parse(await (await d.app.request(`/v1/queues/${team}/claims`, { headers: bearer('agent') })).json());
    expect(list.items).toEqual([
      expect.objectContaining({ id: taken.id, assignment: 'refused', endReason: 'refused', release: null, lastError: expect.any(String) }),
    ]);
    // The claimer hears of it, in the staff language.
    const notices = (await d.messages(c)).filter((m) => m.template === 'queue_claim_refused');
    expect(notices).toEqual([expect.objectContaining({ audience: 'staff', channel: 'staff_inbox', recipient: 'user:test-agent' })]);
    expect(notices[0]!.body).toContain(c.reference);
    expect(notices[0]!.body).toContain('kapatıldı');
    // Nothing live is left: the cap does not count it, and there is nothing to release.
    expect((await errorOf(await release(team, c.reference))).code).toBe('CONFLICT');
  });

  it('ends a delivered claim when someone else is assigned by a decision', async () => {
    const { team, department } = await aTeam('reassigned');
    const c = await aFiledComplaint(department);
    const { claim: taken } = claimAnswerSchema.parse(await (await claim(team)).json());
    expect(await relayFor(team).runOnce()).toBe(1);
    await d.decideOk(c, { type: 'assign', assignee: 'someone-else' }, 'supervisor');
    await eventually(async () => {
      const [row] = await ctx.sql<{ end_reason: string | null }[]>`SELECT end_reason FROM complaint_claims WHERE id = ${taken.id}`;
      return row?.end_reason === 'reassigned' ? true : undefined;
    });
    // A decision that clears the assignee puts it back in the queue.
    await d.decideOk(c, { type: 'assign', assignee: null }, 'supervisor');
    await eventually(async () => ((await queueReferences(team)).includes(c.reference) ? true : undefined));
  });
});
