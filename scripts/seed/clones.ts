// The fast way to seed many complaints: lives are built once, as "shapes" (a few thousand, by the
// same LifeBuilder as every seeded life), and PostgreSQL clones each shape's timeline rows
// server-side (`INSERT … SELECT` from the shape pool: no COPY text to parse, the jsonb datums
// copied as they are). A clone is its shape moved by whole weeks to its own arrival time, with its
// own id, reference, customer and text. That is exactly the life the builder would have built for
// the shape's plan and random stream at the new time when
//   - the shape was not cut short by "now" (nothing in it waits on what happens next),
//   - moved, everything it did still happened before now, and
//   - every local day its clocks and timers touched is the same working day at the new date (no
//     holiday or half day on either side that the other lacks: `CalendarShift`).
// Otherwise the complaint is lived again at the new time by the builder (same plan, same stream):
// the exact path, its rows by COPY. Only the complaints row of a clone comes from Node (its
// lifecycle snapshot carries times, ids and the reference), filled in from the shape's template.
import { createHash } from 'node:crypto';
import type { Sql } from 'postgres';
import postgres from 'postgres';
import { formatReference } from '../../domain/reference.js';
import { CalendarShift } from './calendar-shift.js';
import { copyBytea, copyJson, copyText, copyTime, copyWords, NULL } from './copy-format.js';
import {
  arrivalTimes, ascii, CATEGORY_TABLE, CHANNELS, COUNTRIES, LOCALES, SEED_TABLES, SeedGenerator, SEVERITIES, SPAN_MS, TABLE_NAMES,
  turkishMobile, UNREACHABLE_CHANNELS, type ChunkRows, type Customer, type GeneratorOptions, type SeedTable,
} from './generator.js';
import { openCopy, type CopyStream } from './load.js';
import { CATEGORIES, DEPARTMENT_BY_ID } from './organisation.js';
import { createRandom, derivedUuid, type Random } from './random.js';
import { StageClocks, type RunningClock } from './stage-clock.js';
import type { PooledText } from './text-pool.js';
import { FIRST_NAMES, LAST_NAMES, type SeedLocale } from './texts.js';
import { LifeBuilder, STALL_STATUSES, type ComplaintPlan, type SeededLife } from './timeline.js';
import type { BusinessDuration } from '../../domain/business-duration.js';
import type { TimedStageId } from '../../domain/complaint.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** Shapes live at least this long before now, so that almost all of them are settled. */
const SHAPE_MARGIN_MS = 150 * DAY;
/** Other shapes tried for an arrival whose calendar differs from the first one's (then it is lived again). */
const CALENDAR_TRIES = 24;
const CHUNK = 1_000;
/** Why an arrival is lived again (`clone` holds 1 for a clone). */
const NEAR_NOW = 2;
const OTHER_DAYS = 3;
/** Clones per server-side cloning batch: cloning of one batch runs while Node writes the next. */
const BATCH = 100_000;

