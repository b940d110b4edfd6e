// createApp(deps): the whole HTTP API, built from its dependencies so tests use real servers.
import { withNulFreeParameters } from './http/openapi-document.js';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Sql } from 'postgres';
import type { Logger } from 'pino';
import { requestId } from 'hono/request-id';
import type { Config } from '../config/env.js';
import { DomainError } from '../domain/errors.js';
import { AesGcmPayloadCodec, type EncryptionKey } from '../security/payload-codec.js';
import { clientAddressHasher } from './http/client-address.js';
import { customerLookupHasher } from '../security/customer-lookup.js';
import type { AppEnv } from './http/app-env.js';
import { authenticate, parseApiKeys } from './http/auth.js';
import { storedApiKeys } from './http/stored-api-keys.js';
import { apiKeyRoutes } from './staff/api-keys.js';
import { DEFAULT_API_KEY_POLICY, type ApiKeyPolicy } from '../domain/staff-access/api-keys.js';
import { ssoSettingsOf, type SsoConfig } from './console/sso/sso-settings.js';
import { calendarRoutes } from './staff/calendars.js';
import { processSimulationRoutes } from './staff/process-simulation.js';
import { calendarOverrideRoutes } from './staff/calendar-overrides.js';
import { createCalendarResolver, type CalendarResolver } from '../read-model/calendar-resolver.js';
import { bodyLimits } from './http/body-limits.js';
import { securityHeaders } from './http/security-headers.js';
import { intakeRoutes, keylessIntakeAdmission } from './intake/routes.js';
import { intakeOptionRoutes } from './intake/intake-options.js';
import { DEFAULT_AGENT_INTAKE, type AgentIntakeSettings } from '../config/agent-intake.js';
import { complaintReadRoutes } from './staff/complaints.js';
import { decisionRoutes } from './staff/decisions.js';
import { DEFAULT_DUPLICATE_FINDER } from '../read-model/possible-duplicates.js';
import { complaintRecordRoutes } from './staff/records.js';
import { customerRoutes } from './customer/routes.js';
import { docsRoutes } from './http/docs.js';
import { renderError } from './http/errors.js';
import { healthRoutes } from './http/health.js';
import { allowedMethods } from './http/method-not-allowed.js';
import { PinLockout } from './customer/pin-lockout.js';
import type { RateLimiters } from './http/rate-limit.js';
import { sharedRateLimiters } from './http/shared-rate-limit.js';
import { trackingPinsOf } from '../security/pin.js';
import { pinnedDefinitions } from '../read-model/pinned-definitions.js';
import { createApiMetrics, httpMetrics, metricsRoute, type ApiMetrics } from './http/metrics.js';
import { requestSpans } from '../temporal/tracing.js';
import type { Tracer } from '@opentelemetry/api';
import { SealedBox } from '../security/sealed-box.js';
import { responsePages } from './customer/pages/response-pages.js';
import { isCustomerPagePath, renderCustomerPageError } from './customer/pages/page-errors.js';
import { surveyPages } from './customer/pages/survey-page.js';
import { surveyRoutes } from './customer/survey-routes.js';
import { satisfactionReportRoutes } from './staff/satisfaction-reports.js';
import { workQueueRoutes } from './staff/work-queues.js';
import { classificationRoutes } from './staff/classifications.js';
import { kpiReportRoutes } from './staff/kpi-reports.js';
import { auditTrailRoutes } from './staff/audit-trail.js';
import { personalDataReadRoutes } from './staff/personal-data-reads.js';
import { dataSubjectRoutes } from './staff/data-subjects.js';
import { DataKeyStore } from '../security/data-keys.js';
import type { TemporalGateway } from '../temporal/gateway.js';
import { sealingGateway } from '../temporal/sealing-gateway.js';
import { codecRoutes, consoleCodecRoutes, DEFAULT_TEMPORAL_UI_ORIGIN, type CodecServerDeps } from './codec/codec-server.js';
import { TRACKING_PER_MINUTE, trackingAdmission, type TrackingDeps } from './customer/tracking.js';
import { trackingFormAdmission, trackingPage } from './customer/pages/tracking-page.js';
import { refuseUnstorableUrl } from './http/validation.js';
import { LinkSigner } from '../security/signed-links.js';
import type { DefinitionVersions } from './staff/definition-versions.js';
import { processMigrationRoutes } from './staff/process-migrations.js';
import type { ProcessDefinitionSnapshot } from '../domain/process-definition.js';
import { processPinner } from '../read-model/process-pinning.js';
import { storedDefinitionVersions } from '../read-model/process-definitions.js';
import { processDefinitionRoutes, processSelectionRoutes } from './staff/process-definitions.js';
import { SELECTION_RULES_PATH } from './staff/process-definitions.schemas.js';
import { staffPeopleRoutes } from './staff/staff-directory.js';
import { staffPasswordRoutes } from './staff/staff-passwords.js';
import { organisationRoleRoutes, staffDepartmentRoutes, staffTeamRoutes } from './staff/staff-directory-units.js';
import { smsReportHooks } from './hooks/sms-reports.js';
import { integrationRoutes } from './integrations/routes.js';
import type { Integrations } from '../config/integrations.js';
import { DEFAULT_COMPLAINT_FORM, type ComplaintFormSettings } from '../config/complaint-form.js';
import { postgresAttachmentStore, type AttachmentStore } from '../read-model/attachments.js';
import { attachmentRoutes } from './staff/attachments.js';
import { erasureRoutes } from './staff/erasure.js';
import { retentionRunRoutes } from './staff/retention-runs.js';
import { formGuard } from './customer/complaint-form-csrf.js';
import { consoleApi } from './console/api-client.js';
import { DEFAULT_CONSOLE_SETTINGS, type ConsoleSettings } from './console/deps.js';
import type { ConsoleEnv } from './console/env.js';
import { renderConsoleProblem } from './console/pages/shell.js';
import { isConsolePath, renderConsoleError } from './console/console-errors.js';
import { consoleRoutes } from './console/routes.js';
import type { Context } from 'hono';
import type { InboundMail } from '../inbound/receive-mail.js';
import { INBOUND_EMAIL_PATH, inboundEmailAdmission, inboundEmailRoutes } from './inbound/email-webhook.js';
import {
  complaintFormAdmission,
  complaintFormBodyLimit,
  complaintFormRoutes,
  complaintFormTooLarge,
} from './customer/pages/complaint-form-routes.js';

