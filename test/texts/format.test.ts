// The one formatter: dates in the calendar's zone, money, lists, in the reader's language.
import { describe, expect, it } from 'vitest';
import { capitalize, formatInstant, formatList, formatMoney } from '../../texts/format.js';

describe('formatInstant', () => {
  it("shows an instant in the calendar's zone, and names the zone when asked", () => {
    expect(formatInstant('2026-03-02T07:00:00Z', 'tr', 'Europe/Istanbul')).toBe('2 Mart 2026 10:00');
    expect(formatInstant('2026-03-02T07:00:00Z', 'en', 'Europe/Istanbul')).toBe('2 March 2026 at 10:00');
    expect(formatInstant('2026-03-02T07:00:00Z', 'en', 'Europe/Istanbul', { withZoneName: true })).toBe('2 March 2026 at 10:00 GMT+3');
  });

  it('names UTC for an unknown zone rather than using the server zone, and keeps a calendar date that date', () => {
    expect(formatInstant('2026-03-02T07:00:00Z', 'en', 'Mars/Olympus')).toBe('2 March 2026 at 07:00 UTC');
    expect(formatInstant('2026-12-31', 'tr', 'Pacific/Honolulu')).toBe('31 Aralık 2026');
    expect(formatInstant('not a date', 'en', 'UTC')).toBeNull();
  });
});

describe('formatMoney, formatList, capitalize', () => {
  it('formats money in local style, and an unknown currency as the number and its code', () => {
    expect(formatMoney(1250, 'TRY', 'tr')).toBe('₺1.250,00');
    expect(formatMoney(1250, 'EUR', 'en')).toBe('€1,250.00');
    expect(formatMoney(1250, 'XYZW', 'en')).toBe('1,250 XYZW');
    expect(formatMoney(1250, null, 'tr')).toBe('1.250');
  });

  it('joins lists and capitalizes the language’s way', () => {
    expect(formatList(['e-posta', 'SMS', 'mektup'], 'tr')).toBe('e-posta, SMS ve mektup');
    expect(formatList(['e-mail', 'SMS'], 'en', 'disjunction')).toBe('e-mail or SMS');
    expect(capitalize('iade', 'tr')).toBe('İade');
    expect(capitalize('iade', 'en')).toBe('Iade');
  });
});
