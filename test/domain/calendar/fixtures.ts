import type { Calendar } from '../../../domain/calendar/index.js';
import { getCalendar } from '../../../domain/calendar/registry.js';

/** The shipped calendars for the years the tests use. */
export const TR = getCalendar('TR', { from: 2025, to: 2028 });
export const US = getCalendar('US', { from: 2025, to: 2028 });
export const DE = getCalendar('DE', { from: 2025, to: 2028 });
export const AZ = getCalendar('AZ', { from: 2026, to: 2027 });
export const IR = getCalendar('IR', { from: 2026, to: 2027 });

/**
 * The UAE moved its weekend on 1 January 2022: Friday–Saturday before, Saturday–Sunday after,
 * with a short Friday. Holidays are left out to isolate the schedule change.
 */
export const AE_WEEKEND_CHANGE: Calendar = {
  id: 'AE',
  name: 'UAE (weekend change)',
  timeZone: 'Asia/Dubai',
  years: { from: 2021, to: 2022 },
  weeklyHours: [
    {
      days: {
        sun: [{ from: '08:00', to: '17:00' }],
        mon: [{ from: '08:00', to: '17:00' }],
        tue: [{ from: '08:00', to: '17:00' }],
        wed: [{ from: '08:00', to: '17:00' }],
        thu: [{ from: '08:00', to: '17:00' }],
      },
    },
    {
      effectiveFrom: '2022-01-01',
      days: {
        mon: [{ from: '07:30', to: '15:30' }],
        tue: [{ from: '07:30', to: '15:30' }],
        wed: [{ from: '07:30', to: '15:30' }],
        thu: [{ from: '07:30', to: '15:30' }],
        fri: [{ from: '07:30', to: '12:00' }],
      },
    },
  ],
  holidays: [],
  halfDays: [],
  exceptions: [],
};

const allDay = [{ from: '00:00', to: '24:00' }];

/** A round-the-clock desk in Berlin: every local day is working time, however long it is. */
export const BERLIN_24_7: Calendar = {
  id: 'BER247',
  name: 'Berlin 24/7',
  timeZone: 'Europe/Berlin',
  years: { from: 2026, to: 2026 },
  weeklyHours: [{ days: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay } }],
  holidays: [],
  halfDays: [],
  exceptions: [],
};

/** Different hours per weekday, to pin the working-days rule when the local time is not open. */
export const UNEVEN_WEEK: Calendar = {
  id: 'UNEVEN',
  name: 'Uneven week',
  timeZone: 'Europe/Istanbul',
  years: { from: 2026, to: 2026 },
  weeklyHours: [
    {
      days: {
        mon: [{ from: '07:00', to: '18:00' }],
        tue: [
          { from: '09:00', to: '12:00' },
          { from: '14:00', to: '18:00' },
        ],
        wed: [{ from: '09:00', to: '18:00' }],
        thu: [{ from: '09:00', to: '18:00' }],
        fri: [{ from: '09:00', to: '18:00' }],
      },
    },
  ],
  holidays: [],
  halfDays: [],
  exceptions: [],
};
