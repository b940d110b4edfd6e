// The dev inbox as a developer uses it: Plaint sends an e-mail over SMTP, the inbox page shows it
// as the customer would read it, links clickable, and a double send stands out.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevInbox, type DevInbox, type InboxEmail } from '../../dev-inbox/index.js';

let inbox: DevInbox;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(`${tmpdir()}/dev-inbox-test-`);
  inbox = await startDevInbox({ smtpPort: 0, smsPort: 0, httpPort: 0, smsSecret: 'a-test-secret-of-enough-length-0123', dataDir });
});
afterAll(async () => {
  await inbox?.close();
  await rm(dataDir, { recursive: true, force: true });
});

function send(mail: { to: string; subject: string; text: string; html?: string; messageId?: string }) {
  const transport = createTransport({ host: inbox.smtp.host, port: inbox.smtp.port, secure: false, ignoreTLS: true, auth: { user: 'plaint', pass: 'anything' } });
  return transport.sendMail({ from: 'Plaint <complaints@plaint.test>', replyTo: 'reply+PLT-1@plaint.test', ...mail });
}

const page = async (query = '') => (await fetch(`${inbox.inboxUrl}${query}`)).text();

describe('the dev inbox: e-mail', () => {
  it('shows an e-mail sent over SMTP with its headers, its text with clickable links and its HTML in a sandboxed frame', async () => {
    const link = 'https://plaint.test/r/abc.def';
    await send({
      to: 'ayse@example.test',
      subject: 'Şikâyetiniz alındı: PLT-2026-000001',
      text: `Merhaba,\nyanıtınız için: ${link}.\n`,
      html: `<p>Merhaba,</p><p><a href="${link}">Yanıtla</a></p><script>alert(1)</script>`,
      messageId: '<idem-1@plaint.test>',
    });
    const mail = inbox.messages().find((m): m is InboxEmail => m.kind === 'email' && m.messageId === '<idem-1@plaint.test>');
    expect(mail).toMatchObject({ to: ['ayse@example.test'], replyTo: 'reply+PLT-1@plaint.test', subject: 'Şikâyetiniz alındı: PLT-2026-000001', duplicates: 0 });

    const html = await page();
    expect(html).toContain('Şikâyetiniz alındı: PLT-2026-000001');
    expect(html).toContain('reply+PLT-1@plaint.test');
    expect(html).toContain('&lt;idem-1@plaint.test&gt;');
    expect(html).toContain(`<a href="${link}">${link}</a>`); // the trailing full stop is not part of the link
    expect(html).toMatch(new RegExp(`<iframe[^>]*sandbox="allow-popups allow-popups-to-escape-sandbox"[^>]*src="/messages/${mail!.id}/html"`));
    expect(html).not.toContain('<script>');

    const frame = await fetch(new URL(`/messages/${mail!.id}/html`, inbox.inboxUrl));
    expect(frame.headers.get('content-security-policy')).toMatch(/default-src 'none'.*sandbox allow-popups/);
    const body = await frame.text();
    expect(body).toContain(`<a href="${link}">Yanıtla</a>`);
    expect(body).toMatch(/^<base target="_blank">/);
  });

  it('counts a second arrival of the same Message-ID as a duplicate instead of listing it twice', async () => {
    const twice = { to: 'bora@example.test', subject: 'Twice', text: 'same message', messageId: '<idem-2@plaint.test>' };
    await send(twice);
    await send(twice);
    const copies = inbox.messages().filter((m) => m.kind === 'email' && m.messageId === '<idem-2@plaint.test>');
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatchObject({ duplicates: 1 });
    expect(await page()).toContain('duplicate received: the same Message-ID arrived 2 times');
  });

  it('lists newest first, filters by recipient, shows right-to-left text as such, and answers the JSON API', async () => {
    await send({ to: 'dariush@example.test', subject: 'شکایت شما دریافت شد', text: 'سلام، پیوند: https://plaint.test/r/fa' });
    const all = (await (await fetch(new URL('/api/messages', inbox.inboxUrl))).json()) as { messages: Array<{ subject?: string }> };
    expect(all.messages[0]!.subject).toBe('شکایت شما دریافت شد');
    const mine = (await (await fetch(new URL('/api/messages?to=dariush@example.test', inbox.inboxUrl))).json()) as { messages: unknown[] };
    expect(mine.messages).toHaveLength(1);
    const filtered = await page('?to=dariush%40example.test');
    expect(filtered).toContain('<h2 id="m-');
    expect(filtered).toMatch(/dir="auto">شکایت شما دریافت شد/);
    expect(filtered).not.toContain('Twice');
  });

  it('keeps what arrived across a restart (npm start keeps it under .data/dev-inbox)', async () => {
    const before = inbox.messages().length;
    await inbox.close();
    inbox = await startDevInbox({ smtpPort: 0, smsPort: 0, httpPort: 0, smsSecret: 'a-test-secret-of-enough-length-0123', dataDir });
    expect(inbox.messages()).toHaveLength(before);
    expect(inbox.messages().find((m) => m.kind === 'email' && m.messageId === '<idem-2@plaint.test>')).toMatchObject({ duplicates: 1 });
  });
});
