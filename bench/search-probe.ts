/**
 * Times only the staff search queries of bench/reports.ts (GET /v1/complaints) against the bench
 * database, beside the same count(*) baseline; `--only <substring>` picks queries, `--runs n`.
 *   npx tsx bench/search-probe.ts [--runs 30] [--only makinesi] [--database plaint_bench]
 */
import { parseArgs } from 'node:util';
import { probeApp } from './reports/probe-app.js';
import { timeRuns } from './reports/timing.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '30' }, only: { type: 'string' }, database: { type: 'string', default: 'plaint_bench' } },
  strict: true,
});
const { sql, get } = probeApp(values.database!);
try {
  const total = (await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM complaints`)[0]!.n;
  const latest = (await sql<{ latest: Date }[]>`SELECT max(received_at) AS latest FROM complaints`)[0]!.latest;
  const to = latest.toISOString().slice(0, 10);
  const from = new Date(latest.getTime() - 365 * 86_400_000).toISOString().slice(0, 10);
  const [someone] = await sql<{ email: string }[]>`
    SELECT customer_email AS email FROM complaints WHERE customer_email IS NOT NULL ORDER BY reference OFFSET ${Math.floor(total / 3)} LIMIT 1`;
  const first = (await (await get('/v1/complaints?q=iade&limit=25')).json()) as { nextCursor: string | null };
  const searches: Array<[string, string]> = [
    ['rare word (tr: cızırtı)', `q=${encodeURIComponent('cızırtı')}`],
    ['rare word (en: crackling) + status', `q=crackling&status=closed`],
    ['common word (tr: iade) + status', `q=iade&status=closed,investigating`],
    ['common word (en: refund)', `q=refund`],
    ['e-mail lookup', `customerEmail=${encodeURIComponent(someone?.email ?? 'nobody@example.com')}`],
    ['filters only (status, severity, team)', `status=investigating,in_review&severity=high,critical&team=billing`],
    ['filters only (breached, received range)', `breached=true&receivedFrom=${from}&receivedTo=${to}`],
    ['text + filters (tr: makinesi, category)', `q=makinesi&category=product_defect&closedFrom=${from}`],
    ['second page (cursor)', `q=iade&limit=25&cursor=${encodeURIComponent(first.nextCursor ?? '')}`],
  ];
  const baseline = await timeRuns(40, async () => {
    await sql`SELECT count(*) FROM complaints WHERE status = 'investigating'`;
  });
  console.log(`baseline count(*) p50 ${baseline.p50.toFixed(1)} p95 ${baseline.p95.toFixed(1)}`);
  for (const [label, query] of searches) {
    if (values.only && !label.includes(values.only)) continue;
    for (let i = 0; i < 3; i++) {
      const res = await get(`/v1/complaints?${query}`);
      if (res.status !== 200) throw new Error(`${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    }
    const body = (await (await get(`/v1/complaints?${query}`)).json()) as { items: unknown[]; total: unknown };
    const t = await timeRuns(Number(values.runs), async () => {
      await (await get(`/v1/complaints?${query}`)).arrayBuffer();
    });
    console.log(`${label.padEnd(44)} p50 ${t.p50.toFixed(1).padStart(7)}  p95 ${t.p95.toFixed(1).padStart(7)}  items ${body.items.length} total ${JSON.stringify(body.total)}`);
  }
} finally {
  await sql.end({ timeout: 5 });
}
