// The process owner's reading pages: every definition with its versions, one version (facts,
// the diagram drawn by Mermaid from the API's text, its actions by status), two versions compared.
import type { Child } from 'hono/jsx';
import { TIMED_STAGES } from '../../../domain/complaint.js';
import { DEADLINE_RULES } from '../../../domain/lifecycle/index.js';
import type { StaffSession } from '../env.js';
import { CsrfField } from '../pages/csrf-field.js';
import { PostButton } from '../pages/post-button.js';
import { retentionMonthsOf } from './editor.js';
import {
  IssueList,
  Refusal,
  StatusBadge,
  versionPath,
  when,
  type DefinitionView,
  type DiffView,
  type PathIssue,
  type SelectionView,
  type VersionView,
} from './view.js';

export function DefinitionsPage({ staff, definitions, selection }: { staff: StaffSession; definitions: readonly DefinitionView[]; selection: SelectionView | undefined }) {
  const { t } = staff;
  return (
    <>
      <p>{t('console.process.index.intro')}</p>
      {definitions.map((d) => (
        <section class="card process-definition" aria-labelledby={`def-${d.id}`}>
          <h2 id={`def-${d.id}`}>{d.id}</h2>
          <p class="muted">{t('console.process.index.created', { who: d.createdBy, when: when(staff, d.createdAt) })}</p>
          <VersionTable staff={staff} definition={d} />
          <DiffPicker staff={staff} definition={d} />
        </section>
      ))}
      {selection && <SelectionCard staff={staff} selection={selection} />}
    </>
  );
}

