// `npm start`: the whole stack on one machine. Temporal dev server (persisting to
// .data/temporal.db, Web UI on), PostgreSQL (embedded under .data/postgres unless DATABASE_URL is
// set), the worker and the API as child processes. Ctrl-C stops everything it started.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { Connection } from '@temporalio/client';
import proto from '@temporalio/proto';
import { childEnvironment, loadConfig } from '../config/env.js';
import { connectDatabase } from '../db/connect.js';
import { isProcessAlive, startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../db/embedded-postgres.js';
import { migrate } from '../db/migrate.js';
import { startDevInbox, type DevInbox } from '../dev-inbox/index.js';
import { DEV_ROLES, devApiKeys, loadOrCreateDevSecrets } from './dev-secrets.js';
import { ensureFirstAdmin } from './first-admin.js';
import { freePort, startTemporalDevServer, stopChild, type TemporalDevServer } from './temporal-dev-server.js';
import { PROJECT_ROOT, TEMPORAL_CLI } from './tools.js';

const { temporal } = proto;
const config = loadConfig();
const DATA = resolve(PROJECT_ROOT, config.DATA_DIR);
const LOCK = `${DATA}/stack.pid`;
const say = (line: string) => console.log(`[plaint] ${line}`);

const children: ChildProcess[] = [];
let temporalServer: TemporalDevServer | undefined;
let postgresServer: EmbeddedPostgresHandle | undefined;
let devInbox: DevInbox | undefined;
let stopping = false;

async function main(): Promise<void> {
  await mkdir(DATA, { recursive: true, mode: 0o755 });
  await takeLock();
  const secrets = await loadOrCreateDevSecrets(`${DATA}/secrets.json`);

  let temporalAddress = config.TEMPORAL_ADDRESS;
  if (config.TEMPORAL_DEV_SERVER) {
    const [port, uiPort] = await Promise.all([
      portOrFree(Number(config.TEMPORAL_ADDRESS.split(':')[1])),
      portOrFree(config.TEMPORAL_UI_PORT),
    ]);
    say('starting the Temporal dev server …');
    // The UI decodes payloads through the API's codec server, as the signed-in console user (its cookie's path is /console).
    const uiCodecEndpoint = `http://${config.HTTP_HOST}:${config.HTTP_PORT}/console/codec`;
    temporalServer = await startTemporalDevServer({ binary: TEMPORAL_CLI, dbFile: `${DATA}/temporal.db`, port, uiPort, uiCodecEndpoint }).catch(
      async (err: unknown) => {
        // The server binds more ports than the two we checked; on a clash, let it take free ones.
        say(`the Temporal dev server did not start on ${port} (${(err as Error).message.split('\n')[0]}); trying free ports`);
        return startTemporalDevServer({ binary: TEMPORAL_CLI, dbFile: `${DATA}/temporal.db`, uiPort: await freePort(), uiCodecEndpoint });
      },
    );
    temporalAddress = temporalServer.address;
    await writeLock();
  }

  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    say('starting the embedded PostgreSQL …');
    postgresServer = await startEmbeddedPostgres({ dataDir: `${DATA}/postgres` });
    databaseUrl = postgresServer.url;
    if (postgresServer.dataDir !== `${DATA}/postgres`) {
      say(`its data is in ${postgresServer.dataDir} (user 'postgres' cannot enter this checkout; ${config.DATA_DIR}/postgres links there)`);
    }
  }
  const sql = connectDatabase(databaseUrl, { max: 1 });
  const { applied } = await migrate(sql);
  if (applied.length) say(`applied migrations: ${applied.join(', ')}`);
  const admin = await ensureFirstAdmin(sql, { email: config.CONSOLE_ADMIN_EMAIL, password: secrets.consoleAdminPassword });
  await sql.end();

  const api = `http://${config.HTTP_HOST}:${config.HTTP_PORT}`;
  const mailAndSms = (config.DEV_INBOX ?? config.NODE_ENV !== 'production') ? await startLocalInbox(secrets.smsWebhookSecret, api) : {};

  // Plaint's own receiving address, listened on by the API process (inbound/smtp-listener.ts).
  const inboundPort = config.INBOUND_SMTP ? await portOrFree(config.INBOUND_SMTP_PORT) : undefined;
  const inboundSecret = config.INBOUND_EMAIL_WEBHOOK_SECRET ?? secrets.inboundEmailWebhookSecret;

  const usingDevKey = config.API_KEYS.length === 0;
  const env = childEnvironment({
    ...(inboundPort !== undefined ? { INBOUND_SMTP_PORT: String(inboundPort) } : {}),
    INBOUND_EMAIL_WEBHOOK_SECRET: inboundSecret,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    ...(temporalServer?.uiUrl ? { TEMPORAL_UI_ORIGIN: new URL(temporalServer.uiUrl).origin } : {}),
    PAYLOAD_ENCRYPTION_KEYS: config.PAYLOAD_ENCRYPTION_KEYS?.join(',') ?? secrets.payloadEncryptionKey,
    LINK_SIGNING_SECRET: config.LINK_SIGNING_SECRET ?? secrets.linkSigningSecret,
    ...(usingDevKey ? { API_KEYS: devApiKeys(secrets) } : {}),
    ...mailAndSms,
  });
  startChild('worker', 'worker/main.ts', env);
  startChild('api', 'api/main.ts', env);
  startChild('jobs', 'jobs/main.ts', env);
  await waitForHttp(`http://${config.HTTP_HOST}:${config.HTTP_PORT}/healthz`, 60_000);
  await waitForWorker(temporalAddress, 120_000);

  // One write: a reader that waits for "Plaint is running" then finds every address after it
  // (console.log to a pipe is asynchronous, and line by line the rest could arrive later).
  const lines = ['Plaint is running. Ctrl-C stops everything.'];
  lines.push(`  API:          ${api}/v1`);
  lines.push(`  API docs:     ${api}/docs   (OpenAPI: ${api}/openapi.json)`);
  lines.push(`  Complaint form: ${api}/complaints/new`);
  if (devInbox) lines.push(`  Local inbox:  ${devInbox.inboxUrl}   (every e-mail and SMS Plaint sends; nothing leaves this machine)`);
  if (inboundPort !== undefined) {
    lines.push(`  Inbound mail: smtp://${config.INBOUND_SMTP_HOST}:${inboundPort}   (mail to ${mailAddress(config.MAIL_FROM)} opens a complaint; a reply threads onto its own)`);
  }
  const shownSecret = config.INBOUND_EMAIL_WEBHOOK_SECRET ? 'INBOUND_EMAIL_WEBHOOK_SECRET' : `${inboundSecret}, in ${config.DATA_DIR}/secrets.json`;
  lines.push(`  Inbound webhook: POST ${api}/v1/inbound/email   (raw message/rfc822; X-Plaint-Inbound-Secret: ${shownSecret})`);
  if (temporalServer?.uiUrl) lines.push(`  Temporal UI:  ${temporalServer.uiUrl}`);
  lines.push(
    admin.passwordWorks
      ? `  Staff console: ${api}/console   (${admin.email} / ${secrets.consoleAdminPassword}, in ${config.DATA_DIR}/secrets.json)`
      : `  Staff console: ${api}/console   (the admin's password was changed since ${config.DATA_DIR}/secrets.json was written)`,
  );
  if (usingDevKey) {
    lines.push(`  Staff API key (local admin, in .data/secrets.json): ${secrets.adminApiKey}`);
    for (const role of DEV_ROLES) lines.push(`  Staff API key (${role}): ${secrets.roleApiKeys[role]}`);
  }
  console.log(lines.map((line) => `[plaint] ${line}`).join('\n'));
}

