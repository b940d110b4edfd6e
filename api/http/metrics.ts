// GET /metrics in Prometheus' text format (prom-client): requests and latency by route, intakes
// and decisions, and, read from PostgreSQL when scraped (at most every 15 s), the outbox by status
// and the SLA picture (open, at risk, breached by stage). Every API replica counts its own
// requests; the database figures are the deployment's, the same from each replica. The worker's
// Temporal SDK metrics have an endpoint of their own (WORKER_METRICS_ADDRESS).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { Sql } from 'postgres';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** How long the figures read from PostgreSQL are reused: a scrape every few seconds costs one read. */
const DATABASE_FIGURES_MS = 15_000;
/** A scrape waits no longer than this for PostgreSQL (Prometheus' own scrape timeout is 10 s). */
const DATABASE_READ_TIMEOUT_MS = 5_000;

export interface ApiMetrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route'>;
  intakes: Counter<'channel' | 'outcome'>;
  decisions: Counter<'type' | 'outcome'>;
}

interface DatabaseFigures {
  outbox: Array<{ status: string; n: number }>;
  sla: Array<{ stage: string; open: number; at_risk: number; breached: number }>;
}

export function createApiMetrics(sql: Sql): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'plaint_api_' });
  // Undefined while PostgreSQL does not answer: its series are left out and `plaint_database_up` says 0,
  // so a scrape during an outage still shows the requests (and the outage) instead of failing.
  let figures: { at: number; read: Promise<DatabaseFigures | undefined> } | undefined;
  const databaseFigures = () => {
    if (!figures || Date.now() - figures.at > DATABASE_FIGURES_MS) {
      const entry: NonNullable<typeof figures> = { at: Date.now(), read: withTimeout(readDatabaseFigures(sql), DATABASE_READ_TIMEOUT_MS) };
      // A failed read is tried again at the next scrape.
      entry.read = entry.read.catch(() => {
        if (figures === entry) figures = undefined;
        return undefined;
      });
      figures = entry;
    }
    return figures.read;
  };
  new Gauge({
    name: 'plaint_database_up',
    help: 'Whether PostgreSQL answered the last read of the outbox and SLA figures (1) or not (0)',
    registers: [registry],
    async collect() {
      this.set((await databaseFigures()) ? 1 : 0);
    },
  });
  new Gauge({
    name: 'plaint_outbox_messages',
    help: 'Outbox messages not yet delivered, by status (pending, sending, failed)',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const { status, n } of (await databaseFigures())?.outbox ?? []) this.set({ status }, n);
    },
  });
  const sla = (name: string, help: string, pick: (row: DatabaseFigures['sla'][number]) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['stage'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const row of (await databaseFigures())?.sla ?? []) this.set({ stage: row.stage }, pick(row));
      },
    });
  sla('plaint_complaints_open', 'Open complaints by the stage their clock runs in', (r) => r.open);
  sla('plaint_complaints_at_risk', 'Open complaints past their stage warning, before its deadline', (r) => r.at_risk);
  sla('plaint_complaints_breached', 'Open complaints past their stage deadline', (r) => r.breached);
  return {
    registry,
    httpRequests: new Counter({ name: 'plaint_http_requests_total', help: 'HTTP requests by route and status', labelNames: ['method', 'route', 'status'], registers: [registry] }),
    httpDuration: new Histogram({
      name: 'plaint_http_request_duration_seconds',
      help: 'HTTP request latency by route',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    intakes: new Counter({ name: 'plaint_intakes_total', help: 'Complaints filed, by channel and outcome (created, replayed, workflow_pending)', labelNames: ['channel', 'outcome'], registers: [registry] }),
    decisions: new Counter({ name: 'plaint_decisions_total', help: 'Staff decisions by type and outcome (taken, refused)', labelNames: ['type', 'outcome'], registers: [registry] }),
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function readDatabaseFigures(sql: Sql): Promise<DatabaseFigures> {
  const [outbox, sla] = await Promise.all([
    sql<DatabaseFigures['outbox']>`
      SELECT status, count(*)::int AS n FROM outbox_messages WHERE status IN ('pending', 'sending', 'failed') GROUP BY status`,
    sql<DatabaseFigures['sla']>`
      SELECT coalesce(stage, 'none') AS stage, count(*)::int AS open,
        count(*) FILTER (WHERE NOT stage_paused AND stage_warning_at <= now() AND stage_deadline_at > now())::int AS at_risk,
        count(*) FILTER (WHERE NOT stage_paused AND stage_deadline_at <= now())::int AS breached
      FROM complaints WHERE closed_at IS NULL GROUP BY 1`,
  ]);
  return { outbox, sla };
}

/** Counts every request by its route pattern (never the raw path: ids would explode the label set). */
export function httpMetrics(metrics: ApiMetrics): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const route = c.req.routePath || 'unmatched';
      metrics.httpRequests.inc({ method: c.req.method, route, status: String(c.res.status) });
      metrics.httpDuration.observe({ method: c.req.method, route }, (performance.now() - started) / 1000);
    }
  };
}

/** GET /metrics: the registry as text, behind `Authorization: Bearer <METRICS_TOKEN>` when one is set. */
export function metricsRoute(metrics: ApiMetrics, token: string | undefined) {
  const expected = token && createHash('sha256').update(`Bearer ${token}`).digest();
  return async (c: Context) => {
    if (expected) {
      const given = createHash('sha256').update(c.req.header('authorization') ?? '').digest();
      if (!timingSafeEqual(given, expected)) return c.json({ error: { code: 'UNAUTHENTICATED', message: 'GET /metrics needs its bearer token' } }, 401);
    }
    return c.body(await metrics.registry.metrics(), 200, { 'content-type': metrics.registry.contentType });
  };
}
