// A database of its own on the integration server, for tests whose figures count every row (KPI
// reports) or whose calls change what other files rely on (the fuzzer): freshly migrated, dropped after.
import { randomUUID } from 'node:crypto';
import type { Sql } from 'postgres';
import { inject } from 'vitest';
import { connectDatabase } from '../../db/connect.js';
import { migrate } from '../../db/migrate.js';

export async function isolatedDatabase(): Promise<{ sql: Sql; drop(): Promise<void> }> {
  const serverUrl = inject('databaseUrl');
  const name = `kpi_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = connectDatabase(serverUrl, { max: 1 });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const sql = connectDatabase(url.toString(), { max: 5 });
  await migrate(sql);
  return {
    sql,
    async drop() {
      await sql.end();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
