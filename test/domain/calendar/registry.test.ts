import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../../domain/errors.js';
import { addBusinessDuration, calendarSchema, dayHoursOf, holidaysInYear } from '../../../domain/calendar/index.js';
import { CALENDAR_DEFINITIONS } from '../../../domain/calendar/definitions.js';
import { generateHolidays } from '../../../domain/calendar/holiday-source.js';
import { getCalendar, listCalendars, yearsFor } from '../../../domain/calendar/registry.js';
import { AZ, DE, IR, TR, US } from './fixtures.js';

const datesOf = (items: { date: string }[]) => items.map((i) => i.date);
const range = (first: string, days: number) =>
  Array.from({ length: days }, (_, i) => new Date(Date.parse(`${first}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));

describe('the TR calendar', () => {
  it('holds every Turkish public holiday of 2026 as whole local days', () => {
    expect(datesOf(holidaysInYear(TR, 2026).holidays)).toEqual([
      '2026-01-01',
      ...range('2026-03-20', 3),
      '2026-04-23',
      '2026-05-01',
      '2026-05-19',
      ...range('2026-05-27', 4),
      '2026-07-15',
      '2026-08-30',
      '2026-10-29',
    ]);
  });

  it.each([
    [2025, 'ramazanBayrami', '2025-03-29', '2025-03-30', 3],
    [2025, 'kurbanBayrami', '2025-06-05', '2025-06-06', 4],
    [2026, 'ramazanBayrami', '2026-03-19', '2026-03-20', 3],
    [2026, 'kurbanBayrami', '2026-05-26', '2026-05-27', 4],
    [2027, 'ramazanBayrami', '2027-03-08', '2027-03-09', 3],
    [2027, 'kurbanBayrami', '2027-05-15', '2027-05-16', 4],
  ] as const)('in %i makes %s a half day on %s and closes from %s for %i whole days', (year, key, eve, first, days) => {
    const { holidays, halfDays } = holidaysInYear(TR, year);
    expect(datesOf(holidays.filter((h) => h.key === key))).toEqual(range(first, days));
    expect(halfDays.filter((h) => h.key === `${key}Eve`)).toEqual([expect.objectContaining({ date: eve, until: '13:00' })]);
  });

  it.each([2025, 2026, 2027, 2028])('makes 28 October %i a half day to 13:00', (year) => {
    expect(holidaysInYear(TR, year).halfDays).toContainEqual(expect.objectContaining({ date: `${year}-10-28`, until: '13:00' }));
  });

  it('moves a religious holiday, its eve and its length to an announced first day', () => {
    const announced = getCalendar('TR', 2027, { movingHolidays: [{ key: 'kurbanBayrami', firstDay: '2027-05-17' }] });
    expect(datesOf(announced.holidays.filter((h) => h.key === 'kurbanBayrami'))).toEqual(range('2027-05-17', 4));
    expect(dayHoursOf(announced, '2027-05-16')).toEqual([]); // a Sunday now holding the arife
    expect(dayHoursOf(announced, '2027-05-21')).toEqual([{ from: '09:00', to: '18:00' }]);
  });

  it('refuses an override with no such holiday near it', () => {
    expect(() => getCalendar('TR', 2027, { movingHolidays: [{ key: 'kurbanBayrami', firstDay: '2027-09-01' }] })).toThrow(
      /no kurbanBayrami within 15 days/,
    );
  });

  it('carries administrator exceptions', () => {
    const bridged = getCalendar('TR', 2026, { exceptions: [{ kind: 'closed', date: '2026-10-30', name: 'Köprü izni' }] });
    expect(dayHoursOf(bridged, '2026-10-30')).toEqual([]);
  });
});

describe('the other shipped calendars', () => {
  it('takes US federal holidays from business-days-js, observed substitutes included', () => {
    const us2026 = datesOf(holidaysInYear(US, 2026).holidays);
    expect(us2026).toContain('2026-07-03');
    expect(us2026).toContain('2026-11-26');
    expect(datesOf(holidaysInYear(US, 2027).holidays)).toContain('2027-12-31');
  });

  it('keeps only German public holidays, not observances', () => {
    const de2026 = datesOf(holidaysInYear(DE, 2026).holidays);
    expect(de2026).toEqual(['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-25', '2026-10-03', '2026-12-25', '2026-12-26']);
  });

  it.each([
    ['a Saturday', '2028-11-11', '2028-11-10'],
    ['a Sunday', '2029-11-11', '2029-11-12'],
  ])('makes up a US holiday on %s whose source rule has no substitute (Veterans Day %s → %s)', (_, holiday, observed) => {
    const us = getCalendar('US', Number(holiday.slice(0, 4)));
    expect(dayHoursOf(us, observed)).toEqual([]);
    expect(datesOf(us.holidays.filter((h) => h.name === 'Veterans Day (observed)'))).toEqual([observed]);
  });

  it('closes all five Novruz days in Azerbaijan', () => {
    expect(datesOf(holidaysInYear(AZ, 2027).holidays)).toEqual(expect.arrayContaining(range('2027-03-20', 5)));
  });

  it.each([
    ['Memorial Day', '2027-09-27'],
    ['Independence Restoration Day', '2027-10-18'],
    ['Constitution Day', '2026-11-12'],
    ['National Revival Day', '2026-11-17'],
  ])('keeps %s (%s) a working day in Azerbaijan, as Labour Code art. 105 does', (_, date) => {
    expect(dayHoursOf(AZ, date)).toEqual(AZ.weeklyHours[0]!.days.mon);
  });

  it('closes Victory Day, 8 November, in Azerbaijan since 2021', () => {
    expect(dayHoursOf(AZ, '2027-11-08')).toEqual([]);
    expect(dayHoursOf(getCalendar('AZ', 2020), '2020-11-09')).toEqual([]); // Flag Day, a holiday then too
    expect(datesOf(getCalendar('AZ', 2019).holidays)).not.toContain('2019-11-08');
  });

  it('makes up Novruz days on the weekend in Azerbaijan, one working day each', () => {
    // 2027: Novruz from Saturday 20 to Wednesday 24 March; the weekend's two days follow it.
    for (const date of [...range('2027-03-20', 5), '2027-03-25', '2027-03-26']) expect(dayHoursOf(AZ, date)).toEqual([]);
    expect(dayHoursOf(AZ, '2027-03-29')).not.toEqual([]);
  });

  it('carries Azerbaijani made-up days past other holidays and made-up days', () => {
    // 2026: Ramazan on Friday 20 (a Novruz day: art. 105.6) and Saturday 21 March, Novruz to Tuesday 24:
    // four made-up days (20th's bayram, 21st's two holidays, 22nd's Novruz) run from Wednesday 25.
    const madeUp = holidaysInYear(AZ, 2026).holidays.filter((h) => h.key?.endsWith('Substitute') && h.date >= '2026-03-20' && h.date < '2026-04-01');
    expect(datesOf(madeUp)).toEqual(['2026-03-25', '2026-03-26', '2026-03-27', '2026-03-30']);
  });

  it('closes 20 January in Azerbaijan but never makes it up', () => {
    const az2024 = getCalendar('AZ', 2024); // a Saturday
    expect(datesOf(az2024.holidays)).toContain('2024-01-20');
    expect(dayHoursOf(az2024, '2024-01-22')).not.toEqual([]);
  });

  it.each([
    ['Eid al-Fitr 1448 and its second day', 'عید سعید فطر', ['2027-03-10', '2027-03-11']],
    ['Eid al-Adha 1448', 'عید سعید قربان', ['2027-05-17']],
  ])('starts Iranian lunar months a day after the Umm al-Qura table: %s', (_, name, dates) => {
    expect(datesOf(getCalendar('IR', 2027).holidays.filter((h) => h.name.includes(name)))).toEqual(dates);
  });

  it.each([
    ['Eid al-Fitr 1445 on the table’s own days', 'عید سعید فطر', ['2024-04-10', '2024-04-11']],
    ['Eid al-Adha 1445 a day after the table', 'عید سعید قربان', ['2024-06-17']],
    ['Tasua 1446 on the table’s own day', 'تاسوعا', ['2024-07-15']],
    ['Ashura 1446 on the table’s own day', 'عاشورا', ['2024-07-16']],
  ])('places Iranian lunar holidays in the months Iran announced: %s', (_, name, dates) => {
    expect(datesOf(getCalendar('IR', 2024).holidays.filter((h) => h.name.includes(name)))).toEqual(dates);
  });

  it('refuses an announced month start with no month of the table near it', () => {
    const ir = CALENDAR_DEFINITIONS.find((d) => d.id === 'IR')!;
    const typo = { ...ir, holidays: { ...ir.holidays, lunarMonths: { daysAfterTable: 1, announced: [{ month: 'Shawwal 1445', firstDay: '2024-04-20' }] } } };
    expect(() => generateHolidays(typo, { from: 2024, to: 2024 })).toThrow(/announced start of Shawwal 1445/);
  });

  it('puts Imam Reza’s martyrdom on the last day of Safar, the 29th when Safar is short', () => {
    // Safar 1449 begins on 6 July 2027 in Iran, a day after the table, and Rabi al-awwal on 4 August.
    const ir2027 = getCalendar('IR', 2027);
    expect(ir2027.holidays.find((h) => h.date === '2027-08-02')?.name).toMatch(/رحلت/); // 28 Safar
    expect(ir2027.holidays.find((h) => h.date === '2027-08-03')?.name).toMatch(/امام رضا/); // 29 Safar, its last day
    expect(datesOf(ir2027.holidays)).not.toContain('2027-08-04');
  });

  it('closes 30 Esfand in an Iranian leap year, a Nowruz holiday', () => {
    expect(dayHoursOf(getCalendar('IR', 2025), '2025-03-20')).toEqual([]); // 30 Esfand 1403
    expect(dayHoursOf(getCalendar('IR', 2030), '2030-03-20')).toEqual([]); // 30 Esfand 1408
  });

  it('rests on Friday in Iran', () => {
    expect(dayHoursOf(IR, '2026-11-27')).toEqual([]);
    expect(dayHoursOf(IR, '2026-11-28')).toEqual([{ from: '08:00', to: '16:00' }]);
  });

  it('gives Iranian holiday names in ordinary Persian letters, not presentation forms', () => {
    for (const h of IR.holidays) expect(h.name).not.toMatch(/[\uFB50-\uFDFF\uFE70-\uFEFF]/);
  });

  it.each(listCalendars().map((c) => [c.id]))('builds %s as a valid calendar', (id) => {
    expect(calendarSchema.safeParse(getCalendar(id, { from: 2026, to: 2027 })).success).toBe(true);
  });
});

describe('the calendar registry', () => {
  it('lists TR, US, DE, AZ and IR with their zones', () => {
    expect(listCalendars()).toEqual([
      { id: 'TR', name: 'Türkiye', timeZone: 'Europe/Istanbul' },
      expect.objectContaining({ id: 'US', timeZone: 'America/New_York' }),
      expect.objectContaining({ id: 'DE', timeZone: 'Europe/Berlin' }),
      expect.objectContaining({ id: 'AZ', timeZone: 'Asia/Baku' }),
      expect.objectContaining({ id: 'IR', timeZone: 'Asia/Tehran' }),
    ]);
  });

  it('returns the same frozen calendar for the same request', () => {
    const first = getCalendar('TR', 2026);
    expect(getCalendar('TR', { from: 2026, to: 2026 })).toBe(first);
    expect(Object.isFrozen(first.holidays[0])).toBe(true);
  });

  it.each([{ workingDays: 1_000 }, { workingHours: 10_000 }])('builds enough years for %j, the longest the schema allows', (d) => {
    const from = new Date('2026-12-31T17:00:00+03:00');
    const { deadline } = addBusinessDuration(getCalendar('TR', yearsFor(from, d)), from, d);
    expect(deadline.getTime()).toBeGreaterThan(from.getTime());
  });

  it.each([
    ['an unknown id', () => getCalendar('XX', 2026), 'NOT_FOUND'],
    ['a year beyond the Hijri tables', () => getCalendar('TR', 2090), 'VALIDATION_FAILED'],
    ['years in the wrong order', () => getCalendar('TR', { from: 2027, to: 2026 }), 'VALIDATION_FAILED'],
  ] as const)('refuses %s with a domain error', (_, call, code) => {
    try {
      call();
      expect.unreachable();
    } catch (err) {
      expect(isDomainError(err) && err.code).toBe(code);
    }
  });
});
