// Latency figures of a bench: runs one after another, p50 and p95 in milliseconds.

export interface Timing {
  p50: number;
  p95: number;
}

/** The value at share `p` of sorted latencies (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
}

export async function timeRuns(runs: number, once: () => Promise<void>): Promise<Timing> {
  const latencies: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await once();
    latencies.push(performance.now() - t);
  }
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95) };
}
