// The pieces of an e-mail that need no server: the HTML part (language, direction, escaping,
// links), the Message-ID from the key, what an SMTP answer means, and the retry waits.
import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../delivery/backoff.js';
import { renderEmailHtml } from '../../delivery/email-html.js';
import { classifySmtpError, messageIdFor } from '../../delivery/smtp.js';
import { DeliveryError } from '../../delivery/transport.js';

describe('the HTML part', () => {
  it('is laid out right to left for Persian, in paragraphs, with the URL a link and the period outside it', () => {
    const html = renderEmailHtml({ lang: 'fa', dir: 'rtl', subject: 'شکایت شما', text: 'سلام\nخط دوم\n\nپاسخ: https://plaint.example/r/v1.abc.def.' });
    expect(html).toMatch(/^<!doctype html><html lang="fa" dir="rtl">/);
    expect(html).toContain('<p>سلام<br/>خط دوم</p>');
    expect(html).toContain('<a href="https://plaint.example/r/v1.abc.def">https://plaint.example/r/v1.abc.def</a>.</p>');
  });

  it('escapes what the text holds, so a customer-written line cannot become markup', () => {
    const html = renderEmailHtml({ lang: 'tr', dir: 'ltr', subject: '<b>', text: 'Not: <script>alert(1)</script> & "x"' });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<title>&lt;b&gt;</title>');
  });
});

describe('SMTP', () => {
  it('makes the Message-ID from the idempotency key and the From domain', () => {
    expect(messageIdFor('0b7e…key', 'Plaint <complaints@mail.example.com>')).toBe('<0b7e…key@mail.example.com>');
    expect(messageIdFor('k', 'complaints@example.org')).toBe('<k@example.org>');
  });

  it.each([
    [{ code: 'EENVELOPE', rejectedErrors: [{ responseCode: 550, command: 'RCPT TO', response: '550 No such mailbox' }] }, 'bounced'],
    [{ code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO', response: '550 No such mailbox' }, 'bounced'],
    [{ code: 'EMESSAGE', responseCode: 554, command: 'DATA', response: '554 Rejected as spam' }, 'permanent'],
    [{ code: 'EAUTH', responseCode: 535, command: 'AUTH PLAIN', response: '535 Bad credentials' }, 'permanent'],
    [{ code: 'EENVELOPE', rejectedErrors: [{ responseCode: 421, command: 'RCPT TO', response: '421 Try later' }] }, 'transient'],
    [{ code: 'ECONNECTION', message: 'connect ECONNREFUSED 127.0.0.1:2525' }, 'transient'],
    [{ code: 'ETIMEDOUT', message: 'Greeting never received' }, 'transient'],
  ])('reads %j as %s', (err, kind) => {
    const classified = classifySmtpError(err);
    const got = classified instanceof DeliveryError && classified.permanent ? (classified.bounced ? 'bounced' : 'permanent') : 'transient';
    expect(got).toBe(kind);
  });
});

describe('retry waits', () => {
  it('double each time, stay under the cap, and spread (between half and all of the step)', () => {
    const opts = { baseMs: 1000, maxMs: 10_000 };
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, opts, () => 1))).toEqual([1000, 2000, 4000, 8000, 10_000]);
    expect(retryDelayMs(3, opts, () => 0)).toBe(2000);
  });
});
