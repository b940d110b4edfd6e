/**
 * Speed at a million complaints, through the real HTTP API (createApp in-process, `app.request`):
 * the KPI report for a year, search pages, 20 agents claiming at once, the seed's own rate and the
 * database's size. Each latency prints beside a plain indexed count(*) measured in the same run on
 * the same database (the machine is shared and noisy: the ratio travels better than the figure).
 *
 *   npm run bench:reports [-- --count 1000000] [--database plaint_bench]
 *
 * Seeds `plaint_bench` on the server of DATABASE_URL (else 127.0.0.1:5432, else an embedded
 * PostgreSQL) when it holds fewer complaints than `--count`, and reuses it on the next run.
 * Routes that are not there yet (404 from the router) print "not available".
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import postgres, { type Sql } from 'postgres';
import { createApp } from '../api/app.js';
import { connectDatabase } from '../db/connect.js';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../db/embedded-postgres.js';
import { migrate } from '../db/migrate.js';
import { apiKeyEntry } from '../scripts/dev-secrets.js';
import { seedReadModel, type SeedResult } from '../scripts/seed/load.js';
import { PROJECT_ROOT } from '../scripts/tools.js';
import { parseEncryptionKeys } from '../security/payload-codec.js';
import { measureRawWriteLimit, type RawWriteLimit } from './reports/raw-write-limit.js';
import { absentTemporal } from './reports/absent-temporal.js';
import { enrolClaimers, restoreAssignees } from './reports/claimers.js';
import { percentile, timeRuns, type Timing } from './reports/timing.js';

const { values } = parseArgs({
  options: { count: { type: 'string', default: '1000000' }, database: { type: 'string', default: 'plaint_bench' }, seed: { type: 'string', default: '2026' } },
  strict: true,
});
const COUNT = Number(values.count);
const CLAIMERS = 20;
/** The bench database's own secret: the seed hashed its customers' e-mails with it, the API hashes lookups with it. */
const LINK_SIGNING_SECRET = 'plaint-bench-link-signing-secret-not-for-production';
const TARGETS = { kpiMs: 500, searchMs: 50, claimMs: 50, seedPerSecond: 20_000 };

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const say = (line: string) => console.log(line);
const verdicts: Array<[string, boolean]> = [];
const unavailable: string[] = [];

const { url: serverUrl, embedded, dir } = await databaseServer();
try {
  const benchUrl = await ensureBenchDatabase(serverUrl, values.database!);
  const sql = connectDatabase(benchUrl, { max: CLAIMERS + 4 });
  try {
    const seeded = await ensureSeeded(benchUrl, sql);
    await run(sql, seeded);
  } finally {
    await sql.end({ timeout: 5 });
  }
} finally {
  await embedded?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
}
process.exitCode = verdicts.every(([, ok]) => ok) ? 0 : 1;

interface Seeded {
  result: SeedResult;
  at: Date;
  measuredNow: boolean;
  /** Measured right after the seed, on the rows it wrote (absent for seeds recorded before it existed). */
  rawLimit?: RawWriteLimit;
}

