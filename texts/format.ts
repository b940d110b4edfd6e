// The one formatter of what people read besides sentences: instants (in the calendar's time
// zone), calendar dates, money and lists, through `Intl` in the language's locale.
import { languageMetadata, type Language } from './languages.js';

const DAY = { day: 'numeric', month: 'long', year: 'numeric' } as const;
const DAY_AND_TIME = { ...DAY, hour: '2-digit', minute: '2-digit' } as const;

export interface InstantOptions {
  /** Name the zone (`GMT+3`) after the time: pages do, since a reader may be elsewhere. */
  withZoneName?: boolean;
}

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
  const locale = languageMetadata(language).intlLocale;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const date = new Date(`${value}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? null : new Intl.DateTimeFormat(locale, { ...DAY, timeZone: 'UTC' }).format(date);
  }
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return null;
  const zoneName = options.withZoneName ? ({ timeZoneName: 'short' } as const) : {};
  try {
    if (timeZone) return new Intl.DateTimeFormat(locale, { ...DAY_AND_TIME, ...zoneName, timeZone }).format(instant);
  } catch {
    // An unknown zone: fall through to UTC, named.
  }
  return new Intl.DateTimeFormat(locale, { ...DAY_AND_TIME, timeZone: 'UTC', timeZoneName: 'short' }).format(instant);
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
