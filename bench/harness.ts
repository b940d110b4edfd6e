// The whole stack in one process for a benchmark: its own Temporal dev server and PostgreSQL,
// migrated, a client, the API (createApp, called in-process) and, when asked, the complaint worker.
// Every figure a benchmark prints is measured on this one machine beside its raw limit.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { pino } from 'pino';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { createApp } from '../api/app.js';
import { connectDatabase } from '../db/connect.js';
import { startEmbeddedPostgres } from '../db/embedded-postgres.js';
import { migrate } from '../db/migrate.js';
import { customerLookupHasher } from '../security/customer-lookup.js';
import { DataKeyStore } from '../security/data-keys.js';
import { parseEncryptionKeys } from '../security/payload-codec.js';
import { LinkSigner } from '../security/signed-links.js';
import { connectTemporalClient } from '../temporal/client.js';
import { createTemporalGateway, type TemporalGateway } from '../temporal/gateway.js';
import { createComplaintWorker, type ComplaintWorker } from '../worker/create-worker.js';
import { startTemporalDevServer } from '../scripts/temporal-dev-server.js';
import { assertToolsInstalled, PROJECT_ROOT, TEMPORAL_CLI } from '../scripts/tools.js';

/** A supervisor's API key the bench app accepts (`Authorization: Bearer …`). */
export const BENCH_SUPERVISOR_KEY = `plaint_bench_${randomBytes(18).toString('base64url')}`;

export interface BenchStack {
  sql: ReturnType<typeof connectDatabase>;
  client: Awaited<ReturnType<typeof connectTemporalClient>>;
  temporalAddress: string;
  taskQueue: string;
  /** The payload keys client and workers encrypt with (a bare worker needs them too). */
  encryptionKeys: ReturnType<typeof parseEncryptionKeys>;
  gateway: TemporalGateway;
  /** The API, with `temporal` in place of the real gateway when given. */
  app(temporal?: TemporalGateway, opts?: { trackingPerMinute?: number; trustProxy?: boolean }): ReturnType<typeof createApp>;
  startWorker(): Promise<ComplaintWorker & { running: Promise<void> }>;
  /** Process ids of the Temporal dev server and PostgreSQL (for their memory). */
  pids: { temporal?: number | undefined; postgres?: number | undefined };
  stop(): Promise<void>;
}

