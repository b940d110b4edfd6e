// A customer who complained by phone gets the short SMS text in the outbox row, not the letter;
// staff still read the letter's subject.
import { randomInt, randomUUID } from 'node:crypto';
import { DataKeyStore } from '../../security/data-keys.js';
import type { Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectDatabase } from '../../db/connect.js';
import { countSmsSegments } from '../../domain/sms-segments.js';
import { writeMessages } from '../../read-model/outbox.js';
import { TEST_ENCRYPTION_KEYS } from '../helpers/integration.js';

let sql: Sql;
beforeAll(() => {
  sql = connectDatabase(inject('databaseUrl'), { max: 2 });
});
afterAll(() => sql.end());

async function complaint(channel: string, contact: { email?: string; phone?: string }, locale: string) {
  const id = randomUUID();
  const reference = `PLT-2026-${String(randomInt(10 ** 6)).padStart(6, '0')}`;
  await sql`
    INSERT INTO complaints (id, reference, channel, status, customer_name, customer_email, customer_phone, customer_locale, subject, description, pin_hash, received_at)
    VALUES (${id}, ${reference}, ${channel}, 'received', 'Ayşe Yılmaz', ${contact.email ?? null}, ${contact.phone ?? null}, ${locale}, 'Fatura', 'Fazla ücret', 'x', now())`;
  return { id, reference };
}

async function write(complaintId: string) {
  const dataKeys = new DataKeyStore(sql, TEST_ENCRYPTION_KEYS);
  await sql.begin((tx) =>
    writeMessages(tx, { publicBaseUrl: 'https://sikayet.ornek.com.tr', staffLocale: 'tr', timeZoneOf: () => 'Europe/Istanbul', dataKeys }, {
      complaintId, seq: 1, at: new Date().toISOString(), calendarId: 'TR',
      messages: [{ audience: 'customer', template: 'reinvestigation_started', params: { dueAt: '2026-12-21T14:00:00Z' } }],
    }),
  );
  const [row] = await sql<{ channel: string; recipient: string; subject: string; body: string }[]>`
    SELECT channel, recipient, subject, body FROM outbox_messages WHERE complaint_id = ${complaintId}`;
  // At rest the recipient and the rendered text are sealed with the complaint's data key.
  for (const field of ['recipient', 'subject', 'body'] as const) expect(row![field]).toMatch(/^pd1\./);
  return dataKeys.openDeep(row!);
}

describe('writeMessages for an SMS customer', () => {
  it('stores the short Turkish SMS text with the tracking link, within three segments', async () => {
    const c = await complaint('phone', { phone: '+905321234567' }, 'tr');
    const row = await write(c.id);
    expect(row).toMatchObject({ channel: 'sms', recipient: '+905321234567' });
    expect(row.subject).toContain('yeniden');
    expect(row.body).toBe(
      `${c.reference}: Şikâyetinizi yeniden inceliyoruz. Yanıtımız için son tarih: 21 Aralık 2026 17:00. Ayrıntılar:\n` +
        `https://sikayet.ornek.com.tr/track?reference=${c.reference}`,
    );
    expect(countSmsSegments(row.body).segments).toBeLessThanOrEqual(3);
  });

  it('keeps the letter for an e-mail customer', async () => {
    const c = await complaint('web', { email: 'ayse@example.com', phone: '+905321234567' }, 'tr');
    const row = await write(c.id);
    expect(row.channel).toBe('email');
    expect(row.body).toMatch(/^Sayın Müşterimiz,\n\n.*yeniden değerlendiriyor/);
  });
});
