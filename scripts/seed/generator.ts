// Generates seeded complaints in the order they were received, with their customers (repeat
// customers file again, often in the same category), and turns each life into COPY rows for the
// read model's tables. Everything comes from one seeded random stream: the same seed, count and
// "now" give the same rows.
import type { CompiledCalendar } from '../../domain/calendar/index.js';
import type { Channel, Severity } from '../../domain/complaint.js';
import { zonedParts } from '../../domain/calendar/local-time.js';
import type { ProcessDefinition } from '../../domain/process-definition.js';
import { formatReference } from '../../domain/reference.js';
import type { CustomerLookupHasher } from '../../security/customer-lookup.js';
import { copyBool, copyBytea, copyJson, copyNumber, copyText, copyTime, copyWords, NULL } from './copy-format.js';
import { CATEGORIES, DEPARTMENT_BY_ID } from './organisation.js';
import { createRandom, derivedUuid, weights, type Random } from './random.js';
import { StageClocks } from './stage-clock.js';
import { poolKey, type PooledText, type TextPool } from './text-pool.js';
import { FIRST_NAMES, LAST_NAMES, type SeedLocale } from './texts.js';
import { LifeBuilder, STALL_STATUSES, type ComplaintPlan, type SeededLife } from './timeline.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Complaints are spread over the two years before now. */
export const SPAN_MS = 730 * DAY;

/** The tables a seed writes and their columns, in COPY order. */
export const SEED_TABLES = {
  complaints: [
    'id', 'reference', 'channel', 'status', 'customer_name', 'customer_email', 'customer_phone', 'customer_locale', 'customer_country',
    'customer_postal_address', 'subject', 'description', 'category', 'product', 'pin_hash', 'received_at', 'recorded_at', 'updated_at',
    'stage', 'stage_started_at', 'stage_warning_at', 'stage_deadline_at', 'stage_paused', 'round', 'closure', 'escalation_level',
    'assignee', 'team', 'department', 'severity', 'answer_due_at', 'acknowledged_at', 'closed_at', 'process_version', 'last_seq',
    'lifecycle', 'process_definition_id', 'process_definition_version', 'process_definition_hash', 'search_vector',
    'customer_email_hash', 'customer_phone_hash', 'calendar_id', 'prior_complaint_at', 'resolution_business_minutes',
    'closed_within_3_business_days', 'breach_count',
  ],
  complaint_events: ['complaint_id', 'seq', 'type', 'actor_id', 'actor_role', 'occurred_at', 'data'],
  complaint_proposals: ['complaint_id', 'round', 'outcome', 'remedy', 'amount', 'currency', 'proposed_at', 'answer', 'answered_at'],
  complaint_stage_clocks: ['complaint_id', 'stage', 'started_at', 'deadline_at', 'ended_at', 'breached'],
  complaint_escalations: ['complaint_id', 'seq', 'stage', 'level', 'occurred_at'],
  complaint_corrective_actions: ['complaint_id', 'action_id', 'root_cause', 'recorded_at'],
  response_links: ['id', 'complaint_id', 'purpose', 'round', 'request_id', 'expires_at', 'revoked_at', 'used_at', 'created_at'],
  survey_answers: ['complaint_id', 'link_id', 'handling', 'outcome', 'reasons', 'comment', 'language', 'answered_at'],
} as const;

export type SeedTable = keyof typeof SEED_TABLES;
export const TABLE_NAMES = Object.keys(SEED_TABLES) as SeedTable[];

export type ChunkRows = Record<SeedTable, string[]>;

export interface GeneratorOptions {
  count: number;
  seed: number;
  nowMs: number;
  /** The first number of the reference block taken from `complaint_reference_seq`. */
  firstNumber: number;
  calendarId: string;
  calendar: CompiledCalendar;
  definition: ProcessDefinition;
  pinned: { versionId: string; definitionId: string; version: number; contentHash: string | null };
  pool: TextPool;
  hasher: CustomerLookupHasher;
  /** One PIN hash for every seeded complaint (scrypt per row would take hours). */
  pinHash: string;
}

export interface Customer {
  locale: SeedLocale;
  country: string;
  name: string;
  email: string | null;
  phone: string | null;
  copyEmail: string;
  copyPhone: string;
  emailHash: string;
  phoneHash: string;
  lastCategory: number;
  lastReference: string | null;
}

