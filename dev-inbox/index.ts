// The local inbox `npm start` runs in its own process: a mail catcher (SMTP), an SMS sink (the
// generic SMS webhook protocol) and a web page showing both. Tests may use it as their catcher.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { nodeEnvironment } from '../config/env.js';
import { createInboxApp } from './inbox-page.js';
import { createSmsSink, SMS_SINK_PATH } from './sms-sink.js';
import { createSmtpCatcher } from './smtp-catcher.js';
import { InboxStore, type InboxMessage } from './store.js';

export type { InboxEmail, InboxMessage, InboxSms } from './store.js';
export { SMS_SINK_PATH, sign as signSmsWebhook } from './sms-sink.js';

export interface DevInboxOptions {
  /** 0 = any free port (tests). */
  smtpPort: number;
  smsPort: number;
  httpPort: number;
  /** The SMS webhook secret Plaint signs with (SMS_WEBHOOK_SECRET). */
  smsSecret: string;
  /** Where messages are kept across restarts; none = memory only. */
  dataDir?: string;
  host?: string;
  /** Plaint's `POST /hooks/sms/webhook`; when given, each SMS is reported delivered shortly after. */
  deliveryReportUrl?: string;
  deliveryReportDelayMs?: number;
}

export interface DevInbox {
  smtp: { host: string; port: number };
  /** SMS_WEBHOOK_URL for Plaint. */
  smsUrl: string;
  /** The inbox page. */
  inboxUrl: string;
  messages(): InboxMessage[];
  close(): Promise<void>;
}

export class DevInboxRefused extends Error {}

export async function startDevInbox(opts: DevInboxOptions): Promise<DevInbox> {
  if (nodeEnvironment() === 'production') {
    throw new DevInboxRefused(
      'the dev inbox (local mail catcher and SMS sink) does not run with NODE_ENV=production: configure a real SMTP server (SMTP_HOST) and SMS provider (SMS_PROVIDER) instead',
    );
  }
  const host = opts.host ?? '127.0.0.1';
  const store = new InboxStore(opts.dataDir);
  const smtp = createSmtpCatcher(store);
  const sink = createSmsSink({
    store,
    secret: opts.smsSecret,
    deliveryReportDelayMs: opts.deliveryReportDelayMs ?? 1_500,
    ...(opts.deliveryReportUrl ? { deliveryReportUrl: opts.deliveryReportUrl } : {}),
  });
  const servers: Array<() => Promise<void>> = [];
  try {
    const smtpPort = await new Promise<number>((resolve, reject) => {
      smtp.once('error', reject);
      smtp.listen(opts.smtpPort, host, () => resolve((smtp.server.address() as AddressInfo).port));
    });
    servers.push(() => new Promise((resolve) => smtp.close(() => resolve())));
    const smsPort = await listen(sink.app, opts.smsPort, host, servers);
    const httpPort = await listen(createInboxApp(store), opts.httpPort, host, servers);
    return {
      smtp: { host, port: smtpPort },
      smsUrl: `http://${host}:${smsPort}${SMS_SINK_PATH}`,
      inboxUrl: `http://${host}:${httpPort}/`,
      messages: () => store.list(),
      close: async () => {
        sink.close();
        await Promise.allSettled(servers.map((stop) => stop()));
      },
    };
  } catch (err) {
    sink.close();
    await Promise.allSettled(servers.map((stop) => stop()));
    throw err;
  }
}

function listen(app: Hono, port: number, hostname: string, servers: Array<() => Promise<void>>): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }, (info) => resolve(info.port)) as Server;
    server.once('error', reject);
    servers.push(
      () =>
        new Promise((done) => {
          server.close(() => done());
          server.closeAllConnections();
        }),
    );
  });
}
