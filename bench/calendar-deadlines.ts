/**
 * Computes 1,000,000 deadlines on the TR calendar (a mix of working hours and working days from
 * start instants spread over two years) and prints deadlines per second, beside two baselines:
 * bare `new TZDate(ms, zone)` conversions and date-fns `addBusinessDays` (weekends only).
 *
 *   npx tsx bench/calendar-deadlines.ts [count]
 */
import { TZDate } from '@date-fns/tz';
import { addBusinessDays } from 'date-fns';
import type { BusinessDuration } from '../domain/business-duration.js';
import { addBusinessDuration, addBusinessDurationMs, compileCalendar } from '../domain/calendar/index.js';
import { getCalendar } from '../domain/calendar/registry.js';

const COUNT = Number(process.argv[2] ?? 1_000_000);
const DURATIONS: BusinessDuration[] = [
  { workingHours: 1 },
  { workingHours: 6 },
  { workingHours: 8 },
  { workingHours: 24 },
  { workingHours: 0.5 },
  { workingDays: 1 },
  { workingDays: 2 },
  { workingDays: 4 },
  { workingDays: 10 },
];

// Deterministic inputs (mulberry32), so runs are comparable.
let seed = 0x2026;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};
const FIRST = Date.parse('2025-01-01T00:00:00+03:00');
const SPAN = Date.parse('2027-01-01T00:00:00+03:00') - FIRST;
const starts = new Float64Array(COUNT);
const durations: BusinessDuration[] = new Array(COUNT);
for (let i = 0; i < COUNT; i++) {
  starts[i] = FIRST + Math.floor(random() * SPAN);
  durations[i] = DURATIONS[Math.floor(random() * DURATIONS.length)]!;
}

function time(label: string, run: () => number): number {
  const t0 = performance.now();
  const checksum = run();
  const seconds = (performance.now() - t0) / 1000;
  const rate = COUNT / seconds;
  const ms = (seconds * 1000).toFixed(0);
  console.log(`${label.padEnd(48)} ${fmt(rate).padStart(12)} /s  (${ms} ms, checksum ${checksum % 1000})`);
  return rate;
}
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

const t0 = performance.now();
const calendar = getCalendar('TR', { from: 2025, to: 2028 });
const t1 = performance.now();
const compiled = compileCalendar(calendar);
const t2 = performance.now();
console.log(
  `TR calendar 2025–2028: generated in ${(t1 - t0).toFixed(0)} ms, ` +
    `compiled in ${(t2 - t1).toFixed(1)} ms (${compiled.start.length} working intervals)`,
);
console.log(`${fmt(COUNT)} deadlines, Node ${process.version}, one thread\n`);

// Warm up the JIT on every path before measuring.
for (let i = 0; i < Math.min(COUNT, 100_000); i++) addBusinessDuration(compiled, new Date(starts[i]!), durations[i]!);

const api = time('addBusinessDuration (Date in, Dates out)', () => {
  let sum = 0;
  for (let i = 0; i < COUNT; i++) {
    sum += addBusinessDuration(compiled, new Date(starts[i]!), durations[i]!).deadline.getTime() % 997;
  }
  return sum;
});
const hot = time('addBusinessDurationMs (epoch ms in and out)', () => {
  let sum = 0;
  for (let i = 0; i < COUNT; i++) sum += addBusinessDurationMs(compiled, starts[i]!, durations[i]!) % 997;
  return sum;
});
const uncompiled = time('addBusinessDuration (Calendar, compiled cache)', () => {
  let sum = 0;
  for (let i = 0; i < COUNT; i++) {
    sum += addBusinessDuration(calendar, new Date(starts[i]!), durations[i]!).deadline.getTime() % 997;
  }
  return sum;
});
console.log('');
const tz = time('baseline: new TZDate(ms, zone) + getHours()', () => {
  let sum = 0;
  for (let i = 0; i < COUNT; i++) sum += new TZDate(starts[i]!, 'Europe/Istanbul').getHours();
  return sum;
});
const dateFns = time('baseline: date-fns addBusinessDays (no holidays)', () => {
  let sum = 0;
  for (let i = 0; i < COUNT; i++) sum += addBusinessDays(new Date(starts[i]!), 2).getTime() % 997;
  return sum;
});

console.log('');
console.log(`deadlines/s: ${fmt(api)} (target ≥ 200,000: ${api >= 200_000 ? 'met' : 'NOT met'})`);
console.log(
  `ratio to one bare TZDate conversion: ${(api / tz).toFixed(2)}×; ` +
    `to date-fns addBusinessDays: ${(api / dateFns).toFixed(2)}×`,
);
console.log(`epoch-ms form: ${fmt(hot)}/s; via the Calendar object: ${fmt(uncompiled)}/s`);
