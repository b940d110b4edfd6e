// /healthz: the process is alive. /readyz: Temporal and PostgreSQL answer, so requests can succeed.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Sql } from 'postgres';
import type { AppEnv } from './app-env.js';
import type { TemporalGateway } from '../../temporal/gateway.js';
import { access } from './access-matrix.js';

const readinessSchema = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    checks: z.object({ postgres: z.enum(['up', 'down']), temporal: z.enum(['up', 'down']) }),
  })
  .meta({ id: 'Readiness' });

const liveRoute = createRoute({
  method: 'get',
  path: '/healthz',
  middleware: [access('GET /healthz')] as const,
  summary: 'Liveness',
  responses: { 200: { description: 'Alive', content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } } } },
});

const readyRoute = createRoute({
  method: 'get',
  path: '/readyz',
  middleware: [access('GET /readyz')] as const,
  summary: 'Readiness: PostgreSQL and Temporal reachable',
  responses: {
    200: { description: 'Ready', content: { 'application/json': { schema: readinessSchema } } },
    503: { description: 'A dependency is down', content: { 'application/json': { schema: readinessSchema } } },
  },
});

export function healthRoutes(deps: { sql: Sql; temporal: TemporalGateway }) {
  return new OpenAPIHono<AppEnv>()
    .openapi(liveRoute, (c) => c.json({ status: 'ok' as const }, 200))
    .openapi(readyRoute, async (c) => {
      const [postgres, temporal] = await Promise.all([
        withTimeout(deps.sql`SELECT 1`.then(() => true), 2000),
        withTimeout(deps.temporal.isReachable(), 2000),
      ]);
      const ready = postgres && temporal;
      const body = {
        status: ready ? ('ready' as const) : ('not_ready' as const),
        checks: { postgres: postgres ? ('up' as const) : ('down' as const), temporal: temporal ? ('up' as const) : ('down' as const) },
      };
      return ready ? c.json(body, 200) : c.json(body, 503);
    });
}

async function withTimeout(check: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([check.catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
