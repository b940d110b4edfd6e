// The one formatter of what people read besides sentences: instants (in the calendar's time
// zone), calendar dates, money and lists, through `Intl` in the language's locale.
import { languageMetadata, type Language } from './languages.js';

const DAY = { day: 'numeric', month: 'long', year: 'numeric' } as const;
const TIME = { hour: '2-digit', minute: '2-digit' } as const;
const DAY_AND_TIME = { ...DAY, ...TIME } as const;

export interface InstantOptions {
  /** Name the zone (`GMT+3`) after the time: pages do, since a reader may be elsewhere. */
  withZoneName?: boolean;
}

/**
 * How a locale's readers write dates, beyond what `Intl` picks by itself. Persian readers count in
 * the Solar Hijri calendar with Persian digits (۱۵ اسفند ۱۴۰۴): asked for explicitly, so a bare
 * `fa` locale or an ICU whose region defaults differ still gives that. A locale's own `-u-ca-` or
 * `-u-nu-` extension wins.
 */
export function dateConventions(intlLocale: string): Pick<Intl.DateTimeFormatOptions, 'calendar' | 'numberingSystem'> {
  const locale = new Intl.Locale(intlLocale);
  if (locale.language !== 'fa') return {};
  return { ...(locale.calendar ? {} : { calendar: 'persian' }), ...(locale.numberingSystem ? {} : { numberingSystem: 'arabext' }) };
}

/**
 * Between the date and the time, where CLDR's own joiner misreads: its Azerbaijani long pattern
 * writes `6 mart 2026/19:00`, which Azerbaijani texts write `6 mart 2026, 19:00`.
 */
const DATE_TIME_JOINERS: Readonly<Record<string, string>> = { az: ', ' };

/**
 * An ISO instant as a local date and time in `timeZone`; a `YYYY-MM-DD` calendar date stays that
 * date whatever the zone. An unknown zone reads as UTC, named, never as the server's own zone.
 * Null for a value that is not a date.
 */
export function formatInstant(
  value: string,
  language: Language,
  timeZone: string | null,
  options: InstantOptions = {},
): string | null {
  return formatInstantIn(languageMetadata(language).intlLocale, value, timeZone, options);
}

/** formatInstant for an `Intl` locale (`fa-IR`), whether or not a catalog speaks it. */
export function formatInstantIn(locale: string, value: string, timeZone: string | null, options: InstantOptions = {}): string | null {
  const conventions = dateConventions(locale);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const date = new Date(`${value}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? null : new Intl.DateTimeFormat(locale, { ...DAY, ...conventions, timeZone: 'UTC' }).format(date);
  }
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return null;
  const zoneName = options.withZoneName ? ({ timeZoneName: 'short' } as const) : {};
  const format = (zone: string, named: { timeZoneName?: 'short' }) => {
    const joiner = DATE_TIME_JOINERS[new Intl.Locale(locale).language];
    if (joiner === undefined) return new Intl.DateTimeFormat(locale, { ...DAY_AND_TIME, ...named, ...conventions, timeZone: zone }).format(instant);
    const day = new Intl.DateTimeFormat(locale, { ...DAY, ...conventions, timeZone: zone }).format(instant);
    return `${day}${joiner}${new Intl.DateTimeFormat(locale, { ...TIME, ...named, ...conventions, timeZone: zone }).format(instant)}`;
  };
  try {
    if (timeZone) return format(timeZone, zoneName);
  } catch {
    // An unknown zone: fall through to UTC, named.
  }
  return format('UTC', { timeZoneName: 'short' });
}

/** An amount with its currency in local number format; without a known currency, the number (and code). */
export function formatMoney(amount: number, currency: string | null, language: Language): string {
  const locale = languageMetadata(language).intlLocale;
  if (currency) {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
    } catch {
      return `${new Intl.NumberFormat(locale).format(amount)} ${currency}`;
    }
  }
  return new Intl.NumberFormat(locale).format(amount);
}

/** `a, b and c` / `a, b ve c`. */
export function formatList(items: readonly string[], language: Language, type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  return new Intl.ListFormat(languageMetadata(language).intlLocale, { style: 'long', type }).format(items);
}

/** Upper-cases the first letter the language's way (Turkish `i` → `İ`), for a word that starts a line. */
export function capitalize(text: string, language: Language): string {
  return text.charAt(0).toLocaleUpperCase(languageMetadata(language).intlLocale) + text.slice(1);
}

/** A share as a percentage in the language's format (`0.75` → `75%`, `%75`). */
export function formatPercent(share: number, language: Language): string {
  return new Intl.NumberFormat(languageMetadata(language).intlLocale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** A country's or a language's name in the language (`TR` → `Türkiye`, `en` → `İngilizce`); the code itself when unknown. */
export function formatDisplayName(code: string, type: 'region' | 'language', language: Language): string {
  try {
    return new Intl.DisplayNames([languageMetadata(language).intlLocale], { type, fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}