/** The k-th response link of a cloned complaint (also `linkIdSql`): an md5 of the id, shaped as a v4 UUID. */
export function cloneLinkId(complaintId: string, k: number): string {
  const h = createHash('md5').update(`${complaintId}:${k}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

const linkIdSql = (id: string, k: string) => `overlay(overlay(md5(${id}::text || ':' || ${k}) placing '4' from 13) placing 'a' from 17)::uuid`;

/** Stage clocks that remember the latest instant they computed: how far a life's calendar reaches. */
class HorizonClocks extends StageClocks {
  horizon = -Infinity;
  private note(...ms: number[]) {
    for (const m of ms) if (Number.isFinite(m) && m > this.horizon) this.horizon = m;
  }
  override start(stage: TimedStageId, atMs: number): RunningClock {
    const clock = super.start(stage, atMs);
    this.note(clock.clockStartMs, clock.warningAtMs, clock.deadlineMs);
    return clock;
  }
  // Re-armed breaches not reached are only compared with times inside the span: they need no day of their own.
  override resume(clock: RunningClock, atMs: number): void {
    super.resume(clock, atMs);
    this.note(atMs, clock.warningAtMs, clock.deadlineMs);
  }
  override window(atMs: number, duration: BusinessDuration, reminderAtShare: number) {
    const w = super.window(atMs, duration, reminderAtShare);
    this.note(w.reminderAtMs, w.deadlineMs);
    return w;
  }
  override add(atMs: number, duration: BusinessDuration): number {
    const ms = super.add(atMs, duration);
    this.note(ms);
    return ms;
  }
}

interface Shape {
  index: number;
  id: string;
  plan: ComplaintPlan;
  lifeSeed: number;
  locale: SeedLocale;
  country: string;
  categoryIndex: number;
  hasEarlier: boolean;
  withoutContact: boolean;
  cloneable: boolean;
  classified: boolean;
  /** Calendar day indexes its clocks and timers touched. */
  firstDay: number;
  lastDay: number;
  /** The latest thing that happened in it (an event, a survey answer): must stay before now. */
  lastHappenMs: number;
  events: number;
  rowCount: number;
  /** The complaints row as COPY fields, and where its times are. */
  fields: string[];
  times: Array<{ index: number; day: number; rest: string }>;
  /** The lifecycle snapshot's COPY text cut where ids, the reference and dates go. */
  lifecycle: { segments: string[]; slots: Array<{ kind: 'id' | 'reference' | 'earlier' } | { kind: 'day'; day: number }> };
}

const COLUMN = Object.fromEntries(SEED_TABLES.complaints.map((c, i) => [c, i])) as Record<(typeof SEED_TABLES.complaints)[number], number>;
const TIME_COLUMNS = ['received_at', 'recorded_at', 'updated_at', 'stage_started_at', 'stage_warning_at', 'stage_deadline_at', 'answer_due_at', 'acknowledged_at', 'closed_at'] as const;
const EARLIER_PLACEHOLDER = 'SHAPE-EARLIER';
const STREETS = ['Atatürk Cad. No: 12', 'İstiklal Cad. No: 45', 'Bağdat Cad. No: 301', 'Cumhuriyet Mah. 1203 Sk. No: 7'];
const CITIES = ['Kadıköy / İstanbul', 'Çankaya / Ankara', 'Konak / İzmir', 'Nilüfer / Bursa'];

const dayOfIso = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;
const dayStrings = new Map<number, string>();
function dayString(day: number): string {
  let s = dayStrings.get(day);
  if (s === undefined) dayStrings.set(day, (s = new Date(day * DAY).toISOString().slice(0, 10)));
  return s;
}

function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

type OnChunk = (c: { complaints: number; events: number; rowCount: number }) => void;

export interface CloneLoadResult {
  shapes: number;
  cloned: number;
  livedAgain: number;
  /**
   * Why: moved, it would reach past now (or its shape did not settle); no settled shape found whose
   * calendar days are the same at the new date; resting at a status (the latest few); the rest had
   * no earlier complaint of a returning customer to name.
   */
  because: { nearNow: number; otherDays: number; resting: number };
  /** Seconds: building the shapes, writing (Node's part, with the COPY streams), then waiting for the last clones. */
  shapeSeconds: number;
  writeSeconds: number;
  cloneTailSeconds: number;
}

/** How many shapes a seed of `count` builds. */
export const shapeCount = (count: number) => Math.max(500, Math.min(5_000, Math.round(count / 100)));

export async function loadByCloning(
  databaseUrl: string,
  o: Omit<GeneratorOptions, 'count'> & { count: number },
  onChunk: OnChunk,
  toastCompression: string | undefined,
): Promise<CloneLoadResult> {
  const rowsOf = new SeedGenerator({ ...o, count: 0 });
  const shift = new CalendarShift(o.calendar);
  const plainClocks = new StageClocks(o.calendar, o.definition);
  const horizonClocks = new HorizonClocks(o.calendar, o.definition);
  const linkIdOf = (plan: ComplaintPlan, k: number) => cloneLinkId(plan.id, k);
  const texts = textsByProduct(o.pool);

  // ── shapes ─────────────────────────────────────────────────────────────────────────────────
  const started = performance.now();
  const S = shapeCount(o.count);
  const shapeRandom = createRandom(mix(o.seed ^ 0x5ba9e5));
  const shapeArrivals = arrivalTimes(shapeRandom, S, o.nowMs - SHAPE_MARGIN_MS);
  const pool: ChunkRows = emptyRows();
  const poolEvents: string[] = [];
  const poolLinks: string[] = [];
  const poolSurveys: string[] = [];
  const shapes: Shape[] = [];
  for (let j = 0; j < S; j++) {
    const rp = createRandom(mix(o.seed * 31 + j * 0x9e3779b9 + 1));
    const locale = rp.weighted(LOCALES);
    const country = rp.pick(COUNTRIES[locale]);
    const hasEarlier = rp.chance(0.25);
    const categoryIndex = rp.weighted(CATEGORY_TABLE);
    const category = CATEGORIES[categoryIndex]!;
    const channel = rp.weighted(CHANNELS);
    const withoutContact = UNREACHABLE_CHANNELS.has(channel) && rp.chance(0.45);
    const choices = o.pool.get(`${locale}|${category.id}`)!;
    const text = choices[Math.floor(rp() * choices.length)]!;
    const department = DEPARTMENT_BY_ID.get(category.department)!;
    const team = rp.pick(department.teams);
    const triageFirst = rp.chance(0.35);
    const queueWaitMs = triageFirst ? (rp.chance(0.1) ? rp.between(3, 75) * DAY : rp.between(0.3, 30) * HOUR) : 0;
    const receivedAtMs = shapeArrivals[j]!;
    const id = derivedUuid(o.seed ^ 0x5a5a5a5a, j, 7);
    const plan: ComplaintPlan = {
      n: 0, id, reference: `SHAPE-REF-${j}`, receivedAtMs, channel, locale, country, reachable: !withoutContact,
      category: category.id, product: text.product, department: department.id, team: team.id, agent: rp.pick(team.agents),
      severity: rp.weighted(SEVERITIES), earlierReference: hasEarlier ? EARLIER_PLACEHOLDER : null, triageFirst, queueWaitMs, stall: null,
      externalSerial: j,
    };
    const lifeSeed = mix(o.seed * 17 + j * 0x27d4eb2d + 2);
    horizonClocks.horizon = -Infinity;
    const life = new LifeBuilder(createRandom(lifeSeed), horizonClocks, o.definition, o.pinned.versionId, o.seed, o.nowMs, linkIdOf).build(plan);
    const classified = life.state.classification !== null;
    const rows = emptyRows();
    const dummy = dummyCustomer(locale, country);
    const rowCount = rowsOf.rowsOf(rows, {
      id, reference: plan.reference, plan, life, text, customer: dummy, email: withoutContact ? null : dummy.email, phone: null, prior: null, classified, withoutContact,
    });
    const lastHappenMs = Math.max(life.lastAtMs, life.survey?.answeredAtMs ?? -Infinity);
    const reach = Math.max(
      horizonClocks.horizon, lastHappenMs, rowsOf.thirdBusinessDayEndOf(receivedAtMs),
      ...life.clockRuns.flatMap((c) => [c.deadlineAtMs, c.endedAtMs ?? -Infinity]),
      ...life.links.flatMap((l) => [l.createdAtMs, l.usedAtMs ?? -Infinity, l.revokedAtMs ?? -Infinity]),
    );
    const fields = rows.complaints[0]!.split('\t');
    const shape: Shape = {
      index: j, id, plan, lifeSeed, locale, country, categoryIndex, hasEarlier, withoutContact, classified,
      cloneable: !life.cut, firstDay: shift.dayIndexOf(receivedAtMs), lastDay: shift.dayIndexOf(reach), lastHappenMs,
      events: life.events.length, rowCount, fields,
      times: TIME_COLUMNS.map((c) => COLUMN[c]).filter((i) => fields[i] !== NULL).map((index) => ({ index, day: dayOfIso(fields[index]!), rest: fields[index]!.slice(10) })),
      lifecycle: lifecycleTemplate(fields[COLUMN.lifecycle]!, id, plan.reference),
    };
    shapes.push(shape);
    if (!shape.cloneable) continue;
    for (const t of ['complaint_proposals', 'complaint_stage_clocks', 'complaint_escalations', 'complaint_corrective_actions'] as const) pool[t].push(...rows[t]);
    poolRowsOf(life, id, poolEvents, poolLinks, poolSurveys);
  }

  const shapeSeconds = (performance.now() - started) / 1000;
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  const copier = postgres(databaseUrl, {
    max: TABLE_NAMES.length + 2,
    onnotice: () => undefined,
    connection: {
      application_name: 'plaint-seed-copy', session_replication_role: 'replica', synchronous_commit: 'off', DateStyle: 'ISO',
      ...(toastCompression ? { default_toast_compression: toastCompression } : {}),
    } as Record<string, string>,
  });
  const cloner = postgres(databaseUrl, {
    max: 2,
    onnotice: () => undefined,
    connection: { application_name: 'plaint-seed-clone', session_replication_role: 'replica', synchronous_commit: 'off', DateStyle: 'ISO' } as Record<string, string>,
  });
  const batchTables: string[] = [];
  try {
    await createPool(sql);
    const poolCopies: Array<[string, readonly string[], string[]]> = [
      ['plaint_seed_pool_events', ['shape', 'seq', 'type', 'actor_id', 'actor_role', 'occurred_at', 'data', 'patch', 'link_k', 'due'], poolEvents],
      ['plaint_seed_pool_links', ['shape', 'k', 'purpose', 'round', 'request_id', 'expires_at', 'revoked_at', 'used_at', 'created_at'], poolLinks],
      ['plaint_seed_pool_surveys', ['shape', 'link_k', 'handling', 'outcome', 'reasons', 'comment', 'language', 'answered_at'], poolSurveys],
      ...(['complaint_proposals', 'complaint_stage_clocks', 'complaint_escalations', 'complaint_corrective_actions'] as const).map(
        (t) => [`plaint_seed_pool_${t.replace('complaint_', '')}`, SEED_TABLES[t], pool[t]] as [string, readonly string[], string[]],
      ),
    ];
    for (const [table, columns, lines] of poolCopies) {
      const s = await openCopy(sql, table, columns);
      await s.write(lines);
      await s.end();
    }
    await sql.unsafe(`ANALYZE ${poolCopies.map(([t]) => t).join(', ')}`);

    // ── arrivals: a shape and a whole number of weeks for each ───────────────────────────────
    const r = createRandom(mix(o.seed ^ 0xc10e5));
    const targets = arrivalTimes(r, o.count, o.nowMs);
    const from = o.nowMs - SPAN_MS;
    const shapeOf = new Int32Array(o.count);
    const weeksOf = new Int32Array(o.count);
    const at = new Float64Array(o.count);
    const clone = new Uint8Array(o.count);
    for (let i = 0; i < o.count; i++) {
      for (let attempt = 0; ; attempt++) {
        const j = Math.floor(r() * S);
        const s = shapes[j]!;
        let k = Math.round((targets[i]! - s.plan.receivedAtMs) / WEEK);
        if (s.plan.receivedAtMs + k * WEEK < from) k++;
        if (s.plan.receivedAtMs + k * WEEK > o.nowMs - MINUTE) k--;
        shapeOf[i] = j;
        weeksOf[i] = k;
        at[i] = s.plan.receivedAtMs + k * WEEK;
        // Not settled, or moved past now: lived again at the new time (no second pick, so the lives near now are not the short ones).
        if (!s.cloneable || s.lastHappenMs + k * WEEK > o.nowMs) {
          clone[i] = NEAR_NOW;
          break;
        }
        if (shift.same(s.firstDay, s.lastDay, 7 * k)) {
          clone[i] = 1;
          break;
        }
        if (attempt === CALENDAR_TRIES - 1) {
          clone[i] = OTHER_DAYS;
          break;
        }
      }
    }
    const order = Array.from({ length: o.count }, (_, i) => i).sort((a, b) => at[a]! - at[b]! || a - b);

    // ── complaints in the order received: customers, references, rows ─────────────────────────
    const streams = new Map<SeedTable, CopyStream>();
    for (const t of TABLE_NAMES) streams.set(t, await openCopy(copier, t));
    // Parsing the complaints rows (the lifecycle jsonb above all) is the heaviest COPY: two streams, chunks in turn.
    const complaintStreams = [streams.get('complaints')!, await openCopy(copier, 'complaints')];
    const rc = createRandom(mix(o.seed ^ 0xc057));
    const customers: Customer[] = [];
    const byPlace = new Map<string, number[]>();
    const priorByEmail: PriorMap = new Map();
    const priorByPhone: PriorMap = new Map();
    const recentFrom = o.count - Math.max(15, Math.round(o.count * 0.02));
    const tasks = cloneTasks(cloner);
    let cloned = 0;
    let livedAgain = 0;
    const because = { nearNow: 0, otherDays: 0, resting: 0 };
    let batch: { table: string; stream: CopyStream; lines: string[]; size: number } | null = null;
    const closeBatch = async () => {
      if (!batch) return;
      const { stream, lines, table } = batch;
      batch = null;
      await stream.write(lines);
      await stream.end();
      // Analysed, so that each join hashes the small pool and streams the batch.
      await sql.unsafe(`ANALYZE ${table}`);
      tasks.enqueue(table);
    };
    for (let start = 0; start < o.count; start += CHUNK) {
      const rows = emptyRows();
      const end = Math.min(o.count, start + CHUNK);
      let events = 0;
      let rowCount = 0;
      for (let t = start; t < end; t++) {
        const i = order[t]!;
        const s = shapes[shapeOf[i]!]!;
        const n = o.firstNumber + t;
        const receivedAtMs = at[i]!;
        const id = derivedUuid(o.seed, n, 0);
        const reference = formatReference(new Date(receivedAtMs), n);
        const stall = t >= recentFrom && t % 3 === 0 ? STALL_STATUSES[Math.floor(t / 3) % STALL_STATUSES.length]! : null;
        // A repeat customer from the same language and country (a shape lived by a returning customer), else a new one.
        const place = `${s.locale}|${s.country}`;
        const earlierOnes = s.hasEarlier ? byPlace.get(place) : undefined;
        let customerIndex: number;
        if (earlierOnes?.length) customerIndex = earlierOnes[Math.floor(rc() * earlierOnes.length)]!;
        else {
          customerIndex = customers.length;
          customers.push(newCustomer(rc, o, customerIndex, s.locale, s.country));
          (byPlace.get(place) ?? byPlace.set(place, []).get(place)!).push(customerIndex);
        }
        const customer = customers[customerIndex]!;
        const earlierReference = customer.lastReference;
        const withoutContact = stall === 'received' || s.withoutContact;
        const email = withoutContact ? null : customer.email;
        const phone = withoutContact ? null : customer.phone;
        const choices = texts.get(`${s.locale}|${s.plan.category}|${s.plan.product}`)!;
        const text = choices[Math.floor(rc() * choices.length)]!;
        const asCloned = clone[i] === 1 && stall === null && (earlierReference !== null) === s.hasEarlier;
        let life: SeededLife | null = null;
        let plan: ComplaintPlan | null = null;
        if (!asCloned) {
          plan = { ...s.plan, n, id, reference, receivedAtMs, earlierReference, stall, reachable: !withoutContact };
          life = new LifeBuilder(createRandom(s.lifeSeed), plainClocks, o.definition, o.pinned.versionId, o.seed, o.nowMs, linkIdOf).build(plan);
        }
        const classified = life ? life.state.classification !== null : s.classified;
        const key = customerIndex * 64 + s.categoryIndex;
        let prior: number | null = null;
        if (classified) {
          const map = email !== null ? priorByEmail : phone !== null ? priorByPhone : null;
          prior = map ? priorBefore(map, key, receivedAtMs) : null;
          if (email !== null) notePrior(priorByEmail, key, receivedAtMs);
          if (phone !== null) notePrior(priorByPhone, key, receivedAtMs);
        }
        customer.lastCategory = s.categoryIndex;
        customer.lastReference = reference;
        if (life && plan) {
          livedAgain++;
          if (stall === null && clone[i] === NEAR_NOW) because.nearNow++;
          else if (stall === null && clone[i] === OTHER_DAYS) because.otherDays++;
          else because.resting += stall === null ? 0 : 1;
          events += life.events.length;
          rowCount += rowsOf.rowsOf(rows, { id, reference, plan, life, text, customer, email, phone, prior, classified, withoutContact });
          continue;
        }
        cloned++;
        events += s.events;
        rowCount += s.rowCount;
        const days = 7 * weeksOf[i]!;
        rows.complaints.push(cloneRow(s, { id, reference, n, days, customer, email, phone, text, prior, earlierReference, channelLetter: s.plan.channel === 'letter' || withoutContact }));
        batch ??= await openBatch(copier, sql, batchTables);
        batch.lines.push(`${id}\t${s.id}\t${days * 24} hours\t${days}\t${earlierReference === null ? NULL : copyText(earlierReference)}\t${t % 2}`);
        if (++batch.size >= BATCH) await closeBatch();
      }
      if (batch) {
        await batch.stream.write(batch.lines);
        batch.lines = [];
      }
      await Promise.all(TABLE_NAMES.map((t) => (t === 'complaints' ? complaintStreams[(start / CHUNK) % 2]! : streams.get(t)!).write(rows[t])));
      onChunk({ complaints: end - start, events, rowCount });
      await new Promise((resolve) => setImmediate(resolve));
    }
    await closeBatch();
    await Promise.all([...streams.values(), complaintStreams[1]!].map((s) => s.end()));
    const written = performance.now();
    await tasks.finish();
    const cloneTailSeconds = (performance.now() - written) / 1000;
    const writeSeconds = (written - started) / 1000 - shapeSeconds;
    return { shapes: S, cloned, livedAgain, because, shapeSeconds, writeSeconds, cloneTailSeconds };
  } finally {
    for (const t of [...batchTables, ...POOL_TABLES]) await sql.unsafe(`DROP TABLE IF EXISTS ${t}`).catch(() => undefined);
    await copier.end({ timeout: 5 });
    await cloner.end({ timeout: 5 });
    await sql.end({ timeout: 5 });
  }
}

const POOL_TABLES = ['plaint_seed_pool_events', 'plaint_seed_pool_links', 'plaint_seed_pool_surveys', 'plaint_seed_pool_proposals', 'plaint_seed_pool_stage_clocks',
  'plaint_seed_pool_escalations', 'plaint_seed_pool_corrective_actions'];

async function createPool(sql: Sql): Promise<void> {
  for (const t of POOL_TABLES) await sql.unsafe(`DROP TABLE IF EXISTS ${t}`);
  await sql.unsafe(`
    CREATE UNLOGGED TABLE plaint_seed_pool_events (shape uuid NOT NULL, seq int NOT NULL, type text NOT NULL, actor_id text, actor_role text NOT NULL,
      occurred_at timestamptz NOT NULL, data jsonb NOT NULL, patch smallint NOT NULL, link_k smallint, due date);
    CREATE UNLOGGED TABLE plaint_seed_pool_links (shape uuid NOT NULL, k smallint NOT NULL, purpose text NOT NULL, round int, request_id text,
      expires_at timestamptz NOT NULL, revoked_at timestamptz, used_at timestamptz, created_at timestamptz NOT NULL);
    CREATE UNLOGGED TABLE plaint_seed_pool_surveys (shape uuid NOT NULL, link_k smallint NOT NULL, handling smallint NOT NULL, outcome smallint NOT NULL,
      reasons text[] NOT NULL, comment text, language text NOT NULL, answered_at timestamptz NOT NULL);
    CREATE UNLOGGED TABLE plaint_seed_pool_proposals (LIKE complaint_proposals);
    CREATE UNLOGGED TABLE plaint_seed_pool_stage_clocks (LIKE complaint_stage_clocks);
    CREATE UNLOGGED TABLE plaint_seed_pool_escalations (LIKE complaint_escalations);
    CREATE UNLOGGED TABLE plaint_seed_pool_corrective_actions (LIKE complaint_corrective_actions);`);
}

async function openBatch(copier: Sql, sql: Sql, tables: string[]) {
  const table = `plaint_seed_clones_${tables.length}`;
  tables.push(table);
  await sql.unsafe(`DROP TABLE IF EXISTS ${table}`);
  await sql.unsafe(`CREATE UNLOGGED TABLE ${table} (id uuid NOT NULL, shape uuid NOT NULL, shift interval NOT NULL, days int NOT NULL, earlier text, part smallint NOT NULL)`);
  return { table, stream: await openCopy(copier, table, ['id', 'shape', 'shift', 'days', 'earlier', 'part']), lines: [] as string[], size: 0 };
}

/** The statements that clone a batch's timelines from the pool, run two at a time beside the COPY streams. */
function cloneTasks(cloner: Sql) {
  const queue: string[] = [];
  const waiting: Array<() => void> = [];
  let failure: unknown = null;
  let finished = false;
  const statements = (b: string) => [
    ...[0, 1].map((part) => `
      INSERT INTO complaint_events (complaint_id, seq, type, actor_id, actor_role, occurred_at, data)
      SELECT c.id, e.seq, e.type, e.actor_id, e.actor_role, e.occurred_at + c.shift,
             CASE e.patch WHEN 0 THEN e.data
                          WHEN 1 THEN e.data || jsonb_build_object('linkId', ${linkIdSql('c.id', 'e.link_k')})
                          WHEN 2 THEN e.data || jsonb_build_object('duplicateOf', c.earlier)
                          ELSE e.data || jsonb_build_object('dueDate', (e.due + c.days)::text) END
      FROM ${b} c JOIN plaint_seed_pool_events e ON e.shape = c.shape WHERE c.part = ${part}`),
    `INSERT INTO complaint_proposals (complaint_id, round, outcome, remedy, amount, currency, proposed_at, answer, answered_at)
     SELECT c.id, p.round, p.outcome, p.remedy, p.amount, p.currency, p.proposed_at + c.shift, p.answer, p.answered_at + c.shift
     FROM ${b} c JOIN plaint_seed_pool_proposals p ON p.complaint_id = c.shape`,
    `INSERT INTO complaint_stage_clocks (complaint_id, stage, started_at, deadline_at, ended_at, breached)
     SELECT c.id, s.stage, s.started_at + c.shift, s.deadline_at + c.shift, s.ended_at + c.shift, s.breached
     FROM ${b} c JOIN plaint_seed_pool_stage_clocks s ON s.complaint_id = c.shape`,
    `INSERT INTO complaint_escalations (complaint_id, seq, stage, level, occurred_at)
     SELECT c.id, x.seq, x.stage, x.level, x.occurred_at + c.shift FROM ${b} c JOIN plaint_seed_pool_escalations x ON x.complaint_id = c.shape`,
    `INSERT INTO complaint_corrective_actions (complaint_id, action_id, root_cause, recorded_at)
     SELECT c.id, a.action_id, a.root_cause, a.recorded_at + c.shift FROM ${b} c JOIN plaint_seed_pool_corrective_actions a ON a.complaint_id = c.shape`,
    `INSERT INTO response_links (id, complaint_id, purpose, round, request_id, expires_at, revoked_at, used_at, created_at)
     SELECT ${linkIdSql('c.id', 'l.k')}, c.id, l.purpose, l.round, l.request_id, l.expires_at + c.shift, l.revoked_at + c.shift, l.used_at + c.shift, l.created_at + c.shift
     FROM ${b} c JOIN plaint_seed_pool_links l ON l.shape = c.shape`,
    `INSERT INTO survey_answers (complaint_id, link_id, handling, outcome, reasons, comment, language, answered_at)
     SELECT c.id, ${linkIdSql('c.id', 'v.link_k')}, v.handling, v.outcome, v.reasons, v.comment, v.language, v.answered_at + c.shift
     FROM ${b} c JOIN plaint_seed_pool_surveys v ON v.shape = c.shape`,
  ];
  const wakeAll = () => waiting.splice(0).forEach((w) => w());
  const worker = async () => {
    for (;;) {
      const statement = queue.shift();
      if (statement === undefined) {
        if (finished) return;
        await new Promise<void>((resolve) => waiting.push(resolve));
        continue;
      }
      if (failure) continue;
      try {
        await cloner.unsafe(statement);
      } catch (err) {
        failure = err;
      }
    }
  };
  const workers = [worker(), worker()];
  return {
    enqueue(table: string) {
      queue.push(...statements(table));
      wakeAll();
    },
    async finish() {
      finished = true;
      wakeAll();
      await Promise.all(workers);
      if (failure) throw failure;
    },
  };
}

/**
 * Per customer and category: the latest complaint's arrival and the latest strictly before it.
 * Clones of one shape moved by the same weeks arrive at the same minute, and `prior_complaint_at`
 * is the latest *earlier* complaint.
 */
type PriorMap = Map<number, [latest: number, before: number | null]>;

function priorBefore(map: PriorMap, key: number, atMs: number): number | null {
  const entry = map.get(key);
  if (!entry) return null;
  return entry[0] < atMs ? entry[0] : entry[1];
}

function notePrior(map: PriorMap, key: number, atMs: number): void {
  const entry = map.get(key);
  if (!entry) map.set(key, [atMs, null]);
  else if (entry[0] < atMs) map.set(key, [atMs, entry[0]]);
}

function emptyRows(): ChunkRows {
  return Object.fromEntries(TABLE_NAMES.map((t) => [t, [] as string[]])) as unknown as ChunkRows;
}

function textsByProduct(pool: GeneratorOptions['pool']): Map<string, PooledText[]> {
  const map = new Map<string, PooledText[]>();
  for (const list of pool.values()) {
    for (const t of list) {
      const key = `${t.locale}|${t.category}|${t.product}`;
      (map.get(key) ?? map.set(key, []).get(key)!).push(t);
    }
  }
  return map;
}

function dummyCustomer(locale: SeedLocale, country: string): Customer {
  return {
    locale, country, name: 'shape', email: 'shape@example.com', phone: null, copyEmail: 'shape@example.com', copyPhone: NULL,
    emailHash: NULL, phoneHash: NULL, lastCategory: -1, lastReference: null,
  };
}

function newCustomer(r: Random, o: GeneratorOptions, index: number, locale: SeedLocale, country: string): Customer {
  const first = r.pick(FIRST_NAMES[locale]);
  const last = r.pick(LAST_NAMES[locale]);
  const hasEmail = r.chance(0.85);
  const hasPhone = !hasEmail || r.chance(0.7);
  const email = hasEmail ? `${ascii(first)}.${ascii(last)}.${index.toString(36)}@${r.pick(['example.com', 'example.org', 'example.net'])}` : null;
  const phone = hasPhone ? turkishMobile(o.seed, index) : null;
  return {
    locale, country, name: `${first} ${last}`, email, phone, copyEmail: copyText(email), copyPhone: copyText(phone),
    emailHash: copyBytea(o.hasher.email(email)), phoneHash: copyBytea(o.hasher.phone(phone)), lastCategory: -1, lastReference: null,
  };
}

/** Cuts a lifecycle's COPY text where the complaint's id, its reference, the earlier reference and dates go. */
function lifecycleTemplate(text: string, id: string, reference: string): Shape['lifecycle'] {
  const re = new RegExp(`"(${id}|${reference}|${EARLIER_PLACEHOLDER})"|"(\\d{4}-\\d{2}-\\d{2})(?=[T"])`, 'g');
  const segments: string[] = [];
  const slots: Shape['lifecycle']['slots'] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    segments.push(text.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[2]) slots.push({ kind: 'day', day: dayOfIso(m[2]) });
    else slots.push({ kind: m[1] === id ? 'id' : m[1] === reference ? 'reference' : 'earlier' });
  }
  segments.push(text.slice(last));
  return { segments, slots };
}

function cloneRow(s: Shape, c: {
  id: string; reference: string; n: number; days: number; customer: Customer; email: string | null; phone: string | null;
  text: PooledText; prior: number | null; earlierReference: string | null; channelLetter: boolean;
}): string {
  const f = s.fields.slice();
  f[COLUMN.id] = c.id;
  f[COLUMN.reference] = c.reference;
  f[COLUMN.customer_name] = copyText(c.customer.name);
  f[COLUMN.customer_email] = c.email === null ? NULL : c.customer.copyEmail;
  f[COLUMN.customer_phone] = c.phone === null ? NULL : c.customer.copyPhone;
  f[COLUMN.customer_postal_address] = c.channelLetter ? copyText(`${STREETS[c.n % STREETS.length]}\n${CITIES[c.n % CITIES.length]}`) : NULL;
  f[COLUMN.subject] = c.text.copySubject;
  f[COLUMN.description] = c.text.copyDescription;
  f[COLUMN.search_vector] = c.text.copyVector;
  f[COLUMN.customer_email_hash] = c.email === null ? NULL : c.customer.emailHash;
  f[COLUMN.customer_phone_hash] = c.phone === null ? NULL : c.customer.phoneHash;
  f[COLUMN.prior_complaint_at] = copyTime(c.prior);
  for (const t of s.times) f[t.index] = dayString(t.day + c.days) + t.rest;
  const { segments, slots } = s.lifecycle;
  let lifecycle = segments[0]!;
  for (let k = 0; k < slots.length; k++) {
    const slot = slots[k]!;
    lifecycle += slot.kind === 'day' ? `"${dayString(slot.day + c.days)}` : slot.kind === 'id' ? `"${c.id}"` : slot.kind === 'reference' ? `"${c.reference}"` : `"${c.earlierReference}"`;
    lifecycle += segments[k + 1]!;
  }
  f[COLUMN.lifecycle] = lifecycle;
  return f.join('\t');
}