export const LOCALES = weights<SeedLocale>([['tr', 62], ['en', 30], ['fa', 4], ['az', 4]]);
export const CHANNELS = weights<Channel>([
  ['web', 30], ['email', 15], ['phone', 14], ['live_chat', 8], ['social_media', 5], ['letter', 4], ['fax', 1],
  ['front_office', 6], ['dealer', 5], ['sales_representative', 3], ['technical_support', 9],
]);
export const SEVERITIES = weights<Severity>([['low', 35], ['medium', 40], ['high', 18], ['critical', 7]]);
export const CATEGORY_TABLE = weights(CATEGORIES.map((c, i) => [i, c.weight] as const));
/** Without e-mail or phone: a letter, a fax, a walk-in (acknowledged by hand). */
export const UNREACHABLE_CHANNELS = new Set<Channel>(['letter', 'fax', 'front_office']);
export const COUNTRIES: Record<SeedLocale, readonly string[]> = { tr: ['TR'], en: ['GB', 'TR', 'IE', 'US'], fa: ['IR', 'TR'], az: ['AZ', 'TR'] };
const STREETS = ['Atatürk Cad. No: 12', 'İstiklal Cad. No: 45', 'Bağdat Cad. No: 301', 'Cumhuriyet Mah. 1203 Sk. No: 7'];
const CITIES = ['Kadıköy / İstanbul', 'Çankaya / Ankara', 'Konak / İzmir', 'Nilüfer / Bursa'];

export class SeedGenerator {
  private readonly random: Random;
  private readonly arrivals: Float64Array;
  private readonly builder: LifeBuilder;
  private readonly customers: Customer[] = [];
  /** Latest received_at per (customer, category), by e-mail and by phone: `prior_complaint_at`. */
  private readonly priorByEmail = new Map<number, number>();
  private readonly priorByPhone = new Map<number, number>();
  private readonly localDays = new Map<number, number>();
  private readonly endOfThirdBusinessDay: Float64Array;
  private readonly clocks: StageClocks;
  private next = 0;

  constructor(private readonly o: GeneratorOptions) {
    this.random = createRandom(o.seed);
    this.arrivals = arrivalTimes(this.random, o.count, o.nowMs);
    this.clocks = new StageClocks(o.calendar, o.definition);
    this.builder = new LifeBuilder(this.random, this.clocks, o.definition, o.pinned.versionId, o.seed, o.nowMs);
    this.endOfThirdBusinessDay = thirdBusinessDayEnds(o.calendar);
  }

  /** The end of the third business day after the local day `receivedAtMs` falls on. */
  thirdBusinessDayEndOf(receivedAtMs: number): number {
    return this.endOfThirdBusinessDay[this.localDay(receivedAtMs) - this.o.calendar.firstDay]!;
  }

  /** The id of the i-th complaint of this run. */
  idOf(i: number): string {
    return derivedUuid(this.o.seed, this.o.firstNumber + i, 0);
  }

  get done(): boolean {
    return this.next >= this.o.count;
  }

  /** The next `size` complaints as COPY lines per table; `events` counts timeline rows. */
  chunk(size: number): { rows: ChunkRows; complaints: number; events: number; rowCount: number } {
    const rows = Object.fromEntries(TABLE_NAMES.map((t) => [t, [] as string[]])) as unknown as ChunkRows;
    const end = Math.min(this.o.count, this.next + size);
    let events = 0;
    let rowCount = 0;
    const startedAt = this.next;
    for (; this.next < end; this.next++) {
      const added = this.complaint(this.next, rows);
      events += added.events;
      rowCount += added.rows;
    }
    return { rows, complaints: end - startedAt, events, rowCount };
  }

