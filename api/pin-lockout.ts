// Wrong tracking PINs lock a reference for a while. Counted in PostgreSQL (table
// tracking_lockouts), so the count survives restarts and holds across API processes.
//
// Each attempt claims its number BEFORE the PIN is checked, in one atomic upsert: a burst of
// parallel guesses gets numbers 1, 2, 3, … and only the first `maxFailures` are checked at all.
// A correct PIN deletes the row, so its claimed number never counts against the customer.
// Rows of wrong PINs nobody followed up would stay forever: now and then, when a failure is
// counted, a bounded sweep deletes those whose window and lock are long over (deleting them
// changes nothing: the next claim would start a new window anyway).
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

export interface PinLockoutSweep {
  /** Milliseconds between two sweeps of one process (at most one sweep per interval). */
  everyMs: number;
  /** Most rows one sweep deletes, so a wrong PIN never waits on a big delete. */
  batch: number;
  now: () => number;
}

/** A sweep at most every 10 minutes per process, of at most 1,000 rows. */
export const DEFAULT_PIN_LOCKOUT_SWEEP: PinLockoutSweep = { everyMs: 10 * 60_000, batch: 1_000, now: () => Date.now() };

/** Minutes after its window started that a row (its lock over) may be forgotten: one day. */
const FORGET_AFTER_MINUTES = 24 * 60;

export type AttemptClaim =
  | { allowed: true; attempt: number }
  | { allowed: false; retryAfterSeconds: number };

export class PinLockout {
  private lastSweepAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly sql: Sql,
    private readonly policy: PinLockoutPolicy = DEFAULT_PIN_LOCKOUT,
    private readonly sweeping: PinLockoutSweep = DEFAULT_PIN_LOCKOUT_SWEEP,
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
    const now = this.sweeping.now();
    if (now - this.lastSweepAt >= this.sweeping.everyMs) {
      this.lastSweepAt = now;
      await this.sweep();
    }
  }

  /** Deletes up to a batch of rows whose window and lock are over; answers how many. */
  async sweep(): Promise<number> {
    const forgetAfter = Math.max(FORGET_AFTER_MINUTES, this.policy.windowMinutes, this.policy.lockMinutes);
    const deleted = await this.sql`
      DELETE FROM tracking_lockouts WHERE reference IN (
        SELECT reference FROM tracking_lockouts
        WHERE window_started < now() - make_interval(mins => ${forgetAfter}::int)
          AND (locked_until IS NULL OR locked_until < now())
        LIMIT ${this.sweeping.batch}
        FOR UPDATE SKIP LOCKED)`;
    return deleted.count;
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
