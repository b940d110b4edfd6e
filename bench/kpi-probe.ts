/**
 * Times only the KPI report of bench/reports.ts (GET /v1/reports/kpis for the data's last year,
 * ungrouped and by every grouping) against the bench database, beside the same count(*) baseline.
 *   npx tsx bench/kpi-probe.ts [--runs 30] [--database plaint_bench]
 */
import { parseArgs } from 'node:util';
import { probeApp } from './reports/probe-app.js';
import { timeRuns } from './reports/timing.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '30' }, database: { type: 'string', default: 'plaint_bench' } },
  strict: true,
});
const { sql, get } = probeApp(values.database!);
try {
  const latest = (await sql<{ latest: Date }[]>`SELECT max(received_at) AS latest FROM complaints`)[0]!.latest;
  const to = latest.toISOString().slice(0, 10);
  const from = new Date(latest.getTime() - 365 * 86_400_000).toISOString().slice(0, 10);
  const reports: Array<[string, string]> = [undefined, 'category', 'product', 'channel', 'department', 'team', 'week', 'month'].map((g) => [
    g ? `kpis, a year by ${g}` : 'kpis, a year',
    `from=${from}&to=${to}${g ? `&groupBy=${g}` : ''}`,
  ]);
  const baseline = await timeRuns(40, async () => {
    await sql`SELECT count(*) FROM complaints WHERE status = 'investigating'`;
  });
  console.log(`baseline count(*) p50 ${baseline.p50.toFixed(1)} p95 ${baseline.p95.toFixed(1)}`);
  for (const [label, query] of reports) {
    await (await get(`/v1/reports/kpis?${query}`)).arrayBuffer();
    const t = await timeRuns(Number(values.runs), async () => {
      const res = await get(`/v1/reports/kpis?${query}`);
      if (res.status !== 200) throw new Error(`${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    });
    console.log(`${label.padEnd(30)} p50 ${t.p50.toFixed(1).padStart(7)}  p95 ${t.p95.toFixed(1).padStart(7)}`);
  }
} finally {
  await sql.end({ timeout: 5 });
}
