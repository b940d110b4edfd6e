// The stack a chaos run kills: PostgreSQL (embedded, persistent), a Temporal dev server persisting
// to SQLite, and the worker, API and jobs processes as `npm start` runs them, each on a fixed port
// so a restart after SIGKILL comes back where its clients look. Only loopback addresses.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { childEnvironment } from '../../config/env.js';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../db/embedded-postgres.js';
import { connectDatabase } from '../../db/connect.js';
import { migrate } from '../../db/migrate.js';
import { freePort, startTemporalDevServer, type TemporalDevServer } from '../temporal-dev-server.js';
import { PROJECT_ROOT, TEMPORAL_CLI } from '../tools.js';

export type Target = 'worker' | 'api' | 'temporal' | 'postgres';
export const TARGETS: readonly Target[] = ['worker', 'api', 'temporal', 'postgres'];

export interface ChaosKeys {
  payloadEncryptionKey: string;
  linkSigningSecret: string;
  staff: Record<'agent' | 'supervisor' | 'process_owner' | 'admin', string>;
}

export interface Cluster {
  apiUrl: string;
  databaseUrl: string;
  temporalAddress: string;
  keys: ChaosKeys;
  smtpPort: number;
  /** SIGKILL, then a restart on the same port and data (after `downMs`). */
  kill(target: Target, downMs: number): Promise<void>;
  /** The processes' ids as they run now (for their memory). */
  pids(): Partial<Record<Target, number>>;
  /** Waits until the API answers its readiness probe (PostgreSQL and Temporal up). */
  ready(timeoutMs: number): Promise<void>;
  stop(): Promise<void>;
}

const CHILDREN = { worker: 'worker/main.ts', api: 'api/main.ts', jobs: 'jobs/main.ts' } as const;
export type ChildName = keyof typeof CHILDREN;

export interface ClusterOptions {
  dataDir: string;
  smtpPort: number;
  log: (line: string) => void;
  /** Keep Temporal's state in memory (no restart of it survives); default: a SQLite file. */
  temporalInMemory?: boolean;
  /** Run the jobs process (outbox delivery, answer relay); default true. */
  jobs?: boolean;
  /** Settings for one child beyond (or instead of) the run's own. */
  env?: Partial<Record<ChildName, Record<string, string>>>;
  /** A child's standard output, line by line (its JSON log). */
  onStdout?: (child: ChildName, line: string) => void;
}

