// The outbox dispatcher: claims due rows with FOR UPDATE SKIP LOCKED (several dispatchers never
// take one row), commits `sending` before calling the provider, then records what happened.
// Transitions only ever write rows; nothing here blocks or calls back into a workflow.
//
// "Never doubled": a row left `sending` by a crash is claimed again after the lease. For SMS the
// provider is asked first (findAccepted) and an accepted message is recorded, not resent. SMTP
// cannot be asked, so what the server accepted is journalled on disk first (sent-journal.ts) and
// a reclaimed e-mail found there is recorded, not resent. Without a journal (or past a lost one)
// an e-mail is resent with the same Message-ID (the idempotency key), which clients can fold.
import { startNotifiedPollLoop, type NotifiedPollLoop } from '../db/notified-poll-loop.js';
import type { Sql } from 'postgres';
import type { Logger } from 'pino';
import { ErasedMessageError, type OutboxDelivery } from '../read-model/outbox-delivery.js';
import { languageMetadata, languageOf } from '../texts/languages.js';
import { retryDelayMs } from './backoff.js';
import { renderEmailHtml } from './email-html.js';
import { writeFailureNotice } from './failure-notice.js';
import { claimDue, recordGivenUp, recordRetry, recordSent, recordSkipped, type ClaimedMessage, type SendableChannel } from './outbox-claims.js';
import type { DataKeyStore } from '../security/data-keys.js';
import type { ReplyAddressBook } from '../security/reply-address.js';
import type { SentJournal } from './sent-journal.js';
import type { StaffAddressBook } from './staff-addresses.js';
import { DeliveryError, type Accepted, type EmailTransport, type SmsProvider } from './transport.js';

export const NO_STAFF_ADDRESS = 'no staff member with an e-mail address';

export interface DispatcherOptions {
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** A row `sending` longer than this is taken to be abandoned (its dispatcher crashed). */
  leaseMs: number;
  pollMs: number;
  batchSize: number;
  /** Rows of one batch sent at the same time. */
  concurrency?: number;
  /** The per-complaint reply addresses customers' e-mails carry as Reply-To (security/reply-address.ts). */
  replyAddresses: Pick<ReplyAddressBook, 'addressFor'>;
  /** Language of the notices to staff when delivery gives up. */
  staffLocale: string;
  /** Claim only rows created at or after this instant (a test's dispatcher leaves others' rows alone). */
  notBefore?: Date;
}

export interface DispatcherDeps {
  sql: Sql;
  outbox: OutboxDelivery;
  email: EmailTransport;
  /** Without a provider, SMS rows wait (pending) until one is configured. */
  sms: SmsProvider | null;
  staffAddresses: StaffAddressBook;
  log: Logger;
  /** Opens the failed row's sealed recipient for the team's notice, and seals the notice. */
  dataKeys: DataKeyStore;
  /** What the SMTP server accepted, kept before PostgreSQL records it (absent: a reclaimed e-mail is resent). */
  sentJournal?: SentJournal | undefined;
}

type Outcome = 'sent' | 'retry' | 'failed' | 'bounced' | 'skipped' | 'lost-claim';

