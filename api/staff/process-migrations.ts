// /v1/process-definitions/{id}/migrations: a process owner moves running complaints to another
// published version. A plan is previewed first (`dryRun`, the default): each complaint's old and
// new deadlines, whether it would be breached, the escalations and messages it would cause, or
// why it would be skipped, computed on the worker by the function the migration itself runs.
// Applied, the plan freezes the complaints it covers and a workflow of its own moves them in
// batches; its progress is read here.
import { randomUUID } from 'node:crypto';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Sql } from 'postgres';
import { TIMED_STAGES } from '../../domain/complaint.js';
import { DomainError } from '../../domain/errors.js';
import type { Actor, DeadlineRules } from '../../domain/lifecycle/index.js';
import type { ProcessDefinitionSnapshot } from '../../domain/process-definition.js';
import { createMigrationPlan, deleteMigrationPlan, migrationCandidates, migrationProgress } from '../../read-model/process-migrations.js';
import type { TemporalGateway } from '../../temporal/gateway.js';
import type { AppEnv } from '../http/app-env.js';
import { access } from '../http/access-matrix.js';
import { errorResponses } from '../http/errors.js';
import { validationHook } from '../http/validation.js';
import { snapshotOf, type DefinitionVersions } from './definition-versions.js';
import { previewBody, progressBody } from './process-migration-views.js';
import {
  definitionIdParamSchema,
  migrationPageQuerySchema,
  migrationParamSchema,
  migrationPreviewSchema,
  migrationProgressSchema,
  migrationRequestSchema,
  type MigrationRequest,
} from './process-migrations.schemas.js';
import { responseBody } from '../http/response-body.js';

/** Complaints a preview covers (oldest first); the answer says when the filter selects more. */
export const MAX_PREVIEWED = 500;

const json = <T>(schema: T) => ({ 'application/json': { schema } });

const planRoute = createRoute({
  method: 'post',
  path: '/{id}/migrations',
  summary: 'Preview or apply a migration plan',
  description:
    'Moves the running complaints the filter selects to `targetVersion` (published only: 409 otherwise), each stage deadline by ' +
    'its rule. `dryRun` (the default) answers 200 with a preview and changes nothing; `dryRun: false` freezes the complaints ' +
    'covered and answers 202 with the plan, applied at once or at `applyAt` (progress: GET its `Location`). A complaint takes ' +
    'a plan once; one that cannot take it is skipped with a reason (closed, round_beyond_target, calendar_differs, …).',
  security: [{ apiKey: [] }],
  middleware: [access('POST /v1/process-definitions/{id}/migrations')] as const,
  request: { params: definitionIdParamSchema, body: { required: true, content: json(migrationRequestSchema) } },
  responses: {
    200: { description: 'The preview: what applying would do to each complaint', content: json(migrationPreviewSchema) },
    202: { description: 'The plan is stored and scheduled', content: json(migrationProgressSchema) },
    ...errorResponses(400, 401, 403, 404, 409, 413, 422, 503),
  },
});

const progressRoute = createRoute({
  method: 'get',
  path: '/{id}/migrations/{migrationId}',
  summary: "A migration plan's progress",
  description: 'Counts moved, skipped (per reason) and failed, and the complaints in plan order, a page at a time.',
  security: [{ apiKey: [] }],
  middleware: [access('GET /v1/process-definitions/{id}/migrations/{migrationId}')] as const,
  request: { params: migrationParamSchema, query: migrationPageQuerySchema },
  responses: {
    200: { description: 'The plan and its complaints', content: json(migrationProgressSchema) },
    ...errorResponses(400, 401, 403, 404),
  },
});

export interface ProcessMigrationRouteDeps {
  sql: Sql;
  temporal: TemporalGateway;
  definitions: DefinitionVersions;
}