export async function startBenchStack(opts: { poolMax?: number } = {}): Promise<BenchStack> {
  assertToolsInstalled();
  Runtime.install({ logger: new DefaultLogger('WARN') }); // the figures, not the worker's state changes
  const dir = await mkdtemp(`${PROJECT_ROOT}.data/bench-`);
  const [temporal, postgres] = await Promise.all([
    startTemporalDevServer({ binary: TEMPORAL_CLI }),
    startEmbeddedPostgres({ dataDir: `${dir}/pg`, persistent: false }),
  ]);
  const sql = connectDatabase(postgres.url, { max: opts.poolMax ?? 10 });
  await migrate(sql);
  const encryptionKeys = parseEncryptionKeys([`bench:${randomBytes(32).toString('base64')}`]);
  const client = await connectTemporalClient({ address: temporal.address, namespace: 'default', encryptionKeys });
  const taskQueue = `bench-${randomUUID()}`;
  const gateway = createTemporalGateway(client, taskQueue);
  const linkSigningSecret = randomBytes(32).toString('hex');
  const dataKeys = new DataKeyStore(sql, encryptionKeys);
  const workers: Array<ComplaintWorker & { running: Promise<void> }> = [];
  const supervisorKey = `bench-supervisor:supervisor:${createHash('sha256').update(BENCH_SUPERVISOR_KEY).digest('hex')}`;
  return {
    sql,
    client,
    temporalAddress: temporal.address,
    taskQueue,
    encryptionKeys,
    gateway,
    pids: { temporal: temporal.pid, postgres: postgres.pid },
    app: (temporalGateway = gateway, opts = {}) =>
      createApp({
        ...(opts.trackingPerMinute ? { trackingPerMinute: opts.trackingPerMinute } : {}),
        config: { API_KEYS: [supervisorKey], PUBLIC_INTAKE_PER_MINUTE: 1_000_000, TRUST_PROXY: opts.trustProxy ?? false, LINK_SIGNING_SECRET: linkSigningSecret },
        sql,
        temporal: temporalGateway,
        encryptionKeys,
        dataKeys,
        log: pino({ level: 'silent' }),
      }),
    async startWorker() {
      const worker = await createComplaintWorker({
        address: temporal.address,
        namespace: 'default',
        taskQueue,
        encryptionKeys,
        shutdownGraceMs: 1000,
        activityDeps: {
          sql,
          linkSigner: new LinkSigner(linkSigningSecret),
          customerLookup: customerLookupHasher(linkSigningSecret),
          publicBaseUrl: 'http://plaint.bench',
          linkTtlDays: 30,
          staffLocale: 'tr',
          temporal: gateway,
          dataKeys,
        },
      });
      const started = { ...worker, running: worker.run() };
      workers.push(started);
      return started;
    },
    async stop() {
      for (const w of workers) {
        w.worker.shutdown();
        await w.running.catch(() => undefined);
      }
      await client.connection.close();
      await sql.end();
      await Promise.allSettled([temporal.stop(), postgres.stop()]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The complaint every benchmark files: a web complaint without a key. */
export const BENCH_COMPLAINT = {
  channel: 'web',
  customer: { name: 'Ayşe Yılmaz', email: 'ayse@example.com', locale: 'tr', country: 'TR' },
  subject: 'Çamaşır makinesi su sızdırıyor',
  description: 'Makine iki haftalık, alttan su sızdırıyor.',
};

/** Files BENCH_COMPLAINT through `app` and waits until its workflow has recorded it. */
export async function fileRecorded(stack: BenchStack, app: ReturnType<BenchStack['app']>): Promise<{ id: string; reference: string; pin: string }> {
  const res = await app.request('/v1/complaints', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BENCH_COMPLAINT) });
  const filed = (await res.json()) as { id: string; reference: string; pin: string };
  for (let tries = 0; ; tries++) {
    const [row] = await stack.sql<{ recorded: boolean }[]>`SELECT recorded_at IS NOT NULL AS recorded FROM complaints WHERE id = ${filed.id}`;
    if (row?.recorded) return filed;
    if (tries > 600) throw new Error(`${filed.reference} was never recorded`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface RunFigures {
  perSecond: number;
  p50: number;
  p95: number;
}

/** Runs `once` `count` times on `concurrency` lanes after a warm-up; prints and answers its figures. */
/**
 * Runs `once` `count` times, `concurrency` at a time, and prints its rate and latency. `pauseMs`
 * waits that long before each call (untimed): each then meets a machine that has finished what
 * the last one left behind, the round trip at a light load rather than at the throughput limit.
 */
export async function measure(
  label: string,
  count: number,
  concurrency: number,
  once: (i: number) => Promise<void>,
  { pauseMs = 0 }: { pauseMs?: number } = {},
): Promise<RunFigures> {
  for (let i = 0; i < Math.min(10, count); i++) await once(i); // warm-up
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) {
        if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
        const t = performance.now();
        await once(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  const figures = { perSecond: count / seconds, p50: pct(0.5), p95: pct(0.95) };
  const rate = pauseMs > 0 ? `${'paced'.padStart(8)}   ` : `${figures.perSecond.toFixed(1).padStart(8)} /s`;
  console.log(
    `${label.padEnd(30)} ${rate}   p50 ${figures.p50.toFixed(1).padStart(6)} ms   p95 ${figures.p95.toFixed(1).padStart(6)} ms`,
  );
  return figures;
}