export async function startCluster(opts: ClusterOptions): Promise<Cluster> {
  const [pgPort, temporalPort, httpPort] = [await freePort(), await freePort(), await freePort()];
  let postgres: EmbeddedPostgresHandle = await startEmbeddedPostgres({ dataDir: `${opts.dataDir}/pg`, port: pgPort });
  const temporalDb = opts.temporalInMemory ? {} : { dbFile: `${opts.dataDir}/temporal.db` };
  let temporal: TemporalDevServer = await startTemporalDevServer({ binary: TEMPORAL_CLI, ...temporalDb, port: temporalPort });
  const sql = connectDatabase(postgres.url, { max: 1 });
  await migrate(sql);
  await sql.end();
  const keys: ChaosKeys = {
    payloadEncryptionKey: `chaos:${randomBytes(32).toString('base64')}`,
    linkSigningSecret: randomBytes(32).toString('base64url'),
    staff: { agent: newKey(), supervisor: newKey(), process_owner: newKey(), admin: newKey() },
  };
  const apiKeys = Object.entries(keys.staff).map(([role, key]) => `chaos-${role.replace('_', '-')}:${role}:${createHash('sha256').update(key).digest('hex')}`);
  const env = childEnvironment({
    NODE_ENV: 'development',
    DATA_DIR: opts.dataDir, // the jobs process's sent journal lives here
    LOG_LEVEL: 'warn',
    DATABASE_URL: postgres.url,
    DATABASE_POOL_MAX: '10',
    TEMPORAL_DEV_SERVER: 'false',
    TEMPORAL_ADDRESS: temporal.address,
    PAYLOAD_ENCRYPTION_KEYS: keys.payloadEncryptionKey,
    LINK_SIGNING_SECRET: keys.linkSigningSecret,
    API_KEYS: apiKeys.join(','),
    HTTP_PORT: String(httpPort),
    HTTP_HOST: '127.0.0.1',
    PUBLIC_BASE_URL: `http://127.0.0.1:${httpPort}`,
    PUBLIC_INTAKE_PER_MINUTE: '1000000',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(opts.smtpPort),
    DELIVERY_BACKOFF_BASE_MS: '500',
    DELIVERY_BACKOFF_MAX_MS: '5000',
    DELIVERY_POLL_MS: '1000',
    DELIVERY_LEASE_MS: '15000',
    CUSTOMER_ANSWER_RELAY_POLL_MS: '500',
    INBOUND_SMTP: 'false',
    DEV_INBOX: 'false',
    WORKER_METRICS_ADDRESS: 'off',
    SHUTDOWN_GRACE_MS: '2000',
  });
  const children = new Map<ChildName, ChildProcess>();
  let stopping = false;
  const spawnChild = (name: ChildName) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILDREN[name]], { cwd: PROJECT_ROOT, env: { ...env, ...opts.env?.[name] }, stdio: ['ignore', opts.onStdout ? 'pipe' : 'ignore', 'pipe'] });
    child.stderr!.on('data', (d: Buffer) => opts.log(`[${name}] ${d.toString().trimEnd().slice(0, 500)}`));
    if (opts.onStdout) createInterface({ input: child.stdout! }).on('line', (line) => opts.onStdout!(name, line));
    children.set(name, child);
    // A child that dies on its own (the jobs process when PostgreSQL went away) is started again.
    child.once('exit', () => {
      if (stopping || children.get(name) !== child) return;
      setTimeout(() => !stopping && children.get(name) === child && spawnChild(name), 1_000);
    });
  };
  for (const name of Object.keys(CHILDREN) as ChildName[]) if (name !== 'jobs' || opts.jobs !== false) spawnChild(name);

  const apiUrl = `http://127.0.0.1:${httpPort}`;
  // Interrupted (Ctrl-C, a timeout's SIGTERM): the children, Temporal and PostgreSQL go down with
  // the run instead of living on as orphans holding their ports and data directories.
  // A repeated signal (tsx relays the one it got, a terminal sends Ctrl-C to the whole group) must
  // not kill this process halfway through, so the handlers stay until the stop is done.
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    opts.log(`${signal}: stopping the cluster`);
    void cluster.stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const cluster: Cluster = {
    apiUrl,
    databaseUrl: postgres.url,
    temporalAddress: temporal.address,
    keys,
    smtpPort: opts.smtpPort,
    async kill(target, downMs) {
      if (stopping) return; // interrupted: nothing is killed or started again past the stop
      if (target === 'worker' || target === 'api') {
        const child = children.get(target)!;
        children.delete(target);
        child.kill('SIGKILL');
        await new Promise((r) => setTimeout(r, downMs));
        if (!stopping) spawnChild(target);
      } else if (target === 'temporal') {
        killTree(temporal.pid);
        await new Promise((r) => setTimeout(r, downMs));
        if (stopping) return;
        temporal = await startTemporalDevServer({ binary: TEMPORAL_CLI, ...temporalDb, port: temporalPort });
      } else {
        killTree(postgres.pid); // the postmaster and its backends: a crash, not a shutdown
        await new Promise((r) => setTimeout(r, downMs));
        if (stopping) return;
        postgres = await startEmbeddedPostgres({ dataDir: `${opts.dataDir}/pg`, port: pgPort });
      }
    },
    pids: () => ({ worker: children.get('worker')?.pid, api: children.get('api')?.pid, temporal: temporal.pid, postgres: postgres.pid }),
    async ready(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        try {
          if ((await fetch(`${apiUrl}/readyz`, { signal: AbortSignal.timeout(3_000) })).ok) return;
        } catch {
          // not up yet
        }
        if (Date.now() > deadline) throw new Error(`the API was not ready within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    async stop() {
      if (stopping) return;
      stopping = true;
      await Promise.all(
        [...children.values()].map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
              setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
            }),
        ),
      );
      await Promise.allSettled([temporal.stop(), postgres.stop()]);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
  return cluster;
}

const newKey = () => `plaint_chaos_${randomBytes(18).toString('base64url')}`;

/** SIGKILL to a process and every process below it (read from /proc: no process group is assumed). */
function killTree(pid: number | undefined): void {
  if (!pid) return;
  for (const child of childrenOf(pid)) killTree(child);
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // gone already
  }
}

/** The ids of a process's children. */
export function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) found.push(Number(entry));
    } catch {
      // exited while we looked
    }
  }
  return found;
}
