// E-mail over SMTP with nodemailer. The outbox row's idempotency key is the Message-ID, so a
// resend after a crash carries the same id and a receiver that deduplicates sees one message.
// The server's answer decides the kind of failure: 5xx for the recipient = bounced (permanent),
// other 5xx = permanent, 4xx and connection trouble = transient (retried with backoff).
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import { DeliveryError, type Accepted, type EmailTransport, type OutgoingEmail } from './transport.js';

export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the first byte (465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  /** Refuse a server that does not upgrade by STARTTLS. */
  requireTls: boolean;
  user?: string | undefined;
  password?: string | undefined;
  /** `Name <address>` or an address. */
  from: string;
}

/** The domain of the From address: Message-IDs are `<key@domain>`. */
export function fromDomain(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return address.slice(address.lastIndexOf('@') + 1).trim();
}

/** `<idempotency-key@from-domain>`: the same key always gives the same Message-ID. */
export function messageIdFor(idempotencyKey: string, from: string): string {
  return `<${idempotencyKey}@${fromDomain(from)}>`;
}

export function createSmtpTransport(config: SmtpConfig): EmailTransport {
  const options: SMTPTransport.Options = {
    host: config.host,
    port: config.port,
    secure: config.secure,
    requireTLS: config.requireTls,
    ...(config.user ? { auth: { user: config.user, pass: config.password ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
  const transporter = nodemailer.createTransport(options);
  return {
    async send(message: OutgoingEmail): Promise<Accepted> {
      const messageId = messageIdFor(message.idempotencyKey, config.from);
      try {
        const info = await transporter.sendMail({
          from: config.from,
          to: [...message.to],
          ...(message.replyTo ? { replyTo: message.replyTo } : {}),
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId,
          // RFC 3834: machine-sent, so out-of-office responders do not answer it (no mail loops).
          headers: { 'Content-Language': message.language, 'Auto-Submitted': 'auto-generated' },
        });
        return { providerMessageId: info.messageId || messageId };
      } catch (err) {
        throw classifySmtpError(err);
      }
    },
    close: () => transporter.close(),
  };
}

interface SmtpError {
  code?: string;
  responseCode?: number;
  command?: string;
  response?: string;
  message?: string;
  rejectedErrors?: SmtpError[];
}

/** What a nodemailer error means for the row: permanent (and whether bounced) or transient. */
export function classifySmtpError(err: unknown): Error {
  const e = (err ?? {}) as SmtpError;
  // All recipients refused: nodemailer reports EENVELOPE with one error per recipient.
  const recipient = e.rejectedErrors?.[0] ?? (e.command?.startsWith('RCPT') ? e : undefined);
  const code = recipient?.responseCode ?? e.responseCode;
  const said = (recipient?.response ?? e.response ?? e.message ?? String(err)).trim();
  if (code !== undefined && code >= 500) {
    return new DeliveryError(`SMTP ${code}: ${said}`, true, recipient !== undefined);
  }
  return new Error(code !== undefined ? `SMTP ${code}: ${said}` : `SMTP ${e.code ?? 'error'}: ${said}`, { cause: err });
}
