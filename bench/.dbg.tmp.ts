import { connectDatabase } from '../db/connect.js';
import { readRollups, rollupRootCauses, youngBacklog } from '../read-model/kpi-rollup-reads.js';
import { reportBounds } from '../domain/reports/kpi-periods.js';
import { kpiReport, calendarAgeing } from '../read-model/kpi-report.js';
import { calendarResolver } from '../read-model/calendar-resolver.js';
const sql = connectDatabase(`postgres://postgres@127.0.0.1:5432/plaint_bench`, { max: 4 });
const b = reportBounds('2025-11-30', '2026-11-30', 'Europe/Istanbul');
const time = async (label: string, f: () => Promise<unknown>) => { const t = performance.now(); await f(); console.log(label, (performance.now() - t).toFixed(0), 'ms'); };
const dim = (process.argv[2] ?? '') as '';
for (let i = 0; i < 2; i++) {
await time('rows', () => readRollups(sql, { dimension: dim, periods: [{ g: 1, from: b.start, to: b.end }], repeatWindowDays: 30 }));
await time('before', () => readRollups(sql, { dimension: dim, periods: [{ g: 1, from: null, to: b.start }], repeatWindowDays: 30, metrics: ['received', 'closed'] }));
await time('root', () => rollupRootCauses(sql, b.start, b.end, 10));
const ageing = await calendarAgeing(calendarResolver(), ['TR'], '2026-11-30');
const ag = { thresholds: ageing.map((a) => ({ calendar_id: a.calendarId, ...Object.fromEntries(a.thresholds.map((t, i) => [`t${i + 1}`, t.toISOString()])) })), known: ['TR'], defaultCalendarId: 'TR' };
await time('young', () => youngBacklog(sql, dim, b.end, ag as never));
await time('report', () => kpiReport(sql, { ...b, timeZone: 'Europe/Istanbul', repeatWindowDays: 30, rootCauseLimit: 10, ageing, defaultCalendarId: 'TR', groupBy: dim || undefined }));
}
await sql.end();
