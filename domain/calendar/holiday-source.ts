import Holidays from 'date-holidays';
import businessDaysImport from 'business-days-js';
import type { CalendarDefinition, MultiDayHoliday } from './definitions.js';
import { monthDayPlacer } from './month-days.js';
import type { CalendarOverrides, HalfDay, Holiday } from './schema.js';
import { WEEKDAYS } from './schema.js';
import { madeUpDays } from './substitutes.js';
import { dayNumberOf, localDateOf, weekdayOf } from './local-time.js';

/**
 * Holiday generation from maintained sources. Heavy (date-holidays carries 12 MB of data and
 * moment): import it only from the registry, never from arithmetic or workflow code.
 *
 * Only the *date* of a source holiday is used, as a whole local day. date-holidays models
 * Islamic holidays from sunset to sunset (Ramazan Bayramı 2026: 19 Mar 18:00 → 23 Mar 12:00
 * local) and writes their date as `2026-03-20 00:00:00 -0600`; the first ten characters are the
 * first whole day, and the length comes from our definition, not from the source's end.
 */

// business-days-js is a UMD bundle without "exports": under Node ESM the default import is the
// factory itself, while its typings (read as CommonJS under NodeNext) put it at `.default`.
type BusinessDaysFactory = typeof businessDaysImport.default;
const businessDays: BusinessDaysFactory =
  (businessDaysImport as unknown as { default?: BusinessDaysFactory }).default ??
  (businessDaysImport as unknown as BusinessDaysFactory);

interface SourceHoliday {
  date: string;
  name: string;
  rule: string;
  key?: string;
  /** The source's own made-up day for a holiday on a rest day. */
  substitute?: boolean;
}

const dateHolidaysByCountry = new Map<string, Holidays>();

function libraryHolidays(def: CalendarDefinition, year: number): SourceHoliday[] {
  const source = def.holidays.source;
  if (!source) return [];
  if (source.library === 'business-days-js') {
    return businessDays()
      .getHolidays(year)
      .map((h) => ({ date: h.date.slice(0, 10), name: h.name, rule: h.rule, substitute: h.substitute === true }));
  }
  let hd = dateHolidaysByCountry.get(source.country);
  if (!hd) {
    hd = new Holidays(source.country);
    dateHolidaysByCountry.set(source.country, hd);
  }
  const types: readonly string[] = source.types;
  return hd
    .getHolidays(year)
    .filter((h) => types.includes(h.type))
    // Some data (IR) uses Arabic presentation-form code points; NFKC gives ordinary letters.
    .map((h) => ({
      date: h.date.slice(0, 10),
      name: h.name.normalize('NFKC'),
      rule: h.rule,
      substitute: h.substitute === true,
    }));
}

/** One country-less date-holidays engine per rule, so a rule's dates are its own. */
const engineByRule = new Map<string, Holidays>();

/** The dates (`YYYY-MM-DD`) a rule in date-holidays' grammar gives in a Gregorian year. */
function ruleDates(rule: string, year: number): string[] {
  let engine = engineByRule.get(rule);
  if (!engine) {
    engine = new Holidays();
    if (!engine.setHoliday(rule, { name: rule, type: 'public' })) throw new Error(`date-holidays cannot read the rule "${rule}"`);
    engineByRule.set(rule, engine);
  }
  return engine.getHolidays(year).map((h) => h.date.slice(0, 10));
}

/** The table's first day of a month nearest a day: the engine's `1 <month>` in that year or a neighbour. */
function tableFirstDay(month: string, near: number): number {
  const year = Number(localDateOf(near).slice(0, 4));
  const days = [year - 1, year, year + 1].flatMap((y) => ruleDates(`1 ${month}`, y)).map(dayNumberOf);
  return days.sort((a, b) => Math.abs(a - near) - Math.abs(b - near))[0]!;
}

function ruleHolidays(def: CalendarDefinition, year: number): SourceHoliday[] {
  return (def.holidays.rules ?? []).flatMap((r) =>
    ruleDates(r.rule, year).map((date) => ({ date, name: r.name, rule: r.rule, key: r.key })),
  );
}

