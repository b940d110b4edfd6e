// The `If-Match` request header of a conditional change: an ETag this API gave out, or `*`.
import { z } from '@hono/zod-openapi';

export const IF_MATCH_PATTERN = /^(?:(?:W\/)?"\d{1,9}"|\*)$/;

/** `what` names the resource in the error (`this complaint`); `example` is one of its ETags. */
export function ifMatchHeader(what: string, example: string, description: string) {
  return z
    .string()
    .regex(IF_MATCH_PATTERN, `expected an ETag of ${what}, like ${example}`)
    .optional()
    .meta({ description, example });
}
