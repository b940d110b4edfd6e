// A customer's e-mail as it arrives at a real SMTP server: multipart, in their language, with the
// per-complaint Reply-To, the row's idempotency key as Message-ID, and an answer link that opens
// the answer page. Staff notices go to the people the directory names.
import { describe, expect, it } from 'vitest';
import { NO_STAFF_ADDRESS } from '../../delivery/dispatcher.js';
import { CLASSIFY, PROPOSE_REPAIR } from '../helpers/complaint-driver.js';
import { deliverUntil, messageIn, REPLY_DOMAIN, TEAM_LEAD, useDeliveryWorld, type DeliveryWorld } from './delivery-world.js';

let w: DeliveryWorld;
useDeliveryWorld((world) => (w = world));

describe('e-mail delivery', () => {
  it('delivers the proposal as text + HTML in Turkish, threaded by complaint, with a working answer link', async () => {
    const dispatcher = w.dispatcher();
    const c = await w.d.file({ customer: { name: 'Ayşe Yılmaz', email: 'ayse.proposal@example.com', locale: 'tr', country: 'TR' } });
    await w.d.waitForStatus(c, 'acknowledged');
    await w.d.decideOk(c, CLASSIFY);
    await w.d.decideOk(c, PROPOSE_REPAIR);
    const sent = await deliverUntil(dispatcher, () => messageIn(w, c, 'resolution_proposed', 'sent'));

    const key = await w.keyOf(sent.id);
    const [mail, ...more] = w.catcher.mails.filter((m) => m.messageId === `<${key}@plaint.test>`);
    expect(more).toHaveLength(0);
    expect(mail!.envelopeTo).toEqual(['ayse.proposal@example.com']);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, provider: 'smtp', providerMessageId: `<${key}@plaint.test>`, lastError: null });
    expect(sent.sentAt).not.toBeNull();

    const { parsed } = mail!;
    expect(parsed.subject).toBe(sent.subject);
    // The complaint's own reply address: its reference and a tag nobody can guess for another complaint.
    expect(parsed.replyTo?.value[0]?.address).toMatch(new RegExp(`^reply\\+${c.reference.toLowerCase()}\\.[a-z2-7]{20}@${REPLY_DOMAIN.replaceAll('.', '\\.')}$`));
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(parsed.headers.get('content-language')).toBe('tr');
    expect(parsed.text).toContain('http://plaint.test/r/');
    expect(parsed.text).not.toContain('[answer link]');
    expect(parsed.html).toMatch(/^<!doctype html><html lang="tr" dir="ltr">/);

    // The link in the HTML is the one in the text, and it opens the customer's answer page.
    const href = /<a href="(http:\/\/plaint\.test\/r\/[^"]+)">/.exec(String(parsed.html))?.[1];
    expect(href).toBeDefined();
    expect(parsed.text).toContain(href);
    const page = await w.d.app.request(href!.replace('http://plaint.test', ''));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(c.reference);
  });

  it('writes to an English-speaking customer in English', async () => {
    const dispatcher = w.dispatcher();
    const c = await w.d.file({ customer: { name: 'John Smith', email: 'john.ack@example.com', locale: 'en', country: 'GB' } });
    const sent = await deliverUntil(dispatcher, () => messageIn(w, c, 'acknowledgement', 'sent'));
    const mail = w.catcher.to('john.ack@example.com').find((m) => m.messageId === sent.providerMessageId)!;
    expect(mail.parsed.headers.get('content-language')).toBe('en');
    expect(mail.parsed.html).toContain('<html lang="en" dir="ltr">');
    expect(mail.parsed.text).toBe(sent.body);
    expect(mail.parsed.text).toContain(c.reference);
  });

  it('sends staff notices to the people the directory names, and skips a recipient nobody answers for', async () => {
    const dispatcher = w.dispatcher();
    const c = await w.d.file({ customer: { name: 'Ayşe Yılmaz', email: 'ayse.staff@example.com', locale: 'tr', country: 'TR' } });
    await w.d.waitForStatus(c, 'acknowledged');
    await w.d.decideOk(c, CLASSIFY);
    const staffRows = await deliverUntil(dispatcher, async () => {
      const rows = (await w.messages(c)).filter((m) => m.audience === 'staff');
      return rows.length > 0 && rows.every((m) => m.status === 'sent' || m.status === 'skipped') ? rows : undefined;
    });
    for (const row of staffRows) {
      const reachable = row.recipient === 'escalation:teamLead' || row.recipient.startsWith('team:');
      if (reachable) {
        expect(row.status, row.recipient).toBe('sent');
        const mail = w.catcher.mails.find((m) => m.messageId === row.providerMessageId)!;
        expect(mail.envelopeTo).toEqual([TEAM_LEAD.email]);
        expect(mail.parsed.replyTo).toBeUndefined();
      } else {
        expect(row, row.recipient).toMatchObject({ status: 'skipped', lastError: NO_STAFF_ADDRESS });
      }
    }
  });
});
