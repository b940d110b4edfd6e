// The worker process: task queue `complaints`, workflows bundled from workflows/, activities
// from activities/. SIGINT/SIGTERM let in-flight activities finish (Temporal's graceful shutdown).
import { DEFAULT_PROCESS_DEFINITION } from '../config/default-process.js';
import { loadConfig } from '../config/env.js';
import { checkLinkLifetime } from '../config/link-lifetime.js';
import { createLogger } from '../config/logger.js';
import { connectDatabase } from '../db/connect.js';
import { parseEncryptionKeys } from '../security/payload-codec.js';
import { installTemporalRuntime } from '../temporal/logger.js';
import { LinkSigner } from '../security/signed-links.js';
import { createComplaintWorker } from './create-worker.js';

const config = loadConfig();
const log = createLogger({ level: config.LOG_LEVEL, service: 'plaint-worker' });
if (!config.DATABASE_URL || !config.PAYLOAD_ENCRYPTION_KEYS || !config.LINK_SIGNING_SECRET) {
  log.fatal('DATABASE_URL, PAYLOAD_ENCRYPTION_KEYS and LINK_SIGNING_SECRET must be set (npm start sets them for you)');
  process.exit(1);
}
try {
  // New complaints are pinned to the default process: its answer deadlines must fit in a link's life.
  checkLinkLifetime({ linkTtlDays: config.SIGNED_LINK_TTL_DAYS, definition: DEFAULT_PROCESS_DEFINITION, from: new Date() });
} catch (err) {
  log.fatal((err as Error).message);
  process.exit(1);
}
installTemporalRuntime(log);
const sql = connectDatabase(config.DATABASE_URL, { max: config.DATABASE_POOL_MAX });
const { worker, run } = await createComplaintWorker({
  address: config.TEMPORAL_ADDRESS,
  namespace: config.TEMPORAL_NAMESPACE,
  taskQueue: config.TEMPORAL_TASK_QUEUE,
  activityDeps: {
    sql,
    linkSigner: new LinkSigner(config.LINK_SIGNING_SECRET),
    publicBaseUrl: config.PUBLIC_BASE_URL ?? `http://${config.HTTP_HOST}:${config.HTTP_PORT}`,
    linkTtlDays: config.SIGNED_LINK_TTL_DAYS,
    staffLocale: config.STAFF_LOCALE,
  },
  encryptionKeys: parseEncryptionKeys(config.PAYLOAD_ENCRYPTION_KEYS),
  shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
});
log.info({ taskQueue: config.TEMPORAL_TASK_QUEUE }, 'worker started');
await run();
await sql.end({ timeout: 5 });
log.info({ state: worker.getState() }, 'worker stopped');
