// A fixed-window limiter kept in this process's memory: enough for one API process; several
// processes behind a balancer would each allow the limit (a shared store comes with scale-out).
export class FixedWindowLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one hit; answers whether it is allowed and, if not, seconds until the window resets. */
  hit(key: string): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
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
