// Reports narrowed to one department's or one team's complaints (`department=`, `team=` on
// GET /v1/reports/kpis, /trends and /satisfaction): the filter, and its condition on the row of
// the complaint a fact belongs to. Both given: the complaints of that department and that team.
import type { PendingQuery, Row, Sql } from 'postgres';

export interface ReportFilter {
  department?: string | undefined;
  team?: string | undefined;
}

export function isFiltered(filter: ReportFilter | undefined): boolean {
  return !!(filter?.department || filter?.team);
}

/**
 * `AND <alias>.department = … AND <alias>.team = …` for what the filter names (empty without a
 * filter), to append to a WHERE clause over complaints.
 */
export function filterCondition(sql: Sql, filter: ReportFilter | undefined, alias = 'c'): PendingQuery<Row[]> {
  const department = filter?.department ? sql`AND ${sql(alias)}.department = ${filter.department}` : sql``;
  const team = filter?.team ? sql`AND ${sql(alias)}.team = ${filter.team}` : sql``;
  return sql`${department} ${team}`;
}
