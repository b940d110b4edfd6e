// POST /v1/complaints: intake, from the web form (keyless, rate-limited) or from staff (any channel).
import { createRoute, OpenAPIHono, z, type Hook } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import { DomainError } from '../../domain/errors.js';
import type { AppEnv } from '../http/app-env.js';
import type { Actor } from '../http/auth.js';
import { clientAddress, clientNetwork, type ClientAddressHasher } from '../http/client-address.js';
import { intakeRequestSchema, intakeResponseSchema, type IntakeRequest } from './intake.schemas.js';
import { COMPLAINT_LINKS } from '../http/links.js';
import { errorResponses, fieldIssues, unprocessableError, validationError } from '../http/errors.js';
import type { FieldIssue } from '../../domain/errors.js';
import { receiptTime } from '../../domain/receipt-time.js';
import type { AgentIntakeSettings } from '../../config/agent-intake.js';
import { idempotencyKeySchema } from '../http/idempotency-key.js';
import { fileComplaint, type IntakeDeps } from './file-complaint.js';
import type { RateLimiter } from '../http/rate-limit.js';
import { validationHook } from '../http/validation.js';
import { responseBody } from '../http/response-body.js';
import { access } from '../http/access-matrix.js';

const fileRoute = createRoute({
  method: 'post',
  path: '/',
  middleware: [access('POST /v1/complaints')] as const,
  summary: 'File a complaint',
  description:
    'Starts the complaint\'s workflow and answers with its reference and a tracking PIN (shown once). ' +
    'When the workflow service is unavailable the complaint is still stored and answered with 202 and the same ' +
    'body; its workflow starts within a minute. ' +
    'Without an API key only `channel: web` is accepted, rate-limited per client address (every request counts, ' +
    'valid or not). The body may be at most 128 KiB (413 PAYLOAD_TOO_LARGE). ' +
    'Send an `Idempotency-Key` header to make retries safe.',
  request: {
    headers: z.object({
      'idempotency-key': idempotencyKeySchema.optional().meta({
        description: 'Retries with the same key return the same complaint. Keys are kept per caller: per staff key, or per client address without one.',
      }),
    }),
    body: { required: true, content: { 'application/json': { schema: intakeRequestSchema } } },
  },
  responses: {
    201: { description: 'Filed', content: { 'application/json': { schema: intakeResponseSchema } }, links: COMPLAINT_LINKS },
    202: {
      description: 'Filed and stored, but the workflow service was unavailable: its workflow starts shortly (keep the PIN)',
      content: { 'application/json': { schema: intakeResponseSchema } },
    },
    200: { description: 'Already filed with this Idempotency-Key', content: { 'application/json': { schema: intakeResponseSchema } } },
    ...errorResponses(400, 401, 403, 409, 413, 422, 429),
  },
});

export function intakeRoutes(
  deps: IntakeDeps & { trustProxy: boolean; hashClientAddress: ClientAddressHasher; log: Logger; agentIntake: AgentIntakeSettings },
) {
  return new OpenAPIHono<AppEnv>({ defaultHook: intakeValidationHook(deps.agentIntake) })
    .openapi(
      fileRoute,
      async (c) => {
        const body = c.req.valid('json');
        const actor = c.get('actor');
        admitCaller(actor, body.channel);
        const entry = checkAgentEntry(body, deps.agentIntake, new Date());
        // The body fits the document; a receipt outside the window or an office not configured is a rule's 422.
        if (entry.issues.length > 0) throw unprocessableError(entry.issues);
        const key = c.req.valid('header')['idempotency-key'];
        const scopedKey = key && callerScopedKey(actor, deps.hashClientAddress(clientAddress(c, deps.trustProxy)), key);
        const filedBy = { receivedAt: entry.receivedAt, ...(actor ? { enteredBy: { id: actor.id, role: actor.role } } : {}) };
        const { response, created, workflowPending } = await fileComplaint(deps, body, scopedKey, filedBy);
        c.header('Location', `/v1/complaints/${response.reference}`);
        if (workflowPending) {
          // Ids only: the body and the PIN are personal.
          deps.log.warn(
            { requestId: c.get('requestId'), complaintId: response.id },
            'complaint stored but its workflow could not start (Temporal unavailable); the intake reconciler will start it',
          );
          return c.json(responseBody(intakeResponseSchema, response), 202);
        }
        return c.json(responseBody(intakeResponseSchema, response), created ? 201 : 200);
      },
    );
}

