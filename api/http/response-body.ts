// Every JSON answer is parsed through the schema the OpenAPI document gives it, so a client never
// gets a body off the document. A body that fails its own schema is our bug, not the caller's:
// it must not leave as the ZodError a request's bad field is (which renderError answers with 400),
// but as a ResponseSchemaError, answered 500 with the issues logged (api/http/errors.ts).
import type { z } from '@hono/zod-openapi';
import type { ZodError } from 'zod';

/** A response body that does not match its route's response schema (a server bug). */
export class ResponseSchemaError extends Error {
  override readonly name = 'ResponseSchemaError';
  /** Where the body is off its schema, for the log: `refusals.0.type: expected string, received undefined`. */
  readonly issues: string[];
  constructor(cause: ZodError) {
    const issues = cause.issues.map((i) => `${i.path.map(String).join('.') || '(body)'}: ${i.message}`);
    super(`the response body does not match its schema (${issues.slice(0, 5).join('; ')})`, { cause });
    this.issues = issues;
  }
}

/** `body` as `schema` parses it (defaults, stripped keys); throws ResponseSchemaError when it does not match. */
export function responseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ResponseSchemaError(parsed.error);
  return parsed.data;
}
