// What happens to a message Plaint receives, by SMTP (inbound/smtp-listener.ts) or through
// POST /v1/inbound/email: one use case behind both.
//
//   1. Too big, or a sender over its budget: refused before anything is stored (the SMTP client
//      or the forwarding provider hears 552/451, 413/429, and retries a budget refusal later).
//   2. One row per Message-ID (read-model/inbound-emails.ts): a second delivery changes nothing.
//   3. Auto-replies, list and bulk mail, other reports, non-standard bounces and our own mail
//      coming back are ignored (domain/inbound-mail/classify.ts). A delivery status notification
//      for one of our messages marks it `bounced` and tells the team, as a refused send does.
//   4. A reply (its complaint's reply address, one of our Message-IDs in In-Reply-To/References,
//      or the reference in the subject from the complaint's own contact) goes to the complaint's
//      workflow as `customer_wrote`: on the timeline, answering an open question, the owner told.
//      A reply to a closed complaint reaches its owner as a notice.
//   5. Anything else opens a complaint on the `email` channel through the intake every channel
//      uses, the sender as the contact, the files kept as evidence with the web form's checks.
import { createHash } from 'node:crypto';
import type { Sql } from 'postgres';
import type { Logger } from 'pino';
import { checkAttachments, type AcceptedFile, type AttachmentLimits, type IncomingFile } from '../domain/attachments/limits.js';
import { DomainError } from '../domain/errors.js';
import { classifyMail } from '../domain/inbound-mail/classify.js';
import { bounceReason, ourMessageKeys, parseDeliveryStatus } from '../domain/inbound-mail/delivery-status.js';
import { ownWords, referencesIn, storableWithin, withoutOurLinks } from '../domain/inbound-mail/mail-text.js';
import { fromDomain } from '../delivery/smtp.js';
import { intakeRequestSchema, type IntakeRequest } from '../api/intake/intake.schemas.js';
import { fileComplaint, type IntakeDeps } from '../api/intake/file-complaint.js';
import type { RateLimiter } from '../api/http/rate-limit.js';
import { sha256Hex, type AttachmentStore } from '../read-model/attachments.js';
import {
  claimInboundEmail,
  complaintByReference,
  complaintOfOurMessage,
  complaintOfSender,
  finishInboundEmail,
  recordReportedBounce,
  writeAfterClosureNotice,
  type InboundOutcome,
  type InboundVia,
  type ThreadedComplaint,
} from '../read-model/inbound-emails.js';
import type { ReplyAddressBook } from '../security/reply-address.js';
import { isLanguage, type Language } from '../texts/languages.js';
import { parseInboundMail, type ParsedInboundMail } from './parse-mail.js';

export interface InboundMailDeps {
  sql: Sql;
  intake: IntakeDeps;
  attachments: AttachmentStore;
  replyAddresses: ReplyAddressBook;
  /** MAIL_FROM: our own address (mail from it is a loop) and the domain of our Message-IDs. */
  mailFrom: string;
  /** PUBLIC_BASE_URL: our signed links in a customer's text are replaced by the placeholder. */
  publicBaseUrl: string;
  /** Messages per sender (From address) per window (INBOUND_EMAIL_PER_SENDER_PER_HOUR). */
  senderLimiter: RateLimiter;
  /** INBOUND_EMAIL_MAX_BYTES: the SMTP SIZE and the webhook's body limit. */
  maxBytes: number;
  /** The evidence files' limits of the web form (FORM_ATTACHMENTS_*). */
  attachmentLimits: AttachmentLimits;
  /** The language of a new complaint whose mail does not say (Content-Language). */
  defaultLocale: Language;
  /** Language of the notices to staff. */
  staffLocale: string;
  log: Logger;
}

/** What the sender is told: SMTP reply codes and HTTP statuses come from it. */
export class InboundRefusal extends Error {
  constructor(
    readonly kind: 'too_large' | 'rate_limited' | 'malformed' | 'unavailable',
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'InboundRefusal';
  }
}

