// Every language says everything, with the same placeholders: a key missing in a language, a
// placeholder that differs between languages, or a language folder without an audience's catalog
// fails here (English is the source catalog; see texts/languages.ts).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { CATALOGS, FALLBACK_LANGUAGE, LANGUAGES, languageOf } from '../../texts/languages.js';

const CATALOG_DIR = fileURLToPath(new URL('../../texts/catalogs/', import.meta.url));
const SOURCE = CATALOGS[FALLBACK_LANGUAGE].messages;
const KEYS = Object.keys(SOURCE).sort();

/** Each placeholder a message uses, as `name:kind` (`reference:argument`, `again:select`, `minutes:plural`). */
function placeholders(message: string, locale: string): string[] {
  const found = new Set<string>();
  const KINDS: Record<number, string> = { 1: 'argument', 2: 'number', 3: 'date', 4: 'time', 5: 'select', 6: 'plural' };
  const walk = (elements: ReturnType<IntlMessageFormat['getAst']>): void => {
    for (const element of elements) {
      const kind = KINDS[element.type];
      if (kind && 'value' in element) found.add(`${element.value}:${kind}`);
      if ('options' in element) for (const option of Object.values(element.options)) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst());
  return [...found].sort();
}

describe('message catalogs', () => {
  it('register every language folder, and every folder has each audience the source language has', () => {
    const folders = readdirSync(CATALOG_DIR).sort();
    expect(folders).toEqual([...LANGUAGES].sort());
    const audiences = readdirSync(join(CATALOG_DIR, FALLBACK_LANGUAGE)).sort();
    for (const language of LANGUAGES) expect(readdirSync(join(CATALOG_DIR, language)).sort(), language).toEqual(audiences);
  });

  it.each(LANGUAGES)('%s has every key of the source catalog and no other', (language) => {
    const messages: Readonly<Record<string, string>> = CATALOGS[language].messages;
    expect(Object.keys(messages).sort()).toEqual(KEYS);
    for (const key of KEYS) expect(messages[key]?.trim(), key).toBeTruthy();
  });

  it.each(LANGUAGES)('%s uses the same placeholders as the source catalog in every message', (language) => {
    const { messages, metadata } = CATALOGS[language];
    const source = CATALOGS[FALLBACK_LANGUAGE].metadata.intlLocale;
    for (const key of KEYS as (keyof typeof SOURCE)[]) {
      expect(placeholders(messages[key], metadata.intlLocale), key).toEqual(placeholders(SOURCE[key], source));
    }
  });

  it.each(LANGUAGES)('%s has the metadata pages and formatters need', (language) => {
    const { intlLocale, direction, name } = CATALOGS[language].metadata;
    expect(Intl.DateTimeFormat.supportedLocalesOf([intlLocale])).toEqual([intlLocale]);
    expect(['ltr', 'rtl']).toContain(direction);
    expect(name.trim()).not.toBe('');
  });

  it('reads a locale without a catalog in the fallback language, and a known one in its own', () => {
    expect(languageOf('fa-IR')).toBe(FALLBACK_LANGUAGE);
    expect(languageOf('de')).toBe('en');
    for (const language of LANGUAGES) expect(languageOf(`${language.toUpperCase()}_XX`)).toBe(language);
  });
});