export function processMigrationRoutes(deps: ProcessMigrationRouteDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(planRoute, async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const plan = { id, body, target: await publishedTarget(deps.definitions, id, body.targetVersion), deadlineRules: rulesOf(body) };
      if (body.dryRun !== false) return c.json(responseBody(migrationPreviewSchema, await preview(deps, plan)), 200);
      const applied = await apply(deps, plan, c.get('actor')!);
      c.header('Location', `/v1/process-definitions/${id}/migrations/${applied.migrationId}`);
      return c.json(responseBody(migrationProgressSchema, applied), 202);
    })
    .openapi(progressRoute, async (c) => {
      const { id, migrationId } = c.req.valid('param');
      const page = c.req.valid('query');
      const progress = await migrationProgress(deps.sql, id, migrationId, page);
      if (!progress) throw new DomainError('NOT_FOUND', `definition ${id} has no migration plan ${migrationId}`);
      return c.json(responseBody(migrationProgressSchema, progressBody(progress, page)), 200);
    });
}

interface Plan {
  id: string;
  body: MigrationRequest;
  target: ProcessDefinitionSnapshot & { contentHash?: string };
  deadlineRules: DeadlineRules;
}

const scopeOf = (plan: Plan) => ({ definitionId: plan.id, targetVersionId: plan.target.versionId, filter: plan.body.filter ?? {} });

/** What applying would do to the complaints the filter selects now (the oldest `MAX_PREVIEWED`). */
async function preview(deps: ProcessMigrationRouteDeps, plan: Plan) {
  const at = new Date().toISOString();
  const { total, complaints } = await migrationCandidates(deps.sql, scopeOf(plan), MAX_PREVIEWED);
  const { target, deadlineRules } = plan;
  const items = complaints.length > 0 ? await deps.temporal.previewProcessMigration({ target, deadlineRules, complaints }) : [];
  const head = { definitionId: plan.id, targetVersion: plan.body.targetVersion, targetVersionId: target.versionId, deadlineRules, at, matched: total };
  return previewBody(head, items);
}

/** Stores the plan with its complaints frozen and starts its workflow; answers the stored plan. */
async function apply(deps: ProcessMigrationRouteDeps, plan: Plan, requestedBy: Actor) {
  const migrationId = randomUUID();
  const applyAt = plan.body.applyAt ? new Date(plan.body.applyAt).toISOString() : null;
  const { target, deadlineRules } = plan;
  await createMigrationPlan(deps.sql, {
    id: migrationId,
    scope: scopeOf(plan),
    targetVersion: plan.body.targetVersion,
    target,
    targetHash: target.contentHash ?? null,
    deadlineRules,
    requestedBy,
    applyAt,
  });
  try {
    await deps.temporal.startProcessMigration({ migrationId, ...(applyAt ? { applyAt } : {}) });
  } catch (err) {
    // Nothing ran: the plan goes, and the caller may send it again.
    await deleteMigrationPlan(deps.sql, migrationId);
    throw err;
  }
  const page = { limit: 200, offset: 0 };
  return progressBody((await migrationProgress(deps.sql, plan.id, migrationId, page))!, page);
}

/** The target's snapshot; 404 for a version that does not exist, 409 for one that is not published. */
async function publishedTarget(definitions: DefinitionVersions, id: string, version: number) {
  const found = await definitions.version(id, version);
  if (!found) throw new DomainError('NOT_FOUND', `definition ${id} has no version ${version}`);
  if (found.status !== 'published') {
    throw new DomainError('CONFLICT', `version ${version} of ${id} is ${found.status}: only a published version can be a migration target`, {
      status: found.status,
    });
  }
  return snapshotOf(found);
}

/** Every timed stage's rule: a stage not named keeps its deadline. */
function rulesOf(body: MigrationRequest): DeadlineRules {
  return Object.fromEntries(TIMED_STAGES.map((stage) => [stage, body.deadlineRules?.[stage] ?? 'keep'])) as unknown as DeadlineRules;
}
