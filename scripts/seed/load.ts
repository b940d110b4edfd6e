// Loads generated complaints into the read model with COPY. With a superuser session the load
// runs with `session_replication_role = replica` (no per-row trigger or foreign-key check: the
// rows are consistent by construction, and the search vector comes with them), one long COPY per
// table on its own connection, all at once; otherwise in batches, complaints before the rows that
// reference them. A big load into a (nearly) empty database drops the tables' plain secondary
// indexes first and builds them again at the end, as pg_restore does; the rate counts the builds.
import { rebuildReportRollups } from '../../read-model/report-rollups.js';
import postgres, { type Sql } from 'postgres';
import { compileCalendar } from '../../domain/calendar/index.js';
import { DEFAULT_PROCESS_DEFINITION } from '../../config/default-process.js';
import type { ProcessDefinition } from '../../domain/process-definition.js';
import { createCalendarResolver } from '../../read-model/calendar-resolver.js';
import { customerLookupHasher } from '../../security/customer-lookup.js';
import { trackingPinsOf } from '../../security/pin.js';
import { SEED_TABLES, SeedGenerator, SPAN_MS, TABLE_NAMES, type ChunkRows, type SeedTable } from './generator.js';
import { DEPARTMENTS, SUPERVISORS } from './organisation.js';
import { progressBar } from './progress.js';
import { createRandom } from './random.js';
import { buildTextPool } from './text-pool.js';
import { loadByCloning, type CloneLoadResult } from './clones.js';

/** Every seeded complaint can be tracked with this PIN (demo data; one scrypt hash for all rows). */
export const SEED_TRACKING_PIN = '246810';

export interface SeedOptions {
  count: number;
  seed: number;
  /** The instant the data set ends at (default: now, on a whole minute). */
  now?: Date;
  linkSigningSecret: string;
  /** TRACKING_PIN_KEYS of the API the data is for (default: none, the key derived from the link secret). */
  trackingPinKeys?: readonly string[] | undefined;
  /** Drop and rebuild secondary indexes: `auto` does it for big loads into small tables. */
  rebuildIndexes?: 'auto' | 'yes' | 'no';
  /**
   * `clone` builds a few thousand lives and lets PostgreSQL clone them, moved in time (clones.ts);
   * `exact` builds every life in Node and COPYs its rows; `auto` clones from 50,000 complaints on.
   * Cloning needs a superuser session (replica mode); without one the seed is exact.
   */
  method?: 'auto' | 'clone' | 'exact';
  /** Progress bar on stderr (default true). */
  progress?: boolean;
  log?: (line: string) => void;
}

export interface SeedResult {
  complaints: number;
  events: number;
  rows: number;
  firstReference: string | null;
  lastReference: string | null;
  /** Wall time of the whole seed, from the first query to the last index built. */
  seconds: number;
  generateAndCopySeconds: number;
  indexSeconds: number;
  indexesRebuilt: number;
  mode: 'streams' | 'batches' | 'clones';
  /** Seconds per phase: load (generate and write), indexes, rollups, vacuum (VACUUM ANALYZE). */
  phases: Record<string, number>;
  /** With cloning: shapes built, complaints cloned from them, complaints lived again at their own time. */
  cloning?: CloneLoadResult;
}

const CHUNK = 1_000;
const BATCH = 20_000;

