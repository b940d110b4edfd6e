// Background jobs run once per deployment, however many processes are started: each holds a
// PostgreSQL session advisory lock while it works, and a second one waits as a standby.
import type { Sql } from 'postgres';

/** Waits (polling, never blocking a connection in a lock queue) until this process holds `name`'s lock. */
export async function holdSingleInstanceLock(
  sql: Sql,
  name: string,
  opts: { pollMs?: number; signal?: AbortSignal; onWaiting?: () => void } = {},
): Promise<{ release(): Promise<void>; stillHeld(): Promise<boolean> }> {
  const connection = await sql.reserve();
  let warned = false;
  for (;;) {
    const [row] = await connection<{ locked: boolean }[]>`SELECT pg_try_advisory_lock(hashtext(${name})) AS locked`;
    if (row?.locked) break;
    if (!warned) opts.onWaiting?.();
    warned = true;
    if (opts.signal?.aborted) {
      connection.release();
      throw new Error(`stopped while waiting for the ${name} lock`);
    }
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 5_000));
  }
  let lost = false;
  return {
    /** False once the lock's connection is gone: PostgreSQL released the lock with it. */
    async stillHeld() {
      try {
        const [row] = await connection<{ held: boolean }[]>`
          SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted) AS held`;
        lost ||= row?.held !== true;
      } catch {
        lost = true;
      }
      return !lost;
    },
    async release() {
      try {
        if (!lost) await connection`SELECT pg_advisory_unlock(hashtext(${name}))`;
      } finally {
        connection.release();
      }
    },
  };
}
