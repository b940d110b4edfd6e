// Finishes intakes that crashed between the PostgreSQL commit and the workflow start (e.g. the
// API was killed, or Temporal was down and the client never retried): no complaint is lost.
import type { Sql } from 'postgres';
import type { Logger } from 'pino';
import type { SealedIntake } from './intake.js';
import type { SealedBox } from '../security/sealed-box.js';
import type { TemporalGateway } from './temporal-gateway.js';

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
      WHERE c.recorded_at IS NULL AND c.received_at < now() - make_interval(secs => ${minAgeMs / 1000})
        ${after ? deps.sql`AND (c.received_at, c.id) > (${after.receivedAt}::timestamptz, ${after.id}::uuid)` : deps.sql``}
      ORDER BY c.received_at, c.id LIMIT ${limit}`;
    for (const row of rows) {
      try {
        const { input } = deps.sealedBox.open<SealedIntake>(row.sealed_response);
        if ((await deps.temporal.startComplaint(input)).started) result.started++;
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

export function runIntakeReconciler(deps: ReconcilerDeps & { log: Logger }, everyMs = 30_000): () => void {
  let running = false; // a slow run (Temporal down, a long backlog) must not overlap the next
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void startUnrecordedComplaints(deps, everyMs)
      .then(
        ({ started, failed }) => {
          if (started > 0) deps.log.warn({ started }, 'started workflows of complaints left unstarted');
          if (failed > 0) deps.log.warn({ failed }, 'could not start the workflows of some stored complaints; will retry');
        },
        (err: unknown) => deps.log.warn({ err }, 'intake reconciliation failed; will retry'),
      )
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