function VersionTable({ staff, definition }: { staff: StaffSession; definition: DefinitionView }) {
  const { t } = staff;
  return (
    <div class="table-wrap" tabindex={0}>
      <table>
        <caption class="visually-hidden">{t('console.process.versions.caption', { id: definition.id })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('console.process.versions.version')}</th>
            <th scope="col">{t('console.process.versions.status')}</th>
            <th scope="col">{t('console.process.versions.written')}</th>
            <th scope="col">{t('console.process.versions.published')}</th>
            <th scope="col">{t('console.process.versions.retired')}</th>
            <th scope="col">{t('console.process.versions.changeNote')}</th>
          </tr>
        </thead>
        <tbody>
          {[...definition.versions].reverse().map((v) => (
            <tr>
              <th scope="row">
                <a href={versionPath(definition.id, v.version)}>{t('console.process.versions.label', { version: v.version })}</a>
              </th>
              <td>
                <StatusBadge staff={staff} status={v.status} />
              </td>
              <td>{t('console.process.versions.by', { who: v.author, when: when(staff, v.updatedAt) })}</td>
              <td>{v.publishedBy ? t('console.process.versions.by', { who: v.publishedBy, when: when(staff, v.publishedAt) }) : '—'}</td>
              <td>{v.retiredBy ? t('console.process.versions.by', { who: v.retiredBy, when: when(staff, v.retiredAt) }) : '—'}</td>
              <td>{v.changeNote ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Pick two versions of a definition to compare (a GET form: the comparison has an address). */
export function DiffPicker({ staff, definition, from, to }: { staff: StaffSession; definition: DefinitionView; from?: number; to?: number }) {
  const { t } = staff;
  if (definition.versions.length < 2) return null;
  const numbers = definition.versions.map((v) => v.version);
  const last = numbers[numbers.length - 1]!;
  const fromValue = from ?? numbers[numbers.length - 2]!;
  const toValue = to ?? last;
  const idBase = `diff-${definition.id}`;
  return (
    <form method="get" action={`/console/process/${encodeURIComponent(definition.id)}/diff`} class="diff-picker">
      <fieldset>
        <legend>{t('console.process.diff.pick')}</legend>
        <label for={`${idBase}-from`}>{t('console.process.diff.from')}</label>
        <select id={`${idBase}-from`} name="from">
          {numbers.map((n) => (
            <option value={String(n)} selected={n === fromValue}>
              {t('console.process.versions.label', { version: n })}
            </option>
          ))}
        </select>
        <label for={`${idBase}-to`}>{t('console.process.diff.to')}</label>
        <select id={`${idBase}-to`} name="to">
          {numbers.map((n) => (
            <option value={String(n)} selected={n === toValue}>
              {t('console.process.versions.label', { version: n })}
            </option>
          ))}
        </select>
        <button type="submit">{t('console.process.diff.submit')}</button>
      </fieldset>
    </form>
  );
}

function SelectionCard({ staff, selection }: { staff: StaffSession; selection: SelectionView }) {
  const { t } = staff;
  return (
    <section class="card" aria-labelledby="selection-heading">
      <h2 id="selection-heading">{t('console.process.selection.heading')}</h2>
      <p>{t('console.process.selection.revision', { revision: selection.revision, who: selection.changedBy, when: when(staff, selection.changedAt) })}</p>
      {selection.note && <p class="muted">{selection.note}</p>}
      {selection.rules.length > 0 && (
        <div class="table-wrap" tabindex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('console.process.selection.when')}</th>
                <th scope="col">{t('console.process.selection.definition')}</th>
              </tr>
            </thead>
            <tbody>
              {selection.rules.map((rule) => (
                <tr>
                  <td>
                    <code>{JSON.stringify(rule.when)}</code>
                  </td>
                  <td>{rule.definitionId}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>{t('console.process.selection.default', { id: selection.defaultDefinitionId })}</p>
      <p>
        <a href="/console/process/selection">{t('console.process.selection.edit.link')}</a>
      </p>
    </section>
  );
}

export interface VersionPageErrors {
  /** Publishing refused: the issues at their paths, or the API's message. */
  publish?: { issues: PathIssue[]; message?: string; changeNote?: string };
  draft?: string;
  retire?: string;
}

export interface VersionPageProps {
  staff: StaffSession;
  definition: DefinitionView;
  version: VersionView;
  diagram: { mermaid: string } | { issues: PathIssue[]; message: string };
  timeZone: string;
  done?: string;
  errors?: VersionPageErrors;
  publishNote?: string;
}

export function VersionPage(props: VersionPageProps) {
  const { staff, definition, version, diagram, done, errors = {} } = props;
  const { t } = staff;
  const id = definition.id;
  const base = versionPath(id, version.version);
  const canWrite = staff.role === 'process_owner' || staff.role === 'admin';
  return (
    <>
      <p>
        <a href="/console/process">{t('console.process.backToList')}</a>
      </p>
      {done && (
        <p class="notice" role="status">
          {t('console.process.done', { what: done })}
        </p>
      )}
      <dl class="facts">
        <dt>{t('console.process.versions.status')}</dt>
        <dd>
          <StatusBadge staff={staff} status={version.status} />
        </dd>
        <dt>{t('console.process.versions.written')}</dt>
        <dd>{t('console.process.versions.by', { who: version.author, when: when(staff, version.updatedAt) })}</dd>
        <dt>{t('console.process.version.basedOn')}</dt>
        <dd>{version.basedOn === null ? '—' : <a href={versionPath(id, version.basedOn)}>{t('console.process.versions.label', { version: version.basedOn })}</a>}</dd>
        <dt>{t('console.process.versions.published')}</dt>
        <dd>{version.publishedBy ? t('console.process.versions.by', { who: version.publishedBy, when: when(staff, version.publishedAt) }) : '—'}</dd>
        <dt>{t('console.process.versions.changeNote')}</dt>
        <dd>{version.changeNote ?? '—'}</dd>
        <dt>{t('console.process.versions.retired')}</dt>
        <dd>{version.retiredBy ? t('console.process.versions.by', { who: version.retiredBy, when: when(staff, version.retiredAt) }) : '—'}</dd>
        <dt>{t('console.process.version.calendar')}</dt>
        <dd>{String((version.content as { calendarId?: unknown }).calendarId ?? '—')}</dd>
        <dt>{t('console.process.version.retention')}</dt>
        <dd>{retentionText(staff, version.content)}</dd>
        <dt>{t('console.process.version.hash')}</dt>
        <dd>
          <code class="hash">{version.contentHash}</code>
        </dd>
      </dl>

      <Diagram staff={staff} diagram={diagram} version={version.version} />

      {canWrite && version.status === 'draft' && (
        <section class="card" aria-labelledby="draft-actions">
          <h2 id="draft-actions">{t('console.process.draft.heading')}</h2>
          <p>
            <a class="button" href={`${base}/edit`}>
              {t('console.process.draft.edit')}
            </a>
          </p>
          <PublishForm staff={staff} action={`${base}/publish`} error={errors.publish} note={props.publishNote} />
        </section>
      )}
      {canWrite && version.status !== 'draft' && (
        <section class="card" aria-labelledby="version-actions">
          <h2 id="version-actions">{t('console.process.actions.heading')}</h2>
          <Refusal staff={staff} message={errors.draft} />
          <PostButton action={`/console/process/${encodeURIComponent(id)}/drafts`} csrf={staff.csrfToken} hidden={{ from: String(version.version) }}>
            {t('console.process.actions.newDraft')}
          </PostButton>
          {version.status === 'published' && (
            <>
              <Refusal staff={staff} message={errors.retire} />
              <form method="post" action={`${base}/retire`}>
                <CsrfField token={staff.csrfToken} />
                <p class="muted">{t('console.process.actions.retireHint')}</p>
                <button type="submit" class="secondary">
                  {t('console.process.actions.retire')}
                </button>
              </form>
            </>
          )}
        </section>
      )}
      {canWrite && version.status === 'published' && <MigrationForm staff={staff} definition={definition} target={version.version} />}
      <section class="card" aria-labelledby="try-heading">
        <h2 id="try-heading">{t('console.process.try.heading')}</h2>
        <p>{t('console.process.try.intro')}</p>
        <ul>
          <li>
            <a href={`${base}/simulate`}>{t('console.process.try.simulate')}</a>
          </li>
          <li>
            <a href={`${base}/backtest`}>{t('console.process.try.backtest')}</a>
          </li>
        </ul>
      </section>
      <DiffPicker staff={staff} definition={definition} {...(version.basedOn ? { from: version.basedOn } : {})} to={version.version} />
    </>
  );
}

/** How long the version keeps personal data after closure, in words (absent: kept). */
function retentionText(staff: StaffSession, content: unknown): string {
  const months = retentionMonthsOf(content as Record<string, unknown>);
  return months === '' ? staff.t('console.process.version.retentionKept') : staff.t('console.process.version.retentionMonths', { months: Number(months) });
}

function Diagram({ staff, diagram, version }: { staff: StaffSession; diagram: VersionPageProps['diagram']; version: number }) {
  const { t } = staff;
  if (!('mermaid' in diagram)) {
    return (
      <section aria-labelledby="diagram-heading">
        <h2 id="diagram-heading">{t('console.process.diagram.heading')}</h2>
        <IssueList staff={staff} issues={diagram.issues} id="diagram-issues" heading={t('console.process.diagram.invalid')} />
      </section>
    );
  }
  return (
    <section aria-labelledby="diagram-heading">
      <h2 id="diagram-heading">{t('console.process.diagram.heading')}</h2>
      <div class="diagram" id="process-diagram" data-mermaid-target="diagram-source" data-label={t('console.process.diagram.label', { version })} data-failed={t('console.process.diagram.failed')}>
        <p class="muted">{t('console.process.diagram.loading')}</p>
      </div>
      <details>
        <summary>{t('console.process.diagram.text')}</summary>
        <pre id="diagram-source" class="mermaid-source">
          {diagram.mermaid}
        </pre>
      </details>
    </section>
  );
}

function PublishForm({ staff, action, error, note }: { staff: StaffSession; action: string; error: VersionPageErrors['publish']; note: string | undefined }) {
  const { t } = staff;
  const noteError = error?.changeNote;
  return (
    <form method="post" action={action} id="publish-form">
      <h3>{t('console.process.publish.heading')}</h3>
      <p class="muted">{t('console.process.publish.hint')}</p>
      {error && error.issues.length > 0 && <IssueList staff={staff} issues={error.issues} id="publish-issues" heading={t('console.process.publish.refusedIssues', { count: error.issues.length })} />}
      {error && error.issues.length === 0 && !noteError && <Refusal staff={staff} message={error.message} />}
      <CsrfField token={staff.csrfToken} />
      <label for="changeNote">{t('console.process.publish.changeNote')}</label>
      <textarea id="changeNote" name="changeNote" rows={3} required {...(noteError ? { 'aria-invalid': 'true', 'aria-describedby': 'changeNote-error' } : {})}>
        {note ?? ''}
      </textarea>
      {noteError && (
        <p class="field-error" id="changeNote-error">
          {noteError}
        </p>
      )}
      <p>
        <button type="submit">{t('console.process.publish.submit')}</button>
      </p>
    </form>
  );
}

function MigrationForm({ staff, definition, target }: { staff: StaffSession; definition: DefinitionView; target: number }) {
  const { t } = staff;
  const others = definition.versions.filter((v) => v.version !== target && v.status !== 'draft');
  return (
    <section class="card" aria-labelledby="migrate-heading">
      <h2 id="migrate-heading">{t('console.process.migrate.heading', { version: target })}</h2>
      <p>{t('console.process.migrate.intro')}</p>
      <form method="post" action={`/console/process/${encodeURIComponent(definition.id)}/migrations/preview`}>
        <CsrfField token={staff.csrfToken} />
        <input type="hidden" name="targetVersion" value={String(target)} />
        <label for="migrate-from">{t('console.process.migrate.fromVersion')}</label>
        <select id="migrate-from" name="fromVersion">
          <option value="">{t('console.process.migrate.anyVersion')}</option>
          {others.map((v) => (
            <option value={String(v.version)}>{t('console.process.versions.label', { version: v.version })}</option>
          ))}
        </select>
        <fieldset>
          <legend>{t('console.process.migrate.rules')}</legend>
          <p class="muted">{t('console.process.migrate.rulesHint')}</p>
          {TIMED_STAGES.map((stage) => (
            <>
              <label for={`rule-${stage}`}>{t('console.process.stage', { stage })}</label>
              <select id={`rule-${stage}`} name={`rule.${stage}`}>
                {DEADLINE_RULES.map((rule) => (
                  <option value={rule}>{t('console.process.migrate.rule', { rule })}</option>
                ))}
              </select>
            </>
          ))}
        </fieldset>
        <p>
          <button type="submit">{t('console.process.migrate.preview')}</button>
        </p>
      </form>
    </section>
  );
}

export function DiffPage({ staff, definition, diff }: { staff: StaffSession; definition: DefinitionView; diff: DiffView }) {
  const { t } = staff;
  return (
    <>
      <p>
        <a href="/console/process">{t('console.process.backToList')}</a>
      </p>
      <DiffPicker staff={staff} definition={definition} from={diff.from.version} to={diff.to.version} />
      <p>{t('console.process.diff.count', { count: diff.changes.length, from: diff.from.version, to: diff.to.version })}</p>
      {diff.changes.length > 0 && (
        <div class="table-wrap" tabindex={0}>
          <table class="diff">
            <thead>
              <tr>
                <th scope="col">{t('console.process.diff.change')}</th>
                <th scope="col">{t('console.process.diff.path')}</th>
                <th scope="col">{t('console.process.diff.was', { version: diff.from.version })}</th>
                <th scope="col">{t('console.process.diff.becomes', { version: diff.to.version })}</th>
              </tr>
            </thead>
            <tbody>
              {diff.changes.map((change) => (
                <tr>
                  <td>{change.sentence}</td>
                  <td>
                    <code>{change.path}</code>
                  </td>
                  <td>
                    <JsonValue value={change.from} />
                  </td>
                  <td>
                    <JsonValue value={change.to} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function JsonValue({ value }: { value: unknown }): Child {
  if (value === null || value === undefined) return <span class="muted">—</span>;
  return (
    <pre class="json-value">
      <code>{JSON.stringify(value, null, 1)}</code>
    </pre>
  );
}
