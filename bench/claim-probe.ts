/**
 * Where a claim's time goes: 20 concurrent claimers × 25 on the bench database, timed three ways
 * (the whole route through app.request, claimNext alone, the view of a claimed complaint alone).
 * Its agents are members of the team for the run (bench/reports/claimers.ts); every claim it takes
 * is removed afterwards as bench/reports.ts does. Usage:
 *   BENCH_URL=postgres://postgres@127.0.0.1:5432/plaint_bench npx tsx bench/claim-probe.ts [route|sql|view] [poolMax] [warmUpPerClaimer]
 */
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import type { Sql } from 'postgres';
import { createApp } from '../api/app.js';
import { connectDatabase } from '../db/connect.js';
import { createCalendarResolver } from '../read-model/calendar-resolver.js';
import { findComplaintsByIds } from '../read-model/complaint-queries.js';
import { claimNext, findQueueTeam } from '../read-model/work-queues.js';
import { apiKeyEntry } from '../scripts/dev-secrets.js';
import { parseEncryptionKeys } from '../security/payload-codec.js';
import { absentTemporal } from './reports/absent-temporal.js';
import { enrolClaimers, restoreAssignees } from './reports/claimers.js';
import { percentile, timeRuns } from './reports/timing.js';

const CLAIMERS = 20;
const PER = 25;
const mode = process.argv[2] ?? 'route';
/** Claims per claimer before the measured ones (not timed, given back). */
const WARM_UP = Number(process.argv[4] ?? 3);
const sql = connectDatabase(process.env.BENCH_URL ?? 'postgres://postgres@127.0.0.1:5432/plaint_bench', { max: Number(process.argv[3] ?? CLAIMERS + 4) });
const keys = Object.fromEntries(Array.from({ length: CLAIMERS }, (_, i) => [`probe-agent-${i + 1}`, `probe-${randomBytes(12).toString('hex')}`]));
const app = createApp({
  config: {
    API_KEYS: Object.entries(keys).map(([id, key]) => apiKeyEntry(id, 'agent', key)),
    PUBLIC_INTAKE_PER_MINUTE: 1_000,
    TRUST_PROXY: false,
    LINK_SIGNING_SECRET: 'plaint-probe-link-signing-secret-not-for-production',
    QUEUE_MAX_LIVE_CLAIMS: 0,
  },
  sql,
  temporal: absentTemporal(),
  encryptionKeys: parseEncryptionKeys([`probe:${randomBytes(32).toString('base64')}`]),
  log: pino({ level: 'silent' }),
});
let dismiss: (() => Promise<void>) | undefined;
try {
  const [queue] = await sql<{ team: string; waiting: number }[]>`
    SELECT t.id AS team, count(c.id)::int AS waiting FROM staff_teams t
    JOIN complaints c ON (c.team = t.id OR (c.team IS NULL AND c.department = t.department_id))
      AND c.assignee IS NULL AND c.status <> 'closed'
    GROUP BY t.id ORDER BY waiting DESC LIMIT 1`;
  const team = (await findQueueTeam(sql, queue!.team))!;
  dismiss = await enrolClaimers(sql, team.id, Object.keys(keys));
  const since = (await sql<{ since: Date }[]>`SELECT now() AS since`)[0]!.since;
  const latencies: number[] = [];
  const got: string[] = [];
  let refused = 0;
  const ids: string[] = [];
  if (mode === 'view') {
    const rows = await sql<{ id: string }[]>`SELECT id FROM complaints WHERE assignee IS NULL AND status <> 'closed' LIMIT ${CLAIMERS * PER}`;
    ids.push(...rows.map((r) => r.id));
  }
  const calendars = createCalendarResolver({ sql });
  // The same plain indexed count bench/reports.ts prints as its baseline, measured in this run.
  const baseline = await timeRuns(40, async () => {
    await sql`SELECT count(*) FROM complaints WHERE status = 'investigating'`;
  });
  console.log(`baseline count(*) p50 ${baseline.p50.toFixed(1)} ms p95 ${baseline.p95.toFixed(1)} ms`);
  const claimOnce = async (i: number, k: number): Promise<boolean | undefined> => {
    if (mode === 'route') {
      const res = await app.request(`/v1/queues/${team.id}/claim`, { method: 'POST', headers: { authorization: `Bearer ${keys[`probe-agent-${i + 1}`]}` } });
      const body = (await res.json()) as { complaint?: { reference: string } };
      if (res.status === 200 && body.complaint) got.push(body.complaint.reference);
      return res.status === 200;
    }
    if (mode === 'sql') {
      const claim = await claimNext(sql, { team: team.id, claimer: { id: `probe-agent-${i + 1}`, role: 'agent' }, maxLiveClaims: 0 });
      if (claim) got.push(claim.claim.reference);
      return claim !== undefined;
    }
    await findComplaintsByIds(sql, [ids[(i * PER + k) % ids.length]!], { now: new Date(), calendars });
    return undefined;
  };
  // Warm-up claims (as bench/reports.ts warms every route up), given back before the measured ones.
  await Promise.all(Array.from({ length: CLAIMERS }, async (_, i) => {
    for (let k = 0; k < WARM_UP; k++) await claimOnce(i, k);
  }));
  got.length = 0;
  await sql`DELETE FROM complaint_claims WHERE claimed_by LIKE 'probe-agent-%'`;
  const started = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: CLAIMERS }, async (_, i) => {
      for (let k = 0; k < PER; k++) {
        const t = performance.now();
        if ((await claimOnce(i, k)) === false) refused++;
        latencies.push(performance.now() - t);
      }
    }),
  );
  const wall = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  latencies.sort((a, b) => a - b);
  const doubles = await sql`SELECT complaint_id FROM complaint_claims WHERE claimed_at >= ${since} GROUP BY complaint_id HAVING count(*) > 1`;
  console.log(`${mode} pool=${process.argv[3] ?? CLAIMERS + 4} warm-up=${WARM_UP}: n=${latencies.length} p50 ${percentile(latencies, 0.5).toFixed(1)} ms p95 ${percentile(latencies, 0.95).toFixed(1)} ms max ${latencies.at(-1)!.toFixed(1)} wall ${wall.toFixed(0)} ms, node cpu ${((user + system) / 1000).toFixed(0)} ms (user ${(user / 1000).toFixed(0)}, system ${(system / 1000).toFixed(0)}); granted ${got.length}, refused ${refused}, doubles ${doubles.length + got.length - new Set(got).size} (queue ${queue!.waiting})`);
} finally {
  // Leave the queue as it was (bench/reports.ts): the claims go, the rows get back their lifecycle's assignee.
  const gone = await sql<{ complaint_id: string }[]>`DELETE FROM complaint_claims WHERE claimed_by LIKE 'probe-agent-%' RETURNING complaint_id`;
  await restoreAssignees(sql, gone.map((r) => r.complaint_id));
  await dismiss?.();
  await sql.end({ timeout: 5 });
}
