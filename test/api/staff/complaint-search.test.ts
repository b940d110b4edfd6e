// GET /v1/complaints: every filter, sorting and keyset pagination against rows of our own (written
// straight into the read model, each scoped by a product of this run), Turkish and English full
// text, the customer lookup by keyed hash on complaints filed through intake, roles and bad input.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../../api/http/errors.js';
import { complaintListSchema } from '../../../api/staff/complaint-list.schemas.js';
import { complaintSchema } from '../../../api/staff/complaints.schemas.js';
import { customerLookupHasher } from '../../../security/customer-lookup.js';
import { complaintDriver } from '../../helpers/complaint-driver.js';
import { bearer, integrationContext, LINK_SIGNING_SECRET, type IntegrationContext } from '../../helpers/integration.js';
import { quietProcess, ROUND_THE_CLOCK } from '../../helpers/process.js';

let ctx: IntegrationContext;
let d: ReturnType<typeof complaintDriver>;
const hasher = customerLookupHasher(LINK_SIGNING_SECRET);
const HOUR = 3_600_000;
const now = Date.now();

interface Row {
  reference: string;
  status: string;
  stage: string | null;
  closure: string | null;
  category: string | null;
  department: string | null;
  team: string | null;
  assignee: string | null;
  channel: string;
  severity: string | null;
  escalationLevel: string | null;
  processVersion: string;
  receivedAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  warningAt: Date | null;
  deadlineAt: Date | null;
  paused: boolean;
  breaches: number;
  locale: string;
  subject: string;
  description: string;
  email: string | null;
}

let seq = 0;
/** A unique reference of this run (the pattern GET /{reference} takes). */
const reference = () => `CMP-2099-${String(Math.floor(Math.random() * 9e8) + 1e9).slice(0, 10)}`;

async function insert(product: string, rows: Row[]): Promise<void> {
  for (const r of rows) {
    await ctx.sql`
      INSERT INTO complaints (id, reference, channel, status, customer_name, customer_email, customer_phone, customer_locale,
        customer_country, subject, description, category, product, pin_hash, received_at, updated_at, closure, stage,
        stage_started_at, stage_warning_at, stage_deadline_at, stage_paused, escalation_level, assignee, team, department,
        severity, closed_at, process_version, calendar_id, breach_count, customer_email_hash, last_seq, recorded_at)
      VALUES (${randomUUID()}, ${r.reference}, ${r.channel}, ${r.status}, 'Test Customer', ${r.email}, null, ${r.locale}, 'TR',
        ${r.subject}, ${r.description}, ${r.category}, ${product}, 'x', ${r.receivedAt}, ${r.updatedAt}, ${r.closure}, ${r.stage},
        ${r.stage ? r.receivedAt : null}, ${r.warningAt}, ${r.deadlineAt}, ${r.paused}, ${r.escalationLevel}, ${r.assignee}, ${r.team},
        ${r.department}, ${r.severity}, ${r.closedAt}, ${r.processVersion}, ${ROUND_THE_CLOCK.id}, ${r.breaches},
        ${hasher.email(r.email)}, ${++seq}, now())`;
  }
  // Keys finer than JavaScript's milliseconds: a cursor that kept only those would repeat rows.
  await ctx.sql`UPDATE complaints SET received_at = received_at + (last_seq % 3) * interval '1 microsecond' WHERE product = ${product}`;
}

const STATUSES = ['received', 'acknowledged', 'investigating', 'awaiting_customer', 'closed'] as const;
const TEAMS = ['team-a', 'team-b', 'team-c'];
const SEVERITIES = ['low', 'medium', 'high', 'critical'];

