// Real Temporal and PostgreSQL for integration tests (started once in global-setup.ts).
import type { Tracer } from '@opentelemetry/api';
import { trackingPinsOf } from '../../security/pin.js';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import type { DefaultLogger } from '@temporalio/worker';
import { useRuntimeLogger } from './runtime-logger.js';
import type { Sql } from 'postgres';
import { pino, type Logger } from 'pino';
import { inject } from 'vitest';
import { createApp } from '../../api/app.js';
import type { DefinitionVersions } from '../../api/staff/definition-versions.js';
import { createCalendarResolver } from '../../read-model/calendar-resolver.js';
import { createTemporalGateway, type TemporalGateway } from '../../temporal/gateway.js';
import { connectDatabase } from '../../db/connect.js';
import { apiKeyEntry } from '../../scripts/dev-secrets.js';
import { connectTemporalClient } from '../../temporal/client.js';
import { encryptingDataConverter, parseEncryptionKeys, type EncryptionKey } from '../../security/payload-codec.js';
import type { ActivityDeps } from '../../activities/index.js';
import { DataKeyStore } from '../../security/data-keys.js';
import { LinkSigner } from '../../security/signed-links.js';
import { customerLookupHasher } from '../../security/customer-lookup.js';
import type { ProcessDefinitionSnapshot } from '../../domain/process-definition.js';
import { quietProcess, ROUND_THE_CLOCK } from './process.js';
import { listCalendars } from '../../domain/calendar/registry.js';
import { createComplaintWorker, type ComplaintWorker } from '../../worker/create-worker.js';
import type { ComplaintFormSettings } from '../../config/complaint-form.js';
import type { InboundMail } from '../../inbound/receive-mail.js';
import type { Integrations } from '../../config/integrations.js';
import { TEST_INTEGRATIONS } from './integration-webhooks.js';
import { HISTORY_FIXTURE_KEYS } from './history-paths.js';
import { isolatedDatabase } from './kpi-database.js';
import type { RateLimiters } from '../../api/http/rate-limit.js';
import { sharedRateLimiters } from '../../api/http/shared-rate-limit.js';

/** Shared by the worker (which signs links) and the API (which checks them). */
export const LINK_SIGNING_SECRET = `test-link-secret-${randomBytes(24).toString('base64url')}`;
/** The PINs an app made with LINK_SIGNING_SECRET (and no TRACKING_PIN_KEYS) hashes and checks. */
export const trackingPins = trackingPinsOf({ LINK_SIGNING_SECRET });

/** Signs SMS gateways' delivery reports to the API (POST /hooks/sms/webhook). */
export const SMS_WEBHOOK_SECRET = `test-sms-webhook-secret-${randomBytes(16).toString('base64url')}`;

export const STAFF_KEYS = {
  agent: `agent-key-${randomUUID()}`,
  supervisor: `supervisor-key-${randomUUID()}`,
  auditor: `auditor-key-${randomUUID()}`,
  process_owner: `owner-key-${randomUUID()}`,
  admin: `admin-key-${randomUUID()}`,
} as const;