/** `Plaint <complaints@plaint.localhost>` → `complaints@plaint.localhost`. */
function mailAddress(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from;
}

/**
 * The dev inbox in this process, and the variables that point the worker, the jobs and the API
 * at it (they replace any SMTP or SMS settings: set DEV_INBOX=false to use real servers).
 */
async function startLocalInbox(smsSecret: string, api: string): Promise<Record<string, string>> {
  const [smtpPort, smsPort, httpPort] = [
    await portOrFree(config.DEV_INBOX_SMTP_PORT),
    await portOrFree(config.DEV_INBOX_SMS_PORT),
    await portOrFree(config.DEV_INBOX_HTTP_PORT),
  ];
  devInbox = await startDevInbox({
    smtpPort, smsPort, httpPort, smsSecret,
    dataDir: `${DATA}/dev-inbox`,
    deliveryReportUrl: `${config.PUBLIC_BASE_URL ?? api}/hooks/sms/webhook`,
  });
  return {
    SMTP_HOST: devInbox.smtp.host,
    SMTP_PORT: String(devInbox.smtp.port),
    SMTP_SECURE: 'false',
    SMTP_USER: '',
    SMTP_PASSWORD: '',
    SMS_PROVIDER: 'webhook',
    SMS_WEBHOOK_URL: devInbox.smsUrl,
    SMS_WEBHOOK_SECRET: smsSecret,
  };
}

