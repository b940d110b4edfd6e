// Rate limits: a budget of hits per key per fixed window. The shared one (shared-rate-limit.ts,
// PostgreSQL) is what the app uses, so several API instances behind a balancer hold one budget;
// the in-memory one serves unit tests and tools that run a single process without a database.

export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts one hit; answers whether it is allowed and, if not, seconds until the window resets. */
  hit(key: string): Promise<RateVerdict>;
}

/** Makes the limiters of an app: one per purpose, each with its own name, budget and window. */
export type RateLimiters = (name: string, limit: number, windowMs: number) => RateLimiter;

/** A fixed-window limiter in this process's memory (one process's budget only). */
export class FixedWindowLimiter implements RateLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  hit(key: string): Promise<RateVerdict> {
    return Promise.resolve(this.hitNow(key));
  }

  private hitNow(key: string): RateVerdict {
    const now = this.now();
    const w = this.windows.get(key);
    if (!w || now - w.startedAt >= this.windowMs) {
      if (this.windows.size > 100_000) this.sweep(now);
      this.windows.set(key, { startedAt: now, count: 1 });
      return { allowed: true };
    }
    if (w.count < this.limit) {
      w.count++;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.ceil((w.startedAt + this.windowMs - now) / 1000) };
  }

  private sweep(now: number): void {
    for (const [k, w] of this.windows) if (now - w.startedAt >= this.windowMs) this.windows.delete(k);
  }
}

/** In-memory limiters for tests and single-process tools. */
export const memoryRateLimiters: RateLimiters = (_name, limit, windowMs) => new FixedWindowLimiter(limit, windowMs);
