// The worker process: task queue `complaints`, workflows bundled from workflows/, activities
// from activities/. SIGINT/SIGTERM let in-flight activities finish (Temporal's graceful shutdown).
import { loadConfig } from '../config/env.js';
import { createLogger } from '../config/logger.js';
import { checkStartup } from '../config/startup-checks.js';
import { connectDatabase } from '../db/connect.js';
import { parseEncryptionKeys } from '../security/payload-codec.js';
import { connectTemporalClient } from '../temporal/client.js';
import { createTemporalGateway } from '../temporal/gateway.js';
import { installTemporalRuntime } from '../temporal/logger.js';
import { customerLookupHasher } from '../security/customer-lookup.js';
import { LinkSigner } from '../security/signed-links.js';
import { DataKeyStore } from '../security/data-keys.js';
import { createComplaintWorker, workflowCacheSettings } from './create-worker.js';
import { ensureRetentionSchedule } from '../temporal/retention-schedule.js';
import { startTracing } from '../temporal/tracing.js';

const loaded = loadConfig();
const log = createLogger({ level: loaded.LOG_LEVEL, service: 'plaint-worker' });
const config = checkStartup(loaded, log);
installTemporalRuntime(log, config.WORKER_METRICS_ADDRESS === 'off' ? undefined : config.WORKER_METRICS_ADDRESS);
const sql = connectDatabase(config.DATABASE_URL, { max: config.DATABASE_POOL_MAX });
const encryptionKeys = parseEncryptionKeys(config.PAYLOAD_ENCRYPTION_KEYS);
// Process migration plans update each complaint's workflow from an activity: a client of its own.
const tracing = startTracing({ endpoint: config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, service: 'plaint-worker' });
const client = await connectTemporalClient({ address: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE, encryptionKeys, interceptors: tracing?.clientInterceptors });
const { worker, run } = await createComplaintWorker({
  address: config.TEMPORAL_ADDRESS,
  namespace: config.TEMPORAL_NAMESPACE,
  taskQueue: config.TEMPORAL_TASK_QUEUE,
  activityDeps: {
    sql,
    linkSigner: new LinkSigner(config.LINK_SIGNING_SECRET),
    customerLookup: customerLookupHasher(config.LINK_SIGNING_SECRET),
    publicBaseUrl: config.PUBLIC_BASE_URL ?? `http://${config.HTTP_HOST}:${config.HTTP_PORT}`,
    linkTtlDays: config.SIGNED_LINK_TTL_DAYS,
    staffLocale: config.STAFF_LOCALE,
    temporal: createTemporalGateway(client, config.TEMPORAL_TASK_QUEUE),
    dataKeys: new DataKeyStore(sql, encryptionKeys),
    purgePeriods: {
      ssoSignInAttemptDays: config.RETENTION_SSO_SIGN_IN_ATTEMPTS_DAYS,
      personalDataReadDays: config.RETENTION_PERSONAL_DATA_READS_DAYS,
    },
  },
  encryptionKeys,
  shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
  maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
  tracing: tracing?.workerOptions,
});
// The daily retention run (issue 14): made once, left alone when it exists.
const schedule = await ensureRetentionSchedule(client, config.TEMPORAL_TASK_QUEUE);
log.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, retentionScheduleCreated: schedule.created, workflowCache: workflowCacheSettings(worker) }, 'worker started');
await run();
await client.connection.close();
await tracing?.shutdown();
await sql.end({ timeout: 5 });
log.info({ state: worker.getState() }, 'worker stopped');
