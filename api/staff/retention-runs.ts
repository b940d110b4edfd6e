// GET/POST /v1/retention/runs: the reports of the retention runs (admin, auditor), and a run now
// (admin) for operators and tests; the daily run is a Temporal Schedule the worker makes.
import { access } from '../http/access-matrix.js';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Sql } from 'postgres';
import type { AppEnv } from '../http/app-env.js';
import { errorResponses } from '../http/errors.js';
import { validationHook } from '../http/validation.js';
import { responseBody } from '../http/response-body.js';
import { findRetentionRun, listRetentionRuns } from '../../read-model/retention.js';
import type { TemporalGateway } from '../../temporal/gateway.js';
import { retentionRunSchema, retentionRunsQuerySchema, retentionRunsSchema, retentionRunStartedSchema } from './erasure.schemas.js';

export const RETENTION_READERS = ['admin', 'auditor'] as const;
export const RETENTION_RUNNERS = ['admin'] as const;

/** How long POST waits for the run before answering 202 (it goes on). */
const RUN_WAIT_MS = 20_000;

const listRoute = createRoute({
  method: 'get',
  path: '/runs',
  summary: 'Retention runs and what each erased (admin, auditor)',
  security: [{ apiKey: [] }],
  middleware: [access('GET /v1/retention/runs')] as const,
  request: { query: retentionRunsQuerySchema },
  responses: {
    200: { description: 'The latest runs first', content: { 'application/json': { schema: retentionRunsSchema } } },
    ...errorResponses(400, 401, 403),
  },
});

const runRoute = createRoute({
  method: 'post',
  path: '/runs',
  summary: 'Run retention now (admin)',
  description:
    "Erases the personal data of every closed complaint whose pinned process version's `retention.erasePersonalDataAfterClosureMonths` has passed since its closure, and finishes erasures on request that stopped half-way. Answers the run's report when it finishes within 20 seconds, else 202 (it goes on; GET lists it).",
  security: [{ apiKey: [] }],
  middleware: [access('POST /v1/retention/runs')] as const,
  responses: {
    200: { description: "The run's report", content: { 'application/json': { schema: retentionRunSchema } } },
    202: { description: 'Started, still running', content: { 'application/json': { schema: retentionRunStartedSchema } } },
    ...errorResponses(401, 403, 503),
  },
});

export function retentionRunRoutes(deps: { sql: Sql; temporal: TemporalGateway }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(listRoute, async (c) => {
      const { limit } = c.req.valid('query');
      return c.json(responseBody(retentionRunsSchema, await listRetentionRuns(deps.sql, limit)), 200);
    })
    .openapi(runRoute, async (c) => {
      const actor = c.get('actor')!;
      const { runId, finished } = await deps.temporal.runRetention({ trigger: 'manual', startedBy: actor.id }, RUN_WAIT_MS);
      const report = finished ? await findRetentionRun(deps.sql, runId) : undefined;
      if (report) return c.json(responseBody(retentionRunSchema, report), 200);
      return c.json(responseBody(retentionRunStartedSchema, { id: runId, status: 'running' }), 202);
    });
}
