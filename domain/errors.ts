/** The closed list of error codes. Each maps to one HTTP status and one Temporal failure type. */
export const ERROR_CODES = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  /** The API key's lifetime (or the grace of its rotation) is over: use its successor or ask for a new one. */
  API_KEY_EXPIRED: 401,
  /** The API key was revoked by an administrator. */
  API_KEY_REVOKED: 401,
  NOT_ALLOWED_FOR_ROLE: 403,
  /** A session cookie came with a request from a page of another origin (a forged request): it counts for nothing. */
  FOREIGN_ORIGIN: 403,
  /** An agent claimed from the queue of a team they are not an (active) member of (staff_team_members). */
  NOT_TEAM_MEMBER: 403,
  NOT_FOUND: 404,
  /** A team's work queue has no complaint left to claim (POST /v1/queues/{team}/claim). */
  QUEUE_EMPTY: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  /** A process migration does not apply to this complaint now; `details.reason` says why (domain/lifecycle/migration.ts). */
  NOT_MIGRATABLE: 409,
  GONE: 410,
  /** The caller's `If-Match` names a sequence the complaint (or a revision the selection rules) has moved past: someone else changed it first. */
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  DEFINITION_INVALID: 422,
  /**
   * The request matches the OpenAPI document, but a rule the document cannot state refuses it: two
   * fields out of order (`to` before `from`), a time window that moves with the clock (a receipt
   * more than N days back), an id that must name something that exists (a directory team), an
   * opaque cursor this API did not give out. `details` names each field, as VALIDATION_FAILED does.
   * A 400 means "off the document"; a 422 "on the document, refused by a rule it describes in words".
   */
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  /** The read model holds another transition under a sequence number the workflow reuses (a reset). */
  READ_MODEL_DIVERGED: 500,
  TEMPORARILY_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** One entry per bad field: `path` is dotted (`customer.email`), as the client sent it. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** A failure the caller caused (bad input, forbidden, refused transition): never retried. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown> | FieldIssue[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isDomainError(err: unknown): err is DomainError {
  return err instanceof DomainError;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && value in ERROR_CODES;
}

/**
 * Error names an activity throws that a retry cannot cure: the same input fails the same way
 * (calendar arithmetic outside its years, a clock in the wrong state, an unknown calendar). The
 * workflow's activity options make them non-retryable, and the workflow records them as incidents
 * instead of holding every timer and decision behind an activity that retries forever.
 */
export const DETERMINISTIC_ACTIVITY_ERRORS = [
  'RangeError',
  'CalendarRangeError',
  'ClockStateError',
  'DomainError',
  'UnreachableError',
] as const;