async function run(sql: Sql, seeded: Seeded) {
  const keys = Object.fromEntries(
    [['supervisor', 'bench-supervisor'], ...Array.from({ length: CLAIMERS }, (_, i) => ['agent', `bench-agent-${i + 1}`])].map(([role, id]) => [id!, { role: role!, key: `bench-${id}-${randomBytes(12).toString('hex')}` }]),
  );
  const app = createApp({
    config: {
      API_KEYS: Object.entries(keys).map(([id, { role, key }]) => apiKeyEntry(id, role, key)),
      PUBLIC_INTAKE_PER_MINUTE: 1_000,
      TRUST_PROXY: false,
      LINK_SIGNING_SECRET,
      // The claim part measures claims: with the per-person cap (10) twenty agents × 25 would mostly measure refusals.
      QUEUE_MAX_LIVE_CLAIMS: 0,
    },
    sql,
    temporal: absentTemporal(),
    encryptionKeys: parseEncryptionKeys([`bench:${randomBytes(32).toString('base64')}`]),
    log: pino({ level: 'silent' }),
  });
  const as = (id: string) => ({ authorization: `Bearer ${keys[id]!.key}` });
  const get = (path: string) => app.request(path, { headers: as('bench-supervisor') });

  const total = (await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM complaints`)[0]!.n;
  say(`database: ${fmt(total)} complaints, ${fmt((await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM complaint_events`)[0]!.n)} timeline events; one machine, shared (figures relative to its load)`);

  // The baseline: a plain count on an index, as cheap as a query gets on this database.
  const baseline = await timeRuns(40, async () => {
    await sql`SELECT count(*) FROM complaints WHERE status = 'investigating'`;
  });
  say(`baseline  count(*) WHERE status = 'investigating' (complaints_status_idx)   p50 ${fmt(baseline.p50, 2)} ms   p95 ${fmt(baseline.p95, 2)} ms`);
  const line = (label: string, t: Timing | 'not available', target?: number) => {
    if (t === 'not available') {
      unavailable.push(label);
      say(`${label.padEnd(52)} not available (no such route yet)`);
      return;
    }
    const verdict = target === undefined ? '' : t.p95 < target ? `PASS (< ${target} ms)` : `FAIL (≥ ${target} ms)`;
    if (target !== undefined) verdicts.push([label, t.p95 < target]);
    say(`${label.padEnd(52)} p50 ${fmt(t.p50, 1).padStart(7)} ms   p95 ${fmt(t.p95, 1).padStart(7)} ms   ×${fmt(t.p95 / baseline.p95, 1)} baseline   ${verdict}`);
  };

  // ── KPI report for a year ─────────────────────────────────────────────────────────────────
  const latest = (await sql<{ latest: Date }[]>`SELECT max(received_at) AS latest FROM complaints`)[0]!.latest;
  const to = latest.toISOString().slice(0, 10);
  const from = new Date(latest.getTime() - 365 * 86_400_000).toISOString().slice(0, 10);
  // Every grouping the API offers: each reads the rollups (db/migrations/0020, 0022).
  for (const groupBy of [undefined, 'category', 'product', 'channel', 'department', 'team', 'week', 'month']) {
    const path = `/v1/reports/kpis?from=${from}&to=${to}${groupBy ? `&groupBy=${groupBy}` : ''}`;
    line(`GET /v1/reports/kpis (a year${groupBy ? `, by ${groupBy}` : ''})`, await timeRoute(() => get(path), 12), TARGETS.kpiMs);
  }
  // Filtered to one department or team (the directory's first with complaints): alone, and by week
  // or month, from that dimension's rollup rows; with another grouping, or both together, from the
  // facts (no target: the API documents them as the slower combinations).
  const [unit] = await sql<{ department: string | null; team: string | null }[]>`
    SELECT (SELECT d.id FROM staff_departments d WHERE EXISTS (SELECT 1 FROM complaints c WHERE c.department = d.id) ORDER BY d.id LIMIT 1) AS department,
           (SELECT t.id FROM staff_teams t WHERE EXISTS (SELECT 1 FROM complaints c WHERE c.team = t.id) ORDER BY t.id LIMIT 1) AS team`;
  const filtered: Array<[string, string, number | undefined]> = [];
  if (unit?.department) filtered.push([`department ${unit.department}`, `department=${encodeURIComponent(unit.department)}`, TARGETS.kpiMs]);
  if (unit?.team) {
    const team = `team=${encodeURIComponent(unit.team)}`;
    filtered.push([`team ${unit.team}`, team, TARGETS.kpiMs], [`team ${unit.team}, by week`, `${team}&groupBy=week`, TARGETS.kpiMs]);
    filtered.push([`team ${unit.team}, by month`, `${team}&groupBy=month`, TARGETS.kpiMs], [`team ${unit.team}, by category (facts)`, `${team}&groupBy=category`, undefined]);
    const department = (await sql<{ id: string | null }[]>`SELECT department_id AS id FROM staff_teams WHERE id = ${unit.team}`)[0]?.id;
    if (department) filtered.push([`department ${department} and team ${unit.team} (facts)`, `department=${encodeURIComponent(department)}&${team}`, undefined]);
  }
  for (const [label, query, target] of filtered) {
    line(`GET /v1/reports/kpis (a year, ${label})`, await timeRoute(() => get(`/v1/reports/kpis?from=${from}&to=${to}&${query}`), 12), target);
  }

  // ── search pages ──────────────────────────────────────────────────────────────────────────
  const [someone] = await sql<{ email: string }[]>`
    SELECT customer_email AS email FROM complaints WHERE customer_email IS NOT NULL ORDER BY reference OFFSET ${Math.floor(total / 3)} LIMIT 1`;
  const searches: Array<[string, string]> = [
    ['rare word (tr: cızırtı)', `q=${encodeURIComponent('cızırtı')}`],
    ['rare word (en: crackling) + status', `q=crackling&status=closed`],
    ['common word (tr: iade) + status', `q=iade&status=closed,investigating`],
    ['common word (en: refund)', `q=refund`],
    ['e-mail lookup', `customerEmail=${encodeURIComponent(someone?.email ?? 'nobody@example.com')}`],
    ['filters only (status, severity, team)', `status=investigating,in_review&severity=high,critical&team=billing`],
    ['filters only (breached, received range)', `breached=true&receivedFrom=${from}&receivedTo=${to}`],
    ['text + filters (tr: makinesi, category)', `q=makinesi&category=product_defect&closedFrom=${from}`],
  ];
  for (const [label, query] of searches) line(`GET /v1/complaints ${label}`, await timeRoute(() => get(`/v1/complaints?${query}`), 30), TARGETS.searchMs);
  const first = await get('/v1/complaints?q=iade&limit=25');
  if (first.status === 200) {
    const { nextCursor } = (await first.json()) as { nextCursor: string | null };
    if (nextCursor) line('GET /v1/complaints second page (cursor)', await timeRoute(() => get(`/v1/complaints?q=iade&limit=25&cursor=${encodeURIComponent(nextCursor)}`), 30), TARGETS.searchMs);
  }

  // ── 20 agents claiming at once ────────────────────────────────────────────────────────────
  await claims(sql, app, as, line);

  // ── seeding ───────────────────────────────────────────────────────────────────────────────
  const rate = seeded.result.complaints / seeded.result.seconds;
  verdicts.push(['seeding rate', rate >= TARGETS.seedPerSecond]);
  const phases = Object.entries(seeded.result.phases ?? {}).map(([k, v]) => `${k} ${fmt(v, 1)} s`).join(', ');
  say(
    `seed (${seeded.measuredNow ? 'this run' : `when seeded, ${seeded.at.toISOString()}`}): ${fmt(seeded.result.complaints)} complaints in ${fmt(seeded.result.seconds, 1)} s = ` +
      `${fmt(rate)} complaints/s, ${fmt(seeded.result.events / seeded.result.seconds)} events/s (index builds, rollups, VACUUM ANALYZE included)   ` +
      `${rate >= TARGETS.seedPerSecond ? 'PASS' : 'FAIL'} (target ≥ ${fmt(TARGETS.seedPerSecond)}/s)`,
  );
  if (phases) say(`  ${seeded.result.mode}: ${phases}${seeded.result.cloning ? `; ${fmt(seeded.result.cloning.cloned)} cloned, ${fmt(seeded.result.cloning.livedAgain)} lived again` : ''}`);
  const raw = seeded.rawLimit;
  if (raw) {
    say(
      `  raw write limit (same run): the seed's ${fmt(raw.rows)} rows by INSERT … SELECT into unindexed tables, two at a time = ` +
        `${fmt(raw.seconds, 1)} s, ${fmt(raw.complaintsPerSecond)} complaints/s; the seed runs at ${fmt((100 * rate) / raw.complaintsPerSecond, 0)} % of it`,
    );
    // The rows are searchable and reportable only once their indexes exist: even a loader at the raw
    // limit pays the index builds of the same run on these cores (rollups and VACUUM left out).
    const indexSeconds = seeded.result.phases?.indexes;
    if (indexSeconds !== undefined) {
      const floorSeconds = raw.seconds + indexSeconds;
      const floorRate = seeded.result.complaints / floorSeconds;
      say(
        `  floor of this machine: raw writes ${fmt(raw.seconds, 1)} s + the same run's index builds ${fmt(indexSeconds, 1)} s = ${fmt(floorSeconds, 1)} s, ` +
          `${fmt(floorRate)} complaints/s (${floorRate >= TARGETS.seedPerSecond ? 'the target is within reach here' : 'below the target: no loader reaches it on this machine'}); ` +
          `the seed takes ${fmt(seeded.result.seconds / floorSeconds, 1)}× the floor`,
      );
    }
  }

  // ── size ──────────────────────────────────────────────────────────────────────────────────
  const [size] = await sql<{ bytes: number }[]>`SELECT pg_database_size(current_database())::bigint AS bytes`;
  say(`database size: ${fmt(size!.bytes / 2 ** 30, 2)} GiB`);
  const tables = await sql<{ name: string; bytes: number; indexes: number }[]>`
    SELECT c.relname AS name, pg_total_relation_size(c.oid)::bigint AS bytes, pg_indexes_size(c.oid)::bigint AS indexes
    FROM pg_class c WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace
    ORDER BY pg_total_relation_size(c.oid) DESC LIMIT 8`;
  for (const t of tables) say(`  ${t.name.padEnd(30)} ${fmt(t.bytes / 2 ** 20).padStart(8)} MiB  (indexes ${fmt(t.indexes / 2 ** 20)} MiB)`);
  say(verdicts.every(([, ok]) => ok) ? 'all measured targets met' : `targets missed: ${verdicts.filter(([, ok]) => !ok).map(([l]) => l).join('; ')}`);
  if (unavailable.length) say(`not measured (route not available): ${unavailable.length} figures`);
}

/** Latencies of `runs` requests after three warm-ups; 'not available' when the router answers 404 with no route. */
async function timeRoute(request: () => Response | Promise<Response>, runs: number): Promise<Timing | 'not available'> {
  for (let i = 0; i < 3; i++) {
    const res = await request();
    const text = await res.text();
    if (routeAbsent(res.status, text)) return 'not available';
    if (res.status >= 400) throw new Error(`${res.status}: ${text}`);
  }
  return timeRuns(runs, async () => {
    const res = await request();
    await res.arrayBuffer();
  });
}

async function claims(sql: Sql, app: ReturnType<typeof createApp>, as: (id: string) => Record<string, string>, line: (label: string, t: Timing | 'not available', target?: number) => void) {
  // The team with the longest queue: open, unassigned complaints given to it, or to its department and no team yet.
  const [queue] = await sql<{ team: string; waiting: number }[]>`
    SELECT t.id AS team, count(c.id)::int AS waiting FROM staff_teams t
    JOIN complaints c ON (c.team = t.id OR (c.team IS NULL AND c.department = t.department_id))
      AND c.assignee IS NULL AND c.status <> 'closed'
    GROUP BY t.id ORDER BY waiting DESC LIMIT 1`;
  if (!queue) return say('POST /v1/queues/{team}/claim: no queue with complaints waiting');
  const probe = await app.request(`/v1/queues/${queue.team}`, { headers: as('bench-agent-1') });
  if (routeAbsent(probe.status, await probe.text())) return line('POST /v1/queues/{team}/claim (20 claimers)', 'not available');
  const perClaimer = Math.max(1, Math.min(25, Math.floor(queue.waiting / CLAIMERS)));
  // Agents claim only from their own teams' queues: the bench's agents join this one for the run.
  const agents = Array.from({ length: CLAIMERS }, (_, i) => `bench-agent-${i + 1}`);
  const dismiss = await enrolClaimers(sql, queue.team, agents);
  const claimAs = (agent: string) => app.request(`/v1/queues/${queue.team}/claim`, { method: 'POST', headers: as(agent) });
  /** Every agent claims `per` times, all at once; the claims stay until `giveBack`. */
  const claimRound = async (per: number) => {
    const latencies: number[] = [];
    const claimed: string[] = [];
    let refused = 0;
    await Promise.all(
      agents.map(async (agent) => {
        for (let k = 0; k < per; k++) {
          const t = performance.now();
          const res = await claimAs(agent);
          const body = (await res.json()) as { complaint?: { reference: string } };
          latencies.push(performance.now() - t);
          if (res.status === 200 && body.complaint) claimed.push(body.complaint.reference);
          else refused++;
        }
      }),
    );
    return { latencies: latencies.sort((a, b) => a - b), claimed, refused };
  };
  // Leave the queue as it was: the claims go, and the rows get back the assignee their lifecycle records.
  const giveBack = async () => {
    const ids = await sql<{ complaint_id: string }[]>`DELETE FROM complaint_claims WHERE claimed_by = ANY(${agents}) RETURNING complaint_id`;
    await restoreAssignees(sql, ids.map((r) => r.complaint_id));
  };
  try {
    // Warm-ups, as every timed route here has: three claims per agent, given back before the timed ones.
    await claimRound(3);
    await giveBack();
    const since = (await sql<{ since: Date }[]>`SELECT now() AS since`)[0]!.since;
    const { latencies, claimed, refused } = await claimRound(perClaimer);
    line(`POST /v1/queues/${queue.team}/claim (${CLAIMERS} claimers × ${perClaimer})`, { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95) }, TARGETS.claimMs);
    const doubles = await sql<{ complaint_id: string; claims: number }[]>`
      SELECT complaint_id, count(*)::int AS claims FROM complaint_claims WHERE claimed_at >= ${since}
      GROUP BY complaint_id HAVING count(*) > 1`;
    const twice = claimed.length - new Set(claimed).size;
    const clean = doubles.length === 0 && twice === 0;
    verdicts.push(['zero double assignments', clean]);
    say(`  ${fmt(claimed.length)} claims granted, ${fmt(refused)} refused (queue of ${fmt(queue.waiting)}); double assignments: ${doubles.length + twice}   ${clean ? 'PASS' : 'FAIL'}`);
  } finally {
    await giveBack();
    await dismiss();
  }
}

/** The router's own 404 (no such route) or 405 (only other methods): the route is not built yet. */
function routeAbsent(status: number, body: string): boolean {
  return (status === 404 && body.includes('No route for')) || (status === 405 && body.includes('METHOD_NOT_ALLOWED'));
}

/** DATABASE_URL's server, else the local one on 5432, else an embedded PostgreSQL for this run. */
async function databaseServer(): Promise<{ url: string; embedded?: EmbeddedPostgresHandle; dir?: string }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL };
  const local = 'postgres://postgres@127.0.0.1:5432/postgres';
  const probe = postgres(local, { max: 1, connect_timeout: 2, onnotice: () => undefined });
  try {
    await probe`SELECT 1`;
    return { url: local };
  } catch {
    const dir = await mkdtemp(`${PROJECT_ROOT}.data/bench-reports-`);
    say(`no DATABASE_URL and nothing on 127.0.0.1:5432: an embedded PostgreSQL in ${dir} (seeded afresh each run)`);
    const embedded = await startEmbeddedPostgres({ dataDir: `${dir}/pg`, persistent: false });
    return { url: embedded.url, embedded, dir };
  } finally {
    await probe.end({ timeout: 1 });
  }
}

