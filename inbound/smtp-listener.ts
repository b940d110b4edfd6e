// Plaint's own receiving address: an SMTP server (smtp-server) the API process runs on
// INBOUND_SMTP_HOST:INBOUND_SMTP_PORT. It takes mail for our domains only (no relay), announces
// the size limit (SIZE, RFC 1870) and refuses a bigger message, and answers each message with
// what became of it: 250 once it is stored, 451 (try later) when the sender is over its budget
// or the workflow service is away, 552 too big, 550 not a message. Plain SMTP without TLS or
// AUTH: put it behind your MTA (MX) or use the webhook from a mail provider (README "Inbound e-mail").
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { SMTPServer } from 'smtp-server';
import { InboundRefusal, type InboundMail } from './receive-mail.js';

/** Recipients one message may name; mail to more is no customer writing to us. */
const MAX_RECIPIENTS = 20;

export interface InboundSmtpOptions {
  host: string;
  /** 0 = any free port (tests). */
  port: number;
  mail: InboundMail;
  log: Logger;
}

export interface InboundSmtp {
  host: string;
  port: number;
  close(): Promise<void>;
}

export async function startInboundSmtp(opts: InboundSmtpOptions): Promise<InboundSmtp> {
  const log = opts.log.child({ component: 'inbound-smtp' });
  const domains = opts.mail.ownDomains;
  const server = new SMTPServer({
    banner: 'Plaint inbound mail',
    size: opts.mail.maxBytes,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, session, callback) {
      const domain = address.address.slice(address.address.lastIndexOf('@') + 1).toLowerCase();
      if (!domains.includes(domain)) return callback(smtpError(550, '5.7.1 We take mail for our own domains only (no relay)'));
      if (session.envelope.rcptTo.length >= MAX_RECIPIENTS) return callback(smtpError(452, '4.5.3 Too many recipients'));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let kept = 0;
      stream.on('data', (chunk: Buffer) => {
        // Past the limit the rest is drained, not kept: smtp-server marks the stream sizeExceeded.
        if (kept <= opts.mail.maxBytes) chunks.push(chunk);
        kept += chunk.byteLength;
      });
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(smtpError(552, `5.3.4 Message larger than ${opts.mail.maxBytes} bytes`));
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address.toLowerCase() : '';
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        opts.mail
          .receive(Buffer.concat(chunks), { via: 'smtp', from, to })
          .then(() => callback())
          .catch((err: unknown) => {
            if (!(err instanceof InboundRefusal)) log.error({ err }, 'could not handle an inbound e-mail; the sender is told to try again');
            callback(refusalReply(err));
          });
      });
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve((server.server.address() as AddressInfo).port));
  });
  server.on('error', (err) => log.error({ err }, 'inbound SMTP server error'));
  return { host: opts.host, port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function refusalReply(err: unknown): Error {
  if (err instanceof InboundRefusal) {
    switch (err.kind) {
      case 'too_large':
        return smtpError(552, `5.3.4 ${err.message}`);
      case 'malformed':
        return smtpError(550, `5.6.0 ${err.message}`);
      case 'rate_limited':
        return smtpError(451, `4.7.1 Too many messages from this sender; try again in ${err.retryAfterSeconds ?? 60} seconds`);
      case 'unavailable':
        return smtpError(451, '4.3.0 Temporarily unable to take the message; try again later');
    }
  }
  return smtpError(451, '4.3.0 Temporarily unable to take the message; try again later');
}

function smtpError(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}
