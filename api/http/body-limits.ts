// Each route group reads at most so many bytes of a body: a bigger one is refused with 413 before
// it is parsed (by its Content-Length when it has one, else as soon as the stream passes the
// limit), so no request can make the API hold megabytes in memory.
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DomainError } from '../../domain/errors.js';

/**
 * Bytes per route group. The biggest valid body of each, with every character JSON-escaped
 * (`\uXXXX`, 6 bytes), still fits: intake ≈ 10,800 characters of text, a decision ≈ 5,200, a
 * customer answer 5,000, a tracking request a reference and a PIN. Calendar overrides (staff) are the
 * exception: a set of a few hundred plainly written entries fits, not every entry at its longest. A
 * process definition carries external remedies' texts per country and language (2,000 characters a
 * description). Every route that takes a body falls in a named group (test/api/http/body-limits.test.ts
 * walks them); `other` is what is left (webhooks of a few fields, bodies no route reads).
 */
export const BODY_LIMIT_BYTES = {
  intake: 128 * 1024,
  staff: 64 * 1024,
  processDefinitions: 512 * 1024,
  /** A customer's answer to a signed link, by JSON or by its page (and a survey: 1,000 characters of comment). */
  customerAnswer: 64 * 1024,
  tracking: 4 * 1024,
  /** A platform's complaint: its transcript renders to at most a description's 10,000 characters, plus a time per message. */
  integrations: 128 * 1024,
  /** The complaint form with its attachments; the app sets it from the form's limits (complaintFormBodyLimit). */
  complaintForm: 20 * 1024 * 1024 + 256 * 1024,
  /** A raw e-mail (POST /v1/inbound/email); the app sets it from INBOUND_EMAIL_MAX_BYTES. */
  inboundEmail: 30 * 1024 * 1024,
  /** The console's New complaint form: a description of 10,000 characters, form-encoded (up to 9 bytes a character). */
  consoleIntake: 128 * 1024,
  /** Every other console form: a decision's 5,000 characters of note, form-encoded, fit a typical text many times over. */
  console: 32 * 1024,
  /** The Temporal UI's codec server: a page of a history's payloads (staff only, after authentication is cheap to refuse). */
  codec: 4 * 1024 * 1024,
  other: 16 * 1024,
} as const;

export type BodyLimitGroup = keyof typeof BODY_LIMIT_BYTES;

/** Staff JSON routes besides /v1/complaints/…: the directory, queues, classifications, calendars, API keys, retention runs. */
const STAFF_PREFIXES = [
  '/v1/complaints/',
  '/v1/calendars/',
  '/v1/staff',
  '/v1/teams',
  '/v1/departments',
  '/v1/organisation-roles',
  '/v1/queues',
  '/v1/classifications',
  '/v1/api-keys',
  '/v1/retention/',
];

/** The route group whose limit applies to `path`. */
export function bodyLimitGroup(path: string): BodyLimitGroup {
  if (path === '/v1/complaints') return 'intake';
  if (path === '/v1/inbound/email') return 'inboundEmail';
  if (path.startsWith('/v1/process-definitions') || path.startsWith('/v1/process-selection')) return 'processDefinitions';
  if (STAFF_PREFIXES.some((prefix) => path.startsWith(prefix))) return 'staff';
  if (path === '/v1/track' || path === '/track') return 'tracking';
  if (path.startsWith('/v1/integrations/')) return 'integrations';
  if (path === '/complaints/new') return 'complaintForm';
  if (path.startsWith('/codec/') || path.startsWith('/console/codec/')) return 'codec';
  if (path.startsWith('/v1/responses/') || path.startsWith('/r/') || path.startsWith('/v1/surveys/') || path.startsWith('/s/')) return 'customerAnswer';
  if (path === '/console/complaints/new') return 'consoleIntake';
  if (path.startsWith('/console/')) return 'console';
  return 'other';
}

/** A group's own limit and answer (an HTML page answers with a page, not JSON). */
export interface BodyLimitOverride {
  maxBytes: number;
  onTooLarge?: (c: Context) => Response | Promise<Response>;
}

/** One middleware for the whole app: the limit of the request's route group. */
export function bodyLimits(overrides: Partial<Record<BodyLimitGroup, BodyLimitOverride>> = {}): MiddlewareHandler {
  const limiters = new Map(
    Object.entries(BODY_LIMIT_BYTES).map(([group, bytes]) => {
      const own = overrides[group as BodyLimitGroup];
      const maxSize = own?.maxBytes ?? bytes;
      return [group, bodyLimit({ maxSize, onError: own?.onTooLarge ?? ((c: Context) => tooLarge(c, maxSize)) })];
    }),
  );
  return (c, next) => limiters.get(bodyLimitGroup(c.req.path))!(c, next);
}

function tooLarge(_c: Context, maxSize: number): never {
  throw new DomainError('PAYLOAD_TOO_LARGE', `The body is larger than ${maxSize / 1024} KiB, the most this route takes`, {
    maxBytes: maxSize,
  });
}
