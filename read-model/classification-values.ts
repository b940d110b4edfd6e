// The categories and products complaints carry now, with how many carry each: what staff are
// offered when they classify, so that a value already in use is picked, not typed again.
//
// Read from the KPI report's monthly rollup (migration 0022), not from `complaints`: every
// complaint counts once under `received` in its month, under the category and product it has
// now (the rollup's trigger moves it when a complaint is reclassified). `complaints` has no
// index led by category, so a DISTINCT there reads every row (a million at the bench's size);
// here a skip scan of the rollup's unique index (dimension, month, value, …) visits each
// (month, value) pair once: a few hundred index probes for two years of a few dozen values.
import type { Sql } from 'postgres';

export type ClassificationDimension = 'category' | 'product';

export interface ValueInUse {
  value: string;
  /** Complaints that carry it now. */
  complaints: number;
}

/** Values of `dimension` that complaints carry now, the most used first; at most `limit`. */
export async function valuesInUse(sql: Sql, dimension: ClassificationDimension, limit: number): Promise<ValueInUse[]> {
  // The recursion steps from one (month, value) to the next with a value: a NULL value (complaints
  // without one) sorts last in its month and is passed over by the row comparison, which is never
  // true for it. Each step is one probe of the unique index, and so is each `received` lookup.
  const rows = await sql<{ value: string; complaints: string }[]>`
    WITH RECURSIVE pairs AS (
      (SELECT r.month, r.value FROM report_grouped_monthly r
        WHERE r.dimension = ${dimension} AND r.value IS NOT NULL ORDER BY r.month, r.value LIMIT 1)
      UNION ALL
      SELECT n.month, n.value FROM pairs p CROSS JOIN LATERAL (
        SELECT r.month, r.value FROM report_grouped_monthly r
        WHERE r.dimension = ${dimension} AND (r.month, r.value) > (p.month, p.value)
        ORDER BY r.month, r.value LIMIT 1) n
    )
    SELECT p.value, sum(r.amount)::text AS complaints
    FROM pairs p
    -- LIMIT 1 (the row is unique) keeps this a probe per pair: joined flat, the planner hashed
    -- every row of the dimension instead, which is the whole scan the recursion avoids.
    CROSS JOIN LATERAL (
      SELECT r.amount FROM report_grouped_monthly r
      WHERE r.dimension = ${dimension} AND r.month = p.month AND r.value = p.value AND r.metric = 'received' AND r.key = ''
      LIMIT 1) r
    GROUP BY p.value
    HAVING sum(r.amount) > 0
    ORDER BY sum(r.amount) DESC, p.value
    LIMIT ${limit}`;
  return rows.map((r) => ({ value: r.value, complaints: Number(r.complaints) }));
}
