// The duplicate finder on a small Turkish data set in a database of its own: near-duplicates of
// one complaint (other casing with İ/I/ı, other word order, a typo), the same customer by keyed
// hash, and complaints that must not be listed (other matters, outside the window, later ones).
import { randomUUID } from 'node:crypto';
import type { Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPossibleDuplicates, type DuplicateFinderSettings } from '../../read-model/possible-duplicates.js';
import { customerLookupHasher } from '../../security/customer-lookup.js';
import { isolatedDatabase } from '../helpers/kpi-database.js';

const hasher = customerLookupHasher('duplicate-finder-test-secret-of-enough-length');
const SETTINGS: DuplicateFinderSettings = { windowDays: 30, similarityThreshold: 0.5 };
const AYSE = { name: 'Ayşe Yılmaz', email: 'ayse.yilmaz@example.com', phone: '+90 532 000 00 17' };
const at = (day: string) => new Date(`${day}T10:00:00+03:00`);

interface Row {
  key: string;
  received: string;
  subject: string;
  description: string;
  customer?: { name: string; email?: string; phone?: string };
}

const LEAK = {
  subject: 'Çamaşır makinesi su sızdırıyor',
  description: 'Geçen ay aldığım çamaşır makinesi iki haftadır alttan su sızdırıyor, mutfak su içinde kalıyor. Servis gelmedi.',
};

const ROWS: Row[] = [
  // The complaint the agent reads.
  { key: 'S0', received: '2026-05-10', ...LEAK, customer: AYSE },
  // Near-duplicates from other customers.
  {
    key: 'CASING',
    received: '2026-05-07',
    subject: 'ÇAMAŞIR MAKİNESİ SU SIZDIRIYOR',
    description: 'GEÇEN AY ALDIĞIM ÇAMAŞIR MAKİNESİ İKİ HAFTADIR ALTTAN SU SIZDIRIYOR, MUTFAK SU İÇİNDE KALIYOR. SERVİS GELMEDİ.',
    customer: { name: 'Mehmet Kaya', email: 'mehmet@example.com' },
  },
  {
    key: 'WORD_ORDER',
    received: '2026-05-05',
    subject: 'Su sızdırıyor: çamaşır makinesi',
    description: 'Servis gelmedi. Mutfak su içinde kalıyor; iki haftadır alttan su sızdırıyor geçen ay aldığım çamaşır makinesi.',
    customer: { name: 'Zeynep Demir', email: 'zeynep@example.com' },
  },
  {
    key: 'TYPO',
    received: '2026-05-08',
    subject: 'Çamaşır makinesi su sızdırıypr',
    description: 'Geçen ay aldıgım çamaşır makinesi iki haftadır alttan su sizdiriyor, mutfak su içinde kalıyor. Servis gelmedi',
    customer: { name: 'Ali Çelik', phone: '0533 111 22 33' },
  },
  // The same customer (her phone, another e-mail address) about something else.
  {
    key: 'SAME_CUSTOMER',
    received: '2026-04-30',
    subject: 'Siparişim gecikti',
    description: 'Üç hafta önce verdiğim buzdolabı siparişi hâlâ teslim edilmedi, kargo takibi güncellenmiyor.',
    customer: { name: 'Ayşe Yılmaz', email: 'ayse.work@example.com', phone: '0532 000 00 17' },
  },
  // The same customer with the same matter, typed in capitals on another day.
  { key: 'BOTH', received: '2026-05-09', subject: LEAK.subject.toLocaleUpperCase('tr-TR'), description: LEAK.description, customer: AYSE },
  // Other matters of other customers: never listed.
  {
    key: 'FRIDGE',
    received: '2026-05-06',
    subject: 'Buzdolabı soğutmuyor',
    description: 'Yeni aldığım buzdolabı soğutma yapmıyor, içindeki yiyecekler bozuldu. Değişim istiyorum.',
    customer: { name: 'Can Öztürk', email: 'can@example.com' },
  },
  {
    key: 'BILLING',
    received: '2026-05-04',
    subject: 'Faturada hatalı tutar',
    description: 'Bu ayki faturamda kullanmadığım bir hizmet için ücret var; iki kez ücret alındı.',
    customer: { name: 'Elif Şahin', email: 'elif@example.com' },
  },
  {
    key: 'OTHER_MACHINE',
    received: '2026-05-03',
    subject: 'Bulaşık makinesi çalışmıyor',
    description: 'Bulaşık makinesi program yarıda kalıyor ve ekranda hata kodu çıkıyor.',
    customer: { name: 'Burak Arslan', email: 'burak@example.com' },
  },
  // The same text outside the 30-day window, and one received after: never listed.
  { key: 'LONG_AGO', received: '2026-03-31', ...LEAK, customer: { name: 'Deniz Aydın', email: 'deniz@example.com' } },
  { key: 'LATER', received: '2026-05-11', ...LEAK, customer: AYSE },
];