export interface InboundResult {
  outcome: InboundOutcome;
  reason?: string;
  /** The complaint filed, or the one a reply or bounce belongs to. */
  complaintReference?: string;
  /** True when this Message-ID was handled before: nothing was done again. */
  duplicate: boolean;
}

export interface Envelope {
  via: InboundVia;
  /** SMTP MAIL FROM, lower case; '' for the null sender; undefined when unknown (webhook). */
  from?: string | undefined;
  /** SMTP RCPT TO (or what the forwarding provider says), lower case. */
  to?: readonly string[];
}

/** Longest timeline text of a reply (as a customer's answer through the link). */
const REPLY_TEXT_MAX = 5_000;
/** After closure the notice carries the text: a few paragraphs are enough to judge it. */
const NOTICE_TEXT_MAX = 2_000;

export function createInboundMail(deps: InboundMailDeps) {
  const log = deps.log.child({ component: 'inbound-mail' });
  const ownAddress = (/<([^>]+)>/.exec(deps.mailFrom)?.[1] ?? deps.mailFrom).trim().toLowerCase();
  const ourDomain = fromDomain(deps.mailFrom).toLowerCase();
  const ownDomains = [...new Set([ourDomain, deps.replyAddresses.domain])];

  async function receive(raw: Buffer, envelope: Envelope): Promise<InboundResult> {
    if (raw.byteLength > deps.maxBytes) throw new InboundRefusal('too_large', `message larger than ${deps.maxBytes} bytes`);
    let mail: ParsedInboundMail;
    try {
      mail = await parseInboundMail(raw);
    } catch (err) {
      throw new InboundRefusal('malformed', `not a readable message: ${(err as Error).message}`);
    }
    // Counted before anything is stored: a loop or a flood costs a parse, nothing more.
    const sender = mail.from.address || envelope.from || 'unknown';
    const verdict = await deps.senderLimiter.hit(sender.trim().toLowerCase());
    if (!verdict.allowed) throw new InboundRefusal('rate_limited', 'too many messages from this sender', verdict.retryAfterSeconds);

    const senderHash = deps.intake.customerLookup.email(mail.from.address || null);
    const claim = await claimInboundEmail(deps.sql, { messageKey: mail.messageKey, via: envelope.via, sizeBytes: raw.byteLength, senderHash });
    if (claim.earlier) {
      const reference = claim.earlier.complaintId ? await referenceOf(claim.earlier.complaintId) : undefined;
      return { outcome: claim.earlier.outcome, ...(claim.earlier.reason ? { reason: claim.earlier.reason } : {}), ...(reference ? { complaintReference: reference } : {}), duplicate: true };
    }
    const finish = async (result: Parameters<typeof finishInboundEmail>[2] & { complaintReference?: string }): Promise<InboundResult> => {
      await finishInboundEmail(deps.sql, claim.id, result);
      log.info({ inboundEmailId: claim.id, via: envelope.via, outcome: result.outcome, reason: result.reason }, 'inbound e-mail handled');
      return { outcome: result.outcome, ...(result.reason ? { reason: result.reason } : {}), ...(result.complaintReference ? { complaintReference: result.complaintReference } : {}), duplicate: false };
    };

    const kind = classifyMail({ headers: mail.headers, from: mail.from.address, envelopeFrom: envelope.from, ownAddresses: [ownAddress], ownDomains });
    if (kind.kind === 'ignored') return finish({ outcome: 'ignored', reason: kind.because });
    if (kind.kind === 'delivery_report') return finish(await bounce(mail, raw));

    const thread = await threadOf(mail, envelope, senderHash);
    if (thread) return finish(await reply(thread, mail));
    return finish(await newComplaint(mail));
  }

  async function referenceOf(complaintId: string): Promise<string | undefined> {
    const [row] = await deps.sql<{ reference: string }[]>`SELECT reference FROM complaints WHERE id = ${complaintId}`;
    return row?.reference;
  }

  async function bounce(mail: ParsedInboundMail, raw: Buffer) {
    const reason = bounceReason(parseDeliveryStatus(mail.deliveryStatus));
    if (!reason) return { outcome: 'ignored' as const, reason: 'delivery_not_failed' };
    // The report quotes the original's headers: its Message-ID is one of ours (`<key@our domain>`).
    const own = mail.messageKey.toLowerCase();
    const keys = ourMessageKeys(raw.toString('latin1'), ourDomain).filter((k) => !own.includes(k));
    const marked = await recordReportedBounce(deps.sql, { keys, reason, staffLocale: deps.staffLocale });
    if (marked.length === 0) return { outcome: 'ignored' as const, reason: 'bounce_of_no_message_of_ours' };
    const reference = await referenceOf(marked[0]!.complaintId);
    // The DSN's own words (they name the address) stay on the outbox row staff read, not here.
    return { outcome: 'bounce_recorded' as const, reason: 'delivery_failed', complaintId: marked[0]!.complaintId, outboxMessageId: marked[0]!.id, ...(reference ? { complaintReference: reference } : {}) };
  }

  /** The complaint a reply belongs to: its reply address, our Message-ID it answers, or its reference from its own contact. */
  async function threadOf(mail: ParsedInboundMail, envelope: Envelope, senderHash: Buffer | null): Promise<ThreadedComplaint | undefined> {
    for (const address of new Set([...(envelope.to ?? []), ...mail.recipients])) {
      const reference = deps.replyAddresses.referenceOf(address);
      const complaint = reference && (await complaintByReference(deps.sql, reference));
      if (complaint) return complaint;
    }
    const answered = await complaintOfOurMessage(deps.sql, ourMessageKeys(mail.threadIds, ourDomain));
    if (answered) return answered;
    // The subject alone names a complaint anyone could name: only its own customer's mail threads by it.
    for (const reference of referencesIn(mail.subject)) {
      const complaint = await complaintOfSender(deps.sql, reference, senderHash);
      if (complaint) return complaint;
    }
    return undefined;
  }

  async function reply(complaint: ThreadedComplaint, mail: ParsedInboundMail) {
    const { files, refused } = keptFiles(mail.files);
    const names = files.map((f) => f.name);
    const words = withoutOurLinks(ownWords(mail.text) || mail.text.trim(), deps.publicBaseUrl);
    const text = storableWithin(words || storableWithin(mail.subject, 200).text || names.join(', '), REPLY_TEXT_MAX).text;
    const base = { complaintId: complaint.id, complaintReference: complaint.reference, refusedAttachments: refused };
    if (text === '') return { ...base, outcome: 'ignored' as const, reason: 'empty' };
    if (complaint.status !== 'closed') {
      try {
        await deps.intake.temporal.customerWrote(
          complaint.id,
          { message: { type: 'customer_wrote', channel: 'email', text }, details: { subject: storableWithin(mail.subject, 200).text, attachments: names } },
          createHash('sha256').update(mail.messageKey).digest('hex'),
        );
        // After the workflow took it: a retried delivery (Temporal was away) stores the files once.
        if (files.length > 0) await storeFiles(complaint.id, files);
        return { ...base, outcome: 'reply_recorded' as const };
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        // No workflow yet (its intake waits for Temporal): the sender retries, by then it runs.
        if (err.code === 'NOT_FOUND' || err.code === 'TEMPORARILY_UNAVAILABLE') throw new InboundRefusal('unavailable', err.message);
        // Any other refusal would refuse a retry the same way: noted, not retried.
        if (err.code !== 'GONE') return { ...base, outcome: 'ignored' as const, reason: `refused: ${err.code}` };
      }
    }
    if (files.length > 0) await storeFiles(complaint.id, files);
    await writeAfterClosureNotice(deps.sql, { complaintId: complaint.id, message: storableWithin(text, NOTICE_TEXT_MAX).text, staffLocale: deps.staffLocale });
    return { ...base, outcome: 'after_closure' as const };
  }

  async function storeFiles(complaintId: string, files: readonly AcceptedFile[]) {
    await deps.sql.begin((tx) => deps.attachments.store(tx, complaintId, files));
  }

  async function newComplaint(mail: ParsedInboundMail) {
    const request = intakeRequestOf(mail);
    if (!request.ok) return { outcome: 'ignored' as const, reason: `not_a_complaint: ${request.problem}` };
    const { files, refused } = keptFiles(mail.files);
    try {
      const result = await fileComplaint(deps.intake, request.value, `email:${createHash('sha256').update(mail.messageKey).digest('hex')}`, {
        fingerprintParts: files.map((f) => `${sha256Hex(f.bytes)}:${f.name}`),
        writeWithComplaint: async (tx, complaint) => {
          await deps.attachments.store(tx, complaint.id, files);
        },
      });
      return { outcome: 'complaint_filed' as const, complaintId: result.response.id, complaintReference: result.response.reference, refusedAttachments: refused };
    } catch (err) {
      // The same Message-ID with other content: someone reuses ids; the first filing stands.
      if (err instanceof DomainError && err.code === 'CONFLICT') return { outcome: 'ignored' as const, reason: 'message_id_reused' };
      throw unavailable(err);
    }
  }

  /** The intake body of a new e-mail complaint; what cannot be one (no usable sender) is said. */
  function intakeRequestOf(mail: ParsedInboundMail): { ok: true; value: IntakeRequest } | { ok: false; problem: string } {
    const body = storableWithin(withoutOurLinks(mail.text, deps.publicBaseUrl), 10_000).text;
    let subject = storableWithin(mail.subject, 200).text;
    if ([...subject].length < 3) subject = storableWithin(body.split('\n')[0] ?? '', 200).text;
    const description = [...body].length >= 10 ? body : storableWithin(`${subject}\n\n${body}`, 10_000).text;
    const language = mail.language?.split(/[,;]/)[0]?.trim().toLowerCase().split('-')[0] ?? '';
    const candidate = {
      channel: 'email' as const,
      customer: {
        name: storableWithin(mail.from.name || mail.from.address.split('@')[0] || mail.from.address, 200).text,
        email: mail.from.address,
        locale: isLanguage(language) ? language : deps.defaultLocale,
      },
      subject,
      description,
    };
    const parsed = intakeRequestSchema.safeParse(candidate);
    if (parsed.success) return { ok: true, value: parsed.data };
    return { ok: false, problem: parsed.error.issues.map((i) => i.path.join('.')).join(', ') };
  }

  /** The files the web form would take, one by one: an e-mail cannot be sent back to fix one, so the rest are kept. */
  function keptFiles(incoming: readonly IncomingFile[]): { files: AcceptedFile[]; refused: string[] } {
    const files: AcceptedFile[] = [];
    const refused: string[] = [];
    let total = 0;
    for (const file of incoming) {
      const check = checkAttachments([file], { ...deps.attachmentLimits, maxCount: 1 });
      if (!check.ok) {
        refused.push(`${file.name || 'attachment'}: ${check.problems.map((p) => p.kind).join(', ')}`);
        continue;
      }
      const accepted = check.files[0]!;
      if (files.length >= deps.attachmentLimits.maxCount) refused.push(`${accepted.name}: too_many`);
      else if (total + accepted.bytes.byteLength > deps.attachmentLimits.maxTotalBytes) refused.push(`${accepted.name}: too_large_total`);
      else {
        files.push(accepted);
        total += accepted.bytes.byteLength;
      }
    }
    return { files, refused };
  }

  return { receive, maxBytes: deps.maxBytes, ownDomains };
}

export type InboundMail = ReturnType<typeof createInboundMail>;

function unavailable(err: unknown): unknown {
  if (err instanceof DomainError && err.code === 'TEMPORARILY_UNAVAILABLE') return new InboundRefusal('unavailable', err.message);
  return err;
}
