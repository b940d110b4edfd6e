// A database of its own for the KPI tests on the integration server: the report counts every
// complaint, so other test files' rows in the shared database would change its figures.
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
