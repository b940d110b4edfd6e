// The stack `npm start` runs (scripts/stack.ts: embedded PostgreSQL, a Temporal dev server, the
// worker, the API, the jobs and the local inbox), started for a test on free ports with a data
// folder of its own, and what it prints read back as a user reads it.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, lstat, mkdtemp, readFile, readlink, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { freePort } from '../../scripts/temporal-dev-server.js';
import { PROJECT_ROOT } from '../../scripts/tools.js';

export interface RunningStack {
  /** `http://127.0.0.1:<port>`: the API, the customer pages and the console. */
  baseUrl: string;
  /** The local inbox page, as printed (`http://127.0.0.1:<port>/`). */
  inboxUrl: string;
  /** The first administrator's e-mail and password, as printed. */
  admin: { email: string; password: string };
  /** The local admin API key of .data/secrets.json, for the few steps no page offers. */
  adminApiKey: string;
  dataDir: string;
  /** The worker's Temporal SDK metrics (WORKER_METRICS_ADDRESS), Prometheus text at `/metrics`. */
  workerMetricsUrl: string;
  output(): string;
  /** Ctrl-C, as a user stops it; the whole process group is killed if it does not stop in time. Removes the data folder. */
  stop(): Promise<void>;
}

/** Starts `node --import tsx scripts/stack.ts` and waits until it says it is running. */
export async function startStack(opts: { name: string; readyWithinMs?: number }): Promise<RunningStack> {
  const dataDir = await mkdtemp(`${PROJECT_ROOT}.data/${opts.name}-`);
  // mkdtemp makes it 0700: the embedded PostgreSQL, run as user postgres under root, must enter it
  // (else its cluster is moved under /var/lib/plaint, outside what stop() removes).
  await chmod(dataDir, 0o755);
  const http = await freePort();
  const workerMetricsPort = await freePort();
  const env: Record<string, string | undefined> = {
    ...process.env,
    DATA_DIR: dataDir,
    HTTP_PORT: String(http),
    TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}`,
    TEMPORAL_UI_PORT: String(await freePort()),
    DEV_INBOX_HTTP_PORT: String(await freePort()),
    DEV_INBOX_SMTP_PORT: String(await freePort()),
    DEV_INBOX_SMS_PORT: String(await freePort()),
    WORKER_METRICS_ADDRESS: `127.0.0.1:${workerMetricsPort}`,
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL; // the embedded default is what a fresh machine gets
  delete env.API_KEYS;
  delete env.PUBLIC_BASE_URL; // links in messages point at the stack's own address
  // Its own process group, so a last-resort kill reaches the servers and children it started.
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/stack.ts'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const stop = () => stopStack(child, dataDir);
  try {
    await new Promise<void>((resolvePromise, reject) => {
      const deadline = Date.now() + (opts.readyWithinMs ?? 240_000);
      const timer = setInterval(() => {
        if (output.includes('Plaint is running') && /Staff console: .*\n/.test(output)) {
          clearInterval(timer);
          resolvePromise();
        } else if (child.exitCode !== null || child.signalCode !== null) {
          clearInterval(timer);
          reject(new Error(`the stack exited:\n${output}`));
        } else if (Date.now() > deadline) {
          clearInterval(timer);
          reject(new Error(`the stack did not start in time:\n${output}`));
        }
      }, 200);
    });
    const baseUrl = `http://127.0.0.1:${http}`;
    const printed = new RegExp(`Staff console: ${baseUrl.replaceAll('.', '\\.')}/console {3}\\((\\S+) / (\\S+), in `).exec(output);
    const inboxUrl = /Local inbox: {2}(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
    if (!printed || !inboxUrl) throw new Error(`the stack did not print the console's admin or the local inbox:\n${output}`);
    const { adminApiKey } = JSON.parse(await readFile(`${dataDir}/secrets.json`, 'utf8')) as { adminApiKey: string };
    const workerMetricsUrl = `http://127.0.0.1:${workerMetricsPort}/metrics`;
    return { baseUrl, inboxUrl, admin: { email: printed[1]!, password: printed[2]! }, adminApiKey, dataDir, workerMetricsUrl, output: () => output, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function stopStack(child: ChildProcess, dataDir: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGINT');
    const stopped = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 30_000))]);
    // A bare SIGKILL of the stack would orphan its children: the whole group goes.
    if (!stopped) {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  await removeCluster(`${dataDir}/postgres`);
  await rm(dataDir, { recursive: true, force: true });
}

/** A cluster the stack moved under /var/lib/plaint (the folder was unreachable) goes with its link. */
async function removeCluster(path: string): Promise<void> {
  const link = await lstat(path).then((s) => s.isSymbolicLink(), () => false);
  if (!link) return;
  const target = resolve(dirname(path), await readlink(path));
  if (target.startsWith('/var/lib/plaint/')) await rm(dirname(target), { recursive: true, force: true });
}
