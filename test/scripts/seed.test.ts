// `npm run seed`: seeded complaints look like complaints the workflow recorded — every status,
// channel, round and closure, consistent timelines and report facts — the API reads them, a
// complaint filed afterwards gets its own reference, and the same seed gives the same data.
import { reportRollupDifferences } from '../../read-model/report-rollups.js';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import type { Sql } from 'postgres';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { calendarResolver } from '../../activities/calendars.js';
import { createClockActivities } from '../../activities/clocks.js';
import { createApp } from '../../api/app.js';
import { complaintSchema } from '../../api/staff/complaints.schemas.js';
import { DEFAULT_PROCESS_DEFINITION } from '../../config/default-process.js';
import { connectDatabase } from '../../db/connect.js';
import { migrate } from '../../db/migrate.js';
import { businessMinutesBetween } from '../../domain/calendar/index.js';
import { getCalendar } from '../../domain/calendar/registry.js';
import { CHANNELS, CLOSURES, COMPLAINT_STATUSES } from '../../domain/complaint.js';
import { REFERENCE_PATTERN } from '../../domain/reference.js';
import { recordedComplaints } from '../../read-model/recorded-timelines.js';
import { readTimeline } from '../../simulation/recorded-timeline.js';
import { runPath } from '../../simulation/run-path.js';
import type { ComplaintSnapshot } from '../../workflows/complaint.messages.js';
import { apiKeyEntry } from '../../scripts/dev-secrets.js';
import { seedReadModel, type SeedResult } from '../../scripts/seed/load.js';
import { PROJECT_ROOT } from '../../scripts/tools.js';
import { customerLookupHasher } from '../../security/customer-lookup.js';
import { createTemporalGateway } from '../../temporal/gateway.js';
import { integrationContext, type IntegrationContext } from '../helpers/integration.js';

const COUNT = 2_000;
/** Through the fast path (lives cloned in PostgreSQL): the big seeds' way, checked as the exact one is. */
const CLONED = 20_000;
/** Two cloned seeds of this size must be the same data set. */
const CLONED_TWICE = 3_000;
const SEED = 42;
const NOW = new Date('2026-11-30T15:00:00Z');
const SECRET = `seed-test-${randomBytes(24).toString('base64url')}`;
const AGENT_KEY = `seed-agent-${randomBytes(12).toString('hex')}`;

let ctx: IntegrationContext;
const databases: Array<{ name: string; sql: Sql }> = [];
let admin: Sql;
let a: Sql;
let b: Sql;
let cloned: Sql;
let clonedTwice: [Sql, Sql];
let clonedResult: SeedResult;

async function freshDatabase(): Promise<{ url: string; sql: Sql }> {
  const name = `plaint_seed_test_${process.pid}_${databases.length}_${Date.now()}`;
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(inject('databaseUrl'));
  url.pathname = `/${name}`;
  const sql = connectDatabase(url.toString(), { max: 3 });
  await migrate(sql);
  databases.push({ name, sql });
  return { url: url.toString(), sql };
}

beforeAll(async () => {
  ctx = await integrationContext();
  admin = connectDatabase(inject('databaseUrl'), { max: 1 });
  const [first, second] = [await freshDatabase(), await freshDatabase()];
  a = first.sql;
  b = second.sql;
  const options = { count: COUNT, seed: SEED, now: NOW, linkSigningSecret: SECRET, progress: false, log: () => undefined, method: 'exact' as const };
  await seedReadModel(first.url, options);
  await seedReadModel(second.url, options);
  const big = await freshDatabase();
  cloned = big.sql;
  // Indexes dropped and rebuilt as at a million.
  clonedResult = await seedReadModel(big.url, { ...options, count: CLONED, method: 'clone', rebuildIndexes: 'yes' });
  const [x, y] = [await freshDatabase(), await freshDatabase()];
  clonedTwice = [x.sql, y.sql];
  await seedReadModel(x.url, { ...options, count: CLONED_TWICE, method: 'clone' });
  await seedReadModel(y.url, { ...options, count: CLONED_TWICE, method: 'clone' });
}, 600_000);

afterAll(async () => {
  for (const { sql } of databases) await sql.end({ timeout: 5 });
  for (const { name } of databases) await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin?.end({ timeout: 5 });
  await ctx?.close();
});

