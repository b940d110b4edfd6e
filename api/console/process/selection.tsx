// The selection rules editor (/console/process/selection): which definition a new complaint is
// filed under. One form holds every rule (countries, channels, definition), the default and a
// note; adding, removing and moving a rule post the form back and come back with it changed and
// not saved (no script needed, nothing typed is lost), and only Save sends the whole set to
// PUT /v1/process-selection, with the revision the page was read at as If-Match: a change someone
// made meanwhile is refused (412), never overwritten. The API's issues stand beside the fields at
// their paths (`rules.1.when.country.0` → rule 2's countries) and are listed at the top.
import { CHANNELS } from '../../../domain/complaint.js';
import type { StaffSession } from '../env.js';
import { CsrfField } from '../pages/csrf-field.js';
import { ruleId, SELECTION_PATH, selectionFieldFor, type SelectionFields } from './selection-form.js';
import { IssueList, Refusal, when, type DefinitionView, type PathIssue, type SelectionView } from './view.js';

export interface SelectionPageProps {
  staff: StaffSession;
  fields: SelectionFields;
  definitions: readonly DefinitionView[];
  history: readonly SelectionView[];
  issues?: PathIssue[];
  /** A refusal that names no field. */
  refusal?: string;
  notice?: { kind: 'saved'; revision: number } | { kind: 'unsaved' } | { kind: 'stale'; revision: number; who: string };
}

function DefinitionSelect({ staff, id, name, value, definitions, describedBy }: { staff: StaffSession; id: string; name: string; value: string; definitions: readonly DefinitionView[]; describedBy: Record<string, string> }) {
  const ids = definitions.map((d) => d.id);
  return (
    <select id={id} name={name} {...describedBy}>
      {!ids.includes(value) && <option value={value} selected>{value}</option>}
      {definitions.map((d) => (
        <option value={d.id} selected={d.id === value}>
          {d.versions.some((v) => v.status === 'published') ? d.id : staff.t('console.process.selection.edit.unpublished', { id: d.id })}
        </option>
      ))}
    </select>
  );
}

/** A rule in words: its conditions and where they send a complaint. */
function ruleSummary(staff: StaffSession, rule: SelectionView['rules'][number]): string {
  const { t } = staff;
  const conditions = [
    rule.when.country ? t('console.process.selection.edit.summaryCountry', { codes: rule.when.country.join(', ') }) : null,
    rule.when.channel ? t('console.process.selection.edit.summaryChannel', { channels: rule.when.channel.map((c) => t('console.search.channel', { value: c })).join(', ') }) : null,
  ].filter(Boolean);
  return t('console.process.selection.edit.summary', { conditions: conditions.join('; '), id: rule.definitionId });
}

function Notice({ staff, notice }: { staff: StaffSession; notice: SelectionPageProps['notice'] }) {
  if (!notice) return null;
  const { t } = staff;
  if (notice.kind === 'stale') {
    return (
      <div class="form-errors" role="alert">
        <p>{t('console.process.selection.edit.stale', { revision: notice.revision, who: notice.who })}</p>
      </div>
    );
  }
  return (
    <p class="notice" role="status">
      {notice.kind === 'saved' ? t('console.process.selection.edit.saved', { revision: notice.revision }) : t('console.process.selection.edit.unsaved')}
    </p>
  );
}

