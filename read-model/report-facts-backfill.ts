// The report facts of complaints recorded before 0018 that SQL cannot derive: resolution times
// need the complaint's calendar (with its overrides), repeat-complaint links the customer hashes
// intake fills. Run by the jobs process at start (jobs/main.ts), in batches, idempotent: closed
// complaints without a resolution time are found again at every start until their calendar can
// count them; the repeat links are computed once (marked in report_fact_backfills).
import type { Sql } from 'postgres';
import type { CalendarResolver } from './calendar-resolver.js';
import { closingResolutionTime, type FactsTransition } from './report-facts.js';

export const PRIOR_LINKS_STEP = 'prior_complaint_at';

export interface BackfillResult {
  /** Closed complaints given their resolution time. */
  resolutionTimes: number;
  /** Closed complaints whose calendar cannot count it (left null, tried again at the next start). */
  uncounted: number;
  /** Complaints whose repeat link was computed (0 once done). */
  priorLinks: number;
}

export async function backfillReportFacts(
  sql: Sql,
  calendars: CalendarResolver,
  opts: { batchSize?: number; signal?: AbortSignal } = {},
): Promise<BackfillResult> {
  const batchSize = opts.batchSize ?? 500;
  const result: BackfillResult = { resolutionTimes: 0, uncounted: 0, priorLinks: 0 };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    if (opts.signal?.aborted) return result;
    const rows = await sql<{ id: string; lifecycle: FactsTransition['status'] }[]>`
      SELECT id, lifecycle FROM complaints
      WHERE status = 'closed' AND resolution_business_minutes IS NULL AND lifecycle IS NOT NULL AND id > ${after}
      ORDER BY id LIMIT ${batchSize}`;
    if (rows.length === 0) break;
    for (const row of rows) {
      const time = await closingResolutionTime(calendars, row.lifecycle);
      if (!time) {
        result.uncounted++;
        continue;
      }
      const updated = await sql`
        UPDATE complaints SET resolution_business_minutes = ${time.businessMinutes},
          closed_within_3_business_days = ${time.closedWithin3BusinessDays}
        WHERE id = ${row.id} AND resolution_business_minutes IS NULL`;
      result.resolutionTimes += updated.count;
    }
    after = rows.at(-1)!.id;
  }
  const [done] = await sql`SELECT 1 FROM report_fact_backfills WHERE step = ${PRIOR_LINKS_STEP}`;
  if (done) return result;
  after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    if (opts.signal?.aborted) return result;
    // The same rule as refreshPriorComplaints (report-facts.ts), for a batch of complaints at once.
    const batch = await sql<{ id: string }[]>`
      WITH batch AS (
        SELECT id FROM complaints
        WHERE id > ${after} AND category IS NOT NULL AND (customer_email_hash IS NOT NULL OR customer_phone_hash IS NOT NULL)
        ORDER BY id LIMIT ${batchSize})
      UPDATE complaints x SET prior_complaint_at = (
        SELECT max(y.received_at) FROM complaints y
        WHERE y.id <> x.id AND y.received_at < x.received_at AND y.category = x.category
          AND ((x.customer_email_hash IS NOT NULL AND y.customer_email_hash = x.customer_email_hash)
            OR (x.customer_email_hash IS NULL AND y.customer_phone_hash = x.customer_phone_hash)))
      FROM batch WHERE x.id = batch.id
      RETURNING x.id`;
    if (batch.length === 0) break;
    result.priorLinks += batch.length;
    after = batch.map((r) => r.id).sort().at(-1)!;
  }
  await sql`INSERT INTO report_fact_backfills (step) VALUES (${PRIOR_LINKS_STEP}) ON CONFLICT DO NOTHING`;
  return result;
}
