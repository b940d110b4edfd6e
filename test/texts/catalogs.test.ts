// Every language says everything, with the same placeholders: a key missing or extra in a language,
// a message that does not parse, a placeholder whose name or kind differs from English, a select
// without English's options, a plural without the categories the language's CLDR rules need, a
// locale without the metadata pages and formatters need, or a language folder (or module) that is
// not registered fails here. English is the source catalog; see texts/languages.ts.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { formatInstant } from '../../texts/format.js';
import { CATALOGS, FALLBACK_LANGUAGE, LANGUAGES, languageMetadata, languageOf, type Language } from '../../texts/languages.js';
import { renderCustomerMessage, type CustomerMessageTemplate } from '../../texts/messages/customer.js';
import type { MessageParams } from '../../texts/messages/params.js';

const CATALOG_DIR = fileURLToPath(new URL('../../texts/catalogs/', import.meta.url));
const SOURCE = CATALOGS[FALLBACK_LANGUAGE].messages;
type Key = keyof typeof SOURCE;
const KEYS = Object.keys(SOURCE).sort() as Key[];

type Elements = ReturnType<IntlMessageFormat['getAst']>;
const KINDS: Record<number, string> = { 1: 'argument', 2: 'number', 3: 'date', 4: 'time', 5: 'select', 6: 'plural' };

function ast(message: string, locale: string): Elements {
  return new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst();
}

/** Calls `visit` on every element of a message, nested ones too. */
function walk(elements: Elements, visit: (element: Elements[number]) => void): void {
  for (const element of elements) {
    visit(element);
    if ('options' in element) for (const option of Object.values(element.options)) walk(option.value, visit);
  }
}

/**
 * Each placeholder a message uses, as `name:kind` (`reference:argument`, `minutes:plural`); a
 * select with its options (`again:select[other|yes]`), since a translation that drops `yes` would
 * silently always say `other`. A plural's categories are the language's own (checked apart).
 */
function placeholders(message: string, locale: string): string[] {
  const found = new Set<string>();
  walk(ast(message, locale), (element) => {
    const kind = KINDS[element.type];
    if (!kind || !('value' in element)) return;
    const options = element.type === 5 && 'options' in element ? `[${Object.keys(element.options).sort().join('|')}]` : '';
    found.add(`${element.value}:${kind}${options}`);
  });
  return [...found].sort();
}

/** Each plural of a message: its categories, and its exact (`=0`) cases. */
function plurals(message: string, locale: string): { name: string; ordinal: boolean; categories: string[]; exact: string[] }[] {
  const found: { name: string; ordinal: boolean; categories: string[]; exact: string[] }[] = [];
  walk(ast(message, locale), (element) => {
    if (element.type !== 6 || !('options' in element) || !('pluralType' in element)) return;
    const keys = Object.keys(element.options);
    found.push({
      name: element.value,
      ordinal: element.pluralType === 'ordinal',
      categories: keys.filter((k) => !k.startsWith('=')).sort(),
      exact: keys.filter((k) => k.startsWith('=')).sort(),
    });
  });
  return found;
}

/** The words of a message, without its ICU syntax. */
function literalText(message: string, locale: string): string {
  let text = '';
  walk(ast(message, locale), (element) => {
    if (element.type === 0 && 'value' in element) text += `${element.value} `;
  });
  return text;
}

const catalogOf = (language: Language): Readonly<Record<Key, string>> => CATALOGS[language].messages;

