// GET /v1/reports/satisfaction: the survey answers per period (count, mean ratings, reasons
// ticked), for the people who read reports. The figures come from read-model/survey-answers.ts.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Sql } from 'postgres';
import { DomainError } from '../../domain/errors.js';
import { SURVEY_REASONS } from '../../domain/survey/answer.js';
import { satisfactionByPeriod } from '../../read-model/survey-answers.js';
import type { AppEnv } from '../http/app-env.js';
import { requireRole } from '../http/auth.js';
import { errorResponses } from '../http/errors.js';
import { validationHook } from '../http/validation.js';
import { responseBody } from '../http/response-body.js';

const REPORT_READERS = ['supervisor', 'process_owner', 'auditor', 'admin'] as const;

/** At most this long a range: a few years of months, not a scan of everything ever answered. */
const MAX_RANGE_DAYS = 3 * 366;

const querySchema = z.object({
  from: z.iso.datetime({ offset: true }).meta({ description: 'Answers given at or after this instant', example: '2026-01-01T00:00:00Z' }),
  to: z.iso.datetime({ offset: true }).meta({ description: 'Answers given before this instant', example: '2027-01-01T00:00:00Z' }),
  period: z.enum(['day', 'week', 'month']).default('month').meta({ description: 'Grouping, in UTC', example: 'month' }),
});

const reportSchema = z
  .object({
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
  security: [{ apiKey: [] }],
  middleware: [requireRole(...REPORT_READERS)] as const,
  request: { query: querySchema },
  responses: {
    200: { description: 'Periods with answers, oldest first', content: { 'application/json': { schema: reportSchema } } },
    ...errorResponses(400, 401, 403),
  },
});

export function satisfactionReportRoutes(deps: { sql: Sql }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(reportRoute, async (c) => {
    const { from, to, period } = c.req.valid('query');
    const [fromMs, toMs] = [Date.parse(from), Date.parse(to)];
    if (toMs <= fromMs) throw rangeError('query.to', 'must be after from');
    if (toMs - fromMs > MAX_RANGE_DAYS * 86_400_000) throw rangeError('query.to', `at most ${MAX_RANGE_DAYS} days after from`);
    const periods = await satisfactionByPeriod(deps.sql, { from: new Date(fromMs), to: new Date(toMs), period });
    return c.json(responseBody(reportSchema, { periods }), 200);
  });
}

function rangeError(path: string, message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', 'The request has 1 invalid field', [{ path, message }]);
}
