// The retention run's activity: finish erasures on request that stopped half-way, then erase the
// closed complaints that are due, batch by batch, adding each batch to the run's report; last,
// delete the operational records past their period (SSO sign-in attempts, personal-data reads).
import { ApplicationFailure, heartbeat } from '@temporalio/activity';
import type { Sql } from 'postgres';
import type { DataKeyStore } from '../security/data-keys.js';
import type { TemporalGateway } from '../temporal/gateway.js';
import { eraseComplaint, type EraseComplaintDeps } from '../read-model/erase-complaint.js';
import { findErasure, unfinishedErasures } from '../read-model/erasure.js';
import {
  addPurgedToRetentionRun,
  addToRetentionRun,
  DEFAULT_PURGE_PERIODS,
  dueForErasure,
  finishRetentionRun,
  purgePersonalDataReads,
  purgeSsoSignInAttempts,
  startRetentionRun,
  type PurgePeriods,
} from '../read-model/retention.js';
import type { RetentionRunReport, RetentionTrigger } from '../workflows/retention.messages.js';

/** Complaints per batch: one report update and one heartbeat each. */
const BATCH_SIZE = 50;

/** At most this many erasures per run; the next day's run takes the rest. */
const MAX_PER_RUN = 10_000;

export interface RetentionDeps {
  sql: Sql;
  dataKeys?: DataKeyStore | undefined;
  temporal?: TemporalGateway | undefined;
  purgePeriods?: PurgePeriods | undefined;
}

/** Rows deleted per statement: short transactions, one heartbeat each. */
const PURGE_BATCH = 5_000;

const RETENTION_ACTOR = { id: 'retention', role: 'system' };

export function createRetentionActivities(deps: RetentionDeps) {
  return {
    async runRetention(input: { runId: string; trigger: RetentionTrigger; startedBy: string | null }): Promise<RetentionRunReport> {
      const { dataKeys, temporal } = deps;
      if (!dataKeys || !temporal) throw ApplicationFailure.nonRetryable('this worker has no data keys or Temporal client for retention', 'MISCONFIGURED');
      const erase: EraseComplaintDeps = {
        sql: deps.sql,
        dataKeys,
        closeWorkflow: (complaintId, erasureId, actor) => temporal.closeForErasure(complaintId, erasureId, actor),
      };
      await startRetentionRun(deps.sql, { id: input.runId, trigger: input.trigger, startedBy: input.startedBy });
      const failed: string[] = [];
      const failure = (complaintId: string, err: unknown) => {
        failed.push(complaintId);
        // An error's kind only: a message could quote a value.
        const error = err instanceof Error ? ((err as { code?: string }).code ?? err.name) : 'Error';
        return { complaintId, error };
      };

      // Erasures begun and interrupted (the API or an earlier run died between closing and erasing),
      // on request or by retention, finished first: the due query below skips any complaint with an
      // erasure row, so a half-done one is finished here or never.
      const resumedFailures = [];
      let resumed = 0;
      for (const complaintId of await unfinishedErasures(deps.sql, MAX_PER_RUN)) {
        heartbeat();
        const request = await findErasure(deps.sql, complaintId);
        if (!request) continue;
        try {
          await eraseComplaint(erase, { complaintId, reason: request.reason, actor: request.requestedBy });
          resumed++;
        } catch (err) {
          resumedFailures.push(failure(complaintId, err));
        }
      }
      await addToRetentionRun(deps.sql, input.runId, { byVersion: {}, resumed, failures: resumedFailures });

      let done = 0;
      while (done < MAX_PER_RUN) {
        const due = await dueForErasure(deps.sql, { limit: BATCH_SIZE, skip: failed });
        if (due.length === 0) break;
        const byVersion: Record<string, number> = {};
        const failures = [];
        for (const { complaintId, processVersion } of due) {
          try {
            await eraseComplaint(erase, { complaintId, reason: 'retention', actor: RETENTION_ACTOR });
            byVersion[processVersion] = (byVersion[processVersion] ?? 0) + 1;
          } catch (err) {
            failures.push(failure(complaintId, err));
          }
          done++;
        }
        await addToRetentionRun(deps.sql, input.runId, { byVersion, resumed: 0, failures });
        heartbeat();
      }

      const periods = deps.purgePeriods ?? DEFAULT_PURGE_PERIODS;
      const purges: Array<[string, () => Promise<number>]> = [
        ['sso_sign_in_attempts', () => purgeSsoSignInAttempts(deps.sql, periods.ssoSignInAttemptDays, PURGE_BATCH)],
        ['personal_data_reads', () => purgePersonalDataReads(deps.sql, periods.personalDataReadDays, PURGE_BATCH)],
      ];
      for (const [table, purgeBatch] of purges) {
        let deleted: number;
        do {
          deleted = await purgeBatch();
          // Each batch goes in the report as it is done: a retried activity does not count it twice.
          if (deleted > 0) await addPurgedToRetentionRun(deps.sql, input.runId, { [table]: deleted });
          heartbeat();
        } while (deleted === PURGE_BATCH);
      }
      return finishRetentionRun(deps.sql, input.runId);
    },
  };
}
