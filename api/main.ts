// The API process: reads config, connects to PostgreSQL and Temporal, serves HTTP. Background
// loops (the intake reconciler) run in the jobs process (jobs/main.ts), once per deployment.
import { serve } from '@hono/node-server';
import { DEFAULT_PROCESS_DEFINITION } from '../config/default-process.js';
import { loadConfig } from '../config/env.js';
import { checkLinkLifetime } from '../config/link-lifetime.js';
import { createLogger } from '../config/logger.js';
import { connectDatabase } from '../db/connect.js';
import { migrate } from '../db/migrate.js';
import { parseEncryptionKeys } from '../security/payload-codec.js';
import { connectTemporalClient } from '../temporal/client.js';
import { createApp } from './app.js';
import { createTemporalGateway } from '../temporal/gateway.js';

const config = loadConfig();
const log = createLogger({ level: config.LOG_LEVEL, service: 'plaint-api' });
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
const encryptionKeys = parseEncryptionKeys(config.PAYLOAD_ENCRYPTION_KEYS);
const sql = connectDatabase(config.DATABASE_URL, { max: config.DATABASE_POOL_MAX });
await migrate(sql);
const client = await connectTemporalClient({
  address: config.TEMPORAL_ADDRESS,
  namespace: config.TEMPORAL_NAMESPACE,
  encryptionKeys,
});
const temporal = createTemporalGateway(client, config.TEMPORAL_TASK_QUEUE);
const app = createApp({
  config: { ...config, LINK_SIGNING_SECRET: config.LINK_SIGNING_SECRET },
  sql,
  temporal,
  encryptionKeys,
  log,
});

const server = serve({ fetch: app.fetch, port: config.HTTP_PORT, hostname: config.HTTP_HOST }, (info) => {
  log.info({ port: info.port }, 'api listening');
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'api stopping');
  server.close();
  await Promise.allSettled([sql.end({ timeout: 5 }), client.connection.close()]);
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
