// The customer sees labels, never status ids, in their language.
import { describe, expect, it } from 'vitest';
import { CLOSURES, COMPLAINT_STATUSES } from '../../domain/complaint.js';
import { nextStep, statusLabel } from '../../texts/customer-view.js';
import { languageOf, LANGUAGES } from '../../texts/languages.js';

const customerLabel = (status: Parameters<typeof statusLabel>[0], locale: string, returnTo?: Parameters<typeof statusLabel>[2]) =>
  statusLabel(status, languageOf(locale), returnTo);

describe('customer-facing status labels', () => {
  it.each(COMPLAINT_STATUSES)('has a label for %s in every language', (status) => {
    for (const language of LANGUAGES) expect(statusLabel(status, language)).toBeTruthy();
  });

  it.each([
    ['received', 'en', 'Created'],
    ['investigating', 'tr', 'İnceleniyor'],
    ['resolution_proposed', 'tr-TR', 'Çözümlendi'],
    ['open_external', 'en-GB', 'Open'],
    ['closed', 'de', 'Closed'],
  ] as const)('shows %s as %s in %s', (status, locale, label) => {
    expect(customerLabel(status, locale)).toBe(label);
  });

  it('shows a complaint awaiting the customer under the status it will return to', () => {
    expect(customerLabel('awaiting_customer', 'tr', 'investigating')).toBe('İnceleniyor');
    expect(customerLabel('awaiting_customer', 'en')).toBe('In progress');
  });
});

describe('what happens next on a closed complaint', () => {
  it.each(CLOSURES)('says why a complaint closed as %s, in every language', (closure) => {
    for (const language of LANGUAGES) {
      expect(nextStep('closed', closure, language)).not.toBe(nextStep('closed', null, language));
    }
  });

  it('tells a customer whose complaint closed for silence that they can ask us to continue', () => {
    expect(nextStep('closed', 'no_response', 'en')).toContain('Contact us if you would like us to continue.');
    expect(nextStep('closed', 'no_response', 'tr')).toContain('Devam etmemizi isterseniz bizimle iletişime geçin.');
  });
});
