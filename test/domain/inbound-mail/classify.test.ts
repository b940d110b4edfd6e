// Which arriving mail may open a complaint: only what a person wrote. Auto-replies, lists, bulk
// mail, loops and bounces never do; a delivery status notification is read for the bounce it reports.
import { describe, expect, it } from 'vitest';
import { classifyMail, type ClassifyInput } from '../../../domain/inbound-mail/classify.js';

const own = { ownAddresses: ['complaints@plaint.test'], ownDomains: ['plaint.test', 'reply.plaint.test'] };
const mail = (headers: Record<string, string>, from = 'ayse@example.com', envelopeFrom?: string): ClassifyInput => ({
  headers: new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), [v]])),
  from,
  envelopeFrom,
  ...own,
});

describe('classifyMail', () => {
  it('takes a person\'s mail, also one that says Auto-Submitted: no', () => {
    expect(classifyMail(mail({ subject: 'Makine bozuk' }))).toEqual({ kind: 'personal' });
    expect(classifyMail(mail({ 'auto-submitted': 'no' }, 'ayse@example.com', 'ayse@example.com'))).toEqual({ kind: 'personal' });
  });

  it.each([
    ['an auto-reply (RFC 3834)', { 'auto-submitted': 'auto-replied' }, 'auto_reply'],
    ['an auto-generated notice', { 'Auto-Submitted': 'auto-generated; owner-email="x@example.com"' }, 'auto_reply'],
    ['a vendor auto-responder', { 'x-autoreply': 'yes' }, 'auto_reply'],
    ['an old-style auto-responder', { precedence: 'auto_reply' }, 'auto_reply'],
    ['bulk mail', { precedence: 'bulk' }, 'bulk'],
    ['junk', { precedence: 'junk' }, 'bulk'],
    ['list mail by Precedence', { precedence: 'list' }, 'mailing_list'],
    ['list mail by List-Id', { 'list-id': '<news.example.com>' }, 'mailing_list'],
    ['a read receipt', { 'content-type': 'multipart/report; report-type=disposition-notification; boundary=x' }, 'other_report'],
  ])('ignores %s', (_what, headers, because) => {
    expect(classifyMail(mail(headers))).toEqual({ kind: 'ignored', because });
  });

  it('reads a delivery status notification, even from a mailer daemon that marks itself auto-replied', () => {
    const dsn = { 'content-type': 'multipart/report; report-type="delivery-status"; boundary="B"', 'auto-submitted': 'auto-replied' };
    expect(classifyMail(mail(dsn, 'mailer-daemon@mx.example.com', ''))).toEqual({ kind: 'delivery_report' });
  });

  it('ignores our own mail coming back, and bounces in no standard form', () => {
    expect(classifyMail(mail({}, 'complaints@plaint.test'))).toEqual({ kind: 'ignored', because: 'loop' });
    expect(classifyMail(mail({}, 'reply+cmp-2026-000001.abc@reply.plaint.test'))).toEqual({ kind: 'ignored', because: 'loop' });
    expect(classifyMail(mail({}, 'MAILER-DAEMON@mx.example.com'.toLowerCase()))).toEqual({ kind: 'ignored', because: 'non_delivery' });
    expect(classifyMail(mail({}, 'ayse@example.com', ''))).toEqual({ kind: 'ignored', because: 'non_delivery' });
    expect(classifyMail(mail({}, ''))).toEqual({ kind: 'ignored', because: 'non_delivery' });
  });
});
