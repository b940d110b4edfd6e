// The calendars deadlines are computed on: the shipped definitions with the process owners'
// overrides in force (calendar-overrides.ts). One resolver serves the worker's clock activities,
// the API's calendar routes and any other server code (simulation, migration plans), so a
// deadline the API shows is the one a complaint filed at that moment gets.
import type { Sql } from 'postgres';
import type { BusinessDuration } from '../domain/business-duration.js';
import type { Calendar } from '../domain/calendar/index.js';
import { NO_OVERRIDES, type NormalizedOverrides } from '../domain/calendar/overrides.js';
import { CALENDAR_YEAR_LIMITS, getCalendar, hasCalendar, yearsFor } from '../domain/calendar/registry.js';
import { DomainError } from '../domain/errors.js';
import { currentCalendarOverrides } from './calendar-overrides.js';

export interface OverridesInForce {
  /** 0 when the calendar was never overridden. */
  version: number;
  overrides: NormalizedOverrides;
}

/** Where the overrides in force come from (the database, or none). */
export type OverridesLookup = (calendarId: string) => Promise<OverridesInForce>;

export interface CalendarResolver {
  /**
   * The calendar a process names, overrides applied, built for every year a computation may touch:
   * from `since` (a clock's start, which may be years back for a long pause) to a deadline from `at`.
   */
  (calendarId: string, at: Date, duration?: BusinessDuration, since?: Date): Promise<Calendar>;
  /** The calendar built for `years`, overrides applied, with the version of those overrides. */
  forYears(calendarId: string, years: number | { from: number; to: number }): Promise<{ calendar: Calendar; overridesVersion: number }>;
  /** Forgets cached overrides of a calendar (this process has just stored a new version). */
  forget(calendarId: string): void;
}

/** How long overrides are cached (ms) when no notification arrives; a new version notifies at once. */
export const OVERRIDES_MAX_AGE_MS = 5_000;

/** The channel db/migrations/0010 notifies on, with the calendar id as payload. */
const CHANNEL = 'calendar_overrides';

const NONE_IN_FORCE: OverridesInForce = Object.freeze({ version: 0, overrides: NO_OVERRIDES });

/** Shipped calendars without overrides, plus any given (e.g. a round-the-clock one in tests). */
export function calendarResolver(
  extra: Readonly<Record<string, Calendar>> = {},
  lookup: OverridesLookup = async () => NONE_IN_FORCE,
  forget: (calendarId: string) => void = () => undefined,
): CalendarResolver {
  // Calendars built per overrides in force: the lookup hands out one object for as long as it
  // caches it. The registry's own cache is keyed by the overrides' JSON, which costs a zod parse of
  // them per call (a third of a queue claim's CPU went to building views' calendars).
  const builtFor = new WeakMap<OverridesInForce, Map<string, Calendar>>();
  const forYears: CalendarResolver['forYears'] = async (calendarId, years) => {
    const given = extra[calendarId];
    if (given) return { calendar: given, overridesVersion: 0 };
    // An unknown id goes straight to the registry's NOT_FOUND, without a query.
    const inForce = hasCalendar(calendarId) ? await lookup(calendarId) : NONE_IN_FORCE;
    let built = builtFor.get(inForce);
    if (!built) builtFor.set(inForce, (built = new Map()));
    const key = typeof years === 'number' ? `${calendarId}|${years}` : `${calendarId}|${years.from}|${years.to}`;
    let calendar = built.get(key);
    if (!calendar) built.set(key, (calendar = build(calendarId, years, inForce)));
    return { calendar, overridesVersion: inForce.version };
  };
  const resolve = async (calendarId: string, at: Date, duration?: BusinessDuration, since?: Date) => {
    const years = yearsFor(at, duration);
    const from = since ? Math.min(years.from, since.getUTCFullYear() - 1) : years.from;
    const span = { from: Math.max(from, years.to - CALENDAR_YEAR_LIMITS.maxSpan + 1), to: years.to };
    return (await forYears(calendarId, span)).calendar;
  };
  return Object.assign(resolve, { forYears, forget });
}

/**
 * The override-aware resolver on PostgreSQL. The overrides in force are cached per calendar for
 * `maxAgeMs`, and dropped as soon as PostgreSQL notifies a new version (or the listening
 * connection comes back after a drop, when a notification may have been missed), so clock
 * activities do not query the database each.
 */
export function createCalendarResolver(deps: {
  sql: Sql;
  extraCalendars?: Readonly<Record<string, Calendar>>;
  maxAgeMs?: number;
}): CalendarResolver {
  const { sql } = deps;
  const maxAgeMs = deps.maxAgeMs ?? OVERRIDES_MAX_AGE_MS;
  const cached = new Map<string, { value: OverridesInForce; loadedAt: number }>();
  // Bumped by every invalidation, so a load that began before it does not cache what it read.
  const generations = new Map<string, number>();
  const loads = new Map<string, Promise<OverridesInForce>>();
  let listening = false;

  const forget = (calendarId: string) => {
    cached.delete(calendarId);
    generations.set(calendarId, (generations.get(calendarId) ?? 0) + 1);
  };
  const forgetAll = () => [...cached.keys()].forEach(forget);

  const lookup: OverridesLookup = async (calendarId) => {
    if (!listening) {
      listening = true;
      // Without it the cache still expires after maxAgeMs; a failed LISTEN is not a failed deadline.
      sql.listen(CHANNEL, forget, forgetAll).catch(() => (listening = false));
    }
    const hit = cached.get(calendarId);
    if (hit && performance.now() - hit.loadedAt < maxAgeMs) return hit.value;
    const generation = generations.get(calendarId) ?? 0;
    const key = `${calendarId}|${generation}`;
    // Activities starting together share one query.
    let loading = loads.get(key);
    if (!loading) {
      loading = load(calendarId).finally(() => loads.delete(key));
      loads.set(key, loading);
    }
    const value = await loading;
    if ((generations.get(calendarId) ?? 0) === generation) cached.set(calendarId, { value, loadedAt: performance.now() });
    return value;
  };
  const load = async (calendarId: string): Promise<OverridesInForce> => {
    const current = await currentCalendarOverrides(sql, calendarId);
    return current ? { version: current.version, overrides: current.overrides } : { version: 0, overrides: NO_OVERRIDES };
  };
  return calendarResolver(deps.extraCalendars, lookup, forget);
}

function build(calendarId: string, years: number | { from: number; to: number }, inForce: OverridesInForce): Calendar {
  try {
    return getCalendar(calendarId, years, inForce.overrides);
  } catch (err) {
    if (err instanceof DomainError || err instanceof RangeError || inForce.version === 0) throw err;
    // Stored overrides were checked against the calendar when they were stored; if holiday data
    // changed since, no retry will help: fail for good, so the workflow records it and goes on.
    throw new DomainError(
      'DEFINITION_INVALID',
      `calendar ${calendarId}: overrides version ${inForce.version} no longer fit it (${(err as Error).message}); store a corrected version`,
      undefined,
      { cause: err },
    );
  }
}
