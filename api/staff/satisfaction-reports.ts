// GET /v1/reports/satisfaction: the survey answers per period (count, mean ratings, reasons
// ticked), for the people who read reports. The figures come from read-model/survey-answers.ts.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Sql } from 'postgres';
import type { FieldIssue } from '../../domain/errors.js';
import { SURVEY_REASONS } from '../../domain/survey/answer.js';
import { satisfactionByPeriod } from '../../read-model/survey-answers.js';
import type { AppEnv } from '../http/app-env.js';
import { access } from '../http/access-matrix.js';
import { errorResponses, unprocessableError, validationError } from '../http/errors.js';
import { validationHook } from '../http/validation.js';
import { reportFilterQuery, unknownUnits } from './report-filters.js';
import { responseBody } from '../http/response-body.js';

/** At most this long a range: a few years of months, not a scan of everything ever answered. */
const MAX_RANGE_DAYS = 3 * 366;

const querySchema = z.object({
  from: z.iso.datetime({ offset: true }).meta({ description: 'Answers given at or after this instant', example: '2026-01-01T00:00:00Z' }),
  to: z.iso.datetime({ offset: true }).meta({ description: 'Answers given before this instant', example: '2027-01-01T00:00:00Z' }),
  period: z.enum(['day', 'week', 'month']).default('month').meta({ description: 'Grouping, in UTC', example: 'month' }),
  ...reportFilterQuery,
});

const reportSchema = z
  .object({
    department: z.string().nullable().meta({ description: 'The department the answers are filtered to (query `department`), else null' }),
    team: z.string().nullable().meta({ description: 'The team the answers are filtered to (query `team`), else null' }),
    periods: z.array(
      z.object({
        periodStart: z.iso.datetime({ offset: true }),
        answers: z.number().int(),
        meanHandling: z.number().meta({ description: 'Mean satisfaction with the handling, 1–5', example: 4.2 }),
        meanOutcome: z.number().meta({ description: 'Mean satisfaction with the outcome, 1–5', example: 3.9 }),
        reasons: z.object(Object.fromEntries(SURVEY_REASONS.map((id) => [id, z.number().int()]))).meta({
          description: 'How often each reason was ticked',
        }),
      }),
    ),
  })
  .meta({ id: 'SatisfactionReport' });

const reportRoute = createRoute({
  method: 'get',
  path: '/satisfaction',
  summary: 'Satisfaction survey answers per period (staff)',
  description:
    "`department` and/or `team` (staff directory ids): only the answers about that department's or team's complaints " +
    "(the complaint's current department and team); an id the directory does not hold is a 400.",
  security: [{ apiKey: [] }],
  middleware: [access('GET /v1/reports/satisfaction')] as const,
  request: { query: querySchema },
  responses: {
    200: { description: 'Periods with answers, oldest first', content: { 'application/json': { schema: reportSchema } } },
    ...errorResponses(400, 401, 403, 422),
  },
});

export function satisfactionReportRoutes(deps: { sql: Sql }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(reportRoute, async (c) => {
    const { from, to, period, department, team } = c.req.valid('query');
    const [fromMs, toMs] = [Date.parse(from), Date.parse(to)];
    const issues: FieldIssue[] = [];
    if (toMs <= fromMs) issues.push({ path: 'query.to', message: 'must be after from' });
    else if (toMs - fromMs > MAX_RANGE_DAYS * 86_400_000) issues.push({ path: 'query.to', message: `at most ${MAX_RANGE_DAYS} days after from` });
    const filter = { department, team };
    issues.push(...(await unknownUnits(deps.sql, filter)));
    if (issues.length > 0) throw unprocessableError(issues);
    const periods = await satisfactionByPeriod(deps.sql, { from: new Date(fromMs), to: new Date(toMs), period, filter });
    return c.json(responseBody(reportSchema, { department: department ?? null, team: team ?? null, periods }), 200);
  });
}
