// Finishes intakes that crashed between the PostgreSQL commit and the workflow start (e.g. the
// API was killed, or Temporal was down and the client never retried): no complaint is lost.
import type { Sql } from 'postgres';
import type { Logger } from 'pino';
import type { SealedIntake } from './intake.js';
import type { SealedBox } from '../security/sealed-box.js';
import type { TemporalGateway } from './temporal-gateway.js';

/** Starts the workflow of every complaint older than `minAgeMs` that no workflow has recorded. */
export async function startUnrecordedComplaints(
  deps: { sql: Sql; temporal: TemporalGateway; sealedBox: SealedBox },
  minAgeMs: number,
): Promise<number> {
  const rows = await deps.sql<{ sealed_response: string }[]>`
    SELECT r.sealed_response FROM intake_requests r JOIN complaints c ON c.id = r.complaint_id
    WHERE c.recorded_at IS NULL AND c.received_at < now() - make_interval(secs => ${minAgeMs / 1000})
    ORDER BY c.received_at LIMIT 100`;
  let started = 0;
  for (const row of rows) {
    try {
      const { input } = deps.sealedBox.open<SealedIntake>(row.sealed_response);
      await deps.temporal.startComplaint(input);
      started++;
    } catch {
      // One bad row (e.g. sealed with a retired key) must not block the others; it stays listed.
    }
  }
  return started;
}

export function runIntakeReconciler(
  deps: { sql: Sql; temporal: TemporalGateway; sealedBox: SealedBox; log: Logger },
  everyMs = 30_000,
): () => void {
  const timer = setInterval(() => {
    startUnrecordedComplaints(deps, everyMs).then(
      (n) => n > 0 && deps.log.warn({ started: n }, 'started workflows of complaints left unstarted'),
      (err: unknown) => deps.log.warn({ err }, 'intake reconciliation failed; will retry'),
    );
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