/** A shape's events, links and survey answer for the pool, with what a clone changes in them marked. */
function poolRowsOf(life: SeededLife, shapeId: string, events: string[], links: string[], surveys: string[]): void {
  const k = new Map(life.links.map((l, i) => [l.id, i + 1]));
  const iso = (ms: number) => new Date(ms).toISOString();
  for (const e of life.events) {
    const linkK = typeof e.data.linkId === 'string' ? k.get(e.data.linkId)! : null;
    const patch = linkK !== null ? 1 : e.data.duplicateOf !== undefined ? 2 : typeof e.data.dueDate === 'string' ? 3 : 0;
    events.push(`${shapeId}\t${e.seq}\t${e.type}\t${copyText(e.actorId)}\t${e.actorRole}\t${iso(e.atMs)}\t${copyJson(e.data)}\t${patch}\t${linkK ?? NULL}\t${patch === 3 ? (e.data.dueDate as string) : NULL}`);
  }
  for (const [i, l] of life.links.entries()) {
    links.push(`${shapeId}\t${i + 1}\t${l.purpose}\t${l.round ?? NULL}\t${copyText(l.requestId)}\t${iso(l.expiresAtMs)}\t${copyTime(l.revokedAtMs)}\t${copyTime(l.usedAtMs)}\t${iso(l.createdAtMs)}`);
  }
  const sv = life.survey;
  if (sv) surveys.push(`${shapeId}\t${k.get(sv.linkId)!}\t${sv.handling}\t${sv.outcome}\t${copyWords(sv.reasons)}\t${copyText(sv.comment)}\t${sv.language}\t${iso(sv.answeredAtMs)}`);
}
