// Message lookup by stable key, formatted as ICU MessageFormat (plurals, select, placeholders)
// through FormatJS's intl-messageformat. Values are already words: dates and money go through
// format.ts first, so every date a person reads is formatted in one place.
import { IntlMessageFormat } from 'intl-messageformat';
import type { MessageKey } from './catalogs/en/index.js';
import { CATALOGS, FALLBACK_LANGUAGE, type Language } from './languages.js';

export type { MessageKey } from './catalogs/en/index.js';

/** Placeholder values: text, or a number for `plural` and `#`. */
export type MessageValues = Readonly<Record<string, string | number>>;

/** Looks up `key` in `language` and fills in `values`. */
export type Translate = (key: MessageKey, values?: MessageValues) => string;

const compiled = new Map<string, IntlMessageFormat>();

function formatter(language: Language, key: MessageKey): IntlMessageFormat {
  const id = `${language}\u0000${key}`;
  let format = compiled.get(id);
  if (!format) {
    // A missing key in a language (the catalogs test forbids it) reads in the fallback language.
    const source = CATALOGS[language].messages[key] ?? CATALOGS[FALLBACK_LANGUAGE].messages[key];
    if (source === undefined) throw new RangeError(`no message ${key}`);
    format = new IntlMessageFormat(source, CATALOGS[language].metadata.intlLocale, undefined, { ignoreTag: true });
    compiled.set(id, format);
  }
  return format;
}

export function translate(language: Language, key: MessageKey, values?: MessageValues): string {
  return String(formatter(language, key).format(values));
}

/** `translate` bound to a language. */
export function translator(language: Language): Translate {
  return (key, values) => translate(language, key, values);
}

/** Whether `key` names a message (label tables are looked up by an id that may be unknown). */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(CATALOGS[FALLBACK_LANGUAGE].messages, key);
}

/** `'yes'` or `'no'`, for a `{x, select, yes {…} other {…}}` on whether an optional value is there. */
export function given(value: unknown): 'yes' | 'no' {
  return value === null || value === undefined || value === '' ? 'no' : 'yes';
}
