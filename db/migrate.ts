// A small migration runner: one transaction per file, checksums refuse edited files, and a
// polled advisory lock so two processes starting together migrate once (a blocking
// pg_advisory_lock deadlocks against CREATE INDEX CONCURRENTLY in another runner). A file that
// starts with `-- no-transaction` (CREATE INDEX CONCURRENTLY cannot run in one) runs statement by
// statement instead: PostgreSQL runs a query string of several statements as one transaction.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Sql } from 'postgres';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const LOCK_ID = 71_002_002; // arbitrary, constant: "plaint migrations"

export interface MigrationResult {
  applied: string[];
}

export async function migrate(sql: Sql, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort();
  const reserved = await sql.reserve();
  try {
    await waitForLock(reserved);
    await reserved`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`;
    const done = new Map(
      (await reserved<{ name: string; checksum: string }[]>`SELECT name, checksum FROM schema_migrations`).map(
        (r) => [r.name, r.checksum],
      ),
    );
    const applied: string[] = [];
    for (const name of files) {
      const text = await readFile(`${dir}/${name}`, 'utf8');
      const checksum = createHash('sha256').update(text).digest('hex');
      const previous = done.get(name);
      if (previous !== undefined) {
        if (previous !== checksum) throw new Error(`migration ${name} was edited after it was applied`);
        continue;
      }
      if (text.startsWith('-- no-transaction')) {
        try {
          for (const statement of statementsOf(text)) await reserved.unsafe(statement);
        } catch (err) {
          throw new Error(`migration ${name} failed: ${(err as Error).message}`, { cause: err });
        }
        await reserved`INSERT INTO schema_migrations (name, checksum) VALUES (${name}, ${checksum})`;
      } else {
        await reserved.unsafe('BEGIN');
        try {
          await reserved.unsafe(text);
          await reserved`INSERT INTO schema_migrations (name, checksum) VALUES (${name}, ${checksum})`;
          await reserved.unsafe('COMMIT');
        } catch (err) {
          await reserved.unsafe('ROLLBACK').catch(() => undefined);
          throw new Error(`migration ${name} failed: ${(err as Error).message}`, { cause: err });
        }
      }
      applied.push(name);
    }
    return { applied };
  } finally {
    await reserved`SELECT pg_advisory_unlock(${LOCK_ID})`.catch(() => undefined);
    reserved.release();
  }
}

/**
 * The statements of a no-transaction file, each ending with `;` at the end of a line (such a file
 * holds no function bodies, and no comment ends a line with `;`); chunks of comments only are dropped.
 */
export function statementsOf(text: string): string[] {
  return text
    .split(/;[ \t]*$/m)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk.replace(/--.*$/gm, '').trim() !== '');
}

async function waitForLock(sql: Sql): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const [row] = await sql<{ locked: boolean }[]>`SELECT pg_try_advisory_lock(${LOCK_ID}) AS locked`;
    if (row?.locked) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out waiting for the migration lock');
}