  private complaint(i: number, rows: ChunkRows): { events: number; rows: number } {
    const { o, random: r } = this;
    const n = o.firstNumber + i;
    const receivedAtMs = this.arrivals[i]!;
    const reference = formatReference(new Date(receivedAtMs), n);
    const id = derivedUuid(o.seed, n, 0);
    const { customer, index: customerIndex } = this.customer();
    const categoryIndex = customer.lastCategory >= 0 && r.chance(0.5) ? customer.lastCategory : r.weighted(CATEGORY_TABLE);
    const category = CATEGORIES[categoryIndex]!;
    const channel = r.weighted(CHANNELS);
    // Among the latest, one in three rests where it stands: nobody has got to it yet (a letter nobody opened, a queue).
    const recent = i >= o.count - Math.max(15, Math.round(o.count * 0.02));
    const stall = recent && i % 3 === 0 ? STALL_STATUSES[Math.floor(i / 3) % STALL_STATUSES.length]! : null;
    const withoutContact = stall === 'received' || (UNREACHABLE_CHANNELS.has(channel) && r.chance(0.45));
    const email = withoutContact ? null : customer.email;
    const phone = withoutContact ? null : customer.phone;
    const texts = o.pool.get(poolKey(customer.locale, category.id))!;
    const text = texts[Math.floor(r() * texts.length)]!;
    const department = DEPARTMENT_BY_ID.get(category.department)!;
    const team = r.pick(department.teams);
    // A third are triaged first and wait in their department's queue; one in ten of those waits long (a backlog).
    const triageFirst = r.chance(0.35);
    const queueWaitMs = triageFirst ? (r.chance(0.1) ? r.between(3, 75) * DAY : r.between(0.3, 30) * HOUR) : 0;
    const plan = {
      n, id, reference, receivedAtMs, channel, locale: customer.locale, country: customer.country,
      reachable: Boolean(email || phone), category: category.id, product: text.product, department: department.id,
      team: team.id, agent: r.pick(team.agents), severity: r.weighted(SEVERITIES), earlierReference: customer.lastReference,
      triageFirst, queueWaitMs, stall,
    } satisfies ComplaintPlan;
    const life = this.builder.build(plan);
    const s = life.state;
    const classified = s.classification !== null;
    // The same customer's latest earlier complaint in this category (by e-mail, else by phone).
    const key = customerIndex * 64 + categoryIndex;
    let prior: number | null = null;
    if (classified) {
      const byEmail = email !== null;
      const map = byEmail ? this.priorByEmail : phone !== null ? this.priorByPhone : null;
      prior = map?.get(key) ?? null;
      if (email !== null) this.priorByEmail.set(key, receivedAtMs);
      if (phone !== null) this.priorByPhone.set(key, receivedAtMs);
    }
    customer.lastCategory = categoryIndex;
    customer.lastReference = reference;
    const added = this.rowsOf(rows, { id, reference, plan, life, text, customer, email, phone, prior, classified, withoutContact });
    return { events: life.events.length, rows: added };
  }

  private customer(): { customer: Customer; index: number } {
    const r = this.random;
    // About one complaint in four comes from someone who complained before.
    if (this.customers.length > 10 && r.chance(0.25)) {
      const index = Math.floor(r() * this.customers.length);
      return { customer: this.customers[index]!, index };
    }
    const index = this.customers.length;
    const locale = r.weighted(LOCALES);
    const first = r.pick(FIRST_NAMES[locale]);
    const last = r.pick(LAST_NAMES[locale]);
    const hasEmail = r.chance(0.85);
    const hasPhone = !hasEmail || r.chance(0.7);
    const email = hasEmail ? `${ascii(first)}.${ascii(last)}.${index.toString(36)}@${r.pick(['example.com', 'example.org', 'example.net'])}` : null;
    const phone = hasPhone ? turkishMobile(this.o.seed, index) : null;
    const customer: Customer = {
      locale, country: r.pick(COUNTRIES[locale]), name: `${first} ${last}`, email, phone,
      copyEmail: copyText(email), copyPhone: copyText(phone),
      emailHash: copyBytea(this.o.hasher.email(email)), phoneHash: copyBytea(this.o.hasher.phone(phone)),
      lastCategory: -1, lastReference: null,
    };
    this.customers.push(customer);
    return { customer, index };
  }