export interface AppDeps {
  config: Pick<Config, 'API_KEYS' | 'PUBLIC_INTAKE_PER_MINUTE' | 'TRUST_PROXY'> &
    Partial<Pick<Config, 'REPORT_TIME_ZONE' | 'REPEAT_COMPLAINT_WINDOW_DAYS' | 'DUPLICATE_WINDOW_DAYS' | 'DUPLICATE_SIMILARITY_THRESHOLD'>> &
    Partial<Pick<Config, 'INTAKE_BACKDATE_MAX_DAYS' | 'FRONT_OFFICES'>> &
    Partial<Pick<Config, 'CONSOLE_SESSION_IDLE_MINUTES' | 'CONSOLE_SESSION_ABSOLUTE_HOURS' | 'CONSOLE_SIGN_IN_MAX_FAILURES' | 'CONSOLE_LOCKOUT_MINUTES'>> &
    Partial<Pick<Config, 'API_KEY_MAX_DAYS' | 'API_KEY_ROTATION_GRACE_HOURS' | 'API_KEY_EXPIRY_WARNING_DAYS'>> &
    Partial<SsoConfig> & {
    /** Live queue claims one person may hold (0: no limit; default DEFAULT_MAX_LIVE_CLAIMS). */
    QUEUE_MAX_LIVE_CLAIMS?: number;
    /** Answer links' lifetime in days: versions whose answer deadlines outlast it are not published. */
    SIGNED_LINK_TTL_DAYS?: number;
    /** Checks the customers' signed links (≥ 32 characters; the worker signs with the same). */
    LINK_SIGNING_SECRET: string;
    /** Bearer token GET /metrics asks for; unset: open (counts only, no personal data). */
    METRICS_TOKEN?: string | undefined;
    /** Keys of the tracking PINs' HMAC (security/pin.ts); unset: one derived from LINK_SIGNING_SECRET. */
    TRACKING_PIN_KEYS?: readonly string[] | undefined;
    /** Where customers' links point (the PIN SMS carries the tracking link); absent: the SMS has none. */
    PUBLIC_BASE_URL?: string | undefined;
    /** Checks SMS gateways' delivery reports (POST /hooks/sms/webhook); without it the route is absent. */
    SMS_WEBHOOK_SECRET?: string;
    /** Authenticates POST /v1/inbound/email (X-Plaint-Inbound-Secret); without it, or without `inboundMail`, the route is absent. */
    INBOUND_EMAIL_WEBHOOK_SECRET?: string | undefined;
    /** The Temporal Web UI calling the codec server (default DEFAULT_TEMPORAL_UI_ORIGIN). */
    TEMPORAL_UI_ORIGIN?: string;
  };
  sql: Sql;
  temporal: TemporalGateway;
  encryptionKeys: readonly EncryptionKey[];
  /** The complaints' data keys (default: one store on `sql` under `encryptionKeys`, the master keys). */
  dataKeys?: DataKeyStore;
  log: Logger;
  /**
   * Pins every new complaint to this snapshot instead of the version the stored selection rules
   * choose (tests pin a quick process this way).
   */
  currentProcess?: () => ProcessDefinitionSnapshot;
  /** Tracking requests allowed per client address per minute (default TRACKING_PER_MINUTE). */
  trackingPerMinute?: number;
  /** The versions simulation, backtest and migration plans read (default: the stored ones). */
  processDefinitions?: DefinitionVersions;
  /** The calendars with their overrides (default: the shipped ones with the overrides in `sql`). */
  calendars?: CalendarResolver;
  /** The calendar ids a process definition may name (default: the shipped ones; tests add theirs). */
  processCalendarIds?: readonly string[];
  /** The public complaint form's lists, privacy notice and attachment limits (default: DEFAULT_COMPLAINT_FORM). */
  complaintForm?: ComplaintFormSettings;
  /** Where evidence files are kept (default: PostgreSQL, in `sql`). */
  attachments?: AttachmentStore;
  /** What takes received mail (inbound/), shared with the SMTP listener; behind POST /v1/inbound/email. */
  inboundMail?: InboundMail;
  /** How long each process trusts a stored API key's lookup (default API_KEY_CACHE_MS, 5 s): the bound on a revocation's delay. */
  apiKeyCacheMs?: number;
  /** The chat and social platforms that file complaints by signed webhook (default: none, every source answers 404). */
  integrations?: Integrations;
  /** Where rate limits are counted (default: PostgreSQL, shared by every instance on `sql`). */
  rateLimiters?: RateLimiters;
  /** What GET /metrics shows (default: a registry of this app's own). */
  metrics?: ApiMetrics;
  /** Opens a span per request when tracing is configured (temporal/tracing.ts); absent: none. */
  tracer?: Tracer | undefined;
}

