// Who may call which operation: one table, the only place the API's roles are written down. Every
// route takes its roles from here (`access('GET /v1/…')` as its first middleware), the README shows
// it rendered (scripts/render-access-matrix.ts), and test/api/http/access-matrix.test.ts calls every
// operation as every role, without a key and with a wrong key, to check that it is what the API does.
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { ROLES, type Role } from '../../domain/complaint.js';
import { DECIDING_ROLES } from '../../domain/complaint.js';
import { CONTACT_READING_ROLES } from '../../domain/customer-masking.js';
import { DomainError } from '../../domain/errors.js';
import type { AuthVariables } from './auth.js';

export interface OperationAccess {
  /**
   * `required`: a staff API key of one of `roles` (401 without, 403 with another role).
   * `optional`: anyone without a key (a customer: `admittedBy` says what lets them in instead);
   * with a key, only `roles` (403 for another role).
   */
  key: 'required' | 'optional';
  roles: readonly Role[];
  /** For `optional`: what admits a caller who has no key. */
  admittedBy?: string;
  /** What else limits a caller beyond the role (shown in the README's table). */
  note?: string;
}

const staff = (roles: readonly Role[], note?: string): OperationAccess => ({ key: 'required', roles, ...(note ? { note } : {}) });
const customer = (admittedBy: string, roles: readonly Role[] = ROLES, note?: string): OperationAccess => ({
  key: 'optional',
  roles,
  admittedBy,
  ...(note ? { note } : {}),
});

const EVERY_ROLE = ROLES;
/** Who handles complaints and so reads them (process owners see aggregates, not complaints). */
const COMPLAINT_READERS = ['agent', 'supervisor', 'auditor', 'admin'] as const satisfies readonly Role[];
/** Who works complaints (auditors only read). */
const COMPLAINT_WORKERS = ['agent', 'supervisor', 'admin'] as const satisfies readonly Role[];
const PROCESS_WRITERS = ['process_owner', 'admin'] as const satisfies readonly Role[];
const PROCESS_PLANNERS = ['process_owner', 'admin', 'supervisor', 'auditor'] as const satisfies readonly Role[];
const REPORT_READERS = ['supervisor', 'process_owner', 'auditor', 'admin'] as const satisfies readonly Role[];
const ADMINS = ['admin'] as const satisfies readonly Role[];
/** Who reads decoded Temporal payloads in the Temporal UI. */
const CODEC_READERS = ['admin', 'supervisor', 'auditor'] as const satisfies readonly Role[];

const contactsMasked = `customer contacts masked unless ${CONTACT_READING_ROLES.join(', ')}`;

/**
 * Every operation of the OpenAPI document, as `METHOD /path` exactly as the document writes it.
 * A new operation is one line here plus `access('METHOD /path')` in its route's middleware.
 */