describe('message catalogs', () => {
  it('register every language folder, and every folder has each module the source language has', () => {
    const folders = readdirSync(CATALOG_DIR).sort();
    expect(folders).toEqual([...LANGUAGES].sort());
    const modules = readdirSync(join(CATALOG_DIR, FALLBACK_LANGUAGE)).sort();
    for (const language of LANGUAGES) expect(readdirSync(join(CATALOG_DIR, language)).sort(), language).toEqual(modules);
  });

  it.each(LANGUAGES)('%s wires every module of its folder into its catalog', async (language) => {
    const messages: Readonly<Record<string, string>> = catalogOf(language);
    const files = readdirSync(join(CATALOG_DIR, language)).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
    for (const file of files) {
      const module = (await import(pathToFileURL(join(CATALOG_DIR, language, file)).href)) as Record<string, unknown>;
      const entries = Object.values(module)
        .filter((value): value is Record<string, string> =>
          typeof value === 'object' && value !== null && Object.values(value).every((text) => typeof text === 'string'))
        .flatMap((table) => Object.entries(table));
      expect(entries.length, `${language}/${file} exports messages`).toBeGreaterThan(0);
      for (const [key, text] of entries) expect(messages[key], `${language}/${file}: ${key} is in the catalog`).toBe(text);
    }
  });

  it.each(LANGUAGES)('%s has every key of the source catalog and no other', (language) => {
    const messages: Readonly<Record<string, string>> = catalogOf(language);
    expect(Object.keys(messages).sort()).toEqual(KEYS);
    for (const key of KEYS) expect(messages[key]?.trim(), key).toBeTruthy();
  });

  it.each(LANGUAGES)('%s parses every message', (language) => {
    const { intlLocale } = languageMetadata(language);
    for (const key of KEYS) expect(() => ast(catalogOf(language)[key], intlLocale), key).not.toThrow();
  });

  it.each(LANGUAGES)('%s uses the same placeholders, of the same kinds and select options, as the source catalog', (language) => {
    const { intlLocale } = languageMetadata(language);
    const source = languageMetadata(FALLBACK_LANGUAGE).intlLocale;
    for (const key of KEYS) {
      expect(placeholders(catalogOf(language)[key], intlLocale), key).toEqual(placeholders(SOURCE[key], source));
    }
  });

  it.each(LANGUAGES)('%s writes every plural with exactly the categories its CLDR plural rules have', (language) => {
    const { intlLocale } = languageMetadata(language);
    const source = languageMetadata(FALLBACK_LANGUAGE).intlLocale;
    for (const key of KEYS) {
      const sourceExact = new Map(plurals(SOURCE[key], source).map((p) => [p.name, p.exact]));
      for (const plural of plurals(catalogOf(language)[key], intlLocale)) {
        const rules = new Intl.PluralRules(intlLocale, { type: plural.ordinal ? 'ordinal' : 'cardinal' });
        expect(plural.categories, `${key}: ${plural.name}`).toEqual([...rules.resolvedOptions().pluralCategories].sort());
        expect(plural.exact, `${key}: ${plural.name}'s exact cases`).toEqual(sourceExact.get(plural.name) ?? []);
      }
    }
  });

  it.each(LANGUAGES)('%s has the metadata pages and formatters need', (language) => {
    const { intlLocale, direction, name } = languageMetadata(language);
    const supported = {
      DateTimeFormat: Intl.DateTimeFormat.supportedLocalesOf([intlLocale]),
      NumberFormat: Intl.NumberFormat.supportedLocalesOf([intlLocale]),
      PluralRules: Intl.PluralRules.supportedLocalesOf([intlLocale]),
      ListFormat: Intl.ListFormat.supportedLocalesOf([intlLocale]),
      DisplayNames: Intl.DisplayNames.supportedLocalesOf([intlLocale]),
    };
    for (const [formatter, locales] of Object.entries(supported)) expect(locales, `${formatter} knows ${intlLocale}`).toEqual([intlLocale]);
    const locale = new Intl.Locale(intlLocale);
    expect(locale.language, 'the locale is of the language').toBe(language);
    const script = locale.maximize().script ?? '';
    expect(direction, `${intlLocale} is written in ${script}`).toBe(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo'].includes(script) ? 'rtl' : 'ltr');
    expect(name.trim()).not.toBe('');
  });

  it('names each language in itself', () => {
    expect(LANGUAGES.map((l) => [l, languageMetadata(l).name, languageMetadata(l).direction])).toEqual([
      ['en', 'English', 'ltr'],
      ['tr', 'Türkçe', 'ltr'],
      ['fa', 'فارسی', 'rtl'],
      ['az', 'Azərbaycan dili', 'ltr'],
    ]);
  });

  it('reads a locale in its language, and one without a catalog in the fallback language', () => {
    const cases = {
      fa: 'fa', 'fa-IR': 'fa', FA_IR: 'fa', fas: 'fa', az: 'az', 'az-AZ': 'az', 'az-Latn-AZ': 'az', az_AZ: 'az',
      'tr-TR': 'tr', 'en-US': 'en', de: 'en', '': 'en', constructor: 'en', toString: 'en',
    };
    for (const [locale, language] of Object.entries(cases)) expect(languageOf(locale), locale).toBe(language);
    for (const language of LANGUAGES) expect(languageOf(`${language.toUpperCase()}_XX`)).toBe(language);
  });
});

describe('Persian and Azerbaijani spelling', () => {
  const words = (language: Language) => KEYS.map((key) => [key, literalText(catalogOf(language)[key], languageMetadata(language).intlLocale)] as const);

  it('writes Persian with Persian letters and digits, and the zero-width non-joiner after می and before ی of the ezafe', () => {
    for (const [key, text] of words('fa')) {
      expect(text, `${key}: Arabic yeh or kaf`).not.toMatch(/[\u064A\u0643]/);
      expect(text, `${key}: Arabic-Indic digits`).not.toMatch(/[\u0660-\u0669]/);
      expect(text, `${key}: می or نمی written apart`).not.toMatch(/(^|[\s«(])ن?می [\u0600-\u06FF]/);
      expect(text, `${key}: ezafe ی written apart`).not.toMatch(/ه ی(\s|$)/);
      expect(text, `${key}: a space next to a non-joiner`).not.toMatch(/ \u200C|\u200C /);
    }
    expect(catalogOf('fa')['customer.acknowledgement.review']).toContain('می\u200Cکند');
  });

  it('writes Azerbaijani in its Latin alphabet, without Turkish-only letters or Cyrillic', () => {
    for (const [key, text] of words('az')) {
      expect(text, `${key}: letters outside the Azerbaijani alphabet`).not.toMatch(/[âîûäÄ]|[\u0400-\u04FF]/);
    }
    expect(words('az').some(([, text]) => text.includes('ə'))).toBe(true);
  });
});

describe('dates in each language', () => {
  it('reads Persian dates in the Solar Hijri calendar with Persian digits', () => {
    const { calendar, numberingSystem } = new Intl.DateTimeFormat(languageMetadata('fa').intlLocale).resolvedOptions();
    expect({ calendar, numberingSystem }).toEqual({ calendar: 'persian', numberingSystem: 'arabext' });
    expect(formatInstant('2026-03-21', 'fa', null)).toBe('۱ فروردین ۱۴۰۵'); // Nowruz
    expect(formatInstant('2026-03-20', 'fa', null)).toBe('۲۹ اسفند ۱۴۰۴');
    expect(formatInstant('2026-03-21T08:00:00Z', 'fa', 'Asia/Tehran')).toMatch(/^۱ فروردین ۱۴۰۵.*۱۱:۳۰/);
  });

  it('names Azerbaijani months in Azerbaijani, in the Gregorian calendar with Latin digits', () => {
    const months = Array.from({ length: 12 }, (_, m) => formatInstant(`2026-${String(m + 1).padStart(2, '0')}-05`, 'az', null));
    expect(months).toEqual(
      ['yanvar', 'fevral', 'mart', 'aprel', 'may', 'iyun', 'iyul', 'avqust', 'sentyabr', 'oktyabr', 'noyabr', 'dekabr'].map(
        (month) => `5 ${month} 2026`,
      ),
    );
  });
});

describe('customer messages in every language', () => {
  const TEMPLATES = Object.keys({
    acknowledgement: 1, info_requested: 1, resolution_proposed: 1, answer_reminder: 1, reinvestigation_started: 1,
    progress_update: 1, complaint_closed: 1, external_remedies: 1, info_reminder: 1, info_request_lapsed: 1,
    info_request_cancelled: 1,
  } satisfies Record<CustomerMessageTemplate, 1>) as CustomerMessageTemplate[];
  const REALISTIC: MessageParams = {
    reference: 'CMP-2026-000123', customerName: 'Ayşe Yılmaz', senderName: 'Plaint', timeZone: 'Europe/Istanbul',
    receivedAt: '2026-03-02T07:00:00Z', channel: 'web', dueAt: '2026-03-04T14:00:00Z', writtenAt: '2026-03-02T07:00:00Z',
    nextUpdateAt: '2026-03-09T14:00:00Z', trackingUrl: 'https://plaint.example/track', responseUrl: 'https://plaint.example/r/t',
    question: 'Which model is it?', summary: 'We refund the price.', remedy: 'refund', amount: 1250, currency: 'TRY',
    round: 2, rounds: 2, reissued: true, answerDueAt: '2026-03-20T20:59:00Z', noAnswer: 'deemed_accepted',
    infoDueAt: '2026-03-20T15:00:00Z', infoNoAnswer: 'resume', status: 'investigating', closure: 'external_decision',
    externalDecision: 'partially_upheld',
    remedies: [{ name: 'Tüketici Hakem Heyetleri', description: 'Ücretsiz başvuru.', url: 'https://www.ticaret.gov.tr' }],
  };
  const cases = TEMPLATES.flatMap((template) => LANGUAGES.map((language) => [template, language] as const));

  it.each(cases)('renders %s in %s, with all its params and with none', (template, language) => {
    for (const params of [REALISTIC, {}]) {
      const { subject, body } = renderCustomerMessage(template, language, params);
      expect(subject.trim()).not.toBe('');
      expect(`${subject}\n${body}`).not.toMatch(/undefined|null|NaN|\{|\}|\[object/);
      if (language !== 'en') expect(body, 'not the English letter').not.toContain('Dear customer');
    }
  });

  it('writes Persian letters with Persian dates and digits', () => {
    const { body } = renderCustomerMessage('acknowledgement', 'fa', REALISTIC);
    expect(body).toMatch(/^Ayşe Yılmaz گرامی،\n\n/);
    expect(body).toContain('۱۱ اسفند ۱۴۰۴ ساعت ۱۰:۰۰');
    expect(body).not.toMatch(/\b2026\b(?!-000123)/);
  });

  it('writes Azerbaijani letters with Azerbaijani month names', () => {
    const { body } = renderCustomerMessage('acknowledgement', 'az', REALISTIC);
    expect(body).toMatch(/^Hörmətli Ayşe Yılmaz,\n\n/);
    expect(body).toMatch(/2 mart 2026.*veb-saytımız vasitəsilə bildirdiyiniz şikayəti aldıq/);
  });
});
