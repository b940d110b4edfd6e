// The `department` and `team` query parameters every report takes (/v1/reports/kpis, /trends,
// /satisfaction): the staff directory's ids, each checked there, so that a mistyped id is a 422
// naming its field rather than a report of nothing.
import { z } from '@hono/zod-openapi';
import type { Sql } from 'postgres';
import type { FieldIssue } from '../../domain/errors.js';
import type { ReportFilter } from '../../read-model/report-filter.js';

const unitId = (unit: 'department' | 'team', example: string) =>
  z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .meta({
      description:
        `Only the complaints of this ${unit} (an id of the staff directory, /v1/${unit === 'team' ? 'teams' : 'departments'}; ` +
        `the complaint's current ${unit}): every figure is counted over them alone. ` +
        (unit === 'team' ? 'With `department` too: the complaints of both. ' : '') +
        'An id the directory does not hold is a 422.',
      example,
    });

export const reportFilterQuery = {
  department: unitId('department', 'after_sales'),
  team: unitId('team', 'after_sales_1'),
};

/** One issue per filter id the staff directory does not hold (`query.department`, `query.team`). */
export async function unknownUnits(sql: Sql, filter: ReportFilter): Promise<FieldIssue[]> {
  if (!filter.department && !filter.team) return [];
  const [found] = await sql<{ department: boolean; team: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM staff_departments WHERE id = ${filter.department ?? null}) AS department,
           EXISTS (SELECT 1 FROM staff_teams WHERE id = ${filter.team ?? null}) AS team`;
  const issues: FieldIssue[] = [];
  if (filter.department && !found!.department) issues.push({ path: 'query.department', message: `no department "${filter.department}" in the staff directory` });
  if (filter.team && !found!.team) issues.push({ path: 'query.team', message: `no team "${filter.team}" in the staff directory` });
  return issues;
}
