// The staff console says everything in each staff language with the same placeholders: a key
// missing or extra in Turkish, a message that does not parse, a placeholder (or a select's options,
// or a plural's categories) that differs from English, or a part module not spread into a language's
// index fails here. English is the source catalog; see texts/console/languages.ts.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { CONSOLE_CATALOGS, CONSOLE_FALLBACK_LANGUAGE, CONSOLE_LANGUAGES, consoleLanguageOf } from '../../texts/console/languages.js';
import { consoleTranslator } from '../../texts/console/translate.js';

const SOURCE = CONSOLE_CATALOGS[CONSOLE_FALLBACK_LANGUAGE].messages;
const KEYS = Object.keys(SOURCE).sort();
type Elements = ReturnType<IntlMessageFormat['getAst']>;

function placeholders(message: string, locale: string): string[] {
  const found: string[] = [];
  const walk = (elements: Elements) => {
    for (const e of elements) {
      if ('value' in e && typeof e.value === 'string' && e.type !== 0) {
        const options = 'options' in e && e.type === 5 ? `[${Object.keys(e.options).sort().join('|')}]` : '';
        found.push(`${e.value}:${e.type}${options}`);
      }
      if ('options' in e) for (const option of Object.values(e.options)) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst());
  return [...new Set(found)].sort();
}

describe.each(CONSOLE_LANGUAGES)('the console catalog %s', (language) => {
  const { messages, metadata } = CONSOLE_CATALOGS[language];
  it('has exactly the English keys', () => {
    expect(Object.keys(messages).sort()).toEqual(KEYS);
  });
  it('says every message with English’s placeholders, and each parses', () => {
    for (const key of KEYS) {
      const text = (messages as Record<string, string>)[key]!;
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(text, metadata.intlLocale), key).toEqual(placeholders((SOURCE as Record<string, string>)[key]!, 'en'));
    }
  });
  it('fills a plural with the categories its language needs', () => {
    const needed = new Intl.PluralRules(metadata.intlLocale).resolvedOptions().pluralCategories;
    for (const key of KEYS) {
      const walk = (elements: Elements) => {
        for (const e of elements) {
          if (e.type === 6) for (const category of needed) expect(Object.keys(e.options), `${key}: ${category}`).toContain(category);
          if ('options' in e) for (const option of Object.values(e.options)) walk(option.value);
        }
      };
      walk(new IntlMessageFormat((messages as Record<string, string>)[key]!, metadata.intlLocale, undefined, { ignoreTag: true }).getAst());
    }
  });
  it('spreads every part module of its folder', () => {
    const folder = fileURLToPath(new URL(`../../texts/console/catalogs/${language}/`, import.meta.url));
    const parts = readdirSync(folder).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
    expect(parts.sort()).toEqual(readdirSync(fileURLToPath(new URL('../../texts/console/catalogs/en/', import.meta.url))).filter((f) => f.endsWith('.ts') && f !== 'index.ts').sort());
    // Each key carries its part's prefix, so two parts never fight over one key.
    for (const key of KEYS) expect(parts.some((part) => key.startsWith(`console.${part.replace(/\.ts$/, '')}.`)), key).toBe(true);
  });
});

describe('a staff member’s language', () => {
  it('is the directory’s when the console speaks it, else English', () => {
    expect(consoleLanguageOf('tr')).toBe('tr');
    expect(consoleLanguageOf('tr-TR')).toBe('tr');
    expect(consoleLanguageOf('EN')).toBe('en');
    expect(consoleLanguageOf('fa')).toBe('en');
    expect(consoleLanguageOf(null)).toBe('en');
  });
});

describe('counted sentences', () => {
  it('say one of a thing in the singular (a migration preview of one complaint)', () => {
    const t = consoleTranslator('en');
    const counts = { migrates: 1, skipped: 0, breached: 0, guarded: 0 };
    expect(t('console.process.migrate.summary', { matched: 1, ...counts, escalations: 1, messages: 1 })).toBe(
      '1 running complaint selected: 1 would move, 0 would be skipped; 0 would be past their deadline, 0 keep a deadline the customer was told, 1 escalation and 1 message at once.',
    );
    expect(t('console.process.migrate.summary', { matched: 2, ...counts, migrates: 2, escalations: 0, messages: 3 })).toContain('2 running complaints selected: 2 would move');
  });
});
