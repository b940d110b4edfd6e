import { connectDatabase } from '../db/connect.js';
import { readRollups, rollupPercentiles } from '../read-model/kpi-rollup-reads.js';
import { reportBounds, subPeriods } from '../domain/reports/kpi-periods.js';
const sql = connectDatabase(`postgres://postgres@127.0.0.1:5432/plaint_bench`, { max: 4 });
const b = reportBounds('2025-11-30', '2026-11-30', 'Europe/Istanbul');
const time = async <T>(label: string, f: () => Promise<T>) => { const t = performance.now(); const r = await f(); console.log(label, (performance.now() - t).toFixed(0), 'ms'); return r; };
const dim = (process.argv[2] ?? '') as '';
const units = process.argv[3] ? subPeriods('2025-11-30', '2026-11-30', process.argv[3] as 'month').map((u, i, all) => ({ g: i + 1, from: i === 0 ? b.start : reportBounds(u.unitStart, u.unitStart, 'Europe/Istanbul').start, to: b.end })) : null;
if (units) units.forEach((u, i) => { u.to = units[i + 1]?.from ?? b.end; });
const periods = units ?? [{ g: 1, from: b.start, to: b.end }];
for (let i = 0; i < 2; i++) {
  const rows = await time('rows', () => readRollups(sql, { dimension: dim, periods, repeatWindowDays: 30 }));
  console.log('rows', rows.length);
  const groups = new Map<string, { bucket: number; n: number }[]>();
  for (const r of rows) if (r.metric === 'resolution_4h') { const id = r.is_total ? 'total' : String(r.grp); groups.set(id, [...(groups.get(id) ?? []), { bucket: Number(r.key), n: Number(r.amount) }]); }
  const hs = [...groups].map(([id, buckets]) => ({ id, buckets, from: units && id !== 'total' ? units[Number(id) - 1]!.from : b.start, to: units && id !== 'total' ? units[Number(id) - 1]!.to : b.end, value: id === 'total' || id === 'null' ? null : id, whole: id === 'total' || !!units }));
  await time('percentiles', () => rollupPercentiles(sql, units ? '' : dim, hs));
}
await sql.end();