export function createApp(deps: AppDeps) {
  const { config, sql, log } = deps;
  const dataKeys = deps.dataKeys ?? new DataKeyStore(sql, deps.encryptionKeys);
  // Texts written into a running complaint go in sealed with its data key; its answers come back opened.
  const temporal = sealingGateway(deps.temporal, dataKeys);
  const calendars = deps.calendars ?? createCalendarResolver({ sql });
  const customerLookup = customerLookupHasher(config.LINK_SIGNING_SECRET);
  const trackingPins = trackingPinsOf(config);
  const definitions = pinnedDefinitions(sql);
  const metrics = deps.metrics ?? createApiMetrics(sql);
  const duplicates = {
    windowDays: config.DUPLICATE_WINDOW_DAYS ?? DEFAULT_DUPLICATE_FINDER.windowDays,
    similarityThreshold: config.DUPLICATE_SIMILARITY_THRESHOLD ?? DEFAULT_DUPLICATE_FINDER.similarityThreshold,
  };
  const rateLimiters = deps.rateLimiters ?? sharedRateLimiters({ sql, secret: config.LINK_SIGNING_SECRET, log });
  const app = new OpenAPIHono<AppEnv>();
  if (deps.tracer) app.use(requestSpans(deps.tracer));
  app.use(requestId());
  app.use(httpMetrics(metrics));
  app.use(securityHeaders({ https: config.PUBLIC_BASE_URL?.startsWith('https:') ?? false }));
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    log.info(
      { requestId: c.get('requestId'), method: c.req.method, path: c.req.routePath, status: c.res.status, ms: Math.round(performance.now() - started) },
      'request',
    );
  });
  app.use(refuseUnstorableUrl);
  const apiKeyPolicy: ApiKeyPolicy = {
    maxDays: config.API_KEY_MAX_DAYS ?? DEFAULT_API_KEY_POLICY.maxDays,
    defaultGraceHours: config.API_KEY_ROTATION_GRACE_HOURS ?? DEFAULT_API_KEY_POLICY.defaultGraceHours,
    warningDays: config.API_KEY_EXPIRY_WARNING_DAYS ?? DEFAULT_API_KEY_POLICY.warningDays,
  };
  app.use('/v1/*', authenticate(parseApiKeys(config.API_KEYS), storedApiKeys(sql, { policy: apiKeyPolicy, log, ...(deps.apiKeyCacheMs !== undefined ? { cacheMs: deps.apiKeyCacheMs } : {}) })));
  const linkDeps = {
    sql,
    temporal,
    dataKeys,
    linkSigner: new LinkSigner(config.LINK_SIGNING_SECRET),
    trustProxy: config.TRUST_PROXY,
    hashClientAddress: clientAddressHasher(config.LINK_SIGNING_SECRET),
  };
  // One limiter and lockout for POST /v1/track and the /track form: neither doubles the other's budget.
  const tracking: TrackingDeps = {
    sql,
    pinLockout: new PinLockout(sql),
    trackingPins,
    trackingLimiter: rateLimiters('tracking', deps.trackingPerMinute ?? TRACKING_PER_MINUTE, 60_000),
    trustProxy: config.TRUST_PROXY,
    hashClientAddress: linkDeps.hashClientAddress,
  };
  // Per-address budgets count every request before its body is read (a malformed or oversized one
  // too); then each route group reads at most its body limit.
  const publicIntakeLimiter = rateLimiters('public-intake', config.PUBLIC_INTAKE_PER_MINUTE, 60_000);
  app.on('POST', '/v1/complaints', keylessIntakeAdmission({ publicIntakeLimiter, trustProxy: config.TRUST_PROXY }));
  app.on('POST', '/v1/track', trackingAdmission(tracking));
  app.on('POST', '/track', trackingFormAdmission({ ...tracking, log }));
  const formSettings = deps.complaintForm ?? DEFAULT_COMPLAINT_FORM;
  const guard = formGuard(config.LINK_SIGNING_SECRET, config.PUBLIC_BASE_URL);
  app.on('POST', '/complaints/new', complaintFormAdmission({ settings: formSettings, guard, publicIntakeLimiter, trustProxy: config.TRUST_PROXY }));
  const inboundMail = config.INBOUND_EMAIL_WEBHOOK_SECRET ? deps.inboundMail : undefined;
  if (inboundMail) app.on('POST', INBOUND_EMAIL_PATH, inboundEmailAdmission(config.INBOUND_EMAIL_WEBHOOK_SECRET));
  app.use(
    bodyLimits({
      complaintForm: { maxBytes: complaintFormBodyLimit(formSettings), onTooLarge: complaintFormTooLarge({ settings: formSettings, guard }) },
      ...(inboundMail ? { inboundEmail: { maxBytes: inboundMail.maxBytes } } : {}),
    }),
  );
  const attachments = deps.attachments ?? postgresAttachmentStore(sql, dataKeys);
  // One intake for the JSON route and the form.
  const intake = {
    sql,
    temporal,
    sealedBox: new SealedBox(deps.encryptionKeys),
    pinProcess: deps.currentProcess ? async () => deps.currentProcess!() : processPinner(sql),
    publicBaseUrl: config.PUBLIC_BASE_URL,
    customerLookup,
    dataKeys,
    trackingPins,
    metrics,
  };

  const agentIntake: AgentIntakeSettings = {
    backdateMaxDays: config.INTAKE_BACKDATE_MAX_DAYS ?? DEFAULT_AGENT_INTAKE.backdateMaxDays,
    frontOffices: config.FRONT_OFFICES ?? DEFAULT_AGENT_INTAKE.frontOffices,
  };

  const v1 = new OpenAPIHono<AppEnv>().route(
    '/complaints',
    intakeRoutes({
      ...intake,
      trustProxy: config.TRUST_PROXY,
      hashClientAddress: linkDeps.hashClientAddress,
      log,
      agentIntake,
    }),
  )
    .route('/intake-options', intakeOptionRoutes(agentIntake))
    .route('/complaints', complaintReadRoutes({ sql, temporal, definitions, calendars, customerLookup, linkSigningSecret: config.LINK_SIGNING_SECRET, duplicates }))
    .route('/complaints', decisionRoutes({ sql, temporal, definitions, calendars, duplicates, metrics }))
    .route('/complaints', complaintRecordRoutes({ sql, dataKeys }))
    .route('/complaints', attachmentRoutes({ sql, attachments }))
    .route('/complaints', erasureRoutes({ sql, temporal, dataKeys }))
    .route('/retention', retentionRunRoutes({ sql, temporal }))
    .route('/calendars', calendarRoutes({ calendars }))
    .route('/calendars', calendarOverrideRoutes({ sql, calendars }))
    // Before `/process-definitions/{id}`, which would take `selection-rules` for an id.
    .route(`/process-definitions/${SELECTION_RULES_PATH}`, processSelectionRoutes({ sql }))
    .route(
      '/process-definitions',
      processDefinitionRoutes({
        sql,
        ...(deps.processCalendarIds ? { calendarIds: deps.processCalendarIds } : {}),
        ...(config.SIGNED_LINK_TTL_DAYS !== undefined ? { linkLifetime: { linkTtlDays: config.SIGNED_LINK_TTL_DAYS, calendars } } : {}),
      }),
    )
    .route('/process-selection', processSelectionRoutes({ sql }))
    .route('/staff', staffPeopleRoutes({ sql }))
    .route('/staff', staffPasswordRoutes({ sql }))
    .route('/api-keys', apiKeyRoutes({ sql, policy: apiKeyPolicy }))
    .route('/teams', staffTeamRoutes({ sql }))
    .route('/departments', staffDepartmentRoutes({ sql }))
    .route('/organisation-roles', organisationRoleRoutes({ sql }))
    .route(
      '/process-definitions',
      processSimulationRoutes({ definitions: deps.processDefinitions ?? storedDefinitionVersions(sql), calendars, sql }),
    )
    .route('/process-definitions', processMigrationRoutes({ sql, temporal, definitions: deps.processDefinitions ?? storedDefinitionVersions(sql) }))
    .route(
      '/',
      customerRoutes({ ...linkDeps, ...tracking }),
    )
    .route('/surveys', surveyRoutes(linkDeps))
    .route('/reports', satisfactionReportRoutes({ sql }))
    .route('/reports', kpiReportRoutes({ sql, calendars, timeZone: config.REPORT_TIME_ZONE, repeatWindowDays: config.REPEAT_COMPLAINT_WINDOW_DAYS }))
    .route('/audit', auditTrailRoutes({ sql, dataKeys }))
    .route('/audit', personalDataReadRoutes({ sql }))
    .route('/data-subjects', dataSubjectRoutes({ sql, customerLookup, dataKeys }))
    .route('/queues', workQueueRoutes({ sql, calendars, maxLiveClaims: config.QUEUE_MAX_LIVE_CLAIMS }))
    .route('/classifications', classificationRoutes({ sql, form: formSettings }))
    .route(
      '/integrations',
      // A transcript's times are written in the centre's zone, the one its reports are read in.
      integrationRoutes({ ...intake, integrations: deps.integrations ?? new Map(), timeZone: config.REPORT_TIME_ZONE ?? 'Europe/Istanbul', log }),
    );
  if (inboundMail) v1.route('/inbound/email', inboundEmailRoutes({ mail: inboundMail }));
  app.route('/v1', v1);
  app.route('/r', responsePages({ ...linkDeps, log }));
  app.route('/s', surveyPages({ ...linkDeps, log }));
  app.route('/track', trackingPage({ ...tracking, log, attachments }));
  if (config.SMS_WEBHOOK_SECRET) app.route('/hooks/sms', smsReportHooks({ sql, webhookSecret: config.SMS_WEBHOOK_SECRET }));
  app.route(
    '/complaints',
    complaintFormRoutes({ ...intake, attachments, settings: formSettings, guard, trustProxy: config.TRUST_PROXY, hashClientAddress: linkDeps.hashClientAddress, log }),
  );
  const codec: CodecServerDeps = {
    sql,
    dataKeys,
    payloadCodec: new AesGcmPayloadCodec(deps.encryptionKeys),
    apiKeys: parseApiKeys(config.API_KEYS),
    consoleSettings: consoleSettings(config),
    temporalUiOrigin: config.TEMPORAL_UI_ORIGIN ?? DEFAULT_TEMPORAL_UI_ORIGIN,
  };
  app.get('/console/', (c) => c.redirect('/console', 301));
  // Before the console's pages: the codec where the console's session cookie reaches (its path is /console over http).
  app.route('/console/codec', consoleCodecRoutes(codec));
  app.route(
    '/console',
    consoleRoutes({ sql, api: consoleApiFor(app), log, settings: consoleSettings(config), calendars, sealedBox: intake.sealedBox, apiKeyPolicy, sso: ssoSettingsOf(config), rateLimiters, secret: config.LINK_SIGNING_SECRET }),
  );
  app.route('/codec', codecRoutes(codec));
  app.route('/', healthRoutes({ sql, temporal }));
  app.get('/metrics', metricsRoute(metrics, config.METRICS_TOKEN));
  app.route('/docs', docsRoutes());

  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', { type: 'http', scheme: 'bearer' });
  let document: ReturnType<typeof app.getOpenAPI31Document> | undefined;
  app.get('/openapi.json', (c) => {
    document ??= withNulFreeParameters(
      app.getOpenAPI31Document({
        openapi: '3.1.0',
        info: { title: 'Plaint API', version: '0.1.0', description: 'ISO 10002 complaint handling: every complaint a durable workflow.' },
      }),
    );
    return c.json(document);
  });
  app.notFound((c) => {
    if (isConsolePath(c.req.path)) return renderConsoleProblem(c, 404, '404');
    const allowed = allowedMethods(app.routes, c.req.path);
    if (allowed.length === 0) return renderError(c, new DomainError('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`), log);
    c.header('Allow', allowed.join(', '));
    const message = `${c.req.path} does not take ${c.req.method}; it takes ${allowed.join(', ')}`;
    return renderError(c, new DomainError('METHOD_NOT_ALLOWED', message, { allowed }), log);
  });
  // Before the console's own routes (a NUL in the address, a body over the limit), a console request still gets a page.
  app.onError((err, c) => {
    if (isConsolePath(c.req.path)) return renderConsoleError(c, err, log);
    if (isCustomerPagePath(c.req.path)) return renderCustomerPageError(c, err, log);
    return renderError(c, err, log);
  });
  return app;
}

/** The console's API client for a page request: the same app, in-process, as the signed-in person. */
function consoleApiFor(app: { fetch: (request: Request, env: Record<symbol, unknown>) => Response | Promise<Response> }) {
  return (c: Context) => {
    const staff = (c as Context<ConsoleEnv>).get('staff');
    return consoleApi((request, env) => app.fetch(request, env), { id: staff.person.id, role: staff.role }, new URL(c.req.url).origin, c.get('requestId') as string | undefined);
  };
}

function consoleSettings(config: AppDeps['config']): ConsoleSettings {
  const publicOrigin = config.PUBLIC_BASE_URL ? new URL(config.PUBLIC_BASE_URL).origin : undefined;
  return {
    secureCookies: publicOrigin?.startsWith('https:') ?? false,
    sessionIdleMinutes: config.CONSOLE_SESSION_IDLE_MINUTES ?? DEFAULT_CONSOLE_SETTINGS.sessionIdleMinutes,
    sessionAbsoluteHours: config.CONSOLE_SESSION_ABSOLUTE_HOURS ?? DEFAULT_CONSOLE_SETTINGS.sessionAbsoluteHours,
    signInMaxFailures: config.CONSOLE_SIGN_IN_MAX_FAILURES ?? DEFAULT_CONSOLE_SETTINGS.signInMaxFailures,
    signInLockoutMinutes: config.CONSOLE_LOCKOUT_MINUTES ?? DEFAULT_CONSOLE_SETTINGS.signInLockoutMinutes,
    publicOrigin,
    trustProxy: config.TRUST_PROXY,
  };
}

export type AppType = ReturnType<typeof createApp>;
