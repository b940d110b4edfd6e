// The hourly rollup of the KPI report's counts and sums (db/migrations/0020): kept exact by
// statement-level triggers on the fact tables in the transaction that changes them. Here: its
// rebuild from the facts (operators, the seeder after a bulk load) and the consistency check the
// tests use, and the report's reading of it (read-model/kpi-report.ts).
import type { Sql } from 'postgres';

/** One rollup row (report_hourly or report_daily) that differs from what the facts give (`expected` null: no such row is due). */
export interface RollupDifference {
  rollup: 'hourly' | 'daily';
  at: Date;
  metric: string;
  key: string;
  stored: string | null;
  expected: string | null;
}

/** Truncates the rollup and rebuilds it from the facts, in one transaction (writers of facts wait). */
export async function rebuildReportRollups(sql: Sql): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`SELECT report_rollups_rebuild()`;
  });
}

/**
 * Rollup rows that differ from a rebuild from the facts, read in one snapshot (empty when the
 * rollup is exact). Rows whose amount went back to zero count as absent.
 */
export async function reportRollupDifferences(sql: Sql): Promise<RollupDifference[]> {
  return sql.begin('ISOLATION LEVEL REPEATABLE READ READ ONLY', (tx) =>
    tx<RollupDifference[]>`
      SELECT 'hourly' AS rollup, hour AS at, metric, key, s.amount::text AS stored, e.amount::text AS expected
      FROM (SELECT * FROM report_hourly WHERE amount <> 0) s
      FULL JOIN report_hourly_from_facts e USING (hour, metric, key)
      WHERE s.amount IS DISTINCT FROM e.amount
      UNION ALL
      SELECT 'daily', day, metric, key, s.amount::text, e.amount::text
      FROM (SELECT * FROM report_daily WHERE amount <> 0) s
      FULL JOIN (SELECT report_day(hour) AS day, metric, key, sum(amount) AS amount FROM report_hourly_from_facts
                 GROUP BY 1, metric, key HAVING sum(amount) <> 0) e USING (day, metric, key)
      WHERE s.amount IS DISTINCT FROM e.amount
      ORDER BY rollup, at, metric, key`,
  ) as Promise<RollupDifference[]>;
}

/** The rollup's unit: a report can read it when every boundary it cuts at is a whole UTC hour. */
export const ROLLUP_HOUR_MS = 3_600_000;

export function rollupCovers(boundaries: readonly Date[]): boolean {
  return boundaries.every((b) => b.getTime() % ROLLUP_HOUR_MS === 0);
}
