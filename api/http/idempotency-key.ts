// The Idempotency-Key header, one schema for every route that takes it.
import { z } from '@hono/zod-openapi';

/**
 * 8 to 200 visible ASCII characters (a UUID fits): the key is echoed in a header and stored in
 * PostgreSQL, so no control character, NUL or non-ASCII gets in.
 */
export const idempotencyKeySchema = z
  .string()
  .min(8)
  .max(200)
  .regex(/^[\x21-\x7E]+$/, 'expected visible ASCII characters only (a UUID is a good key)');

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