const values = async (sql: Sql, column: string) =>
  (await sql.unsafe<{ v: string | number | null }[]>(`SELECT DISTINCT ${column} AS v FROM complaints`)).map((r) => r.v);

describe.each([
  { path: 'exact (every life built in Node)', db: () => a, count: COUNT, replayEvery: 9 },
  { path: 'cloned (lives cloned and moved in PostgreSQL)', db: () => cloned, count: CLONED, replayEvery: 97 },
])('a seeded read model, $path', ({ db, count: COUNT, replayEvery }) => {
  let a: Sql;
  beforeAll(() => {
    a = db();
  });

  it('holds every status, channel and round, and every closure the shipped process reaches', async () => {
    expect((await a`SELECT count(*)::int AS n FROM complaints`)[0]!.n).toBe(COUNT);
    expect(new Set(await values(a, 'status'))).toEqual(new Set(COMPLAINT_STATUSES));
    expect(new Set(await values(a, 'channel'))).toEqual(new Set(CHANNELS));
    expect(new Set(await values(a, 'round'))).toEqual(new Set([0, 1, 2]));
    // `no_response` needs a process that closes unanswered questions; the shipped one resumes instead.
    expect(new Set(await values(a, 'closure'))).toEqual(new Set([...CLOSURES.filter((c) => c !== 'no_response'), null]));
    expect(new Set(await values(a, 'customer_locale'))).toEqual(new Set(['tr', 'en', 'fa', 'az']));
    const [span] = await a<{ days: number }[]>`SELECT (extract(epoch FROM max(received_at) - min(received_at)) / 86400)::float8 AS days FROM complaints`;
    expect(span!.days).toBeGreaterThan(700);
    const [breached] = await a<{ n: number }[]>`SELECT count(*)::int AS n FROM complaints WHERE breach_count > 0`;
    expect(breached!.n).toBeGreaterThan(0);
    expect((await a`SELECT count(*)::int AS n FROM complaint_escalations`)[0]!.n).toBeGreaterThan(0);
    expect((await a`SELECT count(*)::int AS n FROM survey_answers`)[0]!.n).toBeGreaterThan(0);
    for (const r of await a<{ reference: string }[]>`SELECT reference FROM complaints`) expect(r.reference).toMatch(REFERENCE_PATTERN);
  });

  it('gives each complaint a timeline that follows its path', async () => {
    const broken = await a`
      SELECT c.reference, c.status, c.last_seq, e.first, e.last, e.n, e.received, e.closing, e.breaches, p.rounds, c.round, c.breach_count
      FROM complaints c
      JOIN LATERAL (SELECT min(seq) AS first, max(seq) AS last, count(*) AS n,
          bool_or(seq = 0 AND type = 'received') AS received,
          bool_or(type IN ('customer_accepted', 'customer_answer_timed_out', 'withdraw', 'close_out_of_scope', 'mark_duplicate',
                           'record_external_outcome', 'record_customer_answer')) AS closing,
          count(*) FILTER (WHERE type = 'deadline_breached') AS breaches
        FROM complaint_events WHERE complaint_id = c.id) e ON true
      LEFT JOIN LATERAL (SELECT count(*) AS rounds FROM complaint_proposals WHERE complaint_id = c.id) p ON true
      WHERE NOT e.received OR e.first <> 0 OR e.last <> c.last_seq OR e.n <> c.last_seq + 1
         OR (c.status = 'closed' AND NOT e.closing) OR p.rounds <> c.round OR e.breaches <> c.breach_count
      LIMIT 5`;
    expect(broken).toEqual([]);
    // The lifecycle snapshot agrees with the row.
    const disagreeing = await a`
      SELECT reference FROM complaints
      WHERE lifecycle -> 'state' ->> 'status' <> status OR (lifecycle ->> 'seq')::int <> last_seq
         OR lifecycle -> 'state' ->> 'reference' <> reference OR (lifecycle -> 'state' ->> 'round')::int <> round
         OR (closed_at IS NULL) <> (lifecycle -> 'state' ->> 'closedAt' IS NULL)
         OR (stage IS NULL) <> (lifecycle -> 'deadlines' -> 'stage' = 'null'::jsonb)
      LIMIT 5`;
    expect(disagreeing).toEqual([]);
    // Proposals answered as the timeline says; a running stage has an open clock row.
    const [mismatch] = await a<{ n: number }[]>`
      SELECT count(*)::int AS n FROM complaints c
      WHERE (c.closure = 'accepted') <> EXISTS (SELECT 1 FROM complaint_proposals p WHERE p.complaint_id = c.id AND p.answer = 'accepted')
         OR (c.closure = 'deemed_accepted') <> EXISTS (SELECT 1 FROM complaint_proposals p WHERE p.complaint_id = c.id AND p.answer = 'deemed_accepted')
         OR (c.stage IS NOT NULL) <> EXISTS (SELECT 1 FROM complaint_stage_clocks s WHERE s.complaint_id = c.id AND s.ended_at IS NULL AND s.stage = c.stage)`;
    expect(mismatch!.n).toBe(0);
  });

  it('replays through the real reducer and clocks to where it was seeded (what a backtest reads)', async () => {
    const { complaints } = await recordedComplaints(a, { definitionId: 'iso-10002-default', receivedFrom: '2020-01-01T00:00:00Z', receivedTo: NOW.toISOString(), limit: COUNT });
    expect(complaints).toHaveLength(COUNT);
    // Every 9th, and the latest (most of them still open) in full.
    const sample = complaints.filter((_, i) => i % replayEvery === 0 || i >= COUNT - 60);
    const seeded = new Map(
      (await a<Array<{ id: string; lifecycle: ComplaintSnapshot }>>`SELECT id, lifecycle FROM complaints WHERE id = ANY(${a.array(sample.map((c) => c.id))}::uuid[])`).map((r) => [r.id, r.lifecycle]),
    );
    const clocks = createClockActivities({ calendars: calendarResolver() });
    const differences: string[] = [];
    const view = (snapshot: ComplaintSnapshot) => {
      const { state } = snapshot;
      const { warnings, breaches, escalations, reminders, infoRequests, rejections } = state.counters;
      return { status: state.status, closure: state.closure, round: state.round, assignee: state.assignee, closedAt: state.closedAt, escalationLevel: snapshot.escalationLevel,
        counters: { warnings, breaches, escalations, reminders, infoRequests, rejections }, stageDeadline: snapshot.deadlines.stage?.deadline ?? null,
        answerDeadline: snapshot.deadlines.answer?.deadline ?? null };
    };
    for (const complaint of sample) {
      const { path } = readTimeline(complaint);
      const run = await runPath(DEFAULT_PROCESS_DEFINITION, { ...path!, until: NOW.toISOString() }, clocks);
      expect(run.refusals, complaint.reference).toEqual([]);
      const [replayed, recorded] = [view(run.final), view(seeded.get(complaint.id)!)];
      if (JSON.stringify(replayed) !== JSON.stringify(recorded)) differences.push(`${complaint.reference}: seeded ${JSON.stringify(recorded)}, replayed ${JSON.stringify(replayed)}`);
    }
    expect(differences).toEqual([]);
  });

  it('writes the report facts as the read model defines them', async () => {
    const rows = await a<{ received_at: Date; closed_at: Date | null; resolution_business_minutes: number | null; closed_within_3_business_days: boolean | null; calendar_id: string }[]>`
      SELECT received_at, closed_at, resolution_business_minutes, closed_within_3_business_days, calendar_id FROM complaints`;
    const tr = getCalendar('TR', { from: 2024, to: 2027 });
    for (const r of rows) {
      expect(r.calendar_id).toBe('TR');
      if (r.closed_at === null) {
        expect(r.resolution_business_minutes).toBeNull();
        expect(r.closed_within_3_business_days).toBeNull();
      } else {
        expect(r.resolution_business_minutes).toBe(Math.round(businessMinutesBetween(tr, r.received_at, r.closed_at)));
        expect(r.closed_within_3_business_days).not.toBeNull();
      }
    }
    // Closed the same working morning it came: within 3 business days; after 30 days never.
    const [wrong] = await a<{ n: number }[]>`
      SELECT count(*)::int AS n FROM complaints
      WHERE (closed_at - received_at < interval '3 hours' AND NOT closed_within_3_business_days)
         OR (closed_at - received_at > interval '30 days' AND closed_within_3_business_days)`;
    expect(wrong!.n).toBe(0);
    // The precomputed search vector is the one the trigger would compute.
    const [vectors] = await a<{ n: number }[]>`
      SELECT count(*)::int AS n FROM complaints
      WHERE search_vector <> to_tsvector(complaint_search_config(customer_locale), subject || ' ' || description)`;
    expect(vectors!.n).toBe(0);
    // Keyed hashes under the configured secret; repeat customers are found through them.
    const hasher = customerLookupHasher(SECRET);
    const sample = await a<{ customer_email: string | null; customer_phone: string | null; customer_email_hash: Buffer | null; customer_phone_hash: Buffer | null }[]>`
      SELECT customer_email, customer_phone, customer_email_hash, customer_phone_hash FROM complaints ORDER BY reference LIMIT 200`;
    for (const s of sample) {
      expect(s.customer_email_hash).toEqual(hasher.email(s.customer_email));
      expect(s.customer_phone_hash).toEqual(hasher.phone(s.customer_phone));
    }
    const [repeats] = await a<{ wrong: number; repeats: number }[]>`
      SELECT count(*) FILTER (WHERE c.prior_complaint_at IS DISTINCT FROM CASE
               WHEN c.customer_email_hash IS NOT NULL THEN (
                 SELECT max(e.received_at) FROM complaints e
                 WHERE e.customer_email_hash = c.customer_email_hash AND e.category = c.category AND e.received_at < c.received_at AND e.id <> c.id)
               ELSE (
                 SELECT max(e.received_at) FROM complaints e
                 WHERE e.customer_phone_hash = c.customer_phone_hash AND e.category = c.category AND e.received_at < c.received_at AND e.id <> c.id)
             END)::int AS wrong,
             count(*) FILTER (WHERE c.prior_complaint_at IS NOT NULL)::int AS repeats
      FROM complaints c WHERE c.category IS NOT NULL`;
    expect(repeats!.wrong).toBe(0);
    expect(repeats!.repeats).toBeGreaterThan(20);
  }, 180_000);

  it('names in a timeline only links, and earlier complaints, that exist', async () => {
    const [links] = await a<{ missing: number; used: number }[]>`
      SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM response_links l WHERE l.id = (e.data ->> 'linkId')::uuid AND l.complaint_id = e.complaint_id))::int AS missing,
             count(*)::int AS used
      FROM complaint_events e WHERE e.data ? 'linkId'`;
    expect(links!.used).toBeGreaterThan(0);
    expect(links!.missing).toBe(0);
    const [surveys] = await a<{ n: number }[]>`
      SELECT count(*)::int AS n FROM survey_answers s
      WHERE NOT EXISTS (SELECT 1 FROM response_links l WHERE l.id = s.link_id AND l.complaint_id = s.complaint_id AND l.purpose = 'survey')`;
    expect(surveys!.n).toBe(0);
    // A duplicate names an earlier complaint of the same customer, in its timeline and its snapshot.
    const [duplicates] = await a<{ wrong: number; all: number }[]>`
      SELECT count(*) FILTER (WHERE NOT EXISTS (
               SELECT 1 FROM complaints e WHERE e.reference = d.data ->> 'duplicateOf' AND e.received_at <= c.received_at AND e.customer_name = c.customer_name)
             OR d.data ->> 'duplicateOf' IS DISTINCT FROM c.lifecycle -> 'state' ->> 'duplicateOf')::int AS wrong,
             count(*)::int AS all
      FROM complaints c JOIN complaint_events d ON d.complaint_id = c.id AND d.type = 'mark_duplicate'`;
    expect(duplicates!.all).toBeGreaterThan(0);
    expect(duplicates!.wrong).toBe(0);
  });

  it('leaves the report rollups exact, as the transitions would have (the KPI report reads them)', async () => {
    expect(await a`SELECT count(*)::int AS n FROM report_hourly`).not.toEqual([{ n: 0 }]);
    expect(await reportRollupDifferences(a)).toEqual([]);
  });

  it('is the same data set for the same seed and instant', async () => {
    const [x, y] = COUNT === CLONED ? clonedTwice : [a, b];
    const digest = async (sql: Sql) =>
      (await sql`
        SELECT (SELECT md5(string_agg(concat_ws('|', id, reference, status, closure, round, subject, received_at, closed_at, lifecycle::text, prior_complaint_at,
                  resolution_business_minutes), ',' ORDER BY reference)) FROM complaints) AS complaints,
               (SELECT md5(string_agg(concat_ws('|', complaint_id, seq, type, occurred_at, data::text), ',' ORDER BY complaint_id, seq)) FROM complaint_events) AS events,
               (SELECT md5(string_agg(concat_ws('|', complaint_id, round, outcome, amount, answer), ',' ORDER BY complaint_id, round)) FROM complaint_proposals) AS proposals`)[0];
    expect(await digest(y)).toEqual(await digest(x));
  });

});

