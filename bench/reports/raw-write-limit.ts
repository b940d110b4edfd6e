// The raw limit of this machine for a seed's rows: the same row counts written by a plain
// `INSERT … SELECT` into unindexed copies of the seeded tables (no text to parse, no index, no
// trigger, no rollup, no VACUUM), two tables at a time like the seed's two cores. Measured on a
// block sample (10 %) of what the seed wrote and scaled to the whole; the seed's rate is printed
// as a share of it, because the machine is shared and its load moves both figures together.
import type { Sql } from 'postgres';
import { TABLE_NAMES } from '../../scripts/seed/generator.js';

export interface RawWriteLimit {
  /** Seconds the seed's rows would take at the raw rate (two tables at a time). */
  seconds: number;
  complaintsPerSecond: number;
  sampledRows: number;
  rows: number;
}

const SAMPLE_PERCENT = 10;

export async function measureRawWriteLimit(sql: Sql, complaints: number): Promise<RawWriteLimit> {
  const sizes = await sql<{ table: string; rows: number }[]>`
    SELECT relname AS table, greatest(reltuples, 0)::float8 AS rows FROM pg_class
    WHERE relname = ANY(string_to_array(${TABLE_NAMES.join(',')}, ',')) AND relkind = 'r' AND relnamespace = current_schema()::regnamespace
    ORDER BY reltuples DESC`;
  const timings: Array<{ table: string; seconds: number; sampled: number; rows: number }> = [];
  const queue = [...sizes];
  const worker = async () => {
    for (let t = queue.shift(); t; t = queue.shift()) {
      const copy = `plaint_raw_${t.table}`;
      await sql.unsafe(`DROP TABLE IF EXISTS ${copy}`);
      await sql.unsafe(`CREATE TABLE ${copy} (LIKE ${t.table})`);
      try {
        const started = performance.now();
        const result = await sql.unsafe(`INSERT INTO ${copy} SELECT * FROM ${t.table} TABLESAMPLE SYSTEM (${SAMPLE_PERCENT}) REPEATABLE (1)`);
        const seconds = (performance.now() - started) / 1000;
        timings.push({ table: t.table, seconds, sampled: result.count, rows: t.rows });
      } finally {
        await sql.unsafe(`DROP TABLE IF EXISTS ${copy}`);
      }
    }
  };
  await Promise.all([worker(), worker()]);
  // Scaled to the whole table, then laid out on two workers, longest first (what two connections would do).
  const scaled = timings.map((t) => (t.sampled > 0 ? (t.seconds * t.rows) / t.sampled : 0)).sort((a, b) => b - a);
  const lanes = [0, 0];
  for (const s of scaled) lanes[lanes[0]! <= lanes[1]! ? 0 : 1]! += s;
  const seconds = Math.max(...lanes);
  return {
    seconds,
    complaintsPerSecond: seconds > 0 ? complaints / seconds : 0,
    sampledRows: timings.reduce((a, t) => a + t.sampled, 0),
    rows: Math.round(timings.reduce((a, t) => a + t.rows, 0)),
  };
}
