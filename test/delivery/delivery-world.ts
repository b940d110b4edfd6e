// What the delivery tests share: real PostgreSQL, Temporal and worker (complaints driven over the
// API), a real SMTP server of our own, and dispatchers built as the jobs process builds them.
import type { SentJournal } from '../../delivery/sent-journal.js';
import { afterAll, beforeAll } from 'vitest';
import { pino } from 'pino';
import { createDispatcher, type DispatcherOptions } from '../../delivery/dispatcher.js';
import { createSmtpTransport } from '../../delivery/smtp.js';
import type { StaffAddressBook, StaffContact } from '../../delivery/staff-addresses.js';
import type { EmailTransport, SmsProvider } from '../../delivery/transport.js';
import type { MessageRecord } from '../../read-model/complaint-queries.js';
import { createOutboxDelivery } from '../../read-model/outbox-delivery.js';
import { SealedBox } from '../../security/sealed-box.js';
import { complaintDriver, type ComplaintDriver, type FiledComplaint } from '../helpers/complaint-driver.js';
import { replyAddressBook } from '../../security/reply-address.js';
import { bearer, eventually, integrationContext, LINK_SIGNING_SECRET, type IntegrationContext } from '../helpers/integration.js';
import { quietProcess } from '../helpers/process.js';
import { startSmtpCatcher, type SmtpCatcher } from '../helpers/smtp-catcher.js';

export const FROM = 'Plaint <complaints@plaint.test>';
export const REPLY_DOMAIN = 'reply.plaint.test';
export const TEAM_LEAD: StaffContact = { id: 'u-lead', name: 'Deniz Kaya', email: 'lead@staff.plaint.test', phone: null, language: 'en' };

/** The directory as the tests know it: the team lead for the team lead and any team; nobody else. */
export const STAFF_BOOK: StaffAddressBook = {
  contactsFor: async (recipient) => (recipient === 'escalation:teamLead' || recipient.startsWith('team:') ? [TEAM_LEAD] : []),
};

/** A row of GET …/messages as the API answers it. */
export type MessageView = MessageRecord;

type DispatcherOverrides = Partial<DispatcherOptions> & { email?: EmailTransport; sms?: SmsProvider | null; sentJournal?: SentJournal };

export interface DeliveryWorld {
  ctx: IntegrationContext;
  d: ComplaintDriver;
  catcher: SmtpCatcher;
  smtp(): EmailTransport;
  dispatcher(opts?: DispatcherOverrides): ReturnType<typeof createDispatcher>;
  /** GET …/messages as an agent sees it. */
  messages(c: FiledComplaint): Promise<MessageView[]>;
  /** The row's idempotency key. */
  keyOf(messageId: number): Promise<string>;
}

export const TEST_OPTIONS: DispatcherOptions = {
  maxAttempts: 3,
  backoffBaseMs: 100,
  backoffMaxMs: 400,
  leaseMs: 60_000,
  pollMs: 100,
  batchSize: 10,
  replyAddresses: replyAddressBook(LINK_SIGNING_SECRET, REPLY_DOMAIN),
  staffLocale: 'en',
};

export function useDeliveryWorld(use: (world: DeliveryWorld) => void): void {
  let ctx: IntegrationContext | undefined;
  let catcher: SmtpCatcher | undefined;
  const transports: EmailTransport[] = [];
  beforeAll(async () => {
    ctx = await integrationContext();
    await ctx.startWorker();
    catcher = await startSmtpCatcher();
    const c = ctx;
    const d = complaintDriver(c, quietProcess());
    const smtp = () => {
      const t = createSmtpTransport({ host: '127.0.0.1', port: catcher!.port, secure: false, requireTls: false, from: FROM });
      transports.push(t);
      return t;
    };
    use({
      ctx: c,
      d,
      catcher,
      smtp,
      dispatcher: ({ email, sms, sentJournal, ...opts }: DispatcherOverrides = {}) =>
        createDispatcher(
          { sql: c.sql, outbox: createOutboxDelivery({ ...c.activityDeps, sealedBox: new SealedBox(c.encryptionKeys) }), email: email ?? smtp(), sms: sms ?? null, staffAddresses: STAFF_BOOK, log: pino({ level: 'silent' }), dataKeys: c.activityDeps.dataKeys, sentJournal },
          // Each test's dispatcher takes only the rows written during that test.
          { ...TEST_OPTIONS, notBefore: new Date(), ...opts },
        ),
      async messages(complaint) {
        const res = await d.app.request(`/v1/complaints/${complaint.reference}/messages`, { headers: bearer('agent') });
        if (res.status !== 200) throw new Error(`GET messages answered ${res.status}`);
        return (await res.json()) as MessageView[];
      },
      async keyOf(messageId) {
        const [row] = await c.sql<{ key: string }[]>`SELECT idempotency_key AS key FROM outbox_messages WHERE id = ${messageId}`;
        return row!.key;
      },
    });
  });
  afterAll(async () => {
    for (const t of transports) t.close?.();
    await catcher?.stop();
    await ctx?.close();
  });
}

/** Runs dispatch rounds until `check` holds (a dispatcher without its loop, driven by the test). */
export function deliverUntil<T>(dispatcher: { runOnce(): Promise<number> }, check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  return eventually(async () => {
    await dispatcher.runOnce();
    return check();
  }, timeoutMs);
}

/** The message of a template once it reached `status`. */
export async function messageIn(world: DeliveryWorld, c: FiledComplaint, template: string, status: string): Promise<MessageView | undefined> {
  return (await world.messages(c)).find((m) => m.template === template && m.status === status);
}
