import type { LunarMonths } from './definitions.js';
import { dayNumberOf } from './local-time.js';

/**
 * Where a holiday on day D of a Hijri or Persian month falls. date-holidays' engine computes
 * Hijri dates from the Umm al-Qura table, and rolls a 30th that a month lacks into the next
 * month; a calendar means the month's last day, and a country that sights the moon (Iran)
 * starts its months on days of its own (see `LunarMonths`).
 */

const HIJRI_MONTHS = [
  'Muharram',
  'Safar',
  'Rabi al-awwal',
  'Rabi al-thani',
  'Jumada al-awwal',
  'Jumada al-thani',
  'Rajab',
  'Shaban',
  'Ramadan',
  'Shawwal',
  'Dhu al-Qidah',
  'Dhu al-Hijjah',
];
const PERSIAN_MONTHS = [
  'Farvardin',
  'Ordibehesht',
  'Khordad',
  'Tir',
  'Mordad',
  'Shahrivar',
  'Mehr',
  'Aban',
  'Azar',
  'Dey',
  'Bahman',
  'Esfand',
];

interface MonthDay {
  day: number;
  month: string;
  next: string;
  lunar: boolean;
}

/** `30 Safar …` → day 30 of Safar, followed by Rabi al-awwal; undefined for a Gregorian rule. */
export function monthDayOf(rule: string): MonthDay | undefined {
  for (const [months, lunar] of [
    [HIJRI_MONTHS, true],
    [PERSIAN_MONTHS, false],
  ] as const) {
    const i = months.findIndex((m) => rule.startsWith(m, rule.indexOf(' ') + 1));
    const day = Number(rule.slice(0, rule.indexOf(' ')));
    if (i >= 0 && Number.isInteger(day) && day >= 1 && day <= 31) {
      return { day, month: months[i]!, next: months[(i + 1) % 12]!, lunar };
    }
  }
  return undefined;
}

/** The table's first day (day number) of `month` nearest `near`, from date-holidays' engine. */
export type TableFirstDay = (month: string, near: number) => number;

export interface MonthDayPlacer {
  /** The day (day number) a holiday of `rule` falls on, given the day the table puts it on. */
  place(rule: string, tableDay: number): number;
  /** Announced month starts no table month matched, in the given years (a typo in the data). */
  unmatched(years: { from: number; to: number }): string[];
}

const NEAR = 2;

export function monthDayPlacer(lunarMonths: LunarMonths | undefined, tableFirstDay: TableFirstDay): MonthDayPlacer {
  const announced = (lunarMonths?.announced ?? []).map((a) => ({
    ...a,
    name: a.month.replace(/ \d+$/, ''),
    day: dayNumberOf(a.firstDay),
    used: false,
  }));
  const offset = lunarMonths?.daysAfterTable ?? 0;

  /** The country's first day of the month the table begins on `tableStart`. */
  const firstDay = (month: string, tableStart: number, lunar: boolean): number => {
    if (!lunar) return tableStart;
    const a = announced.find((x) => x.name === month && Math.abs(x.day - tableStart) <= NEAR);
    if (a) a.used = true;
    return a ? a.day : tableStart + offset;
  };

  return {
    place(rule, tableDay) {
      const md = monthDayOf(rule);
      if (!md) return tableDay;
      // Even when the engine rolled a missing 30th over, the table's month began D − 1 days earlier.
      const tableStart = tableDay - (md.day - 1);
      const day = firstDay(md.month, tableStart, md.lunar) + md.day - 1;
      if (md.day < 30) return day;
      const nextStart = firstDay(md.next, tableFirstDay(md.next, tableStart + 29), md.lunar);
      return Math.min(day, nextStart - 1);
    },
    unmatched({ from, to }) {
      return announced
        .filter((a) => !a.used && Number(a.firstDay.slice(0, 4)) >= from && Number(a.firstDay.slice(0, 4)) <= to)
        .map((a) => a.month);
    },
  };
}
