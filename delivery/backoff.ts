// When a transient failure is tried again: exponential (base · 2^(n-1), capped), with jitter so
// that messages which failed together (an outage) do not all come back in the same second.

/** Delay before the try after `attempts` failed ones, in ms: between half and all of the exponential step. */
export function retryDelayMs(attempts: number, opts: { baseMs: number; maxMs: number }, random: () => number = Math.random): number {
  const step = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(step / 2 + (step / 2) * random());
}
