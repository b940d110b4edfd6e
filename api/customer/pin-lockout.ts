// Wrong tracking PINs lock a reference for one client network at a time, with a lock that grows
// each time. Counted in PostgreSQL (table tracking_lockouts), so the count survives restarts and
// holds across API processes.
//
// Per (reference, network), not per reference: references are sequential, and a lock on the
// reference alone let one address lock dozens of customers out of their own complaints. A
// network is an IPv4 address or an IPv6 /64 (what one subscriber usually gets), so hopping
// addresses inside one's own /64 buys no fresh guesses. Each further lock of the same pair lasts
// twice as long (15 min, 30 min, 1 h, … at most a day), so guessing from one network gets slower
// and slower, while the customer on their own network is never locked by someone else's guesses.
//
// Each attempt claims its number BEFORE the PIN is checked, in one atomic upsert: a burst of
// parallel guesses gets numbers 1, 2, 3, … and only the first `maxFailures` are checked at all.
// A correct PIN deletes its network's row, so its claimed number never counts against the customer.
// Rows nobody followed up would stay forever: now and then, when a failure is counted, a bounded
// sweep deletes those quiet for a day (no window started and no lock ended within it).
import type { Sql } from 'postgres';

export interface PinLockoutPolicy {
  /** Wrong PINs within the window that lock the reference for that network. */
  maxFailures: number;
  /** Minutes over which wrong PINs are counted, from the first one. */
  windowMinutes: number;
  /** Minutes the first lock lasts; each further one lasts twice as long as the one before. */
  lockMinutes: number;
  /** Minutes the longest lock lasts. */
  maxLockMinutes: number;
}

/** 5 wrong PINs within 15 minutes lock that reference for that network: 15 minutes, then 30, 60, … up to a day. */
export const DEFAULT_PIN_LOCKOUT: PinLockoutPolicy = { maxFailures: 5, windowMinutes: 15, lockMinutes: 15, maxLockMinutes: 24 * 60 };

export interface PinLockoutSweep {
  /** Milliseconds between two sweeps of one process (at most one sweep per interval). */
  everyMs: number;
  /** Most rows one sweep deletes, so a wrong PIN never waits on a big delete. */
  batch: number;
  now: () => number;
}

/** A sweep at most every 10 minutes per process, of at most 1,000 rows. */
export const DEFAULT_PIN_LOCKOUT_SWEEP: PinLockoutSweep = { everyMs: 10 * 60_000, batch: 1_000, now: () => Date.now() };

/** Minutes of quiet (after the window started and after any lock ended) before a row is forgotten: one day. */
const FORGET_AFTER_MINUTES = 24 * 60;

export type AttemptClaim =
  | { allowed: true; attempt: number }
  | { allowed: false; retryAfterSeconds: number };

/** Whose attempts are counted together: a complaint's reference from one client network. */
export interface AttemptSource {
  reference: string;
  network: string;
}

export class PinLockout {
  private lastSweepAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly sql: Sql,
    private readonly policy: PinLockoutPolicy = DEFAULT_PIN_LOCKOUT,
    private readonly sweeping: PinLockoutSweep = DEFAULT_PIN_LOCKOUT_SWEEP,
  ) {}

  /** Counts an attempt on an existing reference from a network; refused while locked or over the limit. */
  async claim({ reference, network }: AttemptSource): Promise<AttemptClaim> {
    const { sql, policy } = this;
    const windowOver = sql`t.window_started <= now() - make_interval(mins => ${policy.windowMinutes}::int)`;
    const [row] = await sql<{ attempt: number; locked_seconds: number | null }[]>`
      INSERT INTO tracking_lockouts AS t (reference, network, failures, window_started, locked_until)
      VALUES (${reference}, ${network}, 1, now(), NULL)
      ON CONFLICT (reference, network) DO UPDATE SET
        failures = CASE WHEN t.locked_until > now() THEN t.failures
                        WHEN t.locked_until IS NOT NULL OR ${windowOver} THEN 1
                        ELSE t.failures + 1 END,
        window_started = CASE WHEN t.locked_until > now() THEN t.window_started
                              WHEN t.locked_until IS NOT NULL OR ${windowOver} THEN now()
                              ELSE t.window_started END,
        locked_until = CASE WHEN t.locked_until > now() THEN t.locked_until END
      RETURNING failures AS attempt, ceil(extract(epoch FROM t.locked_until - now()))::int AS locked_seconds`;
    const source = { reference, network };
    if (row!.locked_seconds !== null) return { allowed: false, retryAfterSeconds: Math.max(1, row!.locked_seconds) };
    if (row!.attempt > policy.maxFailures) return { allowed: false, retryAfterSeconds: await this.lock(source) };
    return { allowed: true, attempt: row!.attempt };
  }

  /** The claimed attempt was wrong; the last allowed one locks the reference for that network. */
  async failed(source: AttemptSource, claim: { attempt: number }): Promise<void> {
    if (claim.attempt >= this.policy.maxFailures) await this.lock(source);
    const now = this.sweeping.now();
    if (now - this.lastSweepAt >= this.sweeping.everyMs) {
      this.lastSweepAt = now;
      await this.sweep();
    }
  }

  /** Deletes up to a batch of rows quiet for a day; answers how many. */
  async sweep(): Promise<number> {
    const forgetAfter = Math.max(FORGET_AFTER_MINUTES, this.policy.windowMinutes, this.policy.maxLockMinutes);
    const before = this.sql`now() - make_interval(mins => ${forgetAfter}::int)`;
    const deleted = await this.sql`
      DELETE FROM tracking_lockouts WHERE (reference, network) IN (
        SELECT reference, network FROM tracking_lockouts
        WHERE window_started < ${before} AND (locked_until IS NULL OR locked_until < ${before})
        LIMIT ${this.sweeping.batch}
        FOR UPDATE SKIP LOCKED)`;
    return deleted.count;
  }

  /** A correct PIN forgets that network's failures (other networks' locks stay). */
  async succeeded({ reference, network }: AttemptSource): Promise<void> {
    await this.sql`DELETE FROM tracking_lockouts WHERE reference = ${reference} AND network = ${network}`;
  }

  /**
   * Locks the pair (keeping a running lock's end) for lockMinutes × 2^(earlier locks), at most
   * maxLockMinutes; answers seconds until it ends.
   */
  private async lock({ reference, network }: AttemptSource): Promise<number> {
    const { lockMinutes, maxLockMinutes } = this.policy;
    const [row] = await this.sql<{ seconds: number }[]>`
      UPDATE tracking_lockouts
      SET locked_until = coalesce(locked_until,
            now() + make_interval(mins => least(${maxLockMinutes}::int, ${lockMinutes}::int * power(2, least(lockouts, 20))::int))),
          lockouts = CASE WHEN locked_until IS NULL THEN lockouts + 1 ELSE lockouts END
      WHERE reference = ${reference} AND network = ${network}
      RETURNING ceil(extract(epoch FROM locked_until - now()))::int AS seconds`;
    return Math.max(1, row?.seconds ?? lockMinutes * 60);
  }
}
