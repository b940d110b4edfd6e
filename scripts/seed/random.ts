// A seeded pseudo-random source (mulberry32): the same --seed gives the same data set, and it is
// fast enough to draw millions of values per second.

export interface Random {
  /** A float in [0, 1). */
  (): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  between(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight: `weighted(table)` with a table from `weights(...)`. */
  weighted<T>(table: WeightTable<T>): T;
  chance(p: number): boolean;
}

export interface WeightTable<T> {
  items: readonly T[];
  /** Cumulative weights, the last one 1. */
  cumulative: Float64Array;
}

export function weights<T>(entries: ReadonlyArray<readonly [T, number]>): WeightTable<T> {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  const cumulative = new Float64Array(entries.length);
  let sum = 0;
  entries.forEach(([, w], i) => (cumulative[i] = sum += w / total));
  cumulative[entries.length - 1] = 1;
  return { items: entries.map(([item]) => item), cumulative };
}

export function createRandom(seed: number): Random {
  let s = seed | 0;
  const next = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return Object.assign(next, {
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    between: (min: number, max: number) => min + next() * (max - min),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    weighted: <T>(table: WeightTable<T>): T => {
      const r = next();
      const c = table.cumulative;
      let i = 0;
      while (c[i]! <= r) i++;
      return table.items[i]!;
    },
    chance: (p: number) => next() < p,
  });
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const word = (w: number) => HEX[w >>> 24]! + HEX[(w >>> 16) & 255]! + HEX[(w >>> 8) & 255]! + HEX[w & 255]!;

/**
 * A version-4-shaped UUID derived from (seed, n, kind): deterministic for a seed, distinct for
 * distinct reference numbers (the reference block is the database's, so two runs never collide).
 */
export function derivedUuid(seed: number, n: number, kind: number): string {
  const lo = n >>> 0;
  const hi = Math.floor(n / 4_294_967_296);
  const a = mix(seed ^ mix(lo ^ 0x9e3779b9));
  const b = mix(a ^ mix(hi + kind * 0x27d4eb2d));
  const c = mix(b ^ 0x165667b1 ^ lo);
  const d = mix(c ^ kind ^ 0xd3a2646c);
  const w1 = word(a);
  const w2 = word(b);
  const w3 = word(c);
  return `${w1}-${w2.slice(0, 4)}-4${w2.slice(5, 8)}-${HEX[0x80 | ((c >>> 24) & 0x3f)]}${w3.slice(2, 4)}-${w3.slice(4)}${word(d)}`;
}