  /** A life as COPY lines per table; the number of rows. */
  rowsOf(rows: ChunkRows, c: {
    id: string; reference: string; plan: ComplaintPlan;
    life: SeededLife; text: PooledText; customer: Customer; email: string | null; phone: string | null; prior: number | null;
    classified: boolean; withoutContact: boolean;
  }): number {
    const { o } = this;
    const { id, life, plan } = c;
    const s = life.state;
    const clock = life.clock;
    const levels = o.definition.stages[s.escalation.stage].escalation.levels;
    const escalationLevel = levels[s.escalation.level] ?? levels[0]!;
    const lastSeq = life.events.at(-1)!.seq;
    const answerDue = s.status === 'resolution_proposed' ? life.answerTimer?.deadlineMs : s.status === 'awaiting_customer' ? life.infoTimer?.deadlineMs : null;
    const deadlines = {
      stage: clock ? { id: clock.stage, startedAt: iso(clock.clockStartMs), warningAt: iso(clock.warningAtMs), deadline: iso(clock.deadlineMs), paused: clock.pausedAtMs !== null } : null,
      nextEscalationAt: clock && clock.pausedAtMs === null ? nextEscalation(clock) : null,
      answer: life.answerTimer ? { round: life.answerTimer.round, reminderAt: iso(life.answerTimer.reminderAtMs), deadline: iso(life.answerTimer.deadlineMs) } : null,
      info: life.infoTimer ? { requestId: life.infoTimer.requestId, reminderAt: iso(life.infoTimer.reminderAtMs), deadline: iso(life.infoTimer.deadlineMs) } : null,
      progressUpdateAt: s.status === 'closed' || s.status === 'open_external' ? null : iso(this.clocks.add(life.lastAtMs, o.definition.progressUpdateEvery ?? { workingDays: 5 })),
    };
    const snapshot = { complaintId: id, processVersion: o.pinned.versionId, calendarId: o.calendarId, seq: lastSeq, state: s, deadlines, escalationLevel };
    const closedAtMs = s.closedAt ? Date.parse(s.closedAt) : null;
    const resolutionMinutes = closedAtMs !== null ? Math.round(this.clocks.minutesBetween(plan.receivedAtMs, closedAtMs)) : null;
    const within3 = closedAtMs !== null ? closedAtMs <= this.endOfThirdBusinessDay[this.localDay(plan.receivedAtMs) - o.calendar.firstDay]! : null;
    const letter = plan.channel === 'letter' || c.withoutContact;
    rows.complaints.push([
      id, c.reference, plan.channel, s.status, copyText(c.customer.name), c.email === null ? NULL : c.customer.copyEmail,
      c.phone === null ? NULL : c.customer.copyPhone, plan.locale, plan.country,
      letter ? copyText(`${STREETS[plan.n % STREETS.length]}\n${CITIES[plan.n % CITIES.length]}`) : NULL,
      c.text.copySubject, c.text.copyDescription, c.classified ? plan.category : NULL, c.classified ? plan.product : NULL, o.pinHash,
      iso(plan.receivedAtMs), iso(life.recordedAtMs), iso(life.lastAtMs),
      clock ? clock.stage : NULL, clock ? iso(clock.clockStartMs) : NULL, clock ? iso(clock.warningAtMs) : NULL, clock ? iso(clock.deadlineMs) : NULL,
      copyBool(clock?.pausedAtMs != null), String(s.round), s.closure ?? NULL, escalationLevel,
      s.assignee ?? NULL, s.team ?? NULL, s.classification?.department ?? NULL, s.classification?.severity ?? NULL,
      copyTime(answerDue), s.acknowledgedAt ?? NULL, s.closedAt ?? NULL, o.pinned.versionId, String(lastSeq),
      copyJson(snapshot), o.pinned.definitionId, String(o.pinned.version), copyText(o.pinned.contentHash), c.text.copyVector,
      c.email === null ? NULL : c.customer.emailHash, c.phone === null ? NULL : c.customer.phoneHash, o.calendarId,
      copyTime(c.prior), copyNumber(resolutionMinutes), copyBool(within3), String(s.counters.breaches),
    ].join('\t'));
    for (const e of life.events) {
      rows.complaint_events.push(`${id}\t${e.seq}\t${e.type}\t${copyText(e.actorId)}\t${e.actorRole}\t${iso(e.atMs)}\t${copyJson(e.data)}`);
    }
    for (const p of life.proposals) {
      rows.complaint_proposals.push(`${id}\t${p.round}\t${p.outcome}\t${p.remedy}\t${copyNumber(p.amount)}\t${copyText(p.currency)}\t${iso(p.proposedAtMs)}\t${p.answer ?? NULL}\t${copyTime(p.answeredAtMs)}`);
    }
    for (const run of life.clockRuns) rows.complaint_stage_clocks.push(clockRow(id, run.stage, run.startedAtMs, run.deadlineAtMs, run.endedAtMs, run.breached));
    if (clock) rows.complaint_stage_clocks.push(clockRow(id, clock.stage, clock.startedAtMs, clock.deadlineMs, null, clock.breaches > 0));
    for (const e of life.escalations) rows.complaint_escalations.push(`${id}\t${e.seq}\t${e.stage}\t${e.level}\t${iso(e.atMs)}`);
    for (const a of life.correctiveActions) rows.complaint_corrective_actions.push(`${id}\t${a.id}\t${copyText(a.rootCause)}\t${iso(a.atMs)}`);
    for (const l of life.links) {
      rows.response_links.push(`${l.id}\t${id}\t${l.purpose}\t${copyNumber(l.round)}\t${copyText(l.requestId)}\t${iso(l.expiresAtMs)}\t${copyTime(l.revokedAtMs)}\t${copyTime(l.usedAtMs)}\t${iso(l.createdAtMs)}`);
    }
    const sv = life.survey;
    if (sv) rows.survey_answers.push(`${id}\t${sv.linkId}\t${sv.handling}\t${sv.outcome}\t${copyWords(sv.reasons)}\t${copyText(sv.comment)}\t${sv.language}\t${iso(sv.answeredAtMs)}`);
    return 1 + life.events.length + life.proposals.length + life.clockRuns.length + (clock ? 1 : 0) + life.escalations.length +
      life.correctiveActions.length + life.links.length + (sv ? 1 : 0);
  }

