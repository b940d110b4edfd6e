// The closure message invites to the survey only when it carries a survey link.
import { describe, expect, it } from 'vitest';
import { renderCustomerMessage } from '../../texts/messages/customer.js';

const params = { reference: 'CMP-2026-000042', closure: 'accepted', timeZone: 'Europe/Istanbul' };

describe('the closure message and the survey', () => {
  it('carries the survey link with until when it is open', () => {
    const { body } = renderCustomerMessage('complaint_closed', 'en', {
      ...params,
      responseUrl: '[answer link]',
      surveyOpenUntil: '2026-03-16T12:00:00.000Z',
    });
    expect(body).toContain('How did we do? Please tell us in a short survey');
    expect(body).toContain('The survey is open until 16 March 2026');
    expect(body).toContain('\n[answer link]');
  });

  it('says it in Turkish for a Turkish customer', () => {
    const { body } = renderCustomerMessage('complaint_closed', 'tr', { ...params, responseUrl: '[answer link]', surveyOpenUntil: '2026-03-16T12:00:00.000Z' });
    expect(body).toContain('Nasıl bir iş çıkardık?');
    expect(body).toContain('16 Mart 2026');
  });

  it('says nothing of a survey without a survey link', () => {
    const { body } = renderCustomerMessage('complaint_closed', 'en', { ...params, closure: 'withdrawn' });
    expect(body).not.toContain('survey');
    expect(body).not.toContain('[answer link]');
  });
});