/** 30 complaints with every filter's values spread over them, deterministic. */
function matrix(): Row[] {
  return Array.from({ length: 30 }, (_, i) => {
    const status = STATUSES[i % STATUSES.length]!;
    const closed = status === 'closed';
    // Pairs share a millisecond: the database adds microseconds to some (insert), so ties and µs both occur.
    const receivedAt = new Date(Date.UTC(2026, 0, 1 + Math.floor(i / 2), 9));
    const risk = i % 4; // 0 fine, 1 past warning, 2 past deadline, 3 paused past warning
    return {
      reference: reference(),
      status,
      stage: closed ? null : (['acknowledgement', 'investigation', 'initialReview'] as const)[i % 3]!,
      closure: closed ? (['accepted', 'withdrawn'] as const)[i % 2]! : null,
      category: ['billing', 'delivery', null][i % 3]!,
      department: ['after_sales', 'logistics'][i % 2]!,
      team: TEAMS[i % 3]!,
      assignee: i % 5 === 1 ? 'test-agent' : i % 5 === 2 ? 'agent-7' : null,
      channel: ['web', 'email', 'phone'][i % 3]!,
      severity: i % 6 === 5 ? null : SEVERITIES[i % 4]!,
      escalationLevel: i % 7 === 0 ? 'teamLead' : 'assignee',
      processVersion: i % 2 === 0 ? 'iso-10002-default@1' : 'iso-10002-default@2',
      receivedAt,
      updatedAt: new Date(Date.UTC(2026, 2, 30 - i, 12)),
      closedAt: closed ? new Date(Date.UTC(2026, 1, 1 + i, 15)) : null,
      warningAt: closed ? null : new Date(now + (risk === 0 ? 5 : -1) * HOUR),
      deadlineAt: closed ? null : new Date(now + (risk === 2 ? -2 : risk === 0 ? 10 : 3) * HOUR + i * 60_000),
      paused: !closed && risk === 3,
      breaches: i % 4 === 2 ? 1 : 0,
      locale: 'tr',
      subject: `Konu ${i}`,
      description: 'Şikayet metni',
      email: null,
    };
  });
}

const errorOf = async (res: Response) => errorBodySchema.parse(await res.json()).error;

async function list(query: string, role: 'agent' | 'supervisor' | 'auditor' | 'admin' = 'agent') {
  const res = await d.app.request(`/v1/complaints?${query}`, { headers: bearer(role) });
  expect(res.status, await res.clone().text()).toBe(200);
  return complaintListSchema.parse(await res.json());
}