function startChild(name: string, entry: string, env: Record<string, string>): void {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: PROJECT_ROOT, env, stdio: 'inherit' });
  child.once('exit', (code, signal) => {
    if (!stopping) {
      say(`${name} exited unexpectedly (${signal ?? `code ${code}`}); stopping the stack`);
      void shutdown(1);
    }
  });
  children.push(child);
  void writeLock();
}

async function shutdown(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  say('stopping …');
  await Promise.allSettled(children.map((c) => stopChild(c, config.SHUTDOWN_GRACE_MS + 5_000)));
  await Promise.allSettled([temporalServer?.stop(), postgresServer?.stop(), devInbox?.close()]);
  await rm(LOCK, { force: true });
  say('stopped.');
  process.exit(exitCode);
}

/** One stack per checkout: a second `npm start` would fight over .data/. */
async function takeLock(): Promise<void> {
  if (existsSync(LOCK)) {
    const previous = parseLock(await readFile(LOCK, 'utf8'));
    if (isProcessAlive(previous.pid)) throw new Error(`a Plaint stack is already running from this folder (pid ${previous.pid})`);
    // That stack was killed outright (SIGKILL): stop what it left running.
    const leftovers = previous.children.filter(isOurProcess);
    for (const pid of leftovers) process.kill(pid, 'SIGTERM');
    for (let i = 0; i < 100 && leftovers.some(isProcessAlive); i++) await new Promise((r) => setTimeout(r, 100));
    if (leftovers.length) say(`stopped ${leftovers.length} process(es) left by a stack that was killed`);
  }
  await writeLock();
}

/** The lock names this process and every process it started, for the clean-up above. */
let lockWrites: Promise<void> = Promise.resolve();

/**
 * Rewrites the lock with every process started so far. One write at a time, each to a temporary
 * file renamed into place: concurrent writes to one file interleave, and a stack killed mid-write
 * left a lock the next start could not read (it then refused to start).
 */
function writeLock(): Promise<void> {
  lockWrites = lockWrites.then(async () => {
    const childPids = [temporalServer?.pid, ...children.map((c) => c.pid)].filter((p): p is number => p !== undefined);
    await writeFile(`${LOCK}.tmp`, JSON.stringify({ pid: process.pid, children: childPids }));
    await rename(`${LOCK}.tmp`, LOCK);
  });
  return lockWrites;
}

function parseLock(text: string): { pid: number; children: number[] } {
  try {
    const lock = JSON.parse(text) as { pid: number; children?: number[] };
    return { pid: lock.pid, children: lock.children ?? [] };
  } catch {
    return { pid: Number(text) || 0, children: [] };
  }
}

/** Only a process still running one of ours (the PID may have been reused since). */
function isOurProcess(pid: number): boolean {
  if (!isProcessAlive(pid)) return false;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return /temporal|worker\/main\.ts|api\/main\.ts|jobs\/main\.ts/.test(cmdline);
  } catch {
    return false;
  }
}

async function portOrFree(port: number): Promise<number> {
  const free = await new Promise<boolean>((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
  if (free) return port;
  const other = await freePort();
  say(`port ${port} is taken; using ${other}`);
  return other;
}

/** The worker is ready once it polls its task queue (bundling workflows takes a few seconds). */
async function waitForWorker(address: string, timeoutMs: number): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && !stopping) {
      const { pollers } = await connection.workflowService.describeTaskQueue({
        namespace: config.TEMPORAL_NAMESPACE,
        taskQueue: { name: config.TEMPORAL_TASK_QUEUE },
        taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
      });
      if (pollers.length > 0) return;
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await connection.close();
  }
  if (!stopping) throw new Error(`no worker polled task queue ${config.TEMPORAL_TASK_QUEUE} within ${timeoutMs} ms`);
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
main().catch(async (err: unknown) => {
  if (stopping) return;
  console.error(`[plaint] could not start: ${(err as Error).message}`);
  await shutdown(1);
});
