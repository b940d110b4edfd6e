// The customer sees labels, never status ids, in their language.
import { describe, expect, it } from 'vitest';
import { COMPLAINT_STATUSES } from '../../domain/complaint.js';
import { statusLabel } from '../../texts/customer-view.js';
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