let db: { sql: Sql; drop(): Promise<void> };
const ids: Record<string, string> = {};
const references: Record<string, string> = {};

beforeAll(async () => {
  db = await isolatedDatabase();
  for (const [i, row] of ROWS.entries()) {
    const id = randomUUID();
    ids[row.key] = id;
    references[row.key] = `CMP-2026-${String(900_000 + i).padStart(6, '0')}`;
    const customer = row.customer ?? { name: 'Anonim' };
    await db.sql`INSERT INTO complaints ${db.sql({
      id,
      reference: references[row.key]!,
      channel: 'web',
      status: row.key === 'SAME_CUSTOMER' ? 'closed' : 'received',
      customer_name: customer.name,
      customer_email: customer.email ?? null,
      customer_phone: customer.phone ?? null,
      customer_email_hash: hasher.email(customer.email),
      customer_phone_hash: hasher.phone(customer.phone),
      customer_locale: 'tr',
      subject: row.subject,
      description: row.description,
      pin_hash: 'x',
      received_at: at(row.received),
    })}`;
  }
});
afterAll(async () => db?.drop());

const keyOf = (reference: string) => Object.entries(references).find(([, r]) => r === reference)?.[0];
const found = async (settings: DuplicateFinderSettings = SETTINGS) => {
  const duplicates = await findPossibleDuplicates(db.sql, ids.S0!, settings);
  expect(duplicates).not.toBeNull();
  return duplicates!.map((d) => ({ ...d, key: keyOf(d.reference) }));
};

describe('the duplicate finder', () => {
  it('lists the near-duplicates (casing, word order, a typo) and the same customer, the customer and text match first', async () => {
    const list = await found();
    // Trigrams ignore word order: the reordered text scores as high as the same text.
    expect(list.map((d) => d.key)).toEqual(['BOTH', 'CASING', 'WORD_ORDER', 'TYPO', 'SAME_CUSTOMER']);
    expect(Object.fromEntries(list.map((d) => [d.key, d.why]))).toEqual({
      BOTH: 'both',
      CASING: 'similar_text',
      TYPO: 'similar_text',
      WORD_ORDER: 'similar_text',
      SAME_CUSTOMER: 'same_customer',
    });
    // Capitals with İ and I read as the lower-case text itself.
    expect(list.find((d) => d.key === 'CASING')!.score).toBe(1);
    expect(list.find((d) => d.key === 'WORD_ORDER')!.score).toBeGreaterThanOrEqual(0.95);
    expect(list.find((d) => d.key === 'TYPO')!.score).toBeGreaterThanOrEqual(0.5);
    expect(list.find((d) => d.key === 'SAME_CUSTOMER')!.score).toBeLessThan(0.5);
    expect(list.find((d) => d.key === 'SAME_CUSTOMER')).toMatchObject({
      subject: 'Siparişim gecikti',
      status: 'closed',
      receivedAt: at('2026-04-30').toISOString(),
      customer: { name: 'Ayşe Yılmaz', email: 'ayse.work@example.com', phone: '0532 000 00 17' },
    });
  });

  it('leaves out other matters, texts outside the window and complaints received later', async () => {
    const keys = (await found()).map((d) => d.key);
    for (const key of ['FRIDGE', 'BILLING', 'OTHER_MACHINE', 'LONG_AGO', 'LATER', 'S0']) expect(keys).not.toContain(key);
  });

  it('reads the window and the threshold from its settings', async () => {
    expect((await found({ ...SETTINGS, windowDays: 45 })).map((d) => d.key)).toContain('LONG_AGO');
    const strict = (await found({ ...SETTINGS, similarityThreshold: 0.95 })).map((d) => [d.key, d.why]);
    // The typo falls below 0.95; the same customer stays, whatever the text.
    expect(strict).toEqual([['BOTH', 'both'], ['CASING', 'similar_text'], ['WORD_ORDER', 'similar_text'], ['SAME_CUSTOMER', 'same_customer']]);
  });

  it('finds nothing for a letter without e-mail or phone and a text like no other', async () => {
    const [letter] = await db.sql<{ id: string }[]>`
      INSERT INTO complaints (id, reference, channel, status, customer_name, customer_locale, subject, description, pin_hash, received_at)
      VALUES (${randomUUID()}, 'CMP-2026-999999', 'letter', 'received', 'Hasan Koç', 'tr', 'Mağaza personeli kaba davrandı',
              'Kadıköy mağazasındaki temsilci sesini yükseltti ve talebimi dinlemedi.', 'x', ${at('2026-05-10')}) RETURNING id`;
    expect(await findPossibleDuplicates(db.sql, letter!.id, SETTINGS)).toEqual([]);
  });
});

