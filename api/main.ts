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
import { loadComplaintFormSettings } from '../config/complaint-form.js';
import { loadIntegrations } from '../config/integrations.js';

const loaded = loadConfig();
const log = createLogger({ level: loaded.LOG_LEVEL, service: 'plaint-api' });
const config = checkStartup(loaded, log);
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
  config: {
    ...config,
    LINK_SIGNING_SECRET: config.LINK_SIGNING_SECRET,
    // As the worker's links: the PIN SMS's tracking link points where customers' links do.
    PUBLIC_BASE_URL: config.PUBLIC_BASE_URL ?? `http://${config.HTTP_HOST}:${config.HTTP_PORT}`,
  },
  sql,
  temporal,
  encryptionKeys,
  log,
  complaintForm: loadComplaintFormSettings(config),
  integrations: loadIntegrations(config),
});

const server = serve({ fetch: app.fetch, port: config.HTTP_PORT, hostname: config.HTTP_HOST, serverOptions: API_SERVER_OPTIONS }, (info) => {
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
