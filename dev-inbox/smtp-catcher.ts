// The local mail catcher: a real SMTP server (smtp-server) that accepts every message, parses it
// with mailparser and keeps it in the inbox store. No TLS, any user/password: it only listens on
// the loopback address and production refuses it (config/env.ts).
import { randomUUID } from 'node:crypto';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { InboxStore } from './store.js';

const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

export function createSmtpCatcher(store: InboxStore): SMTPServer {
  return new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    banner: 'Plaint dev inbox (local mail catcher)',
    logger: false,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'dev' }),
    onData: (stream, session, callback) => {
      simpleParser(stream)
        .then((mail) => {
          if (stream.sizeExceeded) return callback(Object.assign(new Error('message too large'), { responseCode: 552 }));
          const recipients = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
          keep(store, mail, recipients);
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
}

function keep(store: InboxStore, mail: ParsedMail, recipients: string[]): void {
  const messageId = mail.messageId ?? null;
  const earlier = messageId ? store.findEmail(messageId) : undefined;
  if (earlier) {
    // The same Message-ID twice is a double send: keep the first, count the rest.
    store.update(earlier.id, { duplicates: earlier.duplicates + 1 });
    return;
  }
  store.add({
    kind: 'email',
    id: randomUUID(),
    messageId,
    from: mail.from?.text ?? '',
    to: recipients.length ? recipients : addresses(mail.to),
    replyTo: mail.replyTo?.text ?? null,
    subject: mail.subject ?? '',
    text: mail.text ?? '',
    html: typeof mail.html === 'string' ? mail.html : null,
    headers: Object.fromEntries(mail.headerLines.map((h) => [h.key, h.line.slice(h.line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim()])),
    receivedAt: new Date().toISOString(),
    duplicates: 0,
  });
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return list.flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase())).filter(Boolean);
}
