import type { CalendarException, LocalTime, WeeklySchedule } from './schema.js';

/**
 * The shipped calendars as data: zone, weekly hours and how to generate their holidays.
 * Holiday dates come from maintained libraries (see holiday-source.ts), never typed in.
 */

export type HolidaySource =
  /** `date-holidays` for a country; only holidays of the given types close the office. */
  | {
      library: 'date-holidays';
      country: string;
      types: readonly ('public' | 'bank' | 'school' | 'optional' | 'observance')[];
    }
  /** `business-days-js`: US federal holidays with their observed substitutes. */
  | { library: 'business-days-js' };

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

export interface CalendarDefinition {
  id: string;
  name: string;
  timeZone: string;
  weeklyHours: WeeklySchedule[];
  holidays: {
    source: HolidaySource;
    /** Holidays the source gives as one entry (or sunset to sunset) that close several whole days. */
    multiDay?: readonly MultiDayHoliday[];
    /** Fixed-date half days, e.g. 28 October until 13:00 in Turkey. */
    fixedHalfDays?: readonly { monthDay: string; until: LocalTime; name: string; key: string }[];
    /** Fixed-date closures the source lacks (e.g. Azerbaijan's five Novruz days). */
    fixedHolidays?: readonly { monthDay: string; name: string; key: string }[];
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
    holidays: { source: { library: 'business-days-js' } },
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
    holidays: {
      source: { library: 'date-holidays', country: 'AZ', types: ['public'] },
      // Labour Code art. 105: Novruz is five days; date-holidays lists only 20 March.
      fixedHolidays: ['03-20', '03-21', '03-22', '03-23', '03-24'].map((monthDay) => ({
        monthDay,
        name: 'Novruz',
        key: 'novruz',
      })),
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
    holidays: { source: { library: 'date-holidays', country: 'IR', types: ['public'] } },
  },
];