describe('the finder\'s time limit', () => {
  it('answers null, not an error, when the search outlasts its time (here: a table lock held elsewhere)', async () => {
    const locker = await db.sql.reserve();
    try {
      await locker`BEGIN`;
      await locker`LOCK TABLE complaints IN ACCESS EXCLUSIVE MODE`;
      const started = Date.now();
      expect(await findPossibleDuplicates(db.sql, ids.S0!, SETTINGS, 200)).toBeNull();
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await locker`ROLLBACK`;
      locker.release();
    }
    expect(await findPossibleDuplicates(db.sql, ids.S0!, SETTINGS, 200)).not.toBeNull();
  });
});

describe('the Turkish-aware lower case (migration 0030)', () => {
  it('maps I to ı and İ to i where lower() maps both to i, so capitals meet their lower-case text', async () => {
    const [row] = await db.sql<{ ours: string; plain: string; ours_score: number; plain_score: number }[]>`
      SELECT plaint_turkish_lower('KAPI KIRILDI, ISITICI ISINMIYOR; İADE İSTİYORUM') AS ours,
             lower('KAPI KIRILDI, ISITICI ISINMIYOR; İADE İSTİYORUM') AS plain,
             similarity(plaint_turkish_lower('KAPI KIRILDI, ISITICI ISINMIYOR'), plaint_turkish_lower('kapı kırıldı, ısıtıcı ısınmıyor')) AS ours_score,
             similarity(lower('KAPI KIRILDI, ISITICI ISINMIYOR'), lower('kapı kırıldı, ısıtıcı ısınmıyor')) AS plain_score`;
    expect(row!.ours).toBe('kapı kırıldı, ısıtıcı ısınmıyor; iade istiyorum');
    expect(row!.plain).not.toBe(row!.ours);
    expect(row!.ours_score).toBe(1);
    expect(row!.plain_score).toBeLessThan(0.5);
  });

  it('keeps ç, ğ, ı, ö, ş, ü letters of their own (no accent folding): kır and kir differ', async () => {
    const [row] = await db.sql<{ folded: string; differ: boolean }[]>`
      SELECT plaint_turkish_lower('ÇĞÖŞÜ Âşık') AS folded, plaint_turkish_lower('KIR') <> plaint_turkish_lower('kir') AS differ`;
    expect(row).toEqual({ folded: 'çğöşü âşık', differ: true });
  });
});

describe('the finder\'s plan', () => {
  it('reads the time-led trigram index for the text and the hash indexes for the customer', async () => {
    const plan = await db.sql.begin(async (tx) => {
      // A few rows make a sequential scan cheapest; forbid it to see that the indexes serve these conditions.
      await tx`SET LOCAL enable_seqscan = off`;
      await tx`SET LOCAL pg_trgm.similarity_threshold = 0.5`;
      const text = await tx.unsafe(`EXPLAIN (FORMAT TEXT)
        SELECT id FROM complaints c
        WHERE c.received_at >= '2026-04-10' AND c.received_at < '2026-05-10'
          AND plaint_duplicate_text(c.subject, c.description) % 'çamaşır makinesi su sızdırıyor'
        UNION
        SELECT id FROM complaints c WHERE c.customer_email_hash = '\\x00'::bytea AND c.received_at < now()`);
      return text.map((r) => Object.values(r)[0]).join('\n');
    });
    expect(plan).toContain('complaints_duplicate_text_idx');
    expect(plan).toContain('complaints_customer_email_hash_idx');
  });
});
