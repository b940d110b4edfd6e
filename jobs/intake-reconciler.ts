// Finishes intakes that crashed between the PostgreSQL commit and the workflow start (e.g. the
// API was killed, or Temporal was down and the client never retried): no complaint is lost. It
// also erases the sealed first responses (with their PINs) once no retry may need them.
import type { Sql } from 'postgres';
import type { Logger } from 'pino';
import { INTAKE_REPLAY_HOURS, type SealedIntake } from '../api/intake/file-complaint.js';
import { purgeExpiredRequestKeys } from '../read-model/request-keys.js';
import { purgeExpiredTrackingPins } from '../read-model/tracking-pin-sms.js';
import type { SealedBox } from '../security/sealed-box.js';
import type { TemporalGateway } from '../temporal/gateway.js';

export interface ReconcilerDeps {
  sql: Sql;
  temporal: TemporalGateway;
  sealedBox: SealedBox;
}

export interface ReconcileLimits {
  /** Ledger rows read per query. */
  pageSize?: number;
  /** Ledger rows looked at per run at most, so one run stays short whatever the backlog. */
  maxPerRun?: number;
}

export interface ReconcileResult {
  /** Workflows this run started (not those that were already running). */
  started: number;
  /** Rows that could not be started: unopenable (e.g. sealed with a retired key) or Temporal down. */
  failed: number;
  /** Rows looked at. */
  examined: number;
}

/**
 * Starts the workflow of every complaint older than `minAgeMs` that no workflow has recorded,
 * oldest first. Pages with a (received_at, id) keyset, so rows that cannot be started do not hide
 * the ones behind them.
 */
export async function startUnrecordedComplaints(
  deps: ReconcilerDeps,
  minAgeMs: number,
  { pageSize = 100, maxPerRun = 1_000 }: ReconcileLimits = {},
): Promise<ReconcileResult> {
  const result: ReconcileResult = { started: 0, failed: 0, examined: 0 };
  // received_at as text keeps its microseconds, which a JS Date would drop from the cursor.
  let after: { receivedAt: string; id: string } | undefined;
  while (result.examined < maxPerRun) {
    const limit = Math.min(pageSize, maxPerRun - result.examined);
    const rows = await deps.sql<{ id: string; received_at: string; sealed_response: string }[]>`
      SELECT c.id, c.received_at::text AS received_at, r.sealed_response
      FROM intake_requests r JOIN complaints c ON c.id = r.complaint_id
      WHERE c.recorded_at IS NULL AND r.sealed_response IS NOT NULL AND c.received_at < now() - make_interval(secs => ${minAgeMs / 1000})
        AND NOT EXISTS (SELECT 1 FROM erasures e WHERE e.complaint_id = c.id)
        ${after ? deps.sql`AND (c.received_at, c.id) > (${after.receivedAt}::timestamptz, ${after.id}::uuid)` : deps.sql``}
      ORDER BY c.received_at, c.id LIMIT ${limit}`;
    for (const row of rows) {
      try {
        const { input } = deps.sealedBox.open<SealedIntake>(row.sealed_response);
        if (await startUnlessErased(deps, row.id, () => deps.temporal.startComplaint(input))) result.started++;
      } catch {
        result.failed++; // one bad row must not block the others; the next run tries it again
      }
    }
    result.examined += rows.length;
    const last = rows.at(-1);
    if (!last || rows.length < limit) break;
    after = { receivedAt: last.received_at, id: last.id };
  }
  return result;
}

/**
 * Starts the workflow unless an erasure was asked for meanwhile. The complaint's row stays locked
 * while it starts, and an erasure's request (its foreign key) waits for that lock: so either the
 * erasure finds the workflow running and closes it, or this finds the erasure and starts nothing.
 */
async function startUnlessErased(deps: ReconcilerDeps, complaintId: string, start: () => Promise<{ started: boolean }>): Promise<boolean> {
  return deps.sql.begin(async (tx) => {
    await tx`SELECT 1 FROM complaints WHERE id = ${complaintId} FOR UPDATE`;
    // A statement of its own after the lock: it sees an erasure committed while this waited.
    const [erasure] = await tx`SELECT 1 FROM erasures WHERE complaint_id = ${complaintId}`;
    if (erasure) return false;
    return (await start()).started;
  });
}

/**
 * Erases the sealed first response and workflow input of intakes older than `olderThanMs` whose
 * workflow has recorded the complaint (so no start needs the input); at most `batch` rows.
 * Answers how many it erased.
 */
export async function purgeExpiredIntakeResponses(
  sql: Sql,
  { olderThanMs = INTAKE_REPLAY_HOURS * 3_600_000, batch = 500 }: { olderThanMs?: number; batch?: number } = {},
): Promise<number> {
  const erased = await sql`
    UPDATE intake_requests SET sealed_response = NULL
    WHERE idempotency_key IN (
      SELECT r.idempotency_key FROM intake_requests r JOIN complaints c ON c.id = r.complaint_id
      WHERE r.sealed_response IS NOT NULL AND c.recorded_at IS NOT NULL
        AND r.created_at < now() - make_interval(secs => ${olderThanMs / 1000})
      ORDER BY r.created_at LIMIT ${batch}
      FOR UPDATE OF r SKIP LOCKED)
    RETURNING 1`;
  return erased.length;
}

/** Every `everyMs`: starts what intake left unstarted, then erases expired sealed responses, request keys and PINs of unsent SMS. */
export function runIntakeReconciler(deps: ReconcilerDeps & { log: Logger }, everyMs = 30_000): () => void {
  let running = false; // a slow run (Temporal down, a long backlog) must not overlap the next
  const once = async () => {
    const { started, failed } = await startUnrecordedComplaints(deps, everyMs);
    if (started > 0) deps.log.warn({ started }, 'started workflows of complaints left unstarted');
    if (failed > 0) deps.log.warn({ failed }, 'could not start the workflows of some stored complaints; will retry');
    await purgeExpiredIntakeResponses(deps.sql);
    await purgeExpiredRequestKeys(deps.sql);
    await purgeExpiredTrackingPins(deps.sql);
  };
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void once()
      .catch((err: unknown) => deps.log.warn({ err }, 'intake reconciliation failed; will retry'))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