export function SelectionPage(props: SelectionPageProps) {
  const { staff, fields, definitions, history, issues = [] } = props;
  const { t } = staff;
  const errors = new Map<string, string[]>();
  for (const issue of issues) {
    const id = selectionFieldFor(issue.path);
    if (id) errors.set(id, [...(errors.get(id) ?? []), `${issue.path}: ${issue.message}`]);
  }
  const invalid = (id: string, hint?: string): Record<string, string> =>
    errors.has(id) ? { 'aria-invalid': 'true', 'aria-describedby': [hint, `${id}-error`].filter(Boolean).join(' ') } : hint ? { 'aria-describedby': hint } : {};
  const errorOf = (id: string) =>
    errors.has(id) ? (
      <p class="field-error" id={`${id}-error`}>
        {errors.get(id)!.join(' ')}
      </p>
    ) : null;
  const last = fields.rules.length - 1;
  return (
    <>
      <p>
        <a href="/console/process">{t('console.process.selection.edit.back')}</a>
      </p>
      <p>{t('console.process.selection.edit.intro')}</p>
      <Notice staff={staff} notice={props.notice} />
      <Refusal staff={staff} message={props.refusal} />
      <form method="post" action={SELECTION_PATH} id="selection-form" class="card" aria-labelledby="selection-rules-heading" novalidate>
        {/* The first submit button is the one Enter presses in a field: Save, not a rule's Remove. */}
        <button type="submit" name="action" value="save" class="visually-hidden" tabindex={-1} aria-hidden="true">
          {t('console.process.selection.edit.save')}
        </button>
        <h2 id="selection-rules-heading">{t('console.process.selection.edit.rules')}</h2>
        <IssueList staff={staff} issues={issues} id="selection-issues" fieldFor={selectionFieldFor} />
        <CsrfField token={staff.csrfToken} />
        <input type="hidden" name="_revision" value={fields.revision} />
        {fields.rules.length === 0 ? (
          <p class="muted">{t('console.process.selection.edit.none')}</p>
        ) : (
          <ol class="selection-rules">
            {fields.rules.map((rule, i) => {
              const n = i + 1;
              const countryId = ruleId(i, 'country');
              const definitionId = ruleId(i, 'definition');
              const channelError = ruleId(i, `channel-${CHANNELS[0]}`);
              return (
                <li>
                  <fieldset class="selection-rule">
                    <legend>{t('console.process.selection.edit.rule', { n })}</legend>
                    <label for={countryId}>{t('console.process.selection.edit.country')}</label>
                    <p class="muted hint" id={`${countryId}-hint`}>
                      {t('console.process.selection.edit.countryHint')}
                    </p>
                    <input id={countryId} name={`rules.${i}.country`} value={rule.country} size={24} maxlength={1_000} autocomplete="off" {...invalid(countryId, `${countryId}-hint`)} />
                    {errorOf(countryId)}
                    <fieldset class="channels">
                      <legend>{t('console.process.selection.edit.channels')}</legend>
                      {CHANNELS.map((channel) => {
                        const id = ruleId(i, `channel-${channel}`);
                        return (
                          <label class="check" for={id}>
                            <input type="checkbox" id={id} name={`rules.${i}.channel`} value={channel} checked={rule.channels.includes(channel) || undefined} {...(errors.has(channelError) ? { 'aria-describedby': `${channelError}-error` } : {})} />
                            {t('console.search.channel', { value: channel })}
                          </label>
                        );
                      })}
                      {errorOf(channelError)}
                    </fieldset>
                    <label for={definitionId}>{t('console.process.selection.edit.definition')}</label>
                    <DefinitionSelect staff={staff} id={definitionId} name={`rules.${i}.definitionId`} value={rule.definitionId} definitions={definitions} describedBy={invalid(definitionId)} />
                    {errorOf(definitionId)}
                    <p class="buttons">
                      {i > 0 && (
                        <button type="submit" name="action" value={`up.${i}`} class="secondary" aria-label={t('console.process.selection.edit.upLabel', { n })}>
                          {t('console.process.selection.edit.up')}
                        </button>
                      )}
                      {i < last && (
                        <button type="submit" name="action" value={`down.${i}`} class="secondary" aria-label={t('console.process.selection.edit.downLabel', { n })}>
                          {t('console.process.selection.edit.down')}
                        </button>
                      )}
                      <button type="submit" name="action" value={`remove.${i}`} class="danger" aria-label={t('console.process.selection.edit.removeLabel', { n })}>
                        {t('console.process.selection.edit.remove')}
                      </button>
                    </p>
                  </fieldset>
                </li>
              );
            })}
          </ol>
        )}
        <p>
          <button type="submit" name="action" value="add" class="secondary">
            {t('console.process.selection.edit.add')}
          </button>
        </p>
        <label for="sel-default">{t('console.process.selection.edit.default')}</label>
        <DefinitionSelect staff={staff} id="sel-default" name="defaultDefinitionId" value={fields.defaultDefinitionId} definitions={definitions} describedBy={invalid('sel-default')} />
        {errorOf('sel-default')}
        <label for="sel-note">{t('console.process.selection.edit.note')}</label>
        <p class="muted hint" id="sel-note-hint">
          {t('console.process.selection.edit.noteHint')}
        </p>
        <textarea id="sel-note" name="note" rows={3} maxlength={2_000} {...invalid('sel-note', 'sel-note-hint')}>
          {fields.note}
        </textarea>
        {errorOf('sel-note')}
        <p class="buttons">
          <button type="submit" name="action" value="save">
            {t('console.process.selection.edit.save')}
          </button>
        </p>
      </form>
      <section class="card" aria-labelledby="selection-history-heading">
        <h2 id="selection-history-heading">{t('console.process.selection.edit.history')}</h2>
        <div class="table-wrap" tabindex={0}>
          <table>
            <caption class="visually-hidden">{t('console.process.selection.edit.history')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('console.process.selection.edit.col.revision')}</th>
                <th scope="col">{t('console.process.selection.edit.col.changed')}</th>
                <th scope="col">{t('console.process.selection.edit.col.note')}</th>
                <th scope="col">{t('console.process.selection.edit.col.rules')}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((revision) => (
                <tr data-revision={revision.revision}>
                  <th scope="row">{revision.revision}</th>
                  <td>{t('console.process.versions.by', { who: revision.changedBy, when: when(staff, revision.changedAt) })}</td>
                  <td>{revision.note ?? '—'}</td>
                  <td>
                    <ol class="plain">
                      {revision.rules.map((rule) => (
                        <li>{ruleSummary(staff, rule)}</li>
                      ))}
                    </ol>
                    {t('console.process.selection.default', { id: revision.defaultDefinitionId })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
