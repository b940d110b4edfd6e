// The API process: reads config, connects to PostgreSQL and Temporal, serves HTTP. Background
// loops (the intake reconciler) run in the jobs process (jobs/main.ts), once per deployment.
import { API_SERVER_OPTIONS } from './http/server-options.js';
import { serve } from '@hono/node-server';
import { loadConfig } from '../config/env.js';
import { createLogger } from '../config/logger.js';
import { checkStartup } from '../config/startup-checks.js';
import { connectDatabase } from '../db/connect.js';
import { migrate } from '../db/migrate.js';
import { parseEncryptionKeys } from '../security/payload-codec.js';
import { connectTemporalClient } from '../temporal/client.js';
import { createApp } from './app.js';
import { createTemporalGateway } from '../temporal/gateway.js';
import { sealingGateway } from '../temporal/sealing-gateway.js';
import { DataKeyStore } from '../security/data-keys.js';
import { loadComplaintFormSettings } from '../config/complaint-form.js';
import { sharedRateLimiters } from './http/shared-rate-limit.js';
import { createInboundMail } from '../inbound/receive-mail.js';
import { startInboundSmtp } from '../inbound/smtp-listener.js';
import { postgresAttachmentStore } from '../read-model/attachments.js';
import { processPinner } from '../read-model/process-pinning.js';
import { customerLookupHasher } from '../security/customer-lookup.js';
import { replyAddressBook } from '../security/reply-address.js';
import { trackingPinsOf } from '../security/pin.js';
import { createApiMetrics } from './http/metrics.js';
import { startTracing } from '../temporal/tracing.js';
import { SealedBox } from '../security/sealed-box.js';
import { loadIntegrations } from '../config/integrations.js';

const loaded = loadConfig();
const log = createLogger({ level: loaded.LOG_LEVEL, service: 'plaint-api' });
const config = checkStartup(loaded, log);
const encryptionKeys = parseEncryptionKeys(config.PAYLOAD_ENCRYPTION_KEYS);
const sql = connectDatabase(config.DATABASE_URL, { max: config.DATABASE_POOL_MAX });
await migrate(sql);
const tracing = startTracing({ endpoint: config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, service: 'plaint-api' });
const client = await connectTemporalClient({
  address: config.TEMPORAL_ADDRESS,
  namespace: config.TEMPORAL_NAMESPACE,
  encryptionKeys,
  interceptors: tracing?.clientInterceptors,
});
// One store of data keys (and its cache) for intake, the gateway's sealing and every reader.
const dataKeys = new DataKeyStore(sql, encryptionKeys);
const temporal = createTemporalGateway(client, config.TEMPORAL_TASK_QUEUE);
// As the worker's links: the PIN SMS's tracking link points where customers' links do.
const publicBaseUrl = config.PUBLIC_BASE_URL ?? `http://${config.HTTP_HOST}:${config.HTTP_PORT}`;
const complaintForm = loadComplaintFormSettings(config);
const attachments = postgresAttachmentStore(sql, dataKeys);
// Counted in PostgreSQL: every API instance (and its SMTP listener) spends one budget.
const rateLimiters = sharedRateLimiters({ sql, secret: config.LINK_SIGNING_SECRET, log });
// One registry for GET /metrics: e-mailed complaints are counted with the API's.
const metrics = createApiMetrics(sql);
// One inbound mail for the SMTP listener and the webhook: one budget per sender across both.
const inboundMail = createInboundMail({
  sql,
  intake: {
    sql,
    // What customers write by e-mail is sealed on its way into the workflow, as createApp's gateway seals.
    temporal: sealingGateway(temporal, dataKeys),
    sealedBox: new SealedBox(encryptionKeys),
    pinProcess: processPinner(sql),
    publicBaseUrl,
    customerLookup: customerLookupHasher(config.LINK_SIGNING_SECRET),
    dataKeys,
    trackingPins: trackingPinsOf(config),
    metrics,
  },
  attachments,
  replyAddresses: replyAddressBook(config.LINK_SIGNING_SECRET, config.MAIL_REPLY_DOMAIN),
  mailFrom: config.MAIL_FROM,
  publicBaseUrl,
  senderLimiter: rateLimiters('inbound-email-sender', config.INBOUND_EMAIL_PER_SENDER_PER_HOUR, 60 * 60_000),
  maxBytes: config.INBOUND_EMAIL_MAX_BYTES,
  attachmentLimits: complaintForm.attachments,
  defaultLocale: config.INBOUND_EMAIL_DEFAULT_LOCALE,
  staffLocale: config.STAFF_LOCALE,
  log,
});
const app = createApp({
  config: { ...config, LINK_SIGNING_SECRET: config.LINK_SIGNING_SECRET, PUBLIC_BASE_URL: publicBaseUrl },
  sql,
  temporal,
  metrics,
  tracer: tracing?.tracer,
  encryptionKeys,
  dataKeys,
  log,
  complaintForm,
  attachments,
  inboundMail,
  integrations: loadIntegrations(config),
  rateLimiters,
});
const inboundSmtp = config.INBOUND_SMTP
  ? await startInboundSmtp({ host: config.INBOUND_SMTP_HOST, port: config.INBOUND_SMTP_PORT, mail: inboundMail, log })
  : undefined;
if (inboundSmtp) log.info({ host: inboundSmtp.host, port: inboundSmtp.port }, 'inbound mail listening');

const server = serve({ fetch: app.fetch, port: config.HTTP_PORT, hostname: config.HTTP_HOST, serverOptions: API_SERVER_OPTIONS }, (info) => {
  log.info({ port: info.port }, 'api listening');
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'api stopping');
  // Stop taking connections (a balancer's next try goes to another replica), let the requests in
  // flight finish within the grace period, then close the pools: a rolling restart drops none.
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    setTimeout(resolve, config.SHUTDOWN_GRACE_MS).unref();
    (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
  });
  await inboundSmtp?.close();
  await Promise.allSettled([sql.end({ timeout: 5 }), client.connection.close(), tracing?.shutdown()]);
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
