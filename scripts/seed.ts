// Seed data for demos and benchmarks: complaints with their timelines straight into the read
// model (COPY), and optionally a few complaints filed through the real API so real workflows run.
//
//   npm run seed -- --count 100000 [--seed 1] [--now 2026-12-01T12:00:00Z] [--with-workflows 20]
//                   [--rebuild-indexes auto|yes|no] [--method auto|clone|exact] [--force]
//
// Writes to DATABASE_URL, else to the embedded PostgreSQL `npm start` uses (.data/postgres; stop
// the stack first, or give its DATABASE_URL). Refuses NODE_ENV=production without --force.
import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { loadConfig, nodeEnvironment } from '../config/env.js';
import { connectDatabase } from '../db/connect.js';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../db/embedded-postgres.js';
import { migrate } from '../db/migrate.js';
import { loadOrCreateDevSecrets } from './dev-secrets.js';
import { fileThroughApi } from './seed/with-workflows.js';
import { SEED_TRACKING_PIN, seedReadModel } from './seed/load.js';
import { PROJECT_ROOT } from './tools.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    now: { type: 'string' },
    'with-workflows': { type: 'string', default: '0' },
    'api-url': { type: 'string' },
    'rebuild-indexes': { type: 'string', default: 'auto' },
    method: { type: 'string', default: 'auto' },
    force: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
  strict: true,
});

const say = (line: string) => process.stderr.write(`[seed] ${line}\n`);
const fail = (message: string): never => {
  say(message);
  process.exit(2);
};

const count = Number(values.count);
const seed = Number(values.seed);
const withWorkflows = Number(values['with-workflows']);
if (!Number.isInteger(count) || count < 0) fail(`--count must be a whole number ≥ 0, got "${values.count}"`);
if (!Number.isInteger(seed)) fail(`--seed must be a whole number, got "${values.seed}"`);
if (!Number.isInteger(withWorkflows) || withWorkflows < 0) fail(`--with-workflows must be a whole number ≥ 0, got "${values['with-workflows']}"`);
const now = values.now ? new Date(values.now) : undefined;
if (now && Number.isNaN(now.getTime())) fail(`--now must be an ISO instant, got "${values.now}"`);
const rebuildIndexes = values['rebuild-indexes'] as 'auto' | 'yes' | 'no';
if (!['auto', 'yes', 'no'].includes(rebuildIndexes)) fail(`--rebuild-indexes must be auto, yes or no, got "${rebuildIndexes}"`);
const method = values.method as 'auto' | 'clone' | 'exact';
if (!['auto', 'clone', 'exact'].includes(method)) fail(`--method must be auto, clone or exact, got "${method}"`);
// Before parsing the rest: production config may be incomplete here, and the refusal must be ours.
const production = nodeEnvironment() === 'production';
if (production && !values.force) {
  fail('NODE_ENV is production: seeding writes thousands of fake complaints into this database. Refused; pass --force if you really mean it.');
}

const config = loadConfig();
const dataDir = resolve(PROJECT_ROOT, config.DATA_DIR);
// The secret the API hashes customer lookups with: configured, else the one `npm start` generated.
if (!config.LINK_SIGNING_SECRET) await mkdir(dataDir, { recursive: true, mode: 0o755 });
const linkSigningSecret = config.LINK_SIGNING_SECRET ?? (await loadOrCreateDevSecrets(`${dataDir}/secrets.json`)).linkSigningSecret;

let embedded: EmbeddedPostgresHandle | undefined;
try {
  if (count > 0) {
    let databaseUrl = config.DATABASE_URL;
    if (!databaseUrl) {
      say(`no DATABASE_URL: starting the embedded PostgreSQL of \`npm start\` (${dataDir}/postgres) …`);
      embedded = await startEmbeddedPostgres({ dataDir: `${dataDir}/postgres` });
      databaseUrl = embedded.url;
    }
    say(`writing to ${redacted(databaseUrl)}${production ? ' (production, --force)' : ''}`);
    const sql = connectDatabase(databaseUrl, { max: 1 });
    await migrate(sql);
    await sql.end();
    const result = await seedReadModel(databaseUrl, { count, seed, ...(now ? { now } : {}), linkSigningSecret, trackingPinKeys: config.TRACKING_PIN_KEYS, rebuildIndexes, method, progress: !values.quiet });
    const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
    say(`${fmt(result.complaints)} complaints (${result.firstReference} … ${result.lastReference}), ${fmt(result.events)} timeline events, ${fmt(result.rows)} rows in all`);
    say(
      `${fmt(result.complaints / result.seconds)} complaints/s, ${fmt(result.events / result.seconds)} events/s, ${fmt(result.rows / result.seconds)} rows/s; ` +
        `wall time ${fmt(result.seconds, 1)} s (generate + COPY ${fmt(result.generateAndCopySeconds, 1)} s, ` +
        `${result.indexesRebuilt ? `${result.indexesRebuilt} indexes rebuilt + ` : ''}ANALYZE ${fmt(result.indexSeconds, 1)} s; ${result.mode})`,
    );
    if (result.cloning) {
      const c = result.cloning;
      say(`${fmt(c.shapes)} lives built as shapes (${fmt(c.shapeSeconds, 1)} s); ${fmt(c.cloned)} complaints cloned from them in PostgreSQL, ${fmt(c.livedAgain)} lived again at their own time ` +
        `(${fmt(c.because.nearNow)} near now, ${fmt(c.because.otherDays)} on other working days, ${fmt(c.because.resting)} resting at a status)`);
      say(`writing ${fmt(c.writeSeconds, 1)} s, then ${fmt(c.cloneTailSeconds, 1)} s for the last clones`);
    }
    say(`phases: ${Object.entries(result.phases).map(([k, v]) => `${k} ${fmt(v, 1)} s`).join(', ')}`);
    say(`every seeded complaint tracks with PIN ${SEED_TRACKING_PIN}`);
    // A machine-readable last line for scripts.
    process.stdout.write(`${JSON.stringify({ seed: result })}\n`);
  }
  if (withWorkflows > 0) {
    const apiUrl = values['api-url'] ?? `http://${config.HTTP_HOST}:${config.HTTP_PORT}`;
    say(`filing ${withWorkflows} complaints through ${apiUrl}/v1/complaints (their workflows run on the stack's worker) …`);
    const filed = await fileThroughApi(apiUrl, withWorkflows, seed);
    say(`filed ${filed.length}: ${filed.slice(0, 3).join(', ')}${filed.length > 3 ? ', …' : ''}`);
  }
} finally {
  await embedded?.stop();
}

function redacted(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
