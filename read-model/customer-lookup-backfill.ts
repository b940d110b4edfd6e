// Fills the customer lookup hashes of complaints stored before they existed (migration 0017).
// SQL cannot: the key lives in configuration. The jobs process runs it at start; it walks the
// table by id in batches, writes only missing hashes, and so is idempotent and safe to interrupt
// (a value with nothing to hash, such as a phone `n/a`, stays without one and is skipped).
import type { Sql } from 'postgres';
import type { CustomerLookupHasher } from '../security/customer-lookup.js';

const BATCH = 1_000;

/** Hashes every complaint's e-mail and phone that has none yet; answers how many rows it updated. */
export async function backfillCustomerLookupHashes(sql: Sql, hasher: CustomerLookupHasher, opts: { signal?: AbortSignal } = {}): Promise<number> {
  let after = '00000000-0000-0000-0000-000000000000';
  let updated = 0;
  for (;;) {
    if (opts.signal?.aborted) return updated;
    const rows = await sql<{ id: string; customer_email: string | null; customer_phone: string | null }[]>`
      SELECT id, customer_email, customer_phone FROM complaints
      WHERE id > ${after}
        AND ((customer_email IS NOT NULL AND customer_email_hash IS NULL) OR (customer_phone IS NOT NULL AND customer_phone_hash IS NULL))
      ORDER BY id LIMIT ${BATCH}`;
    if (rows.length === 0) return updated;
    after = rows[rows.length - 1]!.id;
    const ids = rows.map((r) => r.id);
    const emails = rows.map((r) => hex(hasher.email(r.customer_email)));
    const phones = rows.map((r) => hex(hasher.phone(r.customer_phone)));
    const result = await sql`
      UPDATE complaints c SET
        customer_email_hash = coalesce(c.customer_email_hash, decode(v.email_hash, 'hex')),
        customer_phone_hash = coalesce(c.customer_phone_hash, decode(v.phone_hash, 'hex'))
      FROM unnest(${ids}::uuid[], ${emails as string[]}::text[], ${phones as string[]}::text[]) AS v(id, email_hash, phone_hash)
      WHERE c.id = v.id AND (v.email_hash IS NOT NULL OR v.phone_hash IS NOT NULL)`;
    updated += result.count;
  }
}

const hex = (b: Buffer | null) => b?.toString('hex') ?? null;