export interface IntegrationContext {
  sql: Sql;
  client: Client;
  encryptionKeys: EncryptionKey[];
  taskQueue: string;
  /** What this context's workers get: the real database, a link signer, a round-the-clock calendar. */
  activityDeps: ActivityDeps;
  startWorker(): Promise<ComplaintWorker & { running: Promise<void> }>;
  /**
   * The real gateway on a real client whose server is gone (a closed port), as when Temporal is
   * down. Its calls fail within a second: two gRPC attempts instead of the SDK's ten.
   */
  unreachableTemporal(): TemporalGateway;
  app(opts?: {
    publicIntakePerMinute?: number;
    trackingPerMinute?: number;
    trustProxy?: boolean;
    /**
     * The snapshot every complaint is pinned to (default: `quietProcess()`), or `'selection-rules'`
     * for the version the stored selection rules choose, as in production.
     */
    process?: ProcessDefinitionSnapshot | 'selection-rules';
    /** Default: the real gateway on this context's client and task queue. */
    temporal?: TemporalGateway;
    /** Default: silent. */
    log?: Logger;
    /** The versions simulation, backtest and migration plans read (default: the shipped definition as version 1). */
    processDefinitions?: DefinitionVersions;
    /** The complaint form's lists, notice and attachment limits (default: the shipped ones). */
    complaintForm?: ComplaintFormSettings;
    /** `API_KEYS` entries besides STAFF_KEYS' (more people of one role: `apiKeyEntry(name, role, key)`). */
    extraApiKeys?: string[];
    /** Opens a span per request (tracing tests). */
    tracer?: Tracer;
    /** Live queue claims one person may hold (default: the API's). */
    maxLiveClaims?: number;
    /** Received mail behind POST /v1/inbound/email, with its shared secret (default: no such route). */
    inboundMail?: { mail: InboundMail; webhookSecret: string };
    /** The chat and social platforms that may file by webhook (default: TEST_INTEGRATIONS). */
    integrations?: Integrations;
    /**
     * Where rate limits are counted (default: PostgreSQL, as in production, under a key of this
     * app's own, so each app a test makes has its own budgets; pass one to share them).
     */
    rateLimiters?: RateLimiters;
    /** More config (API key limits, single sign-on's OIDC_*). */
    extraConfig?: Partial<Parameters<typeof createApp>[0]['config']>;
    /** How long a stored API key's lookup is trusted (default: the API's 5 s). */
    apiKeyCacheMs?: number;
  }): ReturnType<typeof createApp>;
  close(): Promise<void>;
}

/**
 * The master keys of the one deployment every test file is part of: files share one PostgreSQL, and
 * a list (the audit trail, a search) opens complaints other files filed, as the processes of a
 * deployment share their keys. The recorded histories' key is among them (the replay test files them).
 */
export const TEST_ENCRYPTION_KEYS: EncryptionKey[] = [
  ...parseEncryptionKeys([`test:${Buffer.alloc(32, 0x2a).toString('base64')}`]),
  ...HISTORY_FIXTURE_KEYS,
];

