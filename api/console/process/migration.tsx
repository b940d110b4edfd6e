// A migration of running complaints to a published version: the preview (how many move, what
// changes for each), applying it, and its progress, which the page polls every two seconds (htmx)
// until the plan is completed.
import type { z } from '@hono/zod-openapi';
import type { migrationPreviewSchema, migrationProgressSchema } from '../../staff/process-migrations.schemas.js';
import type { StaffSession } from '../env.js';
import { CsrfField } from '../pages/csrf-field.js';
import { IssueList, Refusal, versionPath, when, type PathIssue } from './view.js';

export type PreviewView = z.output<typeof migrationPreviewSchema>;
export type ProgressView = z.output<typeof migrationProgressSchema>;

/** The plan as the forms carry it: target, optional from-version, a rule per timed stage. */
export interface PlanFields {
  targetVersion: string;
  fromVersion: string;
  rules: Record<string, string>;
}

function PlanHiddenFields({ plan }: { plan: PlanFields }) {
  return (
    <>
      <input type="hidden" name="targetVersion" value={plan.targetVersion} />
      <input type="hidden" name="fromVersion" value={plan.fromVersion} />
      {Object.entries(plan.rules).map(([stage, rule]) => (
        <input type="hidden" name={`rule.${stage}`} value={rule} />
      ))}
    </>
  );
}

