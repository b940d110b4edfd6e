// What an arriving e-mail is, from its headers alone, before anything is filed: mail a person
// wrote to us, a delivery status notification (RFC 3464) about one of our messages, or something
// that must never open a complaint or reach a timeline: an auto-reply (RFC 3834 Auto-Submitted,
// vendors' X-Autoreply), bulk or list mail (Precedence, List-Id), another kind of report (read
// receipts), a non-standard bounce, or our own mail coming back (a loop).

export type IgnoredBecause =
  | 'auto_reply'
  | 'bulk'
  | 'mailing_list'
  | 'loop'
  | 'non_delivery'
  | 'other_report';

export type MailKind = { kind: 'personal' } | { kind: 'delivery_report' } | { kind: 'ignored'; because: IgnoredBecause };

/** The headers classification reads: lower-cased names, every value of each (a header may repeat). */
export type HeaderValues = ReadonlyMap<string, readonly string[]>;

export interface ClassifyInput {
  headers: HeaderValues;
  /** The From address, lower case; empty when the mail names none. */
  from: string;
  /** The envelope sender (SMTP MAIL FROM), lower case; empty for the null sender `<>`; undefined over the webhook. */
  envelopeFrom?: string | undefined;
  /** Our own addresses (MAIL_FROM's) and domains (MAIL_REPLY_DOMAIN, MAIL_FROM's): mail from them is a loop. */
  ownAddresses: readonly string[];
  ownDomains: readonly string[];
}

const SYSTEM_SENDERS = /^(mailer-daemon|postmaster|mail-daemon|mailer)@/;

export function classifyMail(input: ClassifyInput): MailKind {
  const { headers } = input;
  const first = (name: string) => headers.get(name)?.[0]?.trim().toLowerCase() ?? '';
  const contentType = first('content-type');
  // A report first: a DSN is machine-written but is exactly what we want to read.
  if (/^multipart\/report\b/.test(contentType)) {
    return /report-type\s*=\s*"?delivery-status"?/.test(contentType) ? { kind: 'delivery_report' } : { kind: 'ignored', because: 'other_report' };
  }
  const from = input.from.toLowerCase();
  const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1);
  if (from !== '' && (input.ownAddresses.includes(from) || input.ownDomains.includes(domainOf(from)))) return { kind: 'ignored', because: 'loop' };
  // RFC 3834: anything but `no` was sent by a machine on its own.
  const autoSubmitted = first('auto-submitted');
  if (autoSubmitted !== '' && !/^no\b/.test(autoSubmitted)) return { kind: 'ignored', because: 'auto_reply' };
  // Responders that predate RFC 3834 still mark themselves.
  if (headers.has('x-autoreply') || headers.has('x-autorespond')) return { kind: 'ignored', because: 'auto_reply' };
  const precedence = first('precedence');
  if (/^(bulk|junk)\b/.test(precedence)) return { kind: 'ignored', because: 'bulk' };
  if (/^list\b/.test(precedence)) return { kind: 'ignored', because: 'mailing_list' };
  if (/^auto_reply\b/.test(precedence)) return { kind: 'ignored', because: 'auto_reply' };
  if (headers.has('list-id') || headers.has('list-unsubscribe')) return { kind: 'ignored', because: 'mailing_list' };
  // A bounce in no standard form: from the null sender or a mailer daemon, never a customer's words.
  if (input.envelopeFrom === '' || SYSTEM_SENDERS.test(from) || from === '') return { kind: 'ignored', because: 'non_delivery' };
  return { kind: 'personal' };
}