export async function seedReadModel(databaseUrl: string, options: SeedOptions): Promise<SeedResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const started = performance.now();
  const nowMs = Math.floor((options.now ?? new Date()).getTime() / 60_000) * 60_000;
  const sql = postgres(databaseUrl, { max: 4, onnotice: () => undefined, connection: { application_name: 'plaint-seed' } });
  try {
    const replica = await canSkipTriggers(sql);
    const setup = await prepare(sql, options, nowMs);
    const { count } = options;
    const firstNumber = await takeReferenceBlock(sql, count);
    const method = options.method ?? 'auto';
    const cloning = replica && (method === 'clone' || (method === 'auto' && count >= 50_000));
    // When cloning, this generator only names the first and last ids (no arrivals drawn).
    const generator = new SeedGenerator({ ...setup, count: cloning ? 0 : count, seed: options.seed, nowMs, firstNumber });
    const existing = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT 1 FROM complaints LIMIT 200000) c`;
    const rebuild = options.rebuildIndexes === 'yes' || (options.rebuildIndexes !== 'no' && count >= 50_000 && count >= 2 * existing[0]!.n);
    const dropped = rebuild ? await dropSecondaryIndexes(sql) : [];
    if (dropped.length) log(`dropped ${dropped.length} secondary indexes for the load; they are built again at the end`);
    let cloned: CloneLoadResult | undefined;
    let totals = { complaints: 0, events: 0, rows: 0 };
    const loadStarted = performance.now();
    const phases: Record<string, number> = {};
    let indexSeconds = 0;
    try {
      const bar = options.progress === false ? undefined : progressBar(count, 'seed');
      const onChunk = (c: { complaints: number; events: number; rowCount: number }) => {
        totals = { complaints: totals.complaints + c.complaints, events: totals.events + c.events, rows: totals.rows + c.rowCount };
        bar?.update(totals.complaints);
      };
      // lz4 compresses the lifecycle snapshots (TOASTed, ~2 KB) for a quarter of the complaints' COPY time pglz takes.
      const lz4 = replica && (await accepts(sql, 'default_toast_compression', 'lz4')) ? 'lz4' : undefined;
      if (cloning) cloned = await loadByCloning(databaseUrl, { ...setup, count, seed: options.seed, nowMs, firstNumber }, onChunk, lz4);
      else if (replica) await loadInStreams(databaseUrl, generator, onChunk, lz4);
      else await loadInBatches(sql, generator, onChunk);
      bar?.finish();
    } finally {
      const indexStarted = performance.now();
      phases.load = (indexStarted - loadStarted) / 1000;
      const timed = async (phase: string, step: () => Promise<unknown>) => {
        const t = performance.now();
        await step();
        phases[phase] = (performance.now() - t) / 1000;
      };
      if (dropped.length) {
        log(`building ${dropped.length} indexes …`);
        await timed('indexes', () => buildIndexes(databaseUrl, dropped));
      }
      // The load ran without triggers (replica): the report rollups they keep are rebuilt from the facts.
      if (replica) {
        log('rebuilding the report rollups …');
        // One session with room to aggregate every fact in memory (the default 4 MB spills the grouping to disk).
        const rollups = postgres(databaseUrl, { max: 1, onnotice: () => undefined, connection: { application_name: 'plaint-seed-rollups', work_mem: '256MB' } as Record<string, string> });
        try {
          await timed('rollups', () => rebuildReportRollups(rollups));
        } finally {
          await rollups.end({ timeout: 5 });
        }
      }
      // VACUUM, not only ANALYZE: it sets the visibility map, without which the reports' index-only
      // scans fetch every row from the heap (3.4 s instead of 0.7 s for a year's closures at a million).
      await timed('vacuum', () => sql.unsafe(`VACUUM (ANALYZE) ${TABLE_NAMES.join(', ')}`));
      indexSeconds = (performance.now() - indexStarted) / 1000;
    }
    const generateAndCopySeconds = (performance.now() - loadStarted) / 1000 - indexSeconds;
    const [first, last] = await sql<{ reference: string }[]>`
      SELECT reference FROM complaints WHERE id = ANY(${sql.array([generator.idOf(0), generator.idOf(count - 1)])}::uuid[]) ORDER BY reference`;
    return {
      ...totals,
      firstReference: count > 0 ? (first?.reference ?? null) : null,
      lastReference: count > 0 ? (last?.reference ?? first?.reference ?? null) : null,
      seconds: (performance.now() - started) / 1000,
      generateAndCopySeconds,
      indexSeconds,
      indexesRebuilt: dropped.length,
      mode: cloning ? 'clones' : replica ? 'streams' : 'batches',
      phases,
      ...(cloned ? { cloning: cloned } : {}),
    };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function canSkipTriggers(sql: Sql): Promise<boolean> {
  return accepts(sql, 'session_replication_role', 'replica');
}

/** Whether this server and role take a session setting (a superuser-only one, a build option). */
async function accepts(sql: Sql, setting: string, value: string): Promise<boolean> {
  try {
    await sql.begin(async (tx) => {
      await tx`SELECT set_config(${setting}, ${value}, true)`;
    });
    return true;
  } catch {
    return false;
  }
}

/** What every row needs: the process pinned by default, its calendar, the text pool, the PIN hash; the staff directory. */
async function prepare(sql: Sql, options: SeedOptions, nowMs: number) {
  const [selection] = await sql<{ id: string | null }[]>`
    SELECT selection ->> 'defaultDefinitionId' AS id FROM process_selection_revisions ORDER BY revision DESC LIMIT 1`;
  const definitionId = selection?.id ?? DEFAULT_PROCESS_DEFINITION.id;
  const [published] = await sql<{ version: number; content: string; content_hash: string }[]>`
    SELECT version, content, content_hash FROM process_definition_versions
    WHERE definition_id = ${definitionId} AND status = 'published' ORDER BY version DESC LIMIT 1`;
  const definition: ProcessDefinition = published ? (JSON.parse(published.content) as ProcessDefinition) : DEFAULT_PROCESS_DEFINITION;
  const version = published?.version ?? DEFAULT_PROCESS_DEFINITION.version;
  const calendarId = definition.calendarId;
  const years = { from: new Date(nowMs - SPAN_MS).getUTCFullYear() - 1, to: new Date(nowMs).getUTCFullYear() + 1 };
  const { calendar } = await createCalendarResolver({ sql }).forYears(calendarId, years);
  await seedStaffDirectory(sql);
  return {
    calendarId,
    calendar: compileCalendar(calendar),
    definition,
    pinned: { versionId: `${definitionId}@${version}`, definitionId, version, contentHash: published?.content_hash ?? null },
    pool: await buildTextPool(sql, createRandom(options.seed ^ 0x5eed)),
    hasher: customerLookupHasher(options.linkSigningSecret),
    pinHash: trackingPinsOf({ TRACKING_PIN_KEYS: options.trackingPinKeys, LINK_SIGNING_SECRET: options.linkSigningSecret }).hash(SEED_TRACKING_PIN),
  };
}

/** The departments, teams and agents seeded complaints name (kept if they exist). */
async function seedStaffDirectory(sql: Sql): Promise<void> {
  const people = [
    ...DEPARTMENTS.flatMap((d) => d.teams.flatMap((t) => t.agents.map((id) => ({ id, roles: ['agent'] })))),
    ...SUPERVISORS.map((id) => ({ id, roles: ['supervisor'] })),
  ];
  await sql.begin(async (tx) => {
    for (const p of people) {
      await tx`INSERT INTO staff_people (id, name, email, roles) VALUES (${p.id}, ${p.id}, ${`${p.id}@staff.example.com`}, ${p.roles})
               ON CONFLICT (id) DO NOTHING`;
    }
    for (const d of DEPARTMENTS) {
      await tx`INSERT INTO staff_departments (id, name) VALUES (${d.id}, ${d.name}) ON CONFLICT (id) DO NOTHING`;
      for (const t of d.teams) {
        await tx`INSERT INTO staff_teams (id, name, department_id, lead_id) VALUES (${t.id}, ${t.name}, ${d.id}, ${t.agents[0]!}) ON CONFLICT (id) DO NOTHING`;
        for (const a of t.agents) await tx`INSERT INTO staff_team_members (team_id, person_id) VALUES (${t.id}, ${a}) ON CONFLICT DO NOTHING`;
      }
    }
  });
}

/**
 * Takes `count` consecutive reference numbers from `complaint_reference_seq`. ALTER SEQUENCE
 * blocks every other nextval until the transaction ends, so a complaint filed meanwhile waits a
 * moment and gets a number after the block, never one inside it.
 */
export async function takeReferenceBlock(sql: Sql, count: number): Promise<number> {
  return sql.begin(async (tx) => {
    const [sequence] = await tx<{ increment_by: number }[]>`
      SELECT increment_by::int FROM pg_sequences WHERE sequencename = 'complaint_reference_seq' AND schemaname = current_schema()`;
    const increment = sequence?.increment_by ?? 1;
    await tx`ALTER SEQUENCE complaint_reference_seq INCREMENT BY 1`; // takes the lock
    const [taken] = await tx<{ n: number }[]>`SELECT nextval('complaint_reference_seq')::int AS n`;
    const first = taken!.n;
    if (count > 1) await tx`SELECT setval('complaint_reference_seq', ${first + count - 1})`;
    await tx.unsafe(`ALTER SEQUENCE complaint_reference_seq INCREMENT BY ${Number(increment)}`);
    return first;
  });
}

interface DroppedIndex {
  name: string;
  table: string;
  definition: string;
}

/**
 * Plain (not unique, not a constraint's) indexes of the seeded tables, and their primary keys and
 * unique constraints that no foreign key leans on (the timeline tables'): maintaining a B-tree of
 * random UUIDs row by row costs far more than one sorted build at the end, as pg_restore knows.
 * `definition` is the statement that makes it again.
 */
async function dropSecondaryIndexes(sql: Sql): Promise<DroppedIndex[]> {
  const indexes = await sql<Array<DroppedIndex & { constraintName: string | null }>>`
    SELECT ic.relname AS name, tc.relname AS table, k.conname AS "constraintName",
           CASE WHEN k.oid IS NULL THEN pg_get_indexdef(i.indexrelid)
                ELSE format('ALTER TABLE %I ADD CONSTRAINT %I %s', tc.relname, k.conname, pg_get_constraintdef(k.oid)) END AS definition
    FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class tc ON tc.oid = i.indrelid
    LEFT JOIN pg_constraint k ON k.conindid = i.indexrelid AND k.contype IN ('p', 'u') AND k.conrelid = tc.oid
    WHERE tc.relname = ANY(${sql.array(TABLE_NAMES)}::text[]) AND tc.relnamespace = current_schema()::regnamespace
      AND (
        (NOT i.indisunique AND NOT i.indisprimary AND NOT EXISTS (SELECT 1 FROM pg_constraint x WHERE x.conindid = i.indexrelid))
        OR (k.oid IS NOT NULL AND tc.relname NOT IN ('complaints', 'response_links')
            AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = i.indexrelid))
      )`;
  for (const index of indexes) {
    await sql.unsafe(index.constraintName
      ? `ALTER TABLE ${quoteIdent(index.table)} DROP CONSTRAINT ${quoteIdent(index.constraintName)}`
      : `DROP INDEX ${quoteIdent(index.name)}`);
  }
  return indexes.map(({ name, table, definition }) => ({ name, table, definition }));
}

/** Builds the indexes again, two at a time (the biggest first), each with plenty of memory. */
async function buildIndexes(databaseUrl: string, indexes: DroppedIndex[]): Promise<void> {
  const queue = [...indexes].sort((a, b) => weight(b) - weight(a));
  const workers = postgres(databaseUrl, { max: 2, onnotice: () => undefined, connection: { application_name: 'plaint-seed-index', maintenance_work_mem: '512MB' } as Record<string, string> });
  try {
    await Promise.all(
      [0, 1].map(async () => {
        for (let index = queue.shift(); index; index = queue.shift()) await workers.unsafe(index.definition);
      }),
    );
  } finally {
    await workers.end({ timeout: 5 });
  }
}

const weight = (i: DroppedIndex) => (i.definition.includes('USING gin') ? 3 : 0) + (i.table === 'complaint_events' ? 4 : i.table === 'complaints' ? 1 : 0);

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

type OnChunk = (c: { complaints: number; events: number; rowCount: number }) => void;

/** One COPY per table, each on its own connection, fed chunk by chunk as the generator goes. */
async function loadInStreams(databaseUrl: string, generator: SeedGenerator, onChunk: OnChunk, toastCompression: string | undefined): Promise<void> {
  const copier = postgres(databaseUrl, {
    max: TABLE_NAMES.length,
    onnotice: () => undefined,
    connection: {
      application_name: 'plaint-seed-copy', session_replication_role: 'replica', synchronous_commit: 'off',
      ...(toastCompression ? { default_toast_compression: toastCompression } : {}),
    } as Record<string, string>,
  });
  try {
    const streams = await Promise.all(TABLE_NAMES.map((table) => openCopy(copier, table)));
    const byTable = new Map(TABLE_NAMES.map((t, i) => [t, streams[i]!]));
    while (!generator.done) {
      const chunk = generator.chunk(CHUNK);
      await Promise.all(TABLE_NAMES.map((t) => byTable.get(t)!.write(chunk.rows[t])));
      onChunk(chunk);
      // Let the sockets drain while the next chunk is generated.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(streams.map((s) => s.end()));
  } finally {
    await copier.end({ timeout: 5 });
  }
}

/** Without a superuser: batches in which the complaints are committed before the rows that reference them. */
async function loadInBatches(sql: Sql, generator: SeedGenerator, onChunk: OnChunk): Promise<void> {
  while (!generator.done) {
    const batch = Object.fromEntries(TABLE_NAMES.map((t) => [t, [] as string[]])) as unknown as ChunkRows;
    for (let i = 0; i < BATCH / CHUNK && !generator.done; i++) {
      const chunk = generator.chunk(CHUNK);
      for (const t of TABLE_NAMES) for (const line of chunk.rows[t]) batch[t].push(line);
      onChunk(chunk);
    }
    const copy = async (table: SeedTable) => {
      const stream = await openCopy(sql, table);
      await stream.write(batch[table]);
      await stream.end();
    };
    await copy('complaints');
    await Promise.all([copy('complaint_events'), copy('complaint_proposals'), copy('complaint_stage_clocks'), copy('complaint_escalations'),
      copy('complaint_corrective_actions'), copy('response_links').then(() => copy('survey_answers'))]);
  }
}

export interface CopyStream {
  write(lines: readonly string[]): Promise<void>;
  end(): Promise<void>;
}

export async function openCopy(sql: Sql, table: SeedTable | string, columns: readonly string[] = SEED_TABLES[table as SeedTable]): Promise<CopyStream> {
  const stream = await sql.unsafe(`COPY ${table} (${columns.join(', ')}) FROM STDIN`).writable();
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  finished.catch(() => undefined);
  return {
    async write(lines) {
      if (lines.length === 0) return;
      if (!stream.write(`${lines.join('\n')}\n`)) {
        await Promise.race([new Promise((resolve) => stream.once('drain', resolve)), finished]);
      }
    },
    async end() {
      stream.end();
      await finished;
    },
  };
}
