import { TZDate } from '@date-fns/tz';

/** Local dates are handled as day numbers (days since 1970-01-01) to keep loops cheap. */
const DAY_MS = 86_400_000;

export function dayNumberOf(localDate: string): number {
  const y = Number(localDate.slice(0, 4));
  const m = Number(localDate.slice(5, 7));
  const d = Number(localDate.slice(8, 10));
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function localDateOf(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Minutes since local midnight of an `HH:mm` time (`24:00` → 1440). */
export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/**
 * The instant of a local wall-clock time in a zone, resolved by the zone's rules: a time in a
 * spring-forward gap moves forward; an ambiguous fall-back time takes the later offset.
 */
export function zonedEpochMs(timeZone: string, dayNumber: number, minuteOfDay: number): number {
  const date = new Date(dayNumber * DAY_MS);
  return new TZDate(
    date.getUTCFullYear(),
    date.getUTCMonth(),
    date.getUTCDate(),
    Math.floor(minuteOfDay / 60),
    minuteOfDay % 60,
    timeZone,
  ).getTime();
}

/** The local date (as a day number) and minute of day of an instant in a zone. */
export function zonedParts(timeZone: string, epochMs: number): { dayNumber: number; minuteOfDay: number } {
  const z = new TZDate(epochMs, timeZone);
  return {
    dayNumber: Math.round(Date.UTC(z.getFullYear(), z.getMonth(), z.getDate()) / DAY_MS),
    minuteOfDay: z.getHours() * 60 + z.getMinutes() + z.getSeconds() / 60 + z.getMilliseconds() / 60_000,
  };
}

/** ISO 8601 with the zone's offset at that instant, e.g. `2026-03-23T13:00:00+03:00`. */
export function formatZoned(timeZone: string, epochMs: number): string {
  const iso = new TZDate(epochMs, timeZone).toISOString();
  return iso.replace(/\.000(?=[+-]|Z)/, '');
}