/** Connects to the shared servers with the deployment's keys and a task queue of this test file's own. */
export async function integrationContext(
  opts: {
    encryptionKeys?: EncryptionKey[];
    /** Where the Temporal runtime (workers, their workflows and activities) logs from now on. Default: warnings to stderr. */
    runtimeLogger?: DefaultLogger;
    /**
     * A freshly migrated database of this context's own on the shared server, dropped at close: for a
     * file whose calls change what every other file relies on (the fuzzer retires process versions,
     * rewrites the selection rules, the directory).
     */
    ownDatabase?: boolean;
  } = {},
): Promise<IntegrationContext> {
  useRuntimeLogger(opts.runtimeLogger);
  const encryptionKeys = opts.encryptionKeys ?? TEST_ENCRYPTION_KEYS;
  const own = opts.ownDatabase ? await isolatedDatabase() : undefined;
  const sql = own?.sql ?? connectDatabase(inject('databaseUrl'), { max: 5 });
  const client = await connectTemporalClient({ address: inject('temporalAddress'), namespace: 'default', encryptionKeys });
  const taskQueue = `test-${randomUUID()}`;
  const workers: ComplaintWorker[] = [];
  const deadConnections: Connection[] = [];
  const activityDeps: ActivityDeps = {
    sql,
    linkSigner: new LinkSigner(LINK_SIGNING_SECRET),
    customerLookup: customerLookupHasher(LINK_SIGNING_SECRET),
    publicBaseUrl: 'http://plaint.test',
    linkTtlDays: 30,
    staffLocale: 'tr',
    extraCalendars: { [ROUND_THE_CLOCK.id]: ROUND_THE_CLOCK },
    temporal: createTemporalGateway(client, taskQueue),
    dataKeys: new DataKeyStore(sql, encryptionKeys),
  };
  return {
    sql,
    client,
    encryptionKeys,
    taskQueue,
    activityDeps,
    async startWorker() {
      const w = await createComplaintWorker({
        address: inject('temporalAddress'),
        namespace: 'default',
        taskQueue,
        activityDeps,
        encryptionKeys,
        workflowBundle: { code: inject('workflowBundleCode') },
        shutdownGraceMs: 1000,
      });
      workers.push(w);
      return { ...w, running: w.run() };
    },
    unreachableTemporal() {
      const connection = Connection.lazy({
        address: '127.0.0.1:1',
        interceptors: [makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: 2 }))],
      });
      deadConnections.push(connection);
      const dead = new Client({ connection, namespace: 'default', dataConverter: encryptingDataConverter(encryptionKeys) });
      return createTemporalGateway(dead, taskQueue, 2_000);
    },
    app(opts = {}) {
      const pinned = opts.process === 'selection-rules' ? undefined : (opts.process ?? quietProcess());
      return createApp({
        config: {
          API_KEYS: [...Object.entries(STAFF_KEYS).map(([role, key]) => apiKeyEntry(`test-${role}`, role, key)), ...(opts.extraApiKeys ?? [])],
          ...(opts.maxLiveClaims !== undefined ? { QUEUE_MAX_LIVE_CLAIMS: opts.maxLiveClaims } : {}),
          PUBLIC_INTAKE_PER_MINUTE: opts.publicIntakePerMinute ?? 1000,
          TRUST_PROXY: opts.trustProxy ?? true,
          LINK_SIGNING_SECRET,
          SIGNED_LINK_TTL_DAYS: 30,
          SMS_WEBHOOK_SECRET,
          ...(opts.inboundMail ? { INBOUND_EMAIL_WEBHOOK_SECRET: opts.inboundMail.webhookSecret } : {}),
          ...opts.extraConfig,
        },
        ...(opts.apiKeyCacheMs !== undefined ? { apiKeyCacheMs: opts.apiKeyCacheMs } : {}),
        ...(opts.tracer ? { tracer: opts.tracer } : {}),
        sql,
        // The API knows the calendars the workers know, the round-the-clock one too.
        calendars: createCalendarResolver({ sql, extraCalendars: { [ROUND_THE_CLOCK.id]: ROUND_THE_CLOCK } }),
        temporal: opts.temporal ?? createTemporalGateway(client, taskQueue),
        encryptionKeys,
        // One store with the workers: an erasure in a test is seen by both at once (no 5 s cache).
        dataKeys: activityDeps.dataKeys,
        log: opts.log ?? pino({ level: 'silent' }),
        ...(pinned ? { currentProcess: () => pinned } : {}),
        trackingPerMinute: opts.trackingPerMinute ?? 1000,
        ...(opts.processDefinitions ? { processDefinitions: opts.processDefinitions } : {}),
        ...(opts.complaintForm ? { complaintForm: opts.complaintForm } : {}),
        ...(opts.inboundMail ? { inboundMail: opts.inboundMail.mail } : {}),
        integrations: opts.integrations ?? TEST_INTEGRATIONS,
        rateLimiters: opts.rateLimiters ?? sharedRateLimiters({ sql, secret: randomBytes(32).toString('hex') }),
        // Definitions stored by tests may run on the round-the-clock calendar the workers know.
        processCalendarIds: [...listCalendars().map((c) => c.id), ROUND_THE_CLOCK.id],
      });
    },
    async close() {
      for (const w of workers) if (w.worker.getState() === 'RUNNING') w.worker.shutdown();
      await Promise.all([client.connection, ...deadConnections].map((c) => c.close()));
      if (own) await own.drop();
      else await sql.end({ timeout: 5 });
    },
  };
}

export function bearer(role: keyof typeof STAFF_KEYS): Record<string, string> {
  return { authorization: `Bearer ${STAFF_KEYS[role]}` };
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