export function PreviewPage({ staff, definitionId, plan, preview, issues = [], refusal }: { staff: StaffSession; definitionId: string; plan: PlanFields; preview?: PreviewView; issues?: PathIssue[]; refusal?: string }) {
  const { t } = staff;
  const target = Number(plan.targetVersion);
  return (
    <>
      <p>
        <a href={versionPath(definitionId, target)}>{t('console.process.editor.back', { version: target })}</a>
      </p>
      <IssueList staff={staff} issues={issues} id="plan-issues" />
      <Refusal staff={staff} message={refusal} />
      {preview && (
        <>
          <p id="preview-summary">
            {t('console.process.migrate.summary', {
              matched: preview.matched,
              migrates: preview.summary.migrates,
              skipped: Object.values(preview.summary.skipped).reduce((a, b) => a + b, 0),
              breached: preview.summary.breached,
              guarded: preview.summary.guarded,
              escalations: preview.summary.escalations,
              messages: preview.summary.messages,
            })}
          </p>
          {preview.truncated && <p class="notice">{t('console.process.migrate.truncated', { shown: preview.complaints.length, matched: preview.matched })}</p>}
          {Object.keys(preview.summary.skipped).length > 0 && (
            <ul>
              {Object.entries(preview.summary.skipped).map(([reason, count]) => (
                <li>{t('console.process.migrate.skippedReason', { reason, count })}</li>
              ))}
            </ul>
          )}
          <h2>{t('console.process.migrate.rules')}</h2>
          <ul>
            {Object.entries(preview.deadlineRules).map(([stage, rule]) => (
              <li>{`${t('console.process.stage', { stage })}: ${t('console.process.migrate.rule', { rule })}`}</li>
            ))}
          </ul>
          {preview.complaints.length > 0 && (
            <div class="table-wrap" tabindex={0}>
              <table id="preview-complaints">
                <caption>{t('console.process.migrate.complaints')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('console.process.migrate.reference')}</th>
                    <th scope="col">{t('console.process.migrate.fromVersionCol')}</th>
                    <th scope="col">{t('console.process.migrate.outcome')}</th>
                    <th scope="col">{t('console.process.simulate.stage')}</th>
                    <th scope="col">{t('console.process.migrate.oldDeadline')}</th>
                    <th scope="col">{t('console.process.migrate.newDeadline')}</th>
                    <th scope="col">{t('console.process.migrate.effects')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.complaints.map((c) => (
                    <tr>
                      <th scope="row">
                        <a href={`/console/complaints/${encodeURIComponent(c.reference)}`}>{c.reference}</a>
                      </th>
                      <td>{c.fromVersion}</td>
                      <td>{c.migrates ? t('console.process.migrate.moves') : t('console.process.migrate.skips', { reason: c.skip?.reason ?? 'unknown' })}</td>
                      <td>{c.stage ? t('console.process.stage', { stage: c.stage }) : '—'}</td>
                      <td>{when(staff, c.deadline?.old)}</td>
                      <td>{when(staff, c.deadline?.new)}</td>
                      <td>
                        {[
                          c.breached ? t('console.process.migrate.breachedAfter') : '',
                          c.guarded.length > 0 ? t('console.process.migrate.guarded', { what: c.guarded.join(', ') }) : '',
                          c.escalations.length > 0 ? t('console.process.migrate.escalationsNow', { count: c.escalations.length }) : '',
                          c.messages.length > 0 ? t('console.process.migrate.messagesNow', { count: c.messages.length }) : '',
                        ]
                          .filter(Boolean)
                          .join(' ') || '—'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {preview.summary.migrates > 0 && (
            <form method="post" action={`/console/process/${encodeURIComponent(definitionId)}/migrations/apply`} class="card">
              <CsrfField token={staff.csrfToken} />
              <PlanHiddenFields plan={plan} />
              <p>{t('console.process.migrate.applyHint', { count: preview.summary.migrates, version: target })}</p>
              <button type="submit">{t('console.process.migrate.apply')}</button>
            </form>
          )}
        </>
      )}
    </>
  );
}

export const progressPath = (definitionId: string, migrationId: string) => `/console/process/${encodeURIComponent(definitionId)}/migrations/${migrationId}`;

/** The part of the progress page htmx replaces every two seconds; once completed it carries no trigger, so polling stops. */
export function ProgressFragment({ staff, progress }: { staff: StaffSession; progress: ProgressView }) {
  const { t } = staff;
  const done = progress.status === 'completed';
  const poll = done ? {} : { 'hx-get': `${progressPath(progress.definitionId, progress.migrationId)}/progress`, 'hx-trigger': 'every 2s', 'hx-swap': 'outerHTML' };
  const { counts } = progress;
  return (
    <div id="migration-progress" data-status={progress.status} {...poll}>
      <p class="progress-status">
        <strong>{t('console.process.progress.status', { status: progress.status })}</strong>
      </p>
      <progress max={String(Math.max(counts.total, 1))} value={String(counts.total - counts.pending)} aria-labelledby="progress-label"></progress>
      <p id="progress-label">{t('console.process.progress.counts', { moved: counts.moved, failed: counts.failed, skipped: counts.skipped, remaining: counts.pending, total: counts.total })}</p>
      <dl class="facts">
        <dt>{t('console.process.progress.moved')}</dt>
        <dd data-count="moved">{counts.moved}</dd>
        <dt>{t('console.process.progress.failed')}</dt>
        <dd data-count="failed">{counts.failed}</dd>
        <dt>{t('console.process.progress.skipped')}</dt>
        <dd data-count="skipped">{counts.skipped}</dd>
        <dt>{t('console.process.progress.remaining')}</dt>
        <dd data-count="remaining">{counts.pending}</dd>
        <dt>{t('console.process.progress.started')}</dt>
        <dd>{when(staff, progress.startedAt)}</dd>
        <dt>{t('console.process.progress.finished')}</dt>
        <dd>{when(staff, progress.finishedAt)}</dd>
      </dl>
      <div class="table-wrap" tabindex={0}>
        <table>
          <caption>{t('console.process.migrate.complaints')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('console.process.migrate.reference')}</th>
              <th scope="col">{t('console.process.progress.itemStatus')}</th>
              <th scope="col">{t('console.process.migrate.oldDeadline')}</th>
              <th scope="col">{t('console.process.migrate.newDeadline')}</th>
              <th scope="col">{t('console.process.progress.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {progress.complaints.map((c) => (
              <tr>
                <th scope="row">{c.reference}</th>
                <td>{t('console.process.progress.item', { status: c.status })}</td>
                <td>{when(staff, c.deadline?.old)}</td>
                <td>{when(staff, c.deadline?.new)}</td>
                <td>{c.reason ? `${c.reason}${c.message ? `: ${c.message}` : ''}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function ProgressPage({ staff, progress }: { staff: StaffSession; progress: ProgressView }) {
  const { t } = staff;
  return (
    <>
      <p>
        <a href={versionPath(progress.definitionId, progress.targetVersion)}>{t('console.process.editor.back', { version: progress.targetVersion })}</a>
      </p>
      <p>{t('console.process.progress.requested', { who: progress.requestedBy.id, when: when(staff, progress.requestedAt), target: progress.targetVersionId })}</p>
      <div aria-live="polite">
        <ProgressFragment staff={staff} progress={progress} />
      </div>
    </>
  );
}