async function ensureBenchDatabase(serverUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`--database must be a plain identifier, got "${name}"`);
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  try {
    const [exists] = await admin`SELECT 1 FROM pg_database WHERE datname = ${name}`;
    if (!exists) await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Seeds the bench database unless it already holds `COUNT` complaints; the seed's figures are kept with it. */
async function ensureSeeded(url: string, sql: Sql): Promise<Seeded> {
  await migrate(sql);
  await sql`CREATE TABLE IF NOT EXISTS bench_seed_runs (at timestamptz NOT NULL DEFAULT now(), result jsonb NOT NULL)`;
  const n = (await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM complaints`)[0]!.n;
  const [last] = await sql<{ at: Date; result: SeedResult & { rawLimit?: RawWriteLimit } }[]>`SELECT at, result FROM bench_seed_runs ORDER BY at DESC LIMIT 1`;
  if (n >= COUNT && last) {
    say(`reusing ${url.replace(/\/\/[^@]*@/, '//')} (${fmt(n)} complaints, seeded ${last.at.toISOString()})`);
    return { result: last.result, at: last.at, measuredNow: false, ...(last.result.rawLimit ? { rawLimit: last.result.rawLimit } : {}) };
  }
  if (n > 0) {
    say(`${fmt(n)} complaints in the bench database, fewer than ${fmt(COUNT)}: emptying it and seeding afresh`);
    await sql`TRUNCATE complaints, complaint_events, response_links, survey_answers, complaint_claims, outbox_messages CASCADE`;
  }
  say(`seeding ${fmt(COUNT)} complaints into ${url.replace(/\/\/[^@]*@/, '//')} …`);
  const result = await seedReadModel(url, { count: COUNT, seed: Number(values.seed), linkSigningSecret: LINK_SIGNING_SECRET });
  say('measuring the raw write limit on the rows just written …');
  const rawLimit = await measureRawWriteLimit(sql, result.complaints);
  await sql`INSERT INTO bench_seed_runs (result) VALUES (${sql.json({ ...result, rawLimit } as never)})`;
  return { result, at: new Date(), measuredNow: true, rawLimit };
}
