import type { SubstituteRule } from './definitions.js';
import { dayNumberOf, localDateOf, weekdayOf } from './local-time.js';
import { WEEKDAYS, type Holiday } from './schema.js';

/**
 * The days that make up holidays under a calendar's substitute rule. Each holiday on a rest day
 * (and, for the holidays the rule names, each on another holiday) gets its own day: the nearest
 * working day in the rule's direction that is neither a holiday nor already a made-up day, so
 * substitutes of colliding holidays carry on to the following days, in date order.
 */
export function madeUpDays(holidays: readonly Holiday[], rule: SubstituteRule, opensOn: (day: number) => boolean): Holiday[] {
  const except = new Set(rule.except ?? []);
  const identity = (h: Holiday) => h.key ?? h.name;
  const distinct = new Map<string, Holiday>();
  for (const h of holidays) distinct.set(`${h.date}|${identity(h)}`, h);
  const entries = [...distinct.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const taken = new Set(entries.map((h) => h.date));
  const madeUp: Holiday[] = [];
  for (const h of entries) {
    if (except.has(h.key ?? '') || Number(h.date.slice(0, 4)) < (rule.since ?? -Infinity)) continue;
    const day = dayNumberOf(h.date);
    const direction = opensOn(day) ? collisionDirection(h, entries, rule, except) : rule.closedDays[WEEKDAYS[weekdayOf(day)]!];
    if (!direction) continue;
    const step = direction === 'before' ? -1 : 1;
    let d = day + step;
    while (!opensOn(d) || taken.has(localDateOf(d))) {
      d += step;
      if (Math.abs(d - day) > 366) throw new Error(`no working day within a year of ${h.date} to make up ${h.name}`);
    }
    taken.add(localDateOf(d));
    madeUp.push({
      date: localDateOf(d),
      name: rule.name.replace('{name}', h.name),
      ...(h.key === undefined ? {} : { key: `${h.key}Substitute` }),
    });
  }
  return madeUp;
}

/** 'after' when a holiday the rule names falls on a working day that holds another holiday too. */
function collisionDirection(
  h: Holiday,
  entries: readonly Holiday[],
  rule: SubstituteRule,
  except: ReadonlySet<string>,
): 'after' | undefined {
  if (h.key === undefined || !(rule.alsoOnHoliday ?? []).includes(h.key)) return undefined;
  const other = entries.some((o) => o.date === h.date && o.key !== h.key && !except.has(o.key ?? ''));
  return other ? 'after' : undefined;
}
