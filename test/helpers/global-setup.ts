// One Temporal dev server, one PostgreSQL and one workflow bundle for the whole integration run.
import { mkdtemp, rm } from 'node:fs/promises';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../config/env.js';
import { connectDatabase } from '../../db/connect.js';
import { startEmbeddedPostgres } from '../../db/embedded-postgres.js';
import { migrate } from '../../db/migrate.js';
import { startTemporalDevServer } from '../../scripts/temporal-dev-server.js';
import { assertToolsInstalled, PROJECT_ROOT, TEMPORAL_CLI } from '../../scripts/tools.js';
import { WORKFLOWS_PATH } from '../../worker/create-worker.js';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    databaseUrl: string;
    workflowBundleCode: string;
  }
}

export default async function setup(project: TestProject) {
  assertToolsInstalled();
  const config = loadConfig();
  const stops: Array<() => Promise<void>> = [];
  try {
    // allSettled, not all: when one fails, the others that started must still be stopped (a
    // failed PostgreSQL start once left a Temporal dev server running after the run).
    const [temporalStart, databaseStart, bundleBuild] = await Promise.allSettled([
      startTemporalDevServer({ binary: TEMPORAL_CLI, readyTimeoutMs: 90_000 }),
      config.DATABASE_URL ? freshDatabaseOn(config.DATABASE_URL) : embeddedDatabase(),
      bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quietLogger }),
    ]);
    if (temporalStart.status === 'fulfilled') stops.push(() => temporalStart.value.stop());
    if (databaseStart.status === 'fulfilled') stops.push(databaseStart.value.stop);
    if (temporalStart.status === 'rejected') throw temporalStart.reason;
    if (databaseStart.status === 'rejected') throw databaseStart.reason;
    if (bundleBuild.status === 'rejected') throw bundleBuild.reason;
    const [temporal, database, bundle] = [temporalStart.value, databaseStart.value, bundleBuild.value];
    const sql = connectDatabase(database.url, { max: 1 });
    await migrate(sql);
    await sql.end();
    // A run stopped from outside (Ctrl-C, a CI timeout) skips teardown: stop the servers anyway.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        void Promise.allSettled(stops.map((s) => s())).finally(() => process.exit(130));
      });
    }
    project.provide('temporalAddress', temporal.address);
    project.provide('databaseUrl', database.url);
    project.provide('workflowBundleCode', bundle.code);
  } catch (err) {
    await Promise.allSettled(stops.map((s) => s()));
    throw err;
  }
  return async () => {
    await Promise.allSettled(stops.map((s) => s()));
  };
}

async function embeddedDatabase() {
  const dir = await mkdtemp(`${PROJECT_ROOT}.data/test-pg-`);
  const pg = await startEmbeddedPostgres({ dataDir: `${dir}/data`, persistent: false });
  return { url: pg.url, stop: async () => { await pg.stop(); await rm(dir, { recursive: true, force: true }); } };
}

/** With DATABASE_URL set, tests get a database of their own on that server, dropped afterwards. */
async function freshDatabaseOn(url: string) {
  const name = `plaint_test_${process.pid}_${Date.now()}`;
  const admin = connectDatabase(url, { max: 1 });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  return {
    url: testUrl.toString(),
    stop: async () => {
      const again = connectDatabase(url, { max: 1 });
      await again.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}

const quietLogger = {
  log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined,
  warn: (m: string) => console.warn(m), error: (m: string) => console.error(m),
};
