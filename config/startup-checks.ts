// What the API and the worker refuse to start without: their secrets, and links that outlive
// every answer deadline of the process new complaints are filed under.
import type { Logger } from 'pino';
import { DEFAULT_PROCESS_DEFINITION } from './default-process.js';
import type { Config } from './env.js';
import { checkLinkLifetime } from './link-lifetime.js';

type Ready = Config & { DATABASE_URL: string; PAYLOAD_ENCRYPTION_KEYS: string[]; LINK_SIGNING_SECRET: string };

/** Exits the process (code 1) with one fatal log line when a check fails; answers the config narrowed. */
export function checkStartup(config: Config, log: Logger): Ready {
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
  return config as Ready;
}
