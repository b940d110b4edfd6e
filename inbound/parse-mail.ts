// An arriving message as inbound mail reads it, parsed with mailparser: who wrote it and to whom,
// the text (an HTML-only message as text, converted by mailparser's html-to-text, which runs no
// script and fetches nothing), the attached files, the delivery-status part of a report, and the
// ids it refers to. mailparser never throws on odd MIME; only input that is no message fails.
import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { HeaderValues } from '../domain/inbound-mail/classify.js';
import type { IncomingFile } from '../domain/attachments/limits.js';

export interface ParsedInboundMail {
  /** The Message-ID as sent, or `sha256:<hex>` of the raw message when it has none. */
  messageKey: string;
  from: { address: string; name: string };
  /** To, Cc and Delivered-To addresses, lower case. */
  recipients: string[];
  subject: string;
  text: string;
  /** Content-Language, when the sender's client said. */
  language: string | undefined;
  headers: HeaderValues;
  /** In-Reply-To and References, as one text (our Message-IDs are found in it). */
  threadIds: string;
  /** Files the sender attached; images a signature or an HTML layout embeds (multipart/related) are left out. */
  files: IncomingFile[];
  /** The `message/delivery-status` part of a report, as text. */
  deliveryStatus: string;
}

const MAX_MESSAGE_KEY = 1000;

export async function parseInboundMail(raw: Buffer): Promise<ParsedInboundMail> {
  const mail = await simpleParser(raw, { keepDeliveryStatus: true, skipTextToHtml: true, skipImageLinks: true, keepCidLinks: true });
  const sender = mail.from?.value.find((v) => v.address) ?? mail.from?.value[0];
  const statusParts = mail.attachments.filter((a) => a.contentType === 'message/delivery-status');
  const messageId = mail.messageId?.trim();
  return {
    messageKey: messageId ? messageId.slice(0, MAX_MESSAGE_KEY) : `sha256:${createHash('sha256').update(raw).digest('hex')}`,
    from: { address: (sender?.address ?? '').trim().toLowerCase(), name: (sender?.name ?? '').trim() },
    recipients: recipientsOf(mail),
    subject: mail.subject ?? '',
    text: mail.text || (typeof mail.html === 'string' ? await htmlAsText(mail.html) : ''),
    language: headerText(mail, 'content-language'),
    headers: headerValues(mail),
    threadIds: [mail.inReplyTo ?? '', ...[mail.references ?? []].flat()].join(' '),
    files: mail.attachments
      .filter((a) => !a.related && a.contentType !== 'message/delivery-status' && !a.contentType.startsWith('message/') && !a.contentType.startsWith('text/rfc822'))
      .map((a) => ({ name: a.filename ?? '', bytes: new Uint8Array(a.content) })),
    deliveryStatus: statusParts.map((a) => a.content.toString('utf8')).join('\n\n'),
  };
}

/**
 * An HTML-only body as text. mailparser converts HTML itself only when it is the whole message;
 * beside attachments it leaves the text empty. Parsed again as a message of its own, the HTML gets
 * the same conversion (html-to-text with mailparser's length and nesting limits).
 */
async function htmlAsText(html: string): Promise<string> {
  const alone = Buffer.concat([Buffer.from('Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n'), Buffer.from(html)]);
  return (await simpleParser(alone)).text ?? '';
}

function recipientsOf(mail: ParsedMail): string[] {
  const lists = [mail.to, mail.cc].flatMap((field: AddressObject | AddressObject[] | undefined) => (field === undefined ? [] : [field].flat()));
  const delivered = (mail.headers.get('delivered-to') as string | string[] | undefined) ?? [];
  const addresses = [...lists.flatMap((a) => a.value.map((v) => v.address ?? '')), ...[delivered].flat()];
  return [...new Set(addresses.map((a) => a.trim().toLowerCase()).filter(Boolean))];
}

function headerText(mail: ParsedMail, name: string): string | undefined {
  const value = mail.headers.get(name);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Every header line's unfolded value by lower-cased name (mailparser's parsed values differ per header). */
function headerValues(mail: ParsedMail): HeaderValues {
  const values = new Map<string, string[]>();
  for (const { key, line } of mail.headerLines) {
    const value = line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
    values.set(key, [...(values.get(key) ?? []), value]);
  }
  return values;
}
