import type { BusinessDuration } from '../business-duration.js';
import { DomainError } from '../errors.js';
import { CALENDAR_DEFINITIONS, type CalendarDefinition } from './definitions.js';
import { generateHolidays } from './holiday-source.js';
import { calendarOverridesSchema, calendarSchema, type Calendar, type CalendarOverrides } from './schema.js';

/**
 * The shipped calendars, built for requested years from their definitions and holiday sources.
 * Imports the heavy holiday source: use from activities and the API, never from workflows.
 */

export interface CalendarSummary {
  id: string;
  name: string;
  timeZone: string;
}

/** date-holidays' Hijri table ends in 2076; a narrower window keeps a request cheap. */
export const CALENDAR_YEAR_LIMITS = { min: 1971, max: 2075, maxSpan: 30 } as const;

const MAX_CACHED = 64;
const cache = new Map<string, Calendar>();

export function listCalendars(): CalendarSummary[] {
  return CALENDAR_DEFINITIONS.map(({ id, name, timeZone }) => ({ id, name, timeZone }));
}

export function hasCalendar(id: string): boolean {
  return CALENDAR_DEFINITIONS.some((d) => d.id === id);
}

/**
 * A validated calendar holding the holidays of `years` (one year or an inclusive range), with
 * administrator overrides applied. Results are cached and deeply frozen: share them freely.
 * Throws `DomainError('NOT_FOUND')` for an unknown id, `'VALIDATION_FAILED'` for bad years.
 */
export function getCalendar(
  id: string,
  years: number | { from: number; to: number },
  overrides: CalendarOverrides = {},
): Calendar {
  const definition = CALENDAR_DEFINITIONS.find((d) => d.id === id);
  if (!definition) throw new DomainError('NOT_FOUND', `no calendar "${id}"`);
  const range = typeof years === 'number' ? { from: years, to: years } : years;
  checkYears(range);
  const parsedOverrides = calendarOverridesSchema.parse(overrides);
  const key = `${id}|${range.from}|${range.to}|${JSON.stringify(parsedOverrides)}`;
  const hit = cache.get(key);
  if (hit) {
    // Refresh its place so the cache evicts the least recently used.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const calendar = deepFreeze(buildCalendar(definition, range, parsedOverrides));
  cache.set(key, calendar);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return calendar;
}

/**
 * Years a deadline from `at` may need: the year before (a UTC year can differ from the local one
 * near New Year), its own, and enough after for `duration` (or two years when none is given),
 * assuming at least 150 working days and 600 working hours a year.
 */
export function yearsFor(at: Date, duration?: BusinessDuration): { from: number; to: number } {
  const year = at.getUTCFullYear();
  const ahead =
    duration === undefined
      ? 2
      : 1 + Math.ceil('workingDays' in duration ? duration.workingDays / 150 : duration.workingHours / 600);
  return { from: year - 1, to: Math.min(year + ahead, CALENDAR_YEAR_LIMITS.max) };
}

function buildCalendar(
  def: CalendarDefinition,
  years: { from: number; to: number },
  overrides: CalendarOverrides,
): Calendar {
  const { holidays, halfDays } = generateHolidays(def, years, overrides.movingHolidays);
  const exceptions = new Map<string, Calendar['exceptions'][number]>();
  for (const e of [...(def.exceptions ?? []), ...(overrides.exceptions ?? [])]) exceptions.set(e.date, e);
  const inYears = (date: string) => Number(date.slice(0, 4)) >= years.from && Number(date.slice(0, 4)) <= years.to;
  return calendarSchema.parse({
    id: def.id,
    name: def.name,
    timeZone: def.timeZone,
    years,
    weeklyHours: def.weeklyHours,
    holidays,
    halfDays,
    exceptions: [...exceptions.values()].filter((e) => inYears(e.date)).sort((a, b) => (a.date < b.date ? -1 : 1)),
  });
}

function checkYears(range: { from: number; to: number }): void {
  const { min, max, maxSpan } = CALENDAR_YEAR_LIMITS;
  const ok =
    Number.isInteger(range.from) &&
    Number.isInteger(range.to) &&
    range.from >= min &&
    range.to <= max &&
    range.from <= range.to &&
    range.to - range.from < maxSpan;
  if (!ok) {
    const message = `years must be whole, within ${min}–${max}, at most ${maxSpan} of them`;
    throw new DomainError('VALIDATION_FAILED', message, [{ path: 'year', message: `got ${range.from}–${range.to}` }]);
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
