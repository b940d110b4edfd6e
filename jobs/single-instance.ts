// Background jobs run once per deployment, however many processes are started: each holds a
// PostgreSQL session advisory lock while it works, and a second one waits as a standby.
import type { ReservedSql, Sql } from 'postgres';

/**
 * Waits (polling, never blocking a connection in a lock queue) until this process holds `name`'s
 * lock. PostgreSQL away or starting up (a restart) is waited out too, with `onUnavailable`: the
 * process is often started again right after a database restart, and must not die of it.
 */
export async function holdSingleInstanceLock(
  sql: Sql,
  name: string,
  opts: { pollMs?: number; signal?: AbortSignal; onWaiting?: () => void; onUnavailable?: (err: unknown) => void } = {},
): Promise<{ release(): Promise<void>; stillHeld(): Promise<boolean> }> {
  let warned = false;
  let connection: ReservedSql | undefined;
  for (;;) {
    if (opts.signal?.aborted) throw new Error(`stopped while waiting for the ${name} lock`);
    let reserved: ReservedSql | undefined;
    try {
      // A pool query first: it fails fast while PostgreSQL is away, where `reserve` can wait for
      // ever on a connection that failed to connect (postgres.js 3.4.9).
      await sql`SELECT 1`;
      reserved = await sql.reserve();
      const [row] = await reserved<{ locked: boolean }[]>`SELECT pg_try_advisory_lock(hashtext(${name})) AS locked`;
      if (row?.locked) {
        connection = reserved;
        break;
      }
      reserved.release(); // alive, it just answered: back to the pool
      if (!warned) opts.onWaiting?.();
      warned = true;
    } catch (err) {
      // A connection that failed by closing is not released: postgres.js has put it back among its
      // closed ones, and a release would return its dead socket to the pool. Any other is.
      if (reserved && !isConnectionError(err)) reserved.release();
      opts.onUnavailable?.(err);
    }
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 5_000));
  }
  const held = connection;
  let lost = false;
  return {
    /** False once the lock's connection is gone: PostgreSQL released the lock with it. */
    async stillHeld() {
      try {
        const [row] = await held<{ held: boolean }[]>`
          SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted) AS held`;
        lost ||= row?.held !== true;
      } catch {
        lost = true;
      }
      return !lost;
    },
    async release() {
      if (lost) return; // its connection is gone (see above): nothing to unlock, nothing to give back
      try {
        await held`SELECT pg_advisory_unlock(hashtext(${name}))`;
      } finally {
        held.release();
      }
    },
  };
}

function isConnectionError(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('CONNECTION_') || code.startsWith('ECONN') || code === '57P01' || code === '57P03');
}