export function createDispatcher(deps: DispatcherDeps, opts: DispatcherOptions) {
  const channels: SendableChannel[] = deps.sms ? ['email', 'sms', 'staff_inbox'] : ['email', 'staff_inbox'];
  const log = deps.log.child({ component: 'dispatcher' });

  async function send(m: ClaimedMessage): Promise<{ provider: string; accepted: Accepted } | 'skipped'> {
    if (m.channel === 'sms') {
      const sms = deps.sms!;
      // The crash case: the gateway may hold it already under this key. Record, do not resend.
      const known = m.reclaimed && sms.findAccepted ? await sms.findAccepted(m.idempotencyKey) : null;
      if (known) return { provider: sms.name, accepted: known };
      const { recipient, body } = await deps.outbox.renderForDelivery({ ...m, id: String(m.id) });
      return { provider: sms.name, accepted: await sms.send({ idempotencyKey: m.idempotencyKey, to: e164(recipient ?? m.recipient), text: body }) };
    }
    // The crash case for e-mail: the server took it before PostgreSQL could record it.
    const journalled = m.reclaimed || m.attempts > 1 ? deps.sentJournal?.find(m.idempotencyKey) : undefined;
    if (journalled) return { provider: 'smtp', accepted: { providerMessageId: journalled } };
    const { recipient, subject, body } = await deps.outbox.renderForDelivery({ ...m, id: String(m.id) });
    const to = m.channel === 'email' ? [recipient ?? m.recipient] : await staffEmails(m);
    if (to.length === 0) return 'skipped';
    const language = languageOf(m.locale);
    const accepted = await deps.email.send({
      idempotencyKey: m.idempotencyKey,
      to,
      ...(m.audience === 'customer' ? { replyTo: opts.replyAddresses.addressFor(m.reference) } : {}),
      language,
      subject,
      text: body,
      html: renderEmailHtml({ lang: language, dir: languageMetadata(language).direction, subject, text: body }),
    });
    deps.sentJournal?.add(m.idempotencyKey, accepted.providerMessageId);
    return { provider: 'smtp', accepted };
  }

  async function staffEmails(m: ClaimedMessage): Promise<string[]> {
    const people = await deps.staffAddresses.contactsFor(m.recipient, m.complaintId);
    return [...new Set(people.map((p) => p.email).filter((e): e is string => !!e))];
  }

  async function deliver(m: ClaimedMessage): Promise<Outcome> {
    let result: Awaited<ReturnType<typeof send>>;
    try {
      result = await send(m);
    } catch (err) {
      // Erased since it was queued: nobody to send it to, ever. Not a failure the team must act on.
      if (err instanceof ErasedMessageError) return (await recordSkipped(deps.sql, m, err.message)) ? 'skipped' : 'lost-claim';
      return failed(m, err);
    }
    if (result === 'skipped') return (await recordSkipped(deps.sql, m, NO_STAFF_ADDRESS)) ? 'skipped' : 'lost-claim';
    const ok = await recordSent(deps.sql, m, result.provider, result.accepted.providerMessageId);
    if (!ok) log.warn({ messageId: m.id }, 'sent, but another dispatcher took the row over meanwhile; its record stands');
    return ok ? 'sent' : 'lost-claim';
  }

  async function failed(m: ClaimedMessage, err: unknown): Promise<Outcome> {
    const error = errorText(err);
    const permanent = err instanceof DeliveryError && err.permanent;
    if (!permanent && m.attempts < opts.maxAttempts) {
      const delayMs = retryDelayMs(m.attempts, { baseMs: opts.backoffBaseMs, maxMs: opts.backoffMaxMs });
      log.info({ messageId: m.id, attempts: m.attempts, delayMs, error }, 'delivery failed; will retry');
      return (await recordRetry(deps.sql, m, error, delayMs)) ? 'retry' : 'lost-claim';
    }
    const status = err instanceof DeliveryError && err.bounced ? 'bounced' : 'failed';
    const provider = m.channel === 'sms' ? (deps.sms?.name ?? null) : 'smtp';
    const done = await deps.sql.begin(async (tx) => {
      if (!(await recordGivenUp(tx, m, status, error, provider))) return false;
      await writeFailureNotice(tx, m, { error, bounced: status === 'bounced', staffLocale: opts.staffLocale }, deps.dataKeys);
      return true;
    });
    if (done) log.warn({ messageId: m.id, attempts: m.attempts, status, error }, 'delivery given up; the team is notified');
    return done ? status : 'lost-claim';
  }

  /** One round: claims a batch and delivers it. Answers how many rows it claimed. */
  async function runOnce(): Promise<number> {
    const claimed = await claimDue(deps.sql, { channels, batchSize: opts.batchSize, leaseMs: opts.leaseMs, notBefore: opts.notBefore });
    const queue = [...claimed];
    const worker = async () => {
      for (let m = queue.shift(); m; m = queue.shift()) {
        // A database error while recording leaves the row `sending`: the lease brings it back.
        await deliver(m).catch((err: unknown) => log.error({ err, messageId: m.id }, 'could not record a delivery'));
      }
    };
    await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? 4, queue.length) }, worker));
    return claimed.length;
  }

  /** Runs until stopped: wakes on NOTIFY outbox_messages and every pollMs. `stop` lets in-flight work finish. */
  function start(): NotifiedPollLoop {
    return startNotifiedPollLoop({ sql: deps.sql, log, channel: 'outbox_messages', pollMs: opts.pollMs, batchSize: opts.batchSize, runOnce, failure: 'claiming outbox messages failed; trying again after the poll interval' });
  }

  return { runOnce, start };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;

/** `+90 532 000 00 00` → `+905320000000`: gateways take E.164 without spaces. */
export function e164(phone: string): string {
  return phone.replace(/[\s().-]/g, '');
}

function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}
