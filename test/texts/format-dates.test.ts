// Dates as each language's readers write them, in the calendar's zone: Persian in the Solar Hijri
// calendar with Persian digits, Azerbaijani with a comma before the time. Checked on the locales
// themselves, and on each language we have texts in.
import { describe, expect, it } from 'vitest';
import { dateConventions, formatInstant, formatInstantIn } from '../../texts/format.js';
import { LANGUAGES, languageMetadata } from '../../texts/languages.js';

const AT = '2026-03-06T15:00:00Z'; // 15 Esfand 1404, 18:00 in Istanbul

describe('dates for Persian readers', () => {
  it('asks for the Persian calendar and digits for fa, unless the locale says otherwise', () => {
    expect(dateConventions('fa-IR')).toEqual({ calendar: 'persian', numberingSystem: 'arabext' });
    expect(dateConventions('fa')).toEqual({ calendar: 'persian', numberingSystem: 'arabext' });
    expect(dateConventions('fa-IR-u-nu-latn')).toEqual({ calendar: 'persian' });
    expect(dateConventions('tr-TR')).toEqual({});
    expect(dateConventions('az-AZ')).toEqual({});
  });

  it('writes an instant as Iranians read it: Solar Hijri date, Persian digits, the zone named', () => {
    expect(formatInstantIn('fa-IR', AT, 'Europe/Istanbul')).toBe('۱۵ اسفند ۱۴۰۴ ساعت ۱۸:۰۰');
    expect(formatInstantIn('fa', AT, 'Asia/Tehran')).toBe('۱۵ اسفند ۱۴۰۴ ساعت ۱۸:۳۰');
    expect(formatInstantIn('fa-IR', AT, 'Europe/Istanbul', { withZoneName: true })).toMatch(/^۱۵ اسفند ۱۴۰۴ ساعت ۱۸:۰۰ .*۳/);
    expect(formatInstantIn('fa-IR', '2026-03-21', 'Pacific/Honolulu')).toBe('۱ فروردین ۱۴۰۵'); // Nowruz
  });

  it('writes Azerbaijani dates with a comma before the time, not CLDR’s slash', () => {
    expect(formatInstantIn('az-AZ', AT, 'Asia/Baku')).toBe('6 mart 2026, 19:00');
    expect(formatInstantIn('az-AZ', AT, 'Asia/Baku', { withZoneName: true })).toBe('6 mart 2026, 19:00 GMT+4');
    expect(formatInstantIn('az-AZ', AT, 'Mars/Olympus')).toBe('6 mart 2026, 15:00 UTC');
  });

  it.each(LANGUAGES.map((language) => [language, languageMetadata(language).intlLocale]))(
    'formats %s (%s) through its locale’s conventions',
    (language, locale) => {
      expect(formatInstant(AT, language, 'Europe/Istanbul')).toBe(formatInstantIn(locale, AT, 'Europe/Istanbul'));
      if (languageMetadata(language).direction === 'rtl') expect(formatInstant(AT, language, 'Europe/Istanbul')).toContain('۱۴۰۴');
    },
  );
});