/** Every page of a search, following nextCursor. */
async function allPages(query: string, limit: number) {
  const refs: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await list(`${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    refs.push(...page.items.map((i) => i.reference));
    cursor = page.nextCursor;
    if (++pages > 100) throw new Error('pagination does not end');
  } while (cursor);
  return refs;
}

let product: string;
let rows: Row[];
const refsOf = (pred: (r: Row) => boolean) => new Set(rows.filter(pred).map((r) => r.reference));

beforeAll(async () => {
  ctx = await integrationContext();
  await ctx.startWorker();
  d = complaintDriver(ctx, quietProcess());
  product = `search-${randomUUID()}`;
  rows = matrix();
  await insert(product, rows);
});
afterAll(() => ctx.close());

describe('GET /v1/complaints filters', () => {
  const inWarning = (r: Row) => r.warningAt !== null && r.warningAt.getTime() <= Date.now() && !r.paused;
  it.each<[string, (r: Row) => boolean]>([
    ['', () => true],
    ['status=investigating', (r) => r.status === 'investigating'],
    ['status=received,closed', (r) => r.status === 'received' || r.status === 'closed'],
    ['stage=investigation', (r) => r.stage === 'investigation'],
    ['closure=withdrawn', (r) => r.closure === 'withdrawn'],
    ['category=billing,delivery', (r) => r.category === 'billing' || r.category === 'delivery'],
    ['department=logistics', (r) => r.department === 'logistics'],
    ['team=team-b', (r) => r.team === 'team-b'],
    ['assignee=me', (r) => r.assignee === 'test-agent'],
    ['assignee=me,agent-7', (r) => r.assignee !== null],
    ['channel=phone', (r) => r.channel === 'phone'],
    ['severity=high,critical', (r) => r.severity === 'high' || r.severity === 'critical'],
    ['escalationLevel=teamLead', (r) => r.escalationLevel === 'teamLead'],
    ['processVersion=iso-10002-default@2', (r) => r.processVersion === 'iso-10002-default@2'],
    ['atRisk=true', inWarning],
    ['atRisk=false', (r) => !inWarning(r)],
    ['breached=true', (r) => r.breaches > 0],
    ['breached=false', (r) => r.breaches === 0],
    ['receivedFrom=2026-01-10&receivedTo=2026-01-12', (r) => r.receivedAt >= new Date('2026-01-10') && r.receivedAt < new Date('2026-01-13')],
    ['receivedFrom=2026-01-10T09:00:00Z&receivedTo=2026-01-12T09:00:00%2B00:00', (r) => r.receivedAt >= new Date('2026-01-10T09:00Z') && r.receivedAt < new Date('2026-01-12T09:00Z')],
    ['closedFrom=2026-02-05&closedTo=2026-02-20', (r) => r.closedAt !== null && r.closedAt >= new Date('2026-02-05') && r.closedAt < new Date('2026-02-21')],
    ['status=investigating,awaiting_customer&team=team-a,team-c&severity=low,high', (r) =>
      ['investigating', 'awaiting_customer'].includes(r.status) && ['team-a', 'team-c'].includes(r.team!) && ['low', 'high'].includes(r.severity ?? '')],
  ])('%s', async (query, pred) => {
    const expected = refsOf(pred);
    const page = await list(`product=${product}&limit=100&${query}`);
    expect(new Set(page.items.map((i) => i.reference))).toEqual(expected);
    expect(page.total).toEqual({ count: expected.size, exact: true });
  });
});

describe('GET /v1/complaints sorting and pagination', () => {
  const byKey = (key: (r: Row) => number, desc: boolean) =>
    [...rows].sort((a, b) => (desc ? key(b) - key(a) : key(a) - key(b))).map((r) => r.reference);
  it.each<[string, (r: Row) => number]>([
    ['receivedAt', (r) => r.receivedAt.getTime()],
    ['updatedAt', (r) => r.updatedAt.getTime()],
    ['stageDeadline', (r) => r.deadlineAt?.getTime() ?? Infinity],
  ])('orders by %s either way, page after page, each complaint once', async (sort, key) => {
    const descending = await allPages(`product=${product}&sort=-${sort}`, 7);
    expect(new Set(descending).size).toBe(30);
    // Ties (a shared instant, the deadlineless closed ones) come in id order: the keys are compared.
    const keyOf = new Map(rows.map((r) => [r.reference, key(r)]));
    const keys = descending.map((ref) => keyOf.get(ref)!);
    expect(keys).toEqual(byKey(key, true).map((ref) => keyOf.get(ref)!));
    // (key, id) is a total order: ascending is descending backwards, whatever the ties.
    expect(await allPages(`product=${product}&sort=${sort}`, 4)).toEqual([...descending].reverse());
  });

  it('sorts newest received first by default and says where to go next', async () => {
    const page = await list(`product=${product}&limit=5`);
    expect(page.items.map((i) => i.reference)).toEqual((await list(`product=${product}&limit=5&sort=-receivedAt`)).items.map((i) => i.reference));
    const times = page.items.map((i) => Date.parse(i.receivedAt));
    expect(times).toEqual(rows.map((r) => r.receivedAt.getTime()).sort((a, b) => b - a).slice(0, 5));
    expect(page.nextCursor).toEqual(expect.any(String));
    const last = await list(`product=${product}&limit=100`);
    expect(last.nextCursor).toBeNull();
  });

  it('stays stable while complaints are filed between pages: none repeats, none of the first goes missing', async () => {
    const scope = `stable-${randomUUID()}`;
    const first = matrix().slice(0, 10);
    await insert(scope, first);
    const page1 = await list(`product=${scope}&limit=4`);
    // Newer ones (ahead of the cursor) and one older than every other (behind it).
    const newer = matrix().slice(10, 13).map((r, i) => ({ ...r, receivedAt: new Date(Date.UTC(2026, 5, 1 + i)) }));
    // (Still in the past: a complaint received in the future would fall into other tests' "received since" filters.)
    const older = { ...matrix()[20]!, reference: reference(), receivedAt: new Date(Date.UTC(2020, 0, 1)) };
    await insert(scope, [...newer, older]);
    let cursor = page1.nextCursor;
    const seen = page1.items.map((i) => i.reference);
    while (cursor) {
      const page = await list(`product=${scope}&limit=4&cursor=${encodeURIComponent(cursor)}`);
      seen.push(...page.items.map((i) => i.reference));
      cursor = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(first.map((r) => r.reference)));
    expect(seen).toContain(older.reference); // behind the cursor: reached in its turn
    for (const r of newer) expect(seen).not.toContain(r.reference); // ahead of it: on a fresh first page
    expect((await list(`product=${scope}&limit=1`)).items[0]!.reference).toBe(newer[2]!.reference);
  });

  it('refuses an altered cursor, and a cursor reused with other filters or another sort, with 422 on cursor (the cursor fits the document; only the API can tell it is not one it gave out)', async () => {
    const page = await list(`product=${product}&limit=3`);
    const cursor = page.nextCursor!;
    const [body, mac] = cursor.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), k: '2030-01-01T00:00:00.000000Z' })).toString('base64url');
    for (const query of [
      `product=${product}&cursor=${forged}.${mac}`,
      `product=${product}&cursor=${cursor.slice(0, -2)}xx`,
      `product=${product}&cursor=garbage`,
      `product=${product}&status=closed&cursor=${encodeURIComponent(cursor)}`,
      `product=${product}&sort=updatedAt&cursor=${encodeURIComponent(cursor)}`,
    ]) {
      const res = await d.app.request(`/v1/complaints?${query}`, { headers: bearer('agent') });
      expect(res.status, query).toBe(422);
      expect((await errorOf(res)).details).toEqual([expect.objectContaining({ path: 'query.cursor' })]);
    }
    // The limit may change between pages.
    expect((await list(`product=${product}&limit=10&cursor=${encodeURIComponent(cursor)}`)).items).toHaveLength(10);
  });

  it('counts exactly up to 1000 matches and estimates above (exact: false)', async () => {
    const many = `many-${randomUUID()}`;
    await ctx.sql`
      INSERT INTO complaints (id, reference, channel, status, customer_name, customer_locale, subject, description, product, pin_hash, received_at)
      SELECT gen_random_uuid(), 'CMP-2098-' || lpad(g::text, 6, '0') || ${many.slice(5, 9)}, 'web', 'received', 'X', 'en', 'Late parcel', 'It never came', ${many}, 'x',
        now() - g * interval '1 minute'
      FROM generate_series(1, 1001) g`;
    const big = await list(`product=${many}&limit=2`);
    expect(big.total.exact).toBe(false);
    expect(big.total.count).toBeGreaterThan(1000);
    expect(big.items).toHaveLength(2);
    const small = await list(`product=${many}&receivedFrom=${new Date(Date.now() - 10.5 * 60_000).toISOString()}`);
    expect(small.total).toEqual({ count: 10, exact: true });
  });
});

describe('GET /v1/complaints items', () => {
  it('carry the business minutes left to the stage deadline in the complaint\'s calendar, negative once past, none while paused', async () => {
    const page = await list(`product=${product}&limit=100`);
    for (const item of page.items) {
      const row = rows.find((r) => r.reference === item.reference)!;
      if (!row.deadlineAt) {
        expect(item.stage).toBeNull();
        continue;
      }
      if (row.paused) {
        expect(item.stage!.businessMinutesLeft).toBeNull();
        continue;
      }
      // The round-the-clock calendar: every minute is a working one.
      const expected = (row.deadlineAt.getTime() - Date.now()) / 60_000;
      expect(Math.abs(item.stage!.businessMinutesLeft! - expected)).toBeLessThan(1.5);
      expect(Math.sign(item.stage!.businessMinutesLeft!)).toBe(Math.sign(expected));
      expect(item.calendarId).toBe(ROUND_THE_CLOCK.id);
      expect(item.allowedDecisions).toBeNull();
    }
  });
});

describe('GET /v1/complaints full text', () => {
  let scope: string;
  const texts: Record<string, { locale: string; text: string }> = {
    machines: { locale: 'tr', text: 'Makinelerimiz çalışmıyor' },
    inMachine: { locale: 'tr', text: 'Makinede su kaldı' },
    itsMachine: { locale: 'tr', text: 'Çamaşır makinesi bozuldu' },
    refunded: { locale: 'en', text: 'I want a refund for the broken kettle' },
    delivery: { locale: 'en', text: 'The courier delivered to the wrong address' },
    persian: { locale: 'fa', text: 'ماشین لباسشویی خراب است' },
    turkishCaps: { locale: 'tr', text: 'İADE istiyorum' },
  };
  const refs: Record<string, string> = {};
  beforeAll(async () => {
    scope = `text-${randomUUID()}`;
    const base = matrix()[0]!;
    for (const [name, t] of Object.entries(texts)) {
      refs[name] = reference();
      await insert(scope, [{ ...base, reference: refs[name]!, locale: t.locale, subject: t.text, description: 'Ayrıntı yok / no details' }]);
    }
  });
  const search = async (q: string) => new Set((await list(`product=${scope}&q=${encodeURIComponent(q)}`)).items.map((i) => i.reference));
  const named = (...names: string[]) => new Set(names.map((n) => refs[n]!));

  it('finds English words by their stem: refunds finds refund', async () => {
    expect(await search('refunds')).toEqual(named('refunded'));
    expect(await search('delivers couriers')).toEqual(named('delivery'));
    // The English stemmer keeps `deliveri` and `deliv` apart: "deliveries" does not find "delivered".
    expect(await search('deliveries')).toEqual(new Set());
  });

  it('finds Turkish words as the Turkish snowball stemmer sees them', async () => {
    // makineler, makinede and makinelerimiz share the stem `makine`; the stemmer leaves `makinesi`
    // as `makines`, so the plural does not find "makinesi": that is the stemmer, asserted as it is.
    expect(await search('makineler')).toEqual(named('machines', 'inMachine'));
    expect(await search('makinesi')).toEqual(named('itsMachine'));
    expect(await search('iade')).toEqual(named('turkishCaps'));
  });

  it('finds other languages word for word, phrases and exclusions in web search syntax', async () => {
    expect(await search('لباسشویی')).toEqual(named('persian'));
    expect(await search('"wrong address"')).toEqual(named('delivery'));
    expect(await search('"address wrong"')).toEqual(new Set());
    expect(await search('refund or courier')).toEqual(named('refunded', 'delivery'));
    expect(await search('makineler -su')).toEqual(named('machines'));
  });

  it('matches stop words and no words at all without an error', async () => {
    // English vectors drop "the"; no Turkish or simple vector holds it either.
    expect(await search('the')).toEqual(new Set());
    expect((await list(`product=${scope}&q=${encodeURIComponent('   ')}`)).items).toHaveLength(Object.keys(texts).length);
    expect(await search('!!! ??? &|')).toEqual(new Set());
  });
});

describe('GET /v1/complaints customer lookup', () => {
  it('finds complaints filed through intake by e-mail and by phone in any spelling, from their keyed hash', async () => {
    const tag = randomUUID().slice(0, 8);
    const email = `Musteri.${tag}@Example.COM`;
    const digits = String(Math.floor(Math.random() * 9_000_000) + 1_000_000);
    const phone = `+90 533 ${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}`;
    const filed = await d.file({ customer: { name: 'Müşteri', email, phone, locale: 'tr', country: 'TR' } });
    const other = await d.file({ customer: { name: 'Başka', email: `other.${tag}@example.com`, locale: 'tr', country: 'TR' } });
    const [row] = await ctx.sql<{ customer_email_hash: Buffer; customer_phone_hash: Buffer }[]>`
      SELECT customer_email_hash, customer_phone_hash FROM complaints WHERE id = ${filed.id}`;
    expect(row!.customer_email_hash.equals(hasher.email(email)!)).toBe(true);
    expect(row!.customer_phone_hash.equals(hasher.phone(phone)!)).toBe(true);
    for (const spelling of [email, email.toLowerCase(), `  ${email.toUpperCase()} `]) {
      const page = await list(`customerEmail=${encodeURIComponent(spelling)}`);
      expect(page.items.map((i) => i.reference)).toEqual([filed.reference]);
    }
    for (const spelling of [phone, `0533${digits}`, `0090 (533) ${digits.slice(0, 3)}-${digits.slice(3)}`, `90533${digits}`]) {
      const page = await list(`customerPhone=${encodeURIComponent(spelling)}`);
      expect(page.items.map((i) => i.reference), spelling).toEqual([filed.reference]);
    }
    expect((await list(`customerEmail=${encodeURIComponent(`other.${tag}@example.com`)}`)).items.map((i) => i.reference)).toEqual([other.reference]);
    expect((await list(`customerEmail=${encodeURIComponent(`nobody.${tag}@example.com`)}`)).items).toEqual([]);
  });

  it('keeps no plain personal data in any index of the complaints table', async () => {
    const indexes = await ctx.sql<{ indexname: string; indexdef: string }[]>`
      SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'complaints'`;
    expect(indexes.length).toBeGreaterThan(5);
    for (const { indexname, indexdef } of indexes) {
      const columns = indexdef.replace(/customer_(email|phone)_hash/g, '');
      expect(columns, indexname).not.toMatch(/customer_(name|email|phone|postal_address)|pin_hash/);
    }
    expect(indexes.map((i) => i.indexdef).join('\n')).toMatch(/customer_email_hash/);
  });
});

describe('GET /v1/complaints roles and bad input', () => {
  it('answers staff who handle or audit complaints, not process owners nor the public', async () => {
    for (const role of ['agent', 'supervisor', 'auditor', 'admin'] as const) await list(`product=${product}&limit=1`, role);
    const owner = await d.app.request('/v1/complaints', { headers: bearer('process_owner') });
    expect([owner.status, (await errorOf(owner)).code]).toEqual([403, 'NOT_ALLOWED_FOR_ROLE']);
    const anonymous = await d.app.request('/v1/complaints');
    expect(anonymous.status).toBe(401);
  });

  it('answers 400 naming each bad field', async () => {
    const res = await d.app.request(
      '/v1/complaints?status=investigating,lost&severity=urgent&channel=pigeon&stage=nap&closure=maybe&receivedFrom=2026-13-01' +
        '&closedTo=yesterday&limit=0&sort=name&atRisk=yes&breached=1',
      { headers: bearer('agent') },
    );
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('VALIDATION_FAILED');
    const paths = (error.details as { path: string; message: string }[]).map((i) => i.path).sort();
    expect(paths).toEqual(
      ['query.atRisk', 'query.breached', 'query.channel', 'query.closedTo', 'query.closure', 'query.limit', 'query.receivedFrom', 'query.severity', 'query.sort', 'query.stage', 'query.status'].sort(),
    );
    expect((error.details as { path: string; message: string }[]).find((i) => i.path === 'query.status')!.message).toContain('lost');
    for (const [query, path] of [
      ['limit=101', 'query.limit'],
      ['limit=abc', 'query.limit'],
      ['limit=2.5', 'query.limit'],

      ['q=a%00b', 'query.q'],
      [`q=${'x'.repeat(201)}`, 'query.q'],
      ['status=', 'query.status'],
    ] as const) {
      const bad = await d.app.request(`/v1/complaints?${query}`, { headers: bearer('agent') });
      expect(bad.status, query).toBe(400);
      expect((await errorOf(bad)).details, query).toEqual([expect.objectContaining({ path })]);
    }
    // Each fits the document; a rule its description states refuses it (the order of two bounds, a phone with no number).
    for (const [query, path] of [
      ['receivedFrom=2026-03-02&receivedTo=2026-03-01', 'query.receivedFrom'],
      ['closedFrom=2026-03-02T00:00:00Z&closedTo=2026-03-01T23:00:00Z', 'query.closedFrom'],
      ['customerPhone=none', 'query.customerPhone'],
    ] as const) {
      const bad = await d.app.request(`/v1/complaints?${query}`, { headers: bearer('agent') });
      expect(bad.status, query).toBe(422);
      expect((await errorOf(bad)).details, query).toEqual([expect.objectContaining({ path })]);
    }
  });

  it('documents the list in OpenAPI with the shared Complaint schema', async () => {
    const doc = (await (await d.app.request('/openapi.json')).json()) as {
      paths: Record<string, { get?: { parameters: { name: string }[]; responses: Record<string, unknown> } }>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    const names = doc.paths['/v1/complaints']!.get!.parameters.map((p) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(['status', 'stage', 'closure', 'category', 'product', 'department', 'team', 'assignee', 'channel', 'severity',
        'escalationLevel', 'processVersion', 'atRisk', 'breached', 'receivedFrom', 'receivedTo', 'closedFrom', 'closedTo', 'q',
        'customerEmail', 'customerPhone', 'sort', 'limit', 'cursor']),
    );
    expect(JSON.stringify(doc.components.schemas.ComplaintList)).toContain('#/components/schemas/Complaint');
    expect(doc.components.schemas.ComplaintSnapshot).toBeUndefined();
  });
});

describe('one Complaint resource', () => {
  it('is the same in the list and alone, but for allowedDecisions and possibleDuplicates (null in lists)', async () => {
    const email = `tek.${randomUUID()}@example.com`;
    const c = await d.file({ customer: { name: 'Tek Kaynak', email, locale: 'tr', country: 'TR' } });
    await d.waitForStatus(c, 'acknowledged');
    const res = await d.app.request(`/v1/complaints/${c.reference}`, { headers: bearer('agent') });
    const single = complaintSchema.parse(await res.json());
    const listed = (await list(`customerEmail=${encodeURIComponent(email)}`)).items;
    expect(listed).toHaveLength(1);
    const strip = (x: typeof single) => ({ ...x, allowedDecisions: null, possibleDuplicates: null, stage: x.stage && { ...x.stage, businessMinutesLeft: null } });
    expect(strip(listed[0]!)).toEqual(strip(single));
    expect(Object.keys(listed[0]!).sort()).toEqual(Object.keys(single).sort());
    expect(single.allowedDecisions).toEqual(expect.arrayContaining(['classify', 'note']));
    expect(listed[0]!.possibleDuplicates).toBeNull();
    expect(single.possibleDuplicates).toEqual(expect.any(Array));
  });
});

describe('GET /v1/complaints/{reference}', () => {
  const read = (reference: string, role: 'agent' | 'auditor' | 'supervisor' = 'agent', app = d.app) =>
    app.request(`/v1/complaints/${reference}`, { headers: bearer(role) });

  it('carries its sequence as ETag and the decisions the caller\'s role may take now', async () => {
    const c = await d.file();
    await d.waitForStatus(c, 'acknowledged');
    const res = await read(c.reference);
    const body = complaintSchema.parse(await res.json());
    expect(res.headers.get('etag')).toBe(`"${body.seq}"`);
    expect(body.seq).toBeGreaterThan(1);
    expect(body.allowedDecisions).toEqual(expect.arrayContaining(['classify', 'request_info', 'note']));
    expect(body.allowedDecisions).not.toContain('propose_resolution');
    // An auditor takes no decisions at all; a supervisor may mark a duplicate, an agent may not.
    expect(complaintSchema.parse(await (await read(c.reference, 'auditor')).json()).allowedDecisions).toEqual([]);
    expect(complaintSchema.parse(await (await read(c.reference, 'supervisor')).json()).allowedDecisions).toContain('mark_duplicate');
    expect(body.allowedDecisions).not.toContain('mark_duplicate');
  });

  it('shows none once closed, and null (still 200) when the workflow does not answer', async () => {
    const c = await d.file();
    await d.waitForStatus(c, 'acknowledged');
    await d.decideOk(c, { type: 'withdraw', reason: 'The customer called to withdraw it.' });
    expect(complaintSchema.parse(await (await read(c.reference)).json()).allowedDecisions).toEqual([]);
    const open = await d.file();
    await d.waitForStatus(open, 'acknowledged');
    const away = await read(open.reference, 'agent', ctx.app({ temporal: ctx.unreachableTemporal() }));
    expect(away.status).toBe(200);
    expect(complaintSchema.parse(await away.json())).toMatchObject({ reference: open.reference, allowedDecisions: null });
  });
});

describe('decisions with If-Match', () => {
  const note = (text: string) => ({ type: 'note', text }) as const;

  it('answers the Complaint after the decision with its new ETag, and takes a decision whose ETag is current', async () => {
    const c = await d.file();
    await d.waitForStatus(c, 'acknowledged');
    const etag = (await d.app.request(`/v1/complaints/${c.reference}`, { headers: bearer('agent') })).headers.get('etag')!;
    const res = await d.decide(c, note('Called back.'), 'agent', { 'if-match': etag });
    expect(res.status).toBe(200);
    const body = complaintSchema.parse(await res.json());
    expect(body.seq).toBe(Number(etag.replace(/"/g, '')) + 1);
    expect(res.headers.get('etag')).toBe(`"${body.seq}"`);
    expect(body.allowedDecisions).toEqual(expect.arrayContaining(['classify', 'note']));
    // The read model already holds the decision's transition.
    expect((await d.events(c)).at(-1)).toMatchObject({ seq: body.seq, type: 'note' });
  });

  it('refuses a stale If-Match with 412 PRECONDITION_FAILED and changes nothing', async () => {
    const c = await d.file();
    await d.waitForStatus(c, 'acknowledged');
    const etag = (await d.app.request(`/v1/complaints/${c.reference}`, { headers: bearer('agent') })).headers.get('etag')!;
    expect((await d.decide(c, note('First.'))).status).toBe(200);
    const stale = await d.decide(c, note('Second, on what I read before.'), 'agent', { 'if-match': etag });
    expect(stale.status).toBe(412);
    expect((await errorOf(stale)).code).toBe('PRECONDITION_FAILED');
    expect((await d.events(c)).filter((e) => e.type === 'note').map((e) => e.data.text)).toEqual(['First.']);
    const bad = await d.decide(c, note('x'), 'agent', { 'if-match': 'seven' });
    expect([bad.status, (await errorOf(bad)).details]).toEqual([400, [expect.objectContaining({ path: 'header.if-match' })]]);
  });

  it('takes exactly one of two decisions sent at once with the same If-Match', async () => {
    const c = await d.file();
    await d.waitForStatus(c, 'acknowledged');
    const etag = (await d.app.request(`/v1/complaints/${c.reference}`, { headers: bearer('agent') })).headers.get('etag')!;
    const results = await Promise.all([
      d.decide(c, note('Agent one.'), 'agent', { 'if-match': etag }),
      d.decide(c, note('Agent two.'), 'supervisor', { 'if-match': etag }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    expect((await d.events(c)).filter((e) => e.type === 'note')).toHaveLength(1);
  });

  it('documents ETag, If-Match and 412 in OpenAPI', async () => {
    const doc = (await (await d.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { parameters?: { name: string }[]; responses: Record<string, { headers?: Record<string, unknown> }> }>>;
    };
    const decide = doc.paths['/v1/complaints/{reference}/decisions']!.post!;
    expect(decide.parameters!.map((p) => p.name)).toContain('if-match');
    expect(Object.keys(decide.responses)).toContain('412');
    expect(Object.keys(doc.paths['/v1/complaints/{reference}']!.get!.responses['200']!.headers ?? {})).toContain('ETag');
  });
});
