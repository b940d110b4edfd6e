import type { CalendarException, LocalDate, LocalTime, WeeklySchedule, Weekday } from './schema.js';

/**
 * The shipped calendars as data: zone, weekly hours and the rules that generate their holidays.
 * Dates come from maintained libraries and their engines (see holiday-source.ts): a definition
 * holds rules (`05-28`, `1 Shawwal`, "a holiday on a Saturday is made up on the Friday before"),
 * and announcements only where no rule can know them (the moon-sighted start of a lunar month).
 */

export type HolidaySource =
  /** `date-holidays` for a country; only holidays of the given types close the office. */
  | {
      library: 'date-holidays';
      country: string;
      types: readonly ('public' | 'bank' | 'school' | 'optional' | 'observance')[];
    }
  /** `business-days-js`: US federal holidays. */
  | { library: 'business-days-js' };

/** A holiday in date-holidays' rule grammar (`01-20`, `11-08 since 2021`, `1 Shawwal`, `30 Esfand`), computed by its engine. */
export interface RuleHoliday {
  rule: string;
  name: string;
  key: string;
}

export interface MultiDayHoliday {
  /** Stable key for overrides, e.g. `ramazanBayrami`. */
  key: string;
  /** Prefix of the source's rule, e.g. `1 Shawwal`; its date is the first whole day. */
  sourceRule: string;
  days: number;
  /** The day before is a half day ending at this local time (the Turkish arife). */
  eveUntil?: LocalTime;
  eveName?: string;
}

/**
 * Where a lunar (Hijri) month begins, when a country sights the moon itself instead of following
 * the Umm al-Qura table that date-holidays computes. A holiday on day D of a month is then D − 1
 * days after that month's first day, and one on the 30th is the month's last day when it has 29.
 */
export interface LunarMonths {
  /** Days after the table's first day that a month begins, where no start was announced. */
  daysAfterTable: number;
  /** First days as announced (`Shawwal 1445` began on `2024-04-10`), for months holding holidays. */
  announced?: readonly { month: string; firstDay: LocalDate }[];
}

/** How a holiday that falls on a rest day (or, for some, on another holiday) is made up. */
export interface SubstituteRule {
  /** Per weekday the weekly hours close: a holiday on it is made up on the nearest free working day before or after. */
  closedDays: Partial<Record<Weekday, 'before' | 'after'>>;
  /** Holidays (keys) made up also when they fall on another holiday on a working day. */
  alsoOnHoliday?: readonly string[];
  /** Holidays (keys) never made up, and not counted as "another holiday" either. */
  except?: readonly string[];
  /** The made-up day's name; `{name}` is the holiday's. */
  name: string;
  /** First year the rule applies. */
  since?: number;
}

export interface CalendarDefinition {
  id: string;
  name: string;
  timeZone: string;
  weeklyHours: WeeklySchedule[];
  holidays: {
    /** A country's holidays from a library; none when `rules` are all of them. */
    source?: HolidaySource;
    /** Holidays the definition states itself, evaluated by date-holidays' engine. */
    rules?: readonly RuleHoliday[];
    /** Holidays the source gives as one entry (or sunset to sunset) that close several whole days. */
    multiDay?: readonly MultiDayHoliday[];
    /** Fixed-date half days, e.g. 28 October until 13:00 in Turkey. */
    fixedHalfDays?: readonly { monthDay: string; until: LocalTime; name: string; key: string }[];
    lunarMonths?: LunarMonths;
    /** Made-up days; with a rule of its own, a calendar ignores the source's substitutes. */
    substitutes?: SubstituteRule;
  };
  /** Known one-offs shipped with the calendar; administrators add more as overrides. */
  exceptions?: readonly CalendarException[];
}

const weekdays = (hours: { from: LocalTime; to: LocalTime }[]) => ({
  mon: hours,
  tue: hours,
  wed: hours,
  thu: hours,
  fri: hours,
});

