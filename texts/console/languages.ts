// The languages staff work in (issue #12: Turkish and English). The console's catalogs are apart
// from the customers' (texts/catalogs/), which speak four languages; the mechanism is the same.
import { en, type ConsoleCatalog } from './catalogs/en/index.js';
import { tr } from './catalogs/tr/index.js';

export interface ConsoleLanguageCatalog {
  metadata: { intlLocale: string; name: string };
  messages: ConsoleCatalog;
}

export const CONSOLE_CATALOGS = { en, tr } as const satisfies Readonly<Record<string, ConsoleLanguageCatalog>>;
export type ConsoleLanguage = keyof typeof CONSOLE_CATALOGS;
export const CONSOLE_LANGUAGES = Object.keys(CONSOLE_CATALOGS) as [ConsoleLanguage, ...ConsoleLanguage[]];
export const CONSOLE_FALLBACK_LANGUAGE: ConsoleLanguage = 'en';

/** A directory person's language as the console speaks it: `tr`, `tr-TR` → tr; anything without a console catalog → English. */
export function consoleLanguageOf(language: string | null | undefined): ConsoleLanguage {
  const primary = (language ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return Object.hasOwn(CONSOLE_CATALOGS, primary) ? (primary as ConsoleLanguage) : CONSOLE_FALLBACK_LANGUAGE;
}