describe('the fast path', () => {
  it('clones most complaints and lives again those near now or on other working days', () => {
    const c = clonedResult.cloning!;
    expect(clonedResult.mode).toBe('clones');
    expect(c.cloned + c.livedAgain).toBe(CLONED);
    expect(c.cloned).toBeGreaterThan(CLONED * 0.6);
    expect(c.livedAgain).toBeGreaterThan(0);
  });

  it('builds again every index it dropped for the load, the audit trail’s of migration 0024 too', async () => {
    const indexes = async (db: Sql) =>
      (await db<{ name: string; definition: string }[]>`
        SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname`).map((i) => ({ ...i }));
    expect(clonedResult.indexesRebuilt).toBeGreaterThan(0);
    const rebuilt = await indexes(cloned);
    // The other cloned seed was too small to drop any: its indexes are the migrations' own.
    expect(rebuilt).toEqual(await indexes(clonedTwice[0]));
    expect(rebuilt.map((i) => i.name)).toEqual(expect.arrayContaining(['complaint_events_occurred_at_idx', 'complaint_events_actor_occurred_at_idx']));
    expect((await cloned<{ name: string }[]>`SELECT indexrelid::regclass::text AS name FROM pg_index WHERE NOT indisvalid`).map((r) => r.name)).toEqual([]);
  });
});