  private localDay(ms: number): number {
    const hour = Math.floor(ms / HOUR);
    let day = this.localDays.get(hour);
    if (day === undefined) {
      day = zonedParts(this.o.calendar.timeZone, hour * HOUR).dayNumber;
      this.localDays.set(hour, day);
    }
    return day;
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

function clockRow(id: string, stage: string, startedAtMs: number, deadlineMs: number, endedAtMs: number | null, breached: boolean): string {
  return `${id}\t${stage}\t${iso(startedAtMs)}\t${iso(deadlineMs)}\t${copyTime(endedAtMs)}\t${breached ? 't' : 'f'}`;
}

function nextEscalation(clock: { warned: boolean; warningAtMs: number; nextBreachAtMs: number }): string | null {
  const next = clock.warned ? clock.nextBreachAtMs : Math.min(clock.warningAtMs, clock.nextBreachAtMs);
  return Number.isFinite(next) ? iso(next) : null;
}

/**
 * Arrival instants over the two years before now, oldest first, on whole minutes: more on
 * weekdays and in the day than at night, and a business that grows (twice as many at the end).
 */
export function arrivalTimes(r: Random, count: number, nowMs: number): Float64Array {
  const from = nowMs - SPAN_MS;
  const times = new Float64Array(count);
  const hours = weights([0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1, 2.5, 5, 6, 6, 5, 5.5, 6, 6, 5.5, 5, 4, 3.5, 3, 2.5, 1.5, 0.8].map((w, h) => [h, w] as const));
  for (let i = 0; i < count; i++) {
    let t: number;
    do {
      // Density growing linearly from 2/3 to 4/3 of the mean: inverse of its CDF.
      const u = r();
      const x = (-2 / 3 + Math.sqrt(4 / 9 + (4 / 3) * u)) / (2 / 3);
      const day = Math.floor(x * 730);
      const weekday = new Date(from + day * DAY).getUTCDay();
      if ((weekday === 0 || weekday === 6) && r.chance(0.55)) continue;
      // Hours of the day in Türkiye's time (UTC+3), as the day's UTC offset.
      t = from - (from % DAY) + day * DAY + (r.weighted(hours) - 3) * HOUR + r.int(0, 59) * MINUTE;
      if (t <= nowMs - MINUTE && t >= from) break;
    } while (true);
    times[i] = t;
  }
  return times.sort();
}

/** Per day index of the calendar: the end of the third business day after it (FCA's figure). */
function thirdBusinessDayEnds(c: CompiledCalendar): Float64Array {
  const ends = new Float64Array(c.dayCount).fill(Infinity);
  const isWorkDay = (d: number) => c.dayFirst[d + 1]! > c.dayFirst[d]!;
  for (let d = 0; d < c.dayCount; d++) {
    const after = c.workDayRank[d]! + (isWorkDay(d) ? 1 : 0);
    const third = c.workDays[after + 2];
    if (third !== undefined) ends[d] = c.end[c.dayFirst[third + 1]! - 1]!;
  }
  return ends;
}

export function ascii(s: string): string {
  return s.toLocaleLowerCase('tr').normalize('NFD').replace(/ı/g, 'i').replace(/ə/g, 'e').replace(/[^a-z]/g, '');
}

/** A well-formed Turkish mobile number (+90 5xx), distinct per customer. */
export function turkishMobile(seed: number, index: number): string {
  const n = (index * 7_919 + (seed % 1_000) * 1_000_003) % 10_000_000;
  const digits = String(n).padStart(7, '0');
  const operator = 530 + (Math.floor(index / 10_000_000) % 30);
  return `+90 ${operator} ${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}`;
}
