// Console message lookup by stable key, formatted as ICU MessageFormat (FormatJS's
// intl-messageformat), as texts/translate.ts does for the customers' catalogs.
import { IntlMessageFormat } from 'intl-messageformat';
import type { ConsoleMessageKey } from './catalogs/en/index.js';
import { CONSOLE_CATALOGS, CONSOLE_FALLBACK_LANGUAGE, type ConsoleLanguage } from './languages.js';

export type { ConsoleMessageKey } from './catalogs/en/index.js';
export type ConsoleMessageValues = Readonly<Record<string, string | number>>;
export type ConsoleTranslate = (key: ConsoleMessageKey, values?: ConsoleMessageValues) => string;

const compiled = new Map<string, IntlMessageFormat>();

function formatter(language: ConsoleLanguage, key: ConsoleMessageKey): IntlMessageFormat {
  const id = `${language}\u0000${key}`;
  let format = compiled.get(id);
  if (!format) {
    const source = CONSOLE_CATALOGS[language].messages[key] ?? CONSOLE_CATALOGS[CONSOLE_FALLBACK_LANGUAGE].messages[key];
    if (source === undefined) throw new RangeError(`no console message ${key}`);
    format = new IntlMessageFormat(source, CONSOLE_CATALOGS[language].metadata.intlLocale, undefined, { ignoreTag: true });
    compiled.set(id, format);
  }
  return format;
}

export function consoleTranslate(language: ConsoleLanguage, key: ConsoleMessageKey, values?: ConsoleMessageValues): string {
  return String(formatter(language, key).format(values));
}

export function consoleTranslator(language: ConsoleLanguage): ConsoleTranslate {
  return (key, values) => consoleTranslate(language, key, values);
}

/** Whether `key` names a console message (labels looked up by an id that may be unknown: a status, a decision type). */
export function hasConsoleMessage(key: string): key is ConsoleMessageKey {
  return Object.hasOwn(CONSOLE_CATALOGS[CONSOLE_FALLBACK_LANGUAGE].messages, key);
}
