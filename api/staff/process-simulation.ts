// POST /v1/process-definitions/{id}/versions/{v}/simulate and …/backtest: what a version would do,
// on the same ComplaintRun, reducer and calendar as a real complaint, touching none. One path as
// the process owner gives it, or the recorded timelines of past complaints replayed through it.
import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi';
import type { Sql } from 'postgres';
import type { CalendarResolver } from '../../activities/calendars.js';
import { DomainError } from '../../domain/errors.js';
import { validateProcessDefinition, type ProcessDefinition } from '../../domain/process-definition.js';
import { recordedComplaints } from '../../read-model/recorded-timelines.js';
import { backtest } from '../../simulation/backtest.js';
import { simulatePath } from '../../simulation/simulate-path.js';
import type { AppEnv } from '../http/app-env.js';
import { access } from '../http/access-matrix.js';
import { errorResponses } from '../http/errors.js';
import { validationHook } from '../http/validation.js';
import { responseBody } from '../http/response-body.js';
import {
  backtestRequestSchema,
  backtestSchema,
  DEFAULT_BACKTEST_COMPLAINTS,
  MAX_BACKTEST_DAYS,
  MAX_PATH_DAYS,
  simulationRequestSchema,
  simulationSchema,
  versionParamsSchema,
} from './process-simulation.schemas.js';

/** Where a version comes from (the definitions store); undefined when there is no such version. */
export interface ProcessDefinitionVersions {
  version(id: string, v: number): Promise<{ definition: ProcessDefinition; status: 'draft' | 'published' | 'retired' } | undefined>;
}

/**
 * Those who shape or oversee the process. Agents handle complaints, not the process; a backtest
 * reads every past complaint's timeline (it answers aggregates only).
 */

const json = <T>(schema: T) => ({ 'application/json': { schema } });

const simulateRoute = createRoute({
  method: 'post',
  path: '/{id}/versions/{v}/simulate',
  summary: 'Simulate one path through a version',
  description:
    'Runs a complaint received at `receivedAt` through the version with the given decisions and answers, on the code and calendar ' +
    'real complaints run on: between events its timers fire (warnings, breaches and escalation, reminders, timeouts, progress ' +
    'updates); an event the rules refuse at its time is listed under `refusals` and the path goes on. No complaint is filed, ' +
    'nothing is sent. 422 DEFINITION_INVALID when the stored version does not validate; 422 UNPROCESSABLE when events are ' +
    `out of time order, before \`receivedAt\`, or more than ${MAX_PATH_DAYS} days after it (so is \`until\`).`,
  security: [{ apiKey: [] }],
  middleware: [access('POST /v1/process-definitions/{id}/versions/{v}/simulate')] as const,
  request: { params: versionParamsSchema, body: { required: true, content: json(simulationRequestSchema) } },
  responses: {
    200: { description: 'What the path gives', content: json(simulationSchema) },
    ...errorResponses(400, 401, 403, 404, 413, 422),
  },
});

const backtestRoute = createRoute({
  method: 'post',
  path: '/{id}/versions/{v}/backtest',
  summary: 'Backtest a version against past complaints',
  description:
    'Replays the recorded timelines (decisions and answers at the instants they were applied) of the complaints received in the ' +
    'range under this definition, oldest first, through the version up to now, and compares with what was recorded: per stage ' +
    'and category the on-time rate, the deadline shift in business hours, breaches and escalations added and removed; and the ' +
    'workload per team and ISO week. At most `limit` complaints (more matching sets `truncated`); the range spans at most a year ' +
    `(${MAX_BACKTEST_DAYS} days; \`received.to\` after \`received.from\`, else 422). ` +
    'Only decisions and answers replay: a complaint a migration plan moved to another version replays from its start on the ' +
    'version tried (its `process_migrated` is not replayed, and it counts under the version it was filed under).',
  security: [{ apiKey: [] }],
  middleware: [access('POST /v1/process-definitions/{id}/versions/{v}/backtest')] as const,
  request: { params: versionParamsSchema, body: { required: true, content: json(backtestRequestSchema) } },
  responses: {
    200: { description: 'The comparison', content: json(backtestSchema) },
    ...errorResponses(400, 401, 403, 404, 413, 422),
  },
});

