// The customer sees labels, never status ids, in their language.
import { describe, expect, it } from 'vitest';
import { COMPLAINT_STATUSES, CUSTOMER_LABELS, customerLabel, customerLabelKey } from '../../domain/complaint.js';

describe('customer-facing status labels', () => {
  it.each(COMPLAINT_STATUSES)('has an English and a Turkish label for %s', (status) => {
    const key = customerLabelKey(status);
    expect(CUSTOMER_LABELS.en?.[key]).toBeTruthy();
    expect(CUSTOMER_LABELS.tr?.[key]).toBeTruthy();
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