/**
 * Counts a keyless POST /v1/complaints against its address's budget. Mounted before the body is
 * read, so malformed, invalid and oversized requests count too; staff requests are not limited.
 */
export function keylessIntakeAdmission(deps: { publicIntakeLimiter: RateLimiter; trustProxy: boolean }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!c.get('actor')) {
      // By network: an IPv6 client holds a whole /64 and could otherwise rotate past the budget.
      const verdict = await deps.publicIntakeLimiter.hit(clientNetwork(clientAddress(c, deps.trustProxy)));
      if (!verdict.allowed) {
        c.header('Retry-After', String(verdict.retryAfterSeconds));
        throw new DomainError('RATE_LIMITED', 'Too many complaints from this address; retry later');
      }
    }
    await next();
  };
}

/**
 * The checks of a staff entry that depend on config and the clock: the received time (not in the
 * future, not further back than INTAKE_BACKDATE_MAX_DAYS) and the office. Takes the raw body too
 * (for the validation hook), so a refusal names these fields with the schema's, all at once.
 */
function checkAgentEntry(body: { receivedAt?: unknown; frontOffice?: unknown }, settings: AgentIntakeSettings, now: Date): { issues: FieldIssue[]; receivedAt: string } {
  const issues: FieldIssue[] = [];
  const given = typeof body.receivedAt === 'string' ? body.receivedAt : undefined;
  const receipt = receiptTime(given, now, settings.backdateMaxDays);
  if (!receipt.ok && given !== undefined && !Number.isNaN(Date.parse(given))) issues.push({ path: 'receivedAt', message: receipt.message });
  const office = body.frontOffice;
  if (typeof office === 'string' && !settings.frontOffices.some((o) => o.id === office)) {
    const known = settings.frontOffices.map((o) => o.id).join(', ');
    issues.push({ path: 'frontOffice', message: `unknown office '${office}'; the offices are: ${known}` });
  }
  return { issues, receivedAt: receipt.ok ? receipt.receivedAt : now.toISOString() };
}

/** The shared validation hook, adding the entry's own checks so that one refusal names every bad field. */
function intakeValidationHook(settings: AgentIntakeSettings): Hook<any, any, any, any> {
  return async (result, c) => {
    if (result.success || result.target !== 'json') return validationHook(result, c);
    const issues = fieldIssues(result.error.issues);
    const raw: unknown = await c.req.json().catch(() => undefined);
    if (raw !== null && typeof raw === 'object') {
      for (const extra of checkAgentEntry(raw, settings, new Date()).issues) {
        if (!issues.some((i) => i.path === extra.path)) issues.push(extra);
      }
    }
    throw validationError(issues);
  };
}

/** Keyless callers file web complaints only (which roles file with a key: the access matrix). */
function admitCaller(actor: Actor | undefined, channel: string) {
  if (actor) return;
  if (channel !== 'web') throw new DomainError('UNAUTHENTICATED', 'Only web complaints can be filed without a staff API key');
}

/**
 * The ledger key of a caller's Idempotency-Key: per staff user, and per client address for keyless
 * callers (as a keyed hash: the ledger holds no address, and IPv4's few billion cannot be tried
 * back without the secret). One caller can neither replay another's response (and PIN) by
 * guessing its key, nor learn from a 409 that someone else used it.
 */
export function callerScopedKey(actor: Actor | undefined, addressHash: string, key: string): string {
  return actor ? `staff:${actor.id}:${key}` : `public:${addressHash.slice(0, 32)}:${key}`;
}
