// The rollups of the KPI report's counts and sums: hourly/daily for the whole (db/migrations/0020)
// and daily/monthly by dimension and for the whole (0022), kept exact by statement-level triggers
// on the fact tables in the transaction that changes them. Here: their rebuild from the facts
// (operators, the seeder after a bulk load) and the consistency check the tests use, and where
// the report can read them (read-model/kpi-report.ts).
import type { Sql } from 'postgres';

/**
 * One rollup row that differs from what the facts give (`expected` null: no such row is due).
 * `dimension` and `value` only for the grouped rollups ('' and null: the whole).
 */
export interface RollupDifference {
  rollup: 'hourly' | 'daily' | 'grouped_daily' | 'grouped_monthly';
  at: Date;
  dimension?: string;
  value?: string | null;
  metric: string;
  key: string;
  stored: string | null;
  expected: string | null;
}

/** Truncates the rollups (0020's and 0022's) and rebuilds them from the facts, in one transaction (writers of facts wait). */
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
      ORDER BY rollup, at, metric, key`.then(async (whole) => [
      ...whole,
      ...(await tx<RollupDifference[]>`
        WITH expected AS (SELECT * FROM report_grouped_daily_from_facts)
        SELECT 'grouped_daily' AS rollup, coalesce(s.day, e.day) AS at, coalesce(s.dimension, e.dimension) AS dimension,
          CASE WHEN s.amount IS NULL THEN e.value ELSE s.value END AS value, coalesce(s.metric, e.metric) AS metric, coalesce(s.key, e.key) AS key, s.amount::text AS stored, e.amount::text AS expected
        FROM (SELECT * FROM report_grouped_daily WHERE amount <> 0) s
        -- value may be null (no category…): compared as (is null, text), FULL JOIN needs equalities.
        FULL JOIN expected e ON (e.day, e.dimension, e.value IS NULL, coalesce(e.value, ''), e.metric, e.key)
                              = (s.day, s.dimension, s.value IS NULL, coalesce(s.value, ''), s.metric, s.key)
        WHERE s.amount IS DISTINCT FROM e.amount
        UNION ALL
        SELECT 'grouped_monthly', coalesce(s.month, e.month), coalesce(s.dimension, e.dimension),
          CASE WHEN s.amount IS NULL THEN e.value ELSE s.value END, coalesce(s.metric, e.metric), coalesce(s.key, e.key), s.amount::text, e.amount::text
        FROM (SELECT * FROM report_grouped_monthly WHERE amount <> 0) s
        FULL JOIN (SELECT report_month(day) AS month, dimension, value, metric, key, sum(amount) AS amount FROM expected
                   GROUP BY 1, dimension, value, metric, key HAVING sum(amount) <> 0) e
          ON (e.month, e.dimension, e.value IS NULL, coalesce(e.value, ''), e.metric, e.key)
           = (s.month, s.dimension, s.value IS NULL, coalesce(s.value, ''), s.metric, s.key)
        WHERE s.amount IS DISTINCT FROM e.amount
        ORDER BY rollup, at, dimension, value, metric, key`),
    ]),
  ) as Promise<RollupDifference[]>;
}

/** The rollup's unit: a report can read it when every boundary it cuts at is a whole UTC hour. */
export const ROLLUP_HOUR_MS = 3_600_000;

export function rollupCovers(boundaries: readonly Date[]): boolean {
  return boundaries.every((b) => b.getTime() % ROLLUP_HOUR_MS === 0);
}
