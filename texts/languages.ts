// The languages Plaint writes in: each has one catalog folder (texts/catalogs/<id>/) and the
// metadata a page or a formatter needs. A new language is a new catalog folder and one line here.
import { az } from './catalogs/az/index.js';
import { en } from './catalogs/en/index.js';
import { fa } from './catalogs/fa/index.js';
import { tr } from './catalogs/tr/index.js';
import type { Catalog } from './catalogs/en/index.js';

/** What a language needs besides its sentences. */
export interface LanguageMetadata {
  /** The BCP 47 locale `Intl` formats dates and numbers in (`tr-TR`). */
  intlLocale: string;
  /** Writing direction: a right-to-left page (Persian) carries `dir="rtl"`. */
  direction: 'ltr' | 'rtl';
  /** The language's name in itself, for a language switch (`Türkçe`). */
  name: string;
}

export interface LanguageCatalog {
  metadata: LanguageMetadata;
  messages: Catalog;
}

/** Every language with a catalog. English is the source catalog: its keys are the key list. */
export const CATALOGS = { en, tr, fa, az } as const satisfies Readonly<Record<string, LanguageCatalog>>;

export type Language = keyof typeof CATALOGS;
export const LANGUAGES = Object.keys(CATALOGS) as [Language, ...Language[]];

/** The language of a locale we have no catalog for. */
export const FALLBACK_LANGUAGE: Language = 'en';

export function isLanguage(value: string): value is Language {
  return Object.hasOwn(CATALOGS, value);
}

/**
 * Three-letter codes (ISO 639-2/3) some systems send for our languages: `fas`/`per`/`pes` is
 * Persian, `aze`/`azj`/`azb` Azerbaijani (North and South), `tur` Turkish, `eng` English.
 */
const ALIASES: Readonly<Record<string, Language>> = {
  fas: 'fa', per: 'fa', pes: 'fa', aze: 'az', azj: 'az', azb: 'az', tur: 'tr', eng: 'en',
};

/**
 * `tr`, `tr-TR`, `TR`, `tr_TR` → `tr`; `fa-IR` → `fa`; `az-AZ`, `az-Latn-AZ` → `az`; a locale
 * without a catalog → English.
 */
export function languageOf(locale: string): Language {
  const primary = locale.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (isLanguage(primary)) return primary;
  return Object.hasOwn(ALIASES, primary) ? ALIASES[primary]! : FALLBACK_LANGUAGE;
}

export function languageMetadata(language: Language): LanguageMetadata {
  return CATALOGS[language].metadata;
}
