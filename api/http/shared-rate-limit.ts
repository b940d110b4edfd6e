// Rate limits every API instance shares, counted in PostgreSQL (rate_limit_windows, migration
// 0034): one upsert per hit answers the window's count, so the cost is one round trip and two
// instances at once cannot both take the last hit. Windows are aligned on the database's clock
// (not each instance's), and the key is an HMAC under a key derived from the app's secret, so the
// table holds no address, e-mail or phone in the clear.
import { createHmac } from 'node:crypto';
import type { Logger } from 'pino';
import type { Sql } from 'postgres';
import type { RateLimiter, RateLimiters, RateVerdict } from './rate-limit.js';

/** How often one limiter deletes the windows that ended (every instance does; any one is enough). */
const SWEEP_EVERY_MS = 60_000;

export interface SharedRateLimitDeps {
  sql: Sql;
  /** The secret the key hashes derive from (LINK_SIGNING_SECRET). */
  secret: string;
  log?: Pick<Logger, 'warn'>;
}

export function sharedRateLimiters(deps: SharedRateLimitDeps): RateLimiters {
  const key = createHmac('sha256', deps.secret).update('plaint:rate-limit-key:v1').digest();
  return (name, limit, windowMs) => new PostgresRateLimiter(deps, key, name, limit, windowMs);
}

class PostgresRateLimiter implements RateLimiter {
  private lastSweep = 0;

  constructor(
    private readonly deps: SharedRateLimitDeps,
    private readonly hashKey: Buffer,
    private readonly name: string,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  async hit(key: string): Promise<RateVerdict> {
    const keyHash = createHmac('sha256', this.hashKey).update(this.name).update('\0').update(key).digest();
    const seconds = this.windowMs / 1000;
    // The count stops one past the limit: a flood cannot overflow it, and "over" is all that matters.
    const [row] = await this.deps.sql<{ hits: number; retry_after: number }[]>`
      WITH w AS (SELECT to_timestamp(floor(extract(epoch FROM clock_timestamp()) / ${seconds}) * ${seconds}) AS start)
      INSERT INTO rate_limit_windows AS r (limiter, key_hash, window_start, hits, expires_at)
      SELECT ${this.name}, ${keyHash}, w.start, 1, w.start + make_interval(secs => ${seconds}) FROM w
      ON CONFLICT (limiter, key_hash, window_start) DO UPDATE SET hits = least(r.hits + 1, ${this.limit + 1})
      RETURNING hits, greatest(1, ceil(extract(epoch FROM r.expires_at - clock_timestamp())))::int AS retry_after`;
    this.sweepNowAndThen();
    return row!.hits <= this.limit ? { allowed: true } : { allowed: false, retryAfterSeconds: row!.retry_after };
  }

  /** Deletes this limiter's ended windows, at most once a minute, without holding up the request. */
  private sweepNowAndThen(): void {
    const now = Date.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    this.deps.sql`DELETE FROM rate_limit_windows WHERE limiter = ${this.name} AND expires_at < clock_timestamp()`.then(
      () => undefined,
      (err: unknown) => this.deps.log?.warn({ err, limiter: this.name }, 'rate limit sweep failed'),
    );
  }
}