export interface ProcessSimulationDeps {
  definitions: ProcessDefinitionVersions;
  calendars: CalendarResolver;
  sql: Sql;
  /** The backtest's `asOf`; tests may fix it. */
  now?: () => Date;
}

export function processSimulationRoutes(deps: ProcessSimulationDeps) {
  const now = deps.now ?? (() => new Date());
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(simulateRoute, async (c) => {
      const { id, v } = c.req.valid('param');
      const { definition, status } = await usableVersion(deps, id, v);
      const report = await simulatePath(definition, simulationEvents(c.req.valid('json')), { calendars: deps.calendars });
      return c.json(responseBody(simulationSchema, { definition: { id, version: v, status }, ...report }), 200);
    })
    .openapi(backtestRoute, async (c) => {
      const { id, v } = c.req.valid('param');
      const { definition, status } = await usableVersion(deps, id, v);
      const { received, limit = DEFAULT_BACKTEST_COMPLAINTS, filedUnder: pastDefinitionId = id } = c.req.valid('json');
      const range = { from: new Date(received.from).toISOString(), to: new Date(received.to).toISOString() };
      const asOf = now().toISOString();
      const { complaints, matched } = await recordedComplaints(deps.sql, { definitionId: pastDefinitionId, receivedFrom: range.from, receivedTo: range.to, limit });
      const filedUnder = await versionsFiledUnder(deps.definitions, complaints.map((complaint) => complaint.processVersion));
      const report = await backtest({
        draft: definition,
        complaints,
        received: range,
        asOf,
        filedUnder: (versionId) => filedUnder.get(versionId),
        calendars: deps.calendars,
        // Other requests get their turn while a long backtest runs.
        breathe: () => new Promise((resolve) => setImmediate(resolve)),
      });
      const { summary } = report;
      const body = {
        definition: { id, version: v, status },
        received: range,
        asOf,
        timeZone: report.timeZone,
        complaints: {
          matched,
          replayed: summary.replayed,
          truncated: matched > complaints.length,
          limit,
          notStarted: summary.notStarted,
          withRefusals: summary.withRefusals,
          closed: summary.closed,
        },
        refusals: summary.refusals,
        filedUnder: summary.filedUnder,
        stages: report.stages,
        workload: report.workload,
      };
      return c.json(responseBody(backtestSchema, body), 200);
    });
}

/** The version, validated as its store validates it (a stored draft may not be yet); else 404 or 422. */
async function usableVersion(deps: ProcessSimulationDeps, id: string, v: number) {
  const found = await deps.definitions.version(id, v);
  if (!found) throw new DomainError('NOT_FOUND', `Process definition ${id} has no version ${v}`);
  const validation = validateProcessDefinition(found.definition);
  if (!validation.ok) {
    throw new DomainError('DEFINITION_INVALID', `Version ${v} of ${id} does not validate; fix it before simulating`, validation.issues);
  }
  return { definition: validation.definition, status: found.status };
}

/** The request as the simulation takes it: every decision has its actor (an agent unless given). */
function simulationEvents(body: z.infer<typeof simulationRequestSchema>) {
  return {
    ...body,
    events: body.events.map((e) => (e.kind === 'decision' ? { ...e, actor: e.actor ?? { id: 'agent', role: 'agent' as const } } : e)),
  };
}

/** The definitions complaints were filed under (`<id>@<version>`), for their recorded escalations. */
async function versionsFiledUnder(definitions: ProcessDefinitionVersions, versionIds: ReadonlyArray<string | null>): Promise<Map<string, ProcessDefinition>> {
  const found = new Map<string, ProcessDefinition>();
  for (const versionId of new Set(versionIds)) {
    const match = versionId === null ? null : /^(.+)@(\d+)$/.exec(versionId);
    if (!match) continue;
    const version = await definitions.version(match[1]!, Number(match[2]));
    if (version) found.set(versionId!, version.definition);
  }
  return found;
}
