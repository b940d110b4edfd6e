// What bench/capacity.ts reads and prints beside the stack: a process's memory from /proc, the
// recorded histories' sizes, and a burst's rate and lateness.
import { readdir, readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { childrenOf } from '../scripts/chaos/cluster.js';

/** Resident and peak resident bytes of a process (and, when asked, of every process below it). */
export function processMemory(pid: number | undefined, opts: { withChildren?: boolean } = {}): { rss: number; peak: number } {
  if (!pid) return { rss: 0, peak: 0 };
  let rss = 0;
  let peak = 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    rss = kilobytes(status, 'VmRSS') * 1024;
    peak = kilobytes(status, 'VmHWM') * 1024;
  } catch {
    return { rss: 0, peak: 0 }; // exited meanwhile
  }
  if (opts.withChildren) {
    for (const child of childrenOf(pid)) {
      const below = processMemory(child, opts);
      rss += below.rss;
      peak += below.peak;
    }
  }
  return { rss, peak };
}

function kilobytes(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) : 0;
}

const HISTORIES = new URL('../test/histories/', import.meta.url);

/** The recorded histories of the newest code version: path, events, JSON bytes. */
export async function recordedHistorySizes(): Promise<Array<{ path: string; events: number; bytes: number }>> {
  const files = (await readdir(HISTORIES)).flatMap((name) => {
    const match = /^v(\d+)-(.+)\.json$/.exec(name);
    return match ? [{ name, version: Number(match[1]), path: match[2]! }] : [];
  });
  const newest = Math.max(...files.map((f) => f.version));
  return Promise.all(
    files
      .filter((f) => f.version === newest)
      .map(async (f) => {
        const text = await readFile(new URL(f.name, HISTORIES), 'utf8');
        return { path: f.path, events: (JSON.parse(text) as { events: unknown[] }).events.length, bytes: Buffer.byteLength(text) };
      }),
  );
}

/** `count` things due at `dueAt`, done at `doneAt` (ms): per second from the instant to the last, and how late. */
export function rateFigures(label: string, count: number, dueAt: number, doneAt: number[]): string {
  const late = doneAt.map((t) => t - dueAt).sort((a, b) => a - b);
  const at = (p: number) => late[Math.min(late.length - 1, Math.floor(p * late.length))]! / 1000;
  const span = Math.max(0.001, late[late.length - 1]! / 1000);
  return `${label.padEnd(40)} ${count} due at once: ${(count / span).toFixed(0).padStart(6)}/s; done after p50 ${at(0.5).toFixed(1)} s, p95 ${at(0.95).toFixed(1)} s, all ${span.toFixed(1)} s`;
}
