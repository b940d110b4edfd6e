// The customer's own words from a reply: the quoted message cut in the clients' usual forms (in
// the languages we write in), our signed links never kept, text fit for PostgreSQL; and what a
// delivery status notification says.
import { describe, expect, it } from 'vitest';
import { bounceReason, ourMessageKeys, parseDeliveryStatus } from '../../../domain/inbound-mail/delivery-status.js';
import { ownWords, referencesIn, storableWithin, withoutOurLinks } from '../../../domain/inbound-mail/mail-text.js';

describe('ownWords', () => {
  it.each([
    ['Gmail, English', 'Cotton 60.\n\nOn Tue, 1 Dec 2026 at 10:00, Plaint <complaints@plaint.test> wrote:\n> Which programme?'],
    ['Gmail, Turkish', 'Cotton 60.\n\n1 Ara 2026 Sal, 10:00 tarihinde Plaint <complaints@plaint.test> şunu yazdı:\n> Hangi program?'],
    ['Outlook', 'Cotton 60.\n\n-----Original Message-----\nFrom: Plaint\nSent: Tuesday'],
    ['Outlook, Turkish headers', 'Cotton 60.\r\n\r\nKimden: Plaint <complaints@plaint.test>\r\nGönderildi: Salı'],
    ['plain quoting', 'Cotton 60.\n> Which programme?\n> [answer link]'],
  ])('keeps what the customer wrote above the quote (%s)', (_client, text) => {
    expect(ownWords(text)).toBe('Cotton 60.');
  });

  it('keeps a reply written below the quote, and a text with no quote whole', () => {
    expect(ownWords('> Which programme?\n\nCotton 60.')).toBe('Cotton 60.');
    expect(ownWords('Makine su sızdırıyor.\nServis gelmedi.')).toBe('Makine su sızdırıyor.\nServis gelmedi.');
  });
});

describe('text as stored', () => {
  it('replaces our signed links, and only ours', () => {
    const text = 'See https://complaints.example.com/r/eyJhbGc.abc-_~1 and https://complaints.example.com/s/x.y and https://other.example/r/z';
    expect(withoutOurLinks(text, 'https://complaints.example.com/')).toBe('See [answer link] and [answer link] and https://other.example/r/z');
  });

  it('cuts to a length in characters, dropping what PostgreSQL cannot store', () => {
    expect(storableWithin('  abc\u0000def \ud800 ', 100)).toEqual({ text: 'abcdef', cut: false });
    expect(storableWithin('şikâyet😀şikâyet', 9)).toEqual({ text: 'şikâyet😀…', cut: true });
  });

  it('finds references in a subject', () => {
    expect(referencesIn('Re: Fwd: Şikâyetiniz alındı: cmp-2026-000123 (CMP-2026-000123)')).toEqual(['CMP-2026-000123']);
    expect(referencesIn('Re: Order 2026-000123')).toEqual([]);
  });
});

describe('a delivery status notification', () => {
  const status = [
    'Reporting-MTA: dns; mx.example.com',
    '',
    'Final-Recipient: rfc822; ayse@example.com',
    'Action: failed',
    'Status: 5.1.1',
    'Diagnostic-Code: smtp; 550 5.1.1 <ayse@example.com>:',
    '    Recipient address rejected: User unknown',
    '',
    'Final-Recipient: rfc822;mehmet@example.com',
    'Action: delayed',
    'Status: 4.4.1',
  ].join('\r\n');

  it('says per recipient what happened, and a bounce only for a failure', () => {
    const recipients = parseDeliveryStatus(status);
    expect(recipients).toEqual([
      { finalRecipient: 'ayse@example.com', action: 'failed', status: '5.1.1', diagnostic: 'smtp; 550 5.1.1 <ayse@example.com>: Recipient address rejected: User unknown' },
      { finalRecipient: 'mehmet@example.com', action: 'delayed', status: '4.4.1', diagnostic: null },
    ]);
    expect(bounceReason(recipients)).toBe('bounced (delivery status notification): 5.1.1 smtp; 550 5.1.1 <ayse@example.com>: Recipient address rejected: User unknown');
    expect(bounceReason(recipients.filter((r) => r.action === 'delayed'))).toBeNull();
  });

  it('names our messages by their Message-ID at our domain only', () => {
    const text = 'Message-ID: <6F1C0B6E-3B0A-4C55-9E0E-2F7D3A1B9C0D@plaint.test>\nIn-Reply-To: <6f1c0b6e-3b0a-4c55-9e0e-2f7d3a1b9c0e@elsewhere.test>';
    expect(ourMessageKeys(text, 'plaint.test')).toEqual(['6f1c0b6e-3b0a-4c55-9e0e-2f7d3a1b9c0d']);
  });
});
