// The SMS texts: each template in each language names the reference, carries its link on its own
// line, and stays within a few segments with links as long as real ones.
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { countSmsSegments } from '../../domain/sms-segments.js';
import { smsMessages as az } from '../../texts/catalogs/az/sms.js';
import { smsMessages as en, type SmsMessageKey } from '../../texts/catalogs/en/sms.js';
import { smsMessages as fa } from '../../texts/catalogs/fa/sms.js';
import { smsMessages as tr } from '../../texts/catalogs/tr/sms.js';
import type { CustomerMessageTemplate } from '../../texts/messages/customer.js';
import { renderSmsMessage } from '../../texts/messages/sms.js';

const REFERENCE = 'PLT-2026-000123';
const TRACKING_URL = `https://sikayet.ornek.com.tr/track?reference=${REFERENCE}`;
/** As long as a signed answer link is today: /r/ and a token of about 315 characters. */
const ANSWER_URL = `https://sikayet.ornek.com.tr/r/v1.${'e'.repeat(260)}.${'s'.repeat(43)}`;

const TEMPLATES: readonly CustomerMessageTemplate[] = [
  'acknowledgement', 'info_requested', 'info_reminder', 'resolution_proposed', 'answer_reminder', 'info_request_lapsed',
  'info_request_cancelled', 'reinvestigation_started', 'progress_update', 'complaint_closed', 'external_remedies',
];
const ANSWERS: readonly CustomerMessageTemplate[] = ['info_requested', 'info_reminder', 'resolution_proposed', 'answer_reminder'];

/**
 * Segments at most: three with the tracking page's link; with a signed answer link (about 340
 * characters of the 8 segments a Turkish one takes) more, until answer links get shorter.
 */
const budget = (answers: boolean) => (answers ? 8 : 3);

/** Characters of a sentence at most: with a link of 70 characters it still fits three UCS-2 segments. */
const SENTENCE_MAX = 130;

const params = (withAnswerLink: boolean) => ({
  reference: REFERENCE,
  timeZone: 'Europe/Istanbul',
  trackingUrl: TRACKING_URL,
  ...(withAnswerLink ? { responseUrl: '[answer link]' } : {}),
  infoDueAt: '2026-12-14T14:00:00Z',
  answerDueAt: '2026-12-14T14:00:00Z',
  dueAt: '2026-12-21T14:00:00Z',
  round: 2,
  status: 'investigating',
});

describe('renderSmsMessage', () => {
  for (const language of ['tr', 'en'] as const) {
    it.each(TEMPLATES)(`writes %s in ${language}: reference, sentence, link on its own line`, (template) => {
      const answers = ANSWERS.includes(template);
      const text = renderSmsMessage(template, language, params(answers));
      const [sentence, link, ...rest] = text.split('\n');
      expect(rest).toEqual([]);
      expect(sentence).toMatch(new RegExp(`^${REFERENCE}: \\S`));
      expect(sentence).not.toMatch(/[{}]|undefined/);
      expect(link).toBe(answers ? '[answer link]' : TRACKING_URL);
      expect(countSmsSegments(text.replace('[answer link]', ANSWER_URL)).segments).toBeLessThanOrEqual(budget(answers));
      expect([...sentence!].length, 'the words besides the link').toBeLessThanOrEqual(SENTENCE_MAX);
    });
  }

  it('puts the deadline in the customer\'s time, and says when a proposal is a new one', () => {
    const text = renderSmsMessage('resolution_proposed', 'tr', params(true));
    expect(text).toContain('yeni bir önerimiz');
    expect(text).toMatch(/Son yanıt tarihi: 14 Aralık 2026.*17:00/);
    expect(renderSmsMessage('resolution_proposed', 'en', { ...params(true), round: 1 })).toContain('We have a proposal to resolve');
  });

  it('leaves the deadline out when there is none, and uses the tracking page when no answer link is open', () => {
    const text = renderSmsMessage('info_requested', 'en', { reference: REFERENCE, trackingUrl: TRACKING_URL });
    expect(text).toBe(`${REFERENCE}: We need more information about your complaint. Answer here:\n${TRACKING_URL}`);
  });

  it('shows the status by its customer label', () => {
    expect(renderSmsMessage('progress_update', 'en', params(false))).not.toContain('investigating\n');
  });
});

describe('SMS catalogs in all four languages', () => {
  const catalogs = { en, tr, fa, az } as const;
  const placeholders = (source: string) => [...new Set([...source.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]))].sort();

  it.each(Object.keys(catalogs) as (keyof typeof catalogs)[])('%s has every key, with the same placeholders as English', (language) => {
    const catalog: Readonly<Record<SmsMessageKey, string>> = catalogs[language];
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as SmsMessageKey[]) expect(placeholders(catalog[key]), key).toEqual(placeholders(en[key]));
  });

  // Persian and Azerbaijani go through the same ICU formatter; they are not in texts/languages.ts yet.
  it.each([['fa', 'fa-IR', '۲۳ آذر ۱۴۰۵، ۱۷:۰۰'], ['az', 'az-AZ', '14 dekabr 2026 17:00']] as const)(
    '%s stays within the segment budget',
    (language, locale, dueAt) => {
      for (const [key, source] of Object.entries(catalogs[language]) as [SmsMessageKey, string][]) {
        const sentence = String(
          new IntlMessageFormat(source, locale, undefined, { ignoreTag: true }).format({
            reference: REFERENCE, dueAt, withDueAt: 'yes', again: 'yes', status: 'در حال بررسی', withStatus: 'yes',
          }),
        );
        expect(sentence.startsWith(`${REFERENCE}: `), key).toBe(true);
        const answers = ANSWERS.some((t) => key === `sms.${t}`);
        const segments = countSmsSegments(`${sentence}\n${answers ? ANSWER_URL : TRACKING_URL}`);
        expect(segments.encoding, key).toBe('UCS-2');
        expect(segments.segments, key).toBeLessThanOrEqual(budget(answers));
        expect([...sentence].length, key).toBeLessThanOrEqual(SENTENCE_MAX);
      }
    },
  );
});