export const ACCESS_MATRIX = {
  'POST /v1/complaints': customer('public web form: channel web only, rate-limited per address', COMPLAINT_WORKERS, 'with a key: any channel'),
  'GET /v1/complaints': staff(COMPLAINT_READERS, contactsMasked),
  'GET /v1/intake-options': staff(EVERY_ROLE),
  'GET /v1/complaints/{reference}': staff(COMPLAINT_READERS, contactsMasked),
  'POST /v1/complaints/{reference}/decisions': staff(
    DECIDING_ROLES,
    "which decision: the pinned process definition's decisionRoles (default: agents neither close out of scope nor mark duplicates)",
  ),
  'GET /v1/complaints/{reference}/events': staff(COMPLAINT_READERS),
  'GET /v1/complaints/{reference}/messages': staff(COMPLAINT_READERS, contactsMasked),
  'POST /v1/complaints/{reference}/messages/{id}/retry': staff(COMPLAINT_WORKERS),
  'GET /v1/complaints/{reference}/attachments': staff(COMPLAINT_READERS),
  'GET /v1/complaints/{reference}/attachments/{id}': staff(COMPLAINT_READERS),
  'GET /v1/calendars': staff(EVERY_ROLE),
  'GET /v1/calendars/{id}': staff(EVERY_ROLE),
  'GET /v1/calendars/{id}/deadline': staff(EVERY_ROLE),
  'GET /v1/calendars/{id}/business-time': staff(EVERY_ROLE),
  'GET /v1/calendars/{id}/overrides': staff(EVERY_ROLE),
  'PUT /v1/calendars/{id}/overrides': staff(PROCESS_WRITERS),
  'GET /v1/calendars/{id}/overrides/versions': staff(EVERY_ROLE),
  'GET /v1/calendars/{id}/overrides/versions/{version}': staff(EVERY_ROLE),
  'GET /v1/process-definitions/selection-rules': staff(EVERY_ROLE),
  'PUT /v1/process-definitions/selection-rules': staff(PROCESS_WRITERS),
  'GET /v1/process-definitions/selection-rules/revisions': staff(EVERY_ROLE),
  'GET /v1/process-definitions': staff(EVERY_ROLE),
  'POST /v1/process-definitions': staff(PROCESS_WRITERS),
  'GET /v1/process-definitions/{id}': staff(EVERY_ROLE),
  'POST /v1/process-definitions/{id}/versions': staff(PROCESS_WRITERS),
  'GET /v1/process-definitions/{id}/versions/{version}': staff(EVERY_ROLE),
  'PUT /v1/process-definitions/{id}/versions/{version}': staff(PROCESS_WRITERS),
  'DELETE /v1/process-definitions/{id}/versions/{version}': staff(PROCESS_WRITERS),
  'POST /v1/process-definitions/{id}/versions/{version}/validate': staff(PROCESS_WRITERS),
  'POST /v1/process-definitions/{id}/versions/{version}/publish': staff(PROCESS_WRITERS),
  'POST /v1/process-definitions/{id}/versions/{version}/retire': staff(PROCESS_WRITERS),
  'GET /v1/process-definitions/{id}/diff': staff(EVERY_ROLE),
  'GET /v1/process-definitions/{id}/versions/{version}/diagram': staff(EVERY_ROLE),
  'POST /v1/process-definitions/{id}/versions/{v}/simulate': staff(PROCESS_PLANNERS),
  'POST /v1/process-definitions/{id}/versions/{v}/backtest': staff(PROCESS_PLANNERS),
  'POST /v1/process-definitions/{id}/migrations': staff(PROCESS_WRITERS),
  'GET /v1/process-definitions/{id}/migrations/{migrationId}': staff(EVERY_ROLE),
  'GET /v1/process-selection': staff(EVERY_ROLE),
  'PUT /v1/process-selection': staff(PROCESS_WRITERS),
  'GET /v1/process-selection/revisions': staff(EVERY_ROLE),
  'GET /v1/staff': staff(EVERY_ROLE),
  'POST /v1/staff': staff(ADMINS),
  'GET /v1/staff/{id}': staff(EVERY_ROLE),
  'PATCH /v1/staff/{id}': staff(ADMINS),
  'DELETE /v1/staff/{id}': staff(ADMINS),
  'PUT /v1/staff/{id}/password': staff(ADMINS),
  'POST /v1/staff/{id}/unlock': staff(ADMINS),
  'GET /v1/teams': staff(EVERY_ROLE),
  'POST /v1/teams': staff(ADMINS),
  'GET /v1/teams/{id}': staff(EVERY_ROLE),
  'PATCH /v1/teams/{id}': staff(ADMINS),
  'DELETE /v1/teams/{id}': staff(ADMINS),
  'GET /v1/departments': staff(EVERY_ROLE),
  'POST /v1/departments': staff(ADMINS),
  'GET /v1/departments/{id}': staff(EVERY_ROLE),
  'PATCH /v1/departments/{id}': staff(ADMINS),
  'DELETE /v1/departments/{id}': staff(ADMINS),
  'GET /v1/organisation-roles': staff(EVERY_ROLE),
  'PUT /v1/organisation-roles/{level}': staff(ADMINS),
  'DELETE /v1/organisation-roles/{level}': staff(ADMINS),
  'POST /v1/track': customer('reference and tracking PIN, rate-limited and locked out after failures'),
  'POST /v1/responses/{token}': customer('signed answer link'),
  'POST /v1/surveys/{token}': customer('signed survey link'),
  'GET /v1/reports/satisfaction': staff(REPORT_READERS),
  'GET /v1/reports/kpis': staff(REPORT_READERS),
  'GET /v1/reports/trends': staff(REPORT_READERS),
  'GET /v1/audit/staff-actions': staff(['auditor', 'admin']),
  'GET /v1/audit/personal-data-reads': staff(['auditor', 'admin']),
  'GET /v1/data-subjects/export': staff(ADMINS, 'everything held about one person (e-mail or phone)'),
  'POST /v1/complaints/{reference}/erasure': staff(ADMINS, 'an open complaint closes as withdrawn first'),
  'GET /v1/complaints/{reference}/erasure': staff(['admin', 'auditor']),
  'GET /v1/retention/runs': staff(['admin', 'auditor']),
  'POST /v1/retention/runs': staff(ADMINS),
  'POST /v1/api-keys': staff(ADMINS, 'the secret is shown once'),
  'GET /v1/api-keys': staff(ADMINS),
  'POST /v1/api-keys/{id}/rotation': staff(ADMINS, 'the old key stays valid until its grace ends'),
  'DELETE /v1/api-keys/{id}': staff(ADMINS),
  'POST /codec/decode': staff(CODEC_READERS, 'also with the console session cookie, from the Temporal UI origin only'),
  'POST /codec/encode': staff(CODEC_READERS, 'also with the console session cookie, from the Temporal UI origin only'),
  'GET /v1/queues/{team}': staff(COMPLAINT_READERS),
  'POST /v1/queues/{team}/claim': staff(COMPLAINT_WORKERS, 'agents only from the queue of a team they are a member of'),
  'POST /v1/queues/{team}/release': staff(COMPLAINT_WORKERS, "agents only their own claims"),
  'GET /v1/queues/{team}/claims': staff(COMPLAINT_WORKERS, "each person's own claims"),
  'GET /v1/classifications': staff(EVERY_ROLE),
  'POST /v1/integrations/{source}/complaints': customer("the platform's webhook signature"),
  'POST /v1/inbound/email': customer('the inbound-mail secret header (X-Plaint-Inbound-Secret)'),
  'GET /healthz': customer('nothing: liveness for load balancers'),
  'GET /readyz': customer('nothing: readiness for load balancers'),
} as const satisfies Record<string, OperationAccess>;

