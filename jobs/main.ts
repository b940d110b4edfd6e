// The jobs process: background loops that must run once per deployment (the intake reconciler),
// not once per API replica. A second jobs process waits on the lock as a standby.
import { loadConfig } from '../config/env.js';
import { createLogger } from '../config/logger.js';
import { connectDatabase } from '../db/connect.js';
import { parseEncryptionKeys } from '../security/payload-codec.js';
import { SealedBox } from '../security/sealed-box.js';
import { connectTemporalClient } from '../temporal/client.js';
import { createTemporalGateway } from '../temporal/gateway.js';
import { createStaffDirectory } from '../read-model/staff-directory.js';
import { createAssignmentRelay } from './assignment-relay.js';
import { createCalendarResolver } from '../read-model/calendar-resolver.js';
import { backfillReportFacts } from '../read-model/report-facts-backfill.js';
import { DataKeyStore } from '../security/data-keys.js';
import { startDelivery } from './delivery.js';
import { backfillCustomerLookupHashes } from '../read-model/customer-lookup-backfill.js';
import { customerLookupHasher } from '../security/customer-lookup.js';
import { runIntakeReconciler } from './intake-reconciler.js';
import { runCustomerAnswerRelay } from './customer-answer-relay.js';
import { openSentJournal } from '../delivery/sent-journal.js';
import { resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { sealingGateway } from '../temporal/sealing-gateway.js';
import { holdSingleInstanceLock } from './single-instance.js';
import { runNetgsmReportPoller } from '../delivery/sms/netgsm-reports.js';
import { createSmsProvider, netgsmOptions } from '../delivery/sms/provider.js';

const config = loadConfig();
const log = createLogger({ level: config.LOG_LEVEL, service: 'plaint-jobs' });
if (!config.DATABASE_URL || !config.PAYLOAD_ENCRYPTION_KEYS || !config.LINK_SIGNING_SECRET) {
  log.fatal('DATABASE_URL, PAYLOAD_ENCRYPTION_KEYS and LINK_SIGNING_SECRET must be set (npm start sets them for you)');
  process.exit(1);
}
const encryptionKeys = parseEncryptionKeys(config.PAYLOAD_ENCRYPTION_KEYS);
const sql = connectDatabase(config.DATABASE_URL, { max: 3 });
const client = await connectTemporalClient({
  address: config.TEMPORAL_ADDRESS,
  namespace: config.TEMPORAL_NAMESPACE,
  encryptionKeys,
});
const stopped = new AbortController();
let stopReconciler = () => {};
let stopSmsReports = () => {};
let stopDelivery = async () => {};
let stopAssignmentRelay = async () => {};
let stopAnswerRelay = async () => {};
let stopping = false;
async function shutdown(signal: string, exitCode = 0) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'jobs stopping');
  stopped.abort();
  stopReconciler();
  stopSmsReports();
  // In-flight sends and assignments finish and are recorded before the pool closes.
  await Promise.all([
    stopDelivery().catch((err: unknown) => log.error({ err }, 'delivery did not stop cleanly')),
    stopAssignmentRelay().catch((err: unknown) => log.error({ err }, 'the assignment relay did not stop cleanly')),
    stopAnswerRelay().catch((err: unknown) => log.error({ err }, 'the customer answer relay did not stop cleanly')),
  ]);
  await Promise.allSettled([sql.end({ timeout: 5 }), client.connection.close()]);
  process.exit(exitCode);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

const lock = await holdSingleInstanceLock(sql, 'plaint:jobs', {
  signal: stopped.signal,
  onWaiting: () => log.info('another jobs process holds the lock; waiting as a standby'),
  onUnavailable: (err) => log.warn({ err }, 'PostgreSQL is not answering; waiting for it to take the jobs lock'),
});
// A dropped connection releases the lock and a standby takes over: this process must then stop.
const watch = setInterval(() => {
  void lock.stillHeld().then((held) => {
    if (held || stopping) return;
    log.fatal('lost the jobs lock (its database connection dropped); stopping so only one instance runs');
    // Stopped as on SIGTERM: a message in flight finishes and is journalled (delivery/sent-journal.ts),
    // or a restart could send again one the SMTP server had taken. A standby cannot claim those
    // rows before their lease ends.
    void shutdown('lost the jobs lock', 1);
    // In-flight sends end in milliseconds (a failed record is covered by the journal): a lockless
    // process must not linger over the rest of its batch while a standby takes over.
    setTimeout(() => process.exit(1), 5_000).unref();
  });
}, 10_000);
watch.unref();
const temporal = createTemporalGateway(client, config.TEMPORAL_TASK_QUEUE);
stopReconciler = runIntakeReconciler({ sql, temporal, sealedBox: new SealedBox(encryptionKeys), log });
// Netgsm pushes no delivery reports: ask for them (webhook gateways POST theirs to /hooks/sms/webhook).
if (config.SMS_PROVIDER === 'netgsm') stopSmsReports = runNetgsmReportPoller({ sql, netgsm: netgsmOptions(config), log });
// The dispatcher runs here, once per deployment; SKIP LOCKED claims would let several run.
const dataKeys = new DataKeyStore(sql, encryptionKeys);
const journalDir = resolve(config.DATA_DIR);
mkdirSync(journalDir, { recursive: true });
const delivery = startDelivery({ ...config, LINK_SIGNING_SECRET: config.LINK_SIGNING_SECRET }, {
  sql,
  log,
  staffAddresses: createStaffDirectory(sql),
  sms: createSmsProvider(config),
  sealedBox: new SealedBox(encryptionKeys),
  dataKeys,
  // On this process's disk: a standby on another machine starts without it (README, "Delivery").
  sentJournal: openSentJournal(resolve(journalDir, 'delivery-sent.journal')),
});
stopDelivery = () => delivery.stop();
// Queue claims reach their complaints' workflows from here (SKIP LOCKED: several could run).
const assignmentRelay = createAssignmentRelay(
  { sql, temporal, log },
  { pollMs: config.ASSIGNMENT_RELAY_POLL_MS, leaseMs: config.ASSIGNMENT_RELAY_LEASE_MS, staffLocale: config.STAFF_LOCALE },
).start();
stopAssignmentRelay = () => assignmentRelay.stop();
// Customers' answers that no worker took when given (a deploy, an outage) reach their workflows from here.
const answerRelay = runCustomerAnswerRelay({ sql, temporal: sealingGateway(temporal, dataKeys), dataKeys, log }, { pollMs: config.CUSTOMER_ANSWER_RELAY_POLL_MS });
stopAnswerRelay = () => answerRelay.stop();
// Complaints stored before migrations 0017/0018: their customer lookup hashes first (the repeat
// links read them), then the report facts that need a calendar. Idempotent and batched; an
// interrupted run resumes at the next start.
const customerLookup = customerLookupHasher(config.LINK_SIGNING_SECRET);
void (async () => {
  const hashed = await backfillCustomerLookupHashes(sql, customerLookup, { signal: stopped.signal });
  if (hashed > 0) log.info({ updated: hashed }, 'customer lookup hashes backfilled');
  const done = await backfillReportFacts(sql, createCalendarResolver({ sql }), { signal: stopped.signal });
  log.info(done, 'report facts backfilled');
})().catch((err: unknown) => log.error({ err }, 'backfill failed; the next start resumes it'));
log.info('jobs running: intake reconciler, outbox delivery, assignment relay, customer answer relay, backfills');
