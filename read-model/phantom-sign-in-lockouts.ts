// Failed sign-ins of e-mails with no account, shared by every API instance (migration 0042): the
// same counting as staff_credentials' (read-model/staff-credentials.ts), keyed by an HMAC.
import type { Sql } from 'postgres';

/** Rows untouched this long are deleted (a sweep at most once a minute per process). */
export const PHANTOM_IDLE_DAYS = 30;

export function phantomSignInLockouts(sql: Sql) {
  let lastSweep = 0;
  return {
    async lockedUntil(key: Buffer): Promise<Date | undefined> {
      const [row] = await sql<{ locked_until: Date }[]>`
        SELECT locked_until FROM phantom_sign_in_lockouts WHERE email_key = ${key} AND locked_until > now()`;
      return row?.locked_until;
    },
    /** Counts one failure; answers the lockout it starts, if this was the last try allowed. */
    async fail(key: Buffer, limits: { maxFailures: number; lockMinutes: number }): Promise<Date | undefined> {
      const [row] = await sql<{ locked_until: Date | null; locked: boolean }[]>`
        INSERT INTO phantom_sign_in_lockouts AS p (email_key, failed_attempts, locked_until)
        VALUES (${key}, CASE WHEN 1 >= ${limits.maxFailures} THEN 0 ELSE 1 END,
                CASE WHEN 1 >= ${limits.maxFailures} THEN now() + make_interval(mins => ${limits.lockMinutes}) END)
        ON CONFLICT (email_key) DO UPDATE SET
          failed_attempts = CASE WHEN p.failed_attempts + 1 >= ${limits.maxFailures} THEN 0 ELSE p.failed_attempts + 1 END,
          locked_until = CASE WHEN p.failed_attempts + 1 >= ${limits.maxFailures}
                              THEN now() + make_interval(mins => ${limits.lockMinutes}) ELSE p.locked_until END,
          updated_at = now()
        RETURNING locked_until, locked_until > now() AS locked`;
      if (Date.now() - lastSweep > 60_000) {
        lastSweep = Date.now();
        await sql`DELETE FROM phantom_sign_in_lockouts WHERE updated_at < now() - make_interval(days => ${PHANTOM_IDLE_DAYS})`;
      }
      return row?.locked ? row.locked_until! : undefined;
    },
    async succeed(key: Buffer): Promise<void> {
      await sql`DELETE FROM phantom_sign_in_lockouts WHERE email_key = ${key}`;
    },
  };
}