export type Operation = keyof typeof ACCESS_MATRIX;

/** Staff API keys are read under /v1 only (app.ts): elsewhere a key, right or wrong, is not looked at. */
export function readsApiKeys(operation: string): boolean {
  // The API under /v1, and the Temporal UI's codec server, which checks staff keys itself.
  const path = operationPath(operation);
  return path.startsWith('/v1/') || path.startsWith('/codec/');
}

export function operationMethod(operation: string): string {
  return operation.slice(0, operation.indexOf(' '));
}

export function operationPath(operation: string): string {
  return operation.slice(operation.indexOf(' ') + 1);
}

/** The roles a staff key must have for `operation`. */
export function allowedRoles(operation: Operation): readonly Role[] {
  return ACCESS_MATRIX[operation].roles;
}

/** `/v1/complaints/{reference}` → `/v1/complaints/:reference`, as @hono/zod-openapi registers it. */
function honoPath(openApiPath: string): string {
  return openApiPath.replaceAll(/\/{(.+?)}/g, '/:$1');
}

/**
 * The first middleware of every route: enforces the matrix's row for the operation it is. A route
 * object mounted under two paths names both. A route naming none of the operation it serves answers
 * 500 on its first call (the matrix test calls them all), so a copied line cannot quietly lend one
 * route another's roles.
 */
export function access(...operations: [Operation, ...Operation[]]): MiddlewareHandler<{ Variables: AuthVariables }> {
  const rules = new Map(operations.map((operation) => [`${operationMethod(operation)} ${honoPath(operationPath(operation))}`, ACCESS_MATRIX[operation] as OperationAccess]));
  return async (c, next) => {
    const route = `${c.req.method === 'HEAD' ? 'GET' : c.req.method} ${routePath(c)}`;
    const rule = rules.get(route);
    if (!rule) throw new DomainError('INTERNAL', `The route ${route} names the access of ${operations.join(', ')}`);
    const actor = c.get('actor');
    if (!actor) {
      if (rule.key === 'optional') return next();
      throw new DomainError('UNAUTHENTICATED', 'This endpoint needs a staff API key (Authorization: Bearer …)');
    }
    if (!rule.roles.includes(actor.role)) {
      throw new DomainError('NOT_ALLOWED_FOR_ROLE', `Role '${actor.role}' may not do this`, { allowedRoles: rule.roles });
    }
    return next();
  };
}