/** Whether the weekly schedule in force on a day has working hours on it. */
function weeklyOpensOn(def: CalendarDefinition): (day: number) => boolean {
  const schedules = def.weeklyHours.map((s) => ({
    from: s.effectiveFrom === undefined ? -Infinity : dayNumberOf(s.effectiveFrom),
    days: s.days,
  }));
  return (day) => {
    let days = schedules[0]!.days;
    for (const s of schedules) if (s.from <= day) days = s.days;
    return (days[WEEKDAYS[weekdayOf(day)]!] ?? []).length > 0;
  };
}

interface Occurrence {
  spec: MultiDayHoliday;
  name: string;
  firstDay: number;
}

/** Holidays and half days of a definition for the given years, overrides applied. */
export function generateHolidays(
  def: CalendarDefinition,
  years: { from: number; to: number },
  movingOverrides: NonNullable<CalendarOverrides['movingHolidays']> = [],
): { holidays: Holiday[]; halfDays: HalfDay[] } {
  const holidays: Holiday[] = [];
  const halfDays: HalfDay[] = [];
  const occurrences: Occurrence[] = [];
  const multiDay = def.holidays.multiDay ?? [];
  const placer = monthDayPlacer(def.holidays.lunarMonths, tableFirstDay);
  const substitutes = def.holidays.substitutes;

  // A neighbouring year's holiday (or its eve, or its made-up day) can spill into the requested years.
  for (let year = years.from - 1; year <= years.to + 1; year++) {
    for (const h of [...libraryHolidays(def, year), ...ruleHolidays(def, year)]) {
      // A calendar with a substitute rule of its own makes up every holiday by that one rule.
      if (h.substitute && substitutes) continue;
      const firstDay = placer.place(h.rule, dayNumberOf(h.date));
      const spec = multiDay.find((m) => h.rule.startsWith(m.sourceRule));
      if (spec) occurrences.push({ spec, name: h.name, firstDay });
      else holidays.push({ date: localDateOf(firstDay), name: h.name, ...(h.key === undefined ? {} : { key: h.key }) });
    }
    for (const f of def.holidays.fixedHalfDays ?? []) {
      halfDays.push({ date: `${year}-${f.monthDay}`, until: f.until, name: f.name, key: f.key });
    }
  }
  const unmatched = placer.unmatched(years);
  if (unmatched.length > 0) throw new Error(`calendar ${def.id}: no table month near the announced start of ${unmatched.join(', ')}`);

  for (const o of movingOverrides) {
    const wanted = dayNumberOf(o.firstDay);
    const nearest = occurrences
      .filter((x) => x.spec.key === o.key && Math.abs(x.firstDay - wanted) <= 15)
      .sort((a, b) => Math.abs(a.firstDay - wanted) - Math.abs(b.firstDay - wanted))[0];
    if (nearest) nearest.firstDay = wanted;
    else if (year(o.firstDay) >= years.from && year(o.firstDay) <= years.to) {
      throw new Error(`calendar ${def.id}: no ${o.key} within 15 days of ${o.firstDay} to override`);
    }
  }

  for (const o of occurrences) {
    for (let i = 0; i < o.spec.days; i++) {
      holidays.push({ date: localDateOf(o.firstDay + i), name: o.name, key: o.spec.key });
    }
    if (o.spec.eveUntil) {
      halfDays.push({
        date: localDateOf(o.firstDay - 1),
        until: o.spec.eveUntil,
        name: o.spec.eveName ?? `${o.name} (eve)`,
        key: `${o.spec.key}Eve`,
      });
    }
  }
  if (substitutes) holidays.push(...madeUpDays(holidays, substitutes, weeklyOpensOn(def)));

  const inYears = (d: { date: string }) => year(d.date) >= years.from && year(d.date) <= years.to;
  return { holidays: dedupe(holidays.filter(inYears)), halfDays: dedupe(halfDays.filter(inYears)) };
}

function year(date: string): number {
  return Number(date.slice(0, 4));
}

/** One entry per date (two holidays on one day share it; names are joined), sorted. */
function dedupe<T extends { date: string; name: string; key?: string | undefined }>(items: T[]): T[] {
  const byDate = new Map<string, T>();
  for (const item of items) {
    const seen = byDate.get(item.date);
    if (!seen) {
      byDate.set(item.date, { ...item });
      continue;
    }
    if (!seen.name.split(' / ').includes(item.name)) seen.name = `${seen.name} / ${item.name}`;
    // Keep a rule key (e.g. Kurban Bayramı on 19 May 2027, a national holiday too) for overrides.
    if (seen.key === undefined && item.key !== undefined) seen.key = item.key;
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