describe('a seeded read model, read by the API', () => {
  it('is read by the API like any complaint, and a complaint filed afterwards gets a reference of its own', async () => {
    const app = createApp({
      config: { API_KEYS: [apiKeyEntry('seed-test-agent', 'agent', AGENT_KEY)], PUBLIC_INTAKE_PER_MINUTE: 1000, TRUST_PROXY: false, LINK_SIGNING_SECRET: SECRET },
      sql: a,
      temporal: createTemporalGateway(ctx.client, ctx.taskQueue),
      encryptionKeys: ctx.encryptionKeys,
      log: pino({ level: 'silent' }),
    });
    const seeded = await a<{ reference: string; status: string }[]>`
      SELECT DISTINCT ON (status) reference, status FROM complaints ORDER BY status, reference`;
    for (const { reference, status } of seeded) {
      const res = await app.request(`/v1/complaints/${reference}`, { headers: { authorization: `Bearer ${AGENT_KEY}` } });
      expect(res.status, `${reference} (${status})`).toBe(200);
      const body = complaintSchema.parse(await res.json());
      expect(body.reference).toBe(reference);
      expect(body.status).toBe(status);
    }
    const filed = await app.request('/v1/complaints', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'web', customer: { name: 'Deniz Aksoy', email: 'deniz@example.com', locale: 'tr', country: 'TR' }, subject: 'Fatura hatası', description: 'İki kez ücret alındı.' }),
    });
    expect(filed.status).toBe(201);
    const { reference } = (await filed.json()) as { reference: string };
    const [taken] = await a<{ n: number; max: number }[]>`
      SELECT count(*)::int AS n, max(split_part(reference, '-', 3)::int) FILTER (WHERE reference <> ${reference}) AS max FROM complaints WHERE reference = ${reference} OR true`;
    expect((await a`SELECT count(*)::int AS n FROM complaints WHERE reference = ${reference}`)[0]!.n).toBe(1);
    expect(Number(reference.split('-')[2])).toBeGreaterThan(taken!.max);
  });
});

describe('npm run seed', () => {
  it('refuses to write into a production database without --force', async () => {
    const run = promisify(execFile);
    const failed = await run(process.execPath, ['--import', 'tsx', 'scripts/seed.ts', '--count', '1'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
    }).then(() => undefined, (err: { code: number; stderr: string }) => err);
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toMatch(/production.*--force/);
  });
});
