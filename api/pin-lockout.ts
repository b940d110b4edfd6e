// Wrong tracking PINs lock a reference for a while. Counted in PostgreSQL (table
// tracking_lockouts), so the count survives restarts and holds across API processes.
//
// Each attempt claims its number BEFORE the PIN is checked, in one atomic upsert: a burst of
// parallel guesses gets numbers 1, 2, 3, … and only the first `maxFailures` are checked at all.
// A correct PIN deletes the row, so its claimed number never counts against the customer.
import type { Sql } from 'postgres';

export interface PinLockoutPolicy {
  /** Wrong PINs within the window that lock the reference. */
  maxFailures: number;
  /** Minutes over which wrong PINs are counted, from the first one. */
  windowMinutes: number;
  /** Minutes a reference stays locked. */
  lockMinutes: number;
}

/** 5 wrong PINs within 15 minutes lock that reference for 15 minutes. */
export const DEFAULT_PIN_LOCKOUT: PinLockoutPolicy = { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 };

export type AttemptClaim =
  | { allowed: true; attempt: number }
  | { allowed: false; retryAfterSeconds: number };

export class PinLockout {
  constructor(
    private readonly sql: Sql,
    private readonly policy: PinLockoutPolicy = DEFAULT_PIN_LOCKOUT,
  ) {}

  /** Counts an attempt on `reference` (known or not); refused while locked or over the limit. */
  async claim(reference: string): Promise<AttemptClaim> {
    const { sql, policy } = this;
    const windowOver = sql`t.window_started <= now() - make_interval(mins => ${policy.windowMinutes}::int)`;
    const [row] = await sql<{ attempt: number; locked_seconds: number | null }[]>`
      INSERT INTO tracking_lockouts AS t (reference, failures, window_started, locked_until)
      VALUES (${reference}, 1, now(), NULL)
      ON CONFLICT (reference) DO UPDATE SET
        failures = CASE WHEN t.locked_until > now() THEN t.failures
                        WHEN t.locked_until IS NOT NULL OR ${windowOver} THEN 1
                        ELSE t.failures + 1 END,
        window_started = CASE WHEN t.locked_until > now() THEN t.window_started
                              WHEN t.locked_until IS NOT NULL OR ${windowOver} THEN now()
                              ELSE t.window_started END,
        locked_until = CASE WHEN t.locked_until > now() THEN t.locked_until END
      RETURNING failures AS attempt, ceil(extract(epoch FROM t.locked_until - now()))::int AS locked_seconds`;
    if (row!.locked_seconds !== null) return { allowed: false, retryAfterSeconds: Math.max(1, row!.locked_seconds) };
    if (row!.attempt > policy.maxFailures) return { allowed: false, retryAfterSeconds: await this.lock(reference) };
    return { allowed: true, attempt: row!.attempt };
  }

  /** The claimed attempt was wrong; the last allowed one locks the reference. */
  async failed(reference: string, claim: { attempt: number }): Promise<void> {
    if (claim.attempt >= this.policy.maxFailures) await this.lock(reference);
  }

  /** A correct PIN forgets the failures. */
  async succeeded(reference: string): Promise<void> {
    await this.sql`DELETE FROM tracking_lockouts WHERE reference = ${reference}`;
  }

  /** Locks the reference (keeping an earlier lock's end); answers seconds until it ends. */
  private async lock(reference: string): Promise<number> {
    const [row] = await this.sql<{ seconds: number }[]>`
      UPDATE tracking_lockouts
      SET locked_until = coalesce(locked_until, now() + make_interval(mins => ${this.policy.lockMinutes}::int))
      WHERE reference = ${reference}
      RETURNING ceil(extract(epoch FROM locked_until - now()))::int AS seconds`;
    return Math.max(1, row?.seconds ?? this.policy.lockMinutes * 60);
  }
}
