// Wires the outbox dispatcher for the jobs process: SMTP from config, the answer links signed
// as the worker signs them. The staff directory and the SMS provider are passed in by main.ts.
import type { Sql } from 'postgres';
import type { Logger } from 'pino';
import type { Config } from '../config/env.js';
import { createDispatcher } from '../delivery/dispatcher.js';
import { createSmtpTransport } from '../delivery/smtp.js';
import type { StaffAddressBook } from '../delivery/staff-addresses.js';
import type { SmsProvider } from '../delivery/transport.js';
import type { SentJournal } from '../delivery/sent-journal.js';
import { createOutboxDelivery } from '../read-model/outbox-delivery.js';
import type { DataKeyStore } from '../security/data-keys.js';
import type { SealedBox } from '../security/sealed-box.js';
import { replyAddressBook } from '../security/reply-address.js';
import { LinkSigner } from '../security/signed-links.js';

export function startDelivery(
  config: Config & { LINK_SIGNING_SECRET: string },
  deps: { sql: Sql; log: Logger; staffAddresses: StaffAddressBook; sms: SmsProvider | null; sealedBox: SealedBox; dataKeys: DataKeyStore; sentJournal?: SentJournal },
): { stop(): Promise<void> } {
  const email = createSmtpTransport({
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.SMTP_SECURE,
    requireTls: config.SMTP_REQUIRE_TLS,
    user: config.SMTP_USER,
    password: config.SMTP_PASSWORD,
    from: config.MAIL_FROM,
  });
  const outbox = createOutboxDelivery({
    sql: deps.sql,
    linkSigner: new LinkSigner(config.LINK_SIGNING_SECRET),
    publicBaseUrl: config.PUBLIC_BASE_URL ?? `http://${config.HTTP_HOST}:${config.HTTP_PORT}`,
    sealedBox: deps.sealedBox,
    dataKeys: deps.dataKeys,
  });
  const dispatcher = createDispatcher(
    { sql: deps.sql, outbox, email, sms: deps.sms, staffAddresses: deps.staffAddresses, log: deps.log, dataKeys: deps.dataKeys, sentJournal: deps.sentJournal },
    {
      maxAttempts: config.DELIVERY_MAX_ATTEMPTS,
      backoffBaseMs: config.DELIVERY_BACKOFF_BASE_MS,
      backoffMaxMs: config.DELIVERY_BACKOFF_MAX_MS,
      leaseMs: config.DELIVERY_LEASE_MS,
      pollMs: config.DELIVERY_POLL_MS,
      batchSize: config.DELIVERY_BATCH_SIZE,
      replyAddresses: replyAddressBook(config.LINK_SIGNING_SECRET, config.MAIL_REPLY_DOMAIN),
      staffLocale: config.STAFF_LOCALE,
    },
  );
  const running = dispatcher.start();
  return {
    async stop() {
      await running.stop();
      email.close?.();
    },
  };
}