export const CALENDAR_DEFINITIONS: readonly CalendarDefinition[] = [
  {
    id: 'TR',
    name: 'Türkiye',
    timeZone: 'Europe/Istanbul',
    weeklyHours: [{ days: weekdays([{ from: '09:00', to: '18:00' }]) }],
    holidays: {
      source: { library: 'date-holidays', country: 'TR', types: ['public'] },
      // Law 2429 art. 2: whole local days, and the eve (arife) is off from 13:00.
      multiDay: [
        {
          key: 'ramazanBayrami',
          sourceRule: '1 Shawwal',
          days: 3,
          eveUntil: '13:00',
          eveName: 'Ramazan Bayramı Arifesi',
        },
        {
          key: 'kurbanBayrami',
          sourceRule: '10 Dhu al-Hijjah',
          days: 4,
          eveUntil: '13:00',
          eveName: 'Kurban Bayramı Arifesi',
        },
      ],
      fixedHalfDays: [
        { monthDay: '10-28', until: '13:00', name: 'Cumhuriyet Bayramı Arifesi', key: 'cumhuriyetBayramiArifesi' },
      ],
    },
  },
  {
    id: 'US',
    name: 'United States (federal holidays)',
    timeZone: 'America/New_York',
    weeklyHours: [{ days: weekdays([{ from: '09:00', to: '17:00' }]) }],
    holidays: {
      source: { library: 'business-days-js' },
      // 5 U.S.C. 6103(b) and E.O. 11582: every federal holiday, Veterans Day included.
      substitutes: { closedDays: { sat: 'before', sun: 'after' }, name: '{name} (observed)', since: 1971 },
    },
  },
  {
    id: 'DE',
    name: 'Deutschland (bundesweite Feiertage)',
    timeZone: 'Europe/Berlin',
    weeklyHours: [
      {
        days: weekdays([
          { from: '08:00', to: '12:00' },
          { from: '13:00', to: '17:00' },
        ]),
      },
    ],
    holidays: { source: { library: 'date-holidays', country: 'DE', types: ['public'] } },
  },
  {
    id: 'AZ',
    name: 'Azərbaycan',
    timeZone: 'Asia/Baku',
    weeklyHours: [
      {
        days: weekdays([
          { from: '09:00', to: '13:00' },
          { from: '14:00', to: '18:00' },
        ]),
      },
    ],
    // Labour Code art. 105 as amended in 2021. date-holidays' AZ data predates it (it closes the
    // commemoration days that art. 105 keeps as working days and lacks 8 November), so the
    // holidays are stated here and only the Hijri dates come from its engine.
    holidays: {
      rules: [
        { rule: '01-01', name: 'Yeni il bayramı', key: 'yeniIl' },
        { rule: '01-02', name: 'Yeni il bayramı', key: 'yeniIl' },
        { rule: '01-20', name: 'Ümumxalq hüzn günü', key: 'umumxalqHuznGunu' },
        { rule: '03-08', name: 'Qadınlar günü', key: 'qadinlarGunu' },
        { rule: '03-20', name: 'Novruz bayramı', key: 'novruz' },
        { rule: '05-09', name: 'Faşizm üzərində qələbə günü', key: 'qelebeGunu' },
        { rule: '05-28', name: 'Müstəqillik günü', key: 'musteqillikGunu' },
        { rule: '06-15', name: 'Azərbaycan xalqının milli qurtuluş günü', key: 'milliQurtulusGunu' },
        { rule: '06-26', name: 'Silahlı Qüvvələr günü', key: 'silahliQuvvelerGunu' },
        { rule: '11-08 since 2021', name: 'Zəfər günü', key: 'zeferGunu' },
        { rule: '11-09', name: 'Dövlət bayrağı günü', key: 'dovletBayragiGunu' },
        { rule: '12-31', name: 'Dünya azərbaycanlılarının həmrəyliyi günü', key: 'hemreylikGunu' },
        { rule: '1 Shawwal', name: 'Ramazan bayramı', key: 'ramazanBayrami' },
        { rule: '10 Dhu al-Hijjah', name: 'Qurban bayramı', key: 'qurbanBayrami' },
      ],
      multiDay: [
        { key: 'novruz', sourceRule: '03-20', days: 5 },
        { key: 'ramazanBayrami', sourceRule: '1 Shawwal', days: 2 },
        { key: 'qurbanBayrami', sourceRule: '10 Dhu al-Hijjah', days: 2 },
      ],
      // Art. 105.5: a holiday on a rest day moves to the next working day (several carry on, one
      // per holiday); 105.6: a bayram on another holiday adds the next working day. 20 January
      // is a day of mourning, not a holiday: it closes but is never made up.
      substitutes: {
        closedDays: { sat: 'after', sun: 'after' },
        alsoOnHoliday: ['ramazanBayrami', 'qurbanBayrami'],
        except: ['umumxalqHuznGunu'],
        name: '{name} (əvəz gün)',
        since: 2006,
      },
    },
  },
  {
    id: 'IR',
    name: 'ایران',
    timeZone: 'Asia/Tehran',
    // The weekend is Friday; Thursday is a short day. A different weekend is data, not code.
    weeklyHours: [
      {
        days: {
          sat: [{ from: '08:00', to: '16:00' }],
          sun: [{ from: '08:00', to: '16:00' }],
          mon: [{ from: '08:00', to: '16:00' }],
          tue: [{ from: '08:00', to: '16:00' }],
          wed: [{ from: '08:00', to: '16:00' }],
          thu: [{ from: '08:00', to: '12:00' }],
        },
      },
    ],
    holidays: {
      source: { library: 'date-holidays', country: 'IR', types: ['public'] },
      // The Nowruz holidays run from 29 Esfand to 4 Farvardin, so a leap year's 30 Esfand is one.
      rules: [{ rule: '30 Esfand', name: 'آخرین روز سال', key: 'akharinRuzSal' }],
      // Iran sights the moon: its months mostly begin a day after the Umm al-Qura table, but not
      // always. The starts Iran announced (official calendar, calendar.ut.ac.ir / time.ir) for
      // the months holding holidays, through Jumada al-thani 1448; later months follow the rule.
      lunarMonths: {
        daysAfterTable: 1,
        announced: [
          { month: 'Rajab 1445', firstDay: '2024-01-13' },
          { month: 'Shaban 1445', firstDay: '2024-02-11' },
          { month: 'Ramadan 1445', firstDay: '2024-03-12' },
          { month: 'Shawwal 1445', firstDay: '2024-04-10' },
          { month: 'Dhu al-Hijjah 1445', firstDay: '2024-06-08' },
          { month: 'Muharram 1446', firstDay: '2024-07-07' },
          { month: 'Safar 1446', firstDay: '2024-08-06' },
          { month: 'Rabi al-awwal 1446', firstDay: '2024-09-05' },
          { month: 'Jumada al-thani 1446', firstDay: '2024-12-03' },
          { month: 'Rajab 1446', firstDay: '2025-01-02' },
          { month: 'Shaban 1446', firstDay: '2025-01-31' },
          { month: 'Ramadan 1446', firstDay: '2025-03-02' },
          { month: 'Shawwal 1446', firstDay: '2025-03-31' },
          { month: 'Dhu al-Hijjah 1446', firstDay: '2025-05-28' },
          { month: 'Muharram 1447', firstDay: '2025-06-27' },
          { month: 'Safar 1447', firstDay: '2025-07-26' },
          { month: 'Rabi al-awwal 1447', firstDay: '2025-08-25' },
          { month: 'Jumada al-thani 1447', firstDay: '2025-11-22' },
          { month: 'Rajab 1447', firstDay: '2025-12-22' },
          { month: 'Shaban 1447', firstDay: '2026-01-21' },
          { month: 'Ramadan 1447', firstDay: '2026-02-19' },
          { month: 'Shawwal 1447', firstDay: '2026-03-21' },
          { month: 'Dhu al-Hijjah 1447', firstDay: '2026-05-18' },
          { month: 'Muharram 1448', firstDay: '2026-06-16' },
          { month: 'Safar 1448', firstDay: '2026-07-16' },
          { month: 'Rabi al-awwal 1448', firstDay: '2026-08-14' },
          { month: 'Jumada al-thani 1448', firstDay: '2026-11-11' },
        ],
      },
    },
  },
];
