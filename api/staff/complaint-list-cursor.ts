// The opaque cursor of GET /v1/complaints: where the previous page ended, for which sort and
// which filters, signed so that a client can neither forge a position nor reuse a cursor with
// other filters (each would be a 400, never a wrong page).
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { PagePosition } from '../../read-model/complaint-search.js';

const payloadSchema = z.object({
  v: z.literal(1),
  /** Digest of the sort and filters the cursor was made for. */
  f: z.string(),
  k: z.union([z.literal('infinity'), z.iso.datetime()]),
  i: z.uuid(),
});

export interface ListCursors {
  encode(position: PagePosition, searchDigest: string): string;
  /** The position, or a message saying why the cursor is not one of ours for this search. */
  decode(cursor: string, searchDigest: string): PagePosition | { refused: string };
  /** A digest of what a cursor is bound to (the query without `cursor` and `limit`). */
  digest(search: Record<string, unknown>): string;
}

export function listCursors(linkSigningSecret: string): ListCursors {
  const key = Buffer.from(hkdfSync('sha256', linkSigningSecret, 'plaint', 'complaint list cursor v1', 32));
  const mac = (body: string) => createHmac('sha256', key).update(body).digest().subarray(0, 16);
  return {
    encode(position, searchDigest) {
      const body = Buffer.from(JSON.stringify({ v: 1, f: searchDigest, k: position.key, i: position.id })).toString('base64url');
      return `${body}.${mac(body).toString('base64url')}`;
    },
    decode(cursor, searchDigest) {
      const [body, signature, extra] = cursor.split('.');
      if (!body || !signature || extra !== undefined) return { refused: 'not a cursor this API gave out' };
      const given = Buffer.from(signature, 'base64url');
      const expected = mac(body);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { refused: 'not a cursor this API gave out' };
      let parsed: z.infer<typeof payloadSchema>;
      try {
        parsed = payloadSchema.parse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
      } catch {
        return { refused: 'not a cursor this API gave out' };
      }
      if (parsed.f !== searchDigest) return { refused: 'this cursor belongs to a search with other filters or another sort' };
      return { key: parsed.k, id: parsed.i };
    },
    digest(search) {
      const canonical = Object.keys(search)
        .filter((k) => k !== 'cursor' && k !== 'limit' && search[k] !== undefined)
        .sort()
        .map((k) => [k, search[k]]);
      return createHmac('sha256', key).update(JSON.stringify(canonical)).digest().subarray(0, 12).toString('base64url');
    },
  };
}
