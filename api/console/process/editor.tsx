// The draft editor: the common changes as fields (each stage's deadline and warning point; how
// long personal data is kept after closure), the whole definition as JSON for anything else; both validate (nothing stored) or save the draft,
// through the API, whose issues show at their paths: beside the field that holds them, and listed.
import type { StaffSession } from '../env.js';
import { CsrfField } from '../pages/csrf-field.js';
import { IssueList, Refusal, versionPath, type PathIssue } from './view.js';

/** The stages the structured form edits; `conclusion` has a deadline and no warning of its own. */
export const EDITED_STAGES = ['acknowledgement', 'initialReview', 'investigation', 'conclusion', 'reinvestigation'] as const;
type EditedStage = (typeof EDITED_STAGES)[number];
const UNITS = ['workingHours', 'workingDays'] as const;

export interface StageFields {
  amount: string;
  unit: string;
  warnAtShare: string | undefined;
}

/** The structured fields as the stored content has them. */
export function stageFieldsOf(content: Record<string, unknown>): Record<EditedStage, StageFields> {
  const stages = (content.stages ?? {}) as Record<string, { deadline?: Record<string, unknown>; warnAtShare?: unknown } | undefined>;
  return Object.fromEntries(
    EDITED_STAGES.map((stage) => {
      const s = stages[stage] ?? {};
      const unit = UNITS.find((u) => s.deadline && u in s.deadline) ?? 'workingDays';
      const amount = s.deadline?.[unit];
      return [stage, { amount: amount === undefined ? '' : String(amount), unit, warnAtShare: s.warnAtShare === undefined ? undefined : String(s.warnAtShare) }];
    }),
  ) as Record<EditedStage, StageFields>;
}

/** The fields as a form posted them. */
export function stageFieldsFromForm(form: Record<string, unknown>, stored: Record<EditedStage, StageFields>): Record<EditedStage, StageFields> {
  const value = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : undefined);
  return Object.fromEntries(
    EDITED_STAGES.map((stage) => [
      stage,
      {
        amount: value(`${stage}.amount`) ?? stored[stage].amount,
        unit: value(`${stage}.unit`) ?? stored[stage].unit,
        warnAtShare: stored[stage].warnAtShare === undefined ? undefined : (value(`${stage}.warnAtShare`) ?? stored[stage].warnAtShare),
      },
    ]),
  ) as Record<EditedStage, StageFields>;
}

/** A number when the text is one; else the text itself, so the API names the field as not a number. */
const numeric = (text: string): unknown => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text);

/** The stored content with the structured fields put in (the rest untouched). */
export function withStageFields(content: Record<string, unknown>, fields: Record<EditedStage, StageFields>): Record<string, unknown> {
  const next = structuredClone(content);
  const stages = ((next.stages ??= {}) as Record<string, Record<string, unknown>>);
  for (const stage of EDITED_STAGES) {
    const f = fields[stage];
    const target = (stages[stage] ??= {});
    target.deadline = { [UNITS.includes(f.unit as (typeof UNITS)[number]) ? f.unit : 'workingDays']: numeric(f.amount) };
    if (f.warnAtShare !== undefined) target.warnAtShare = numeric(f.warnAtShare);
  }
  return next;
}

/** The retention field's input id (`retention.erasePersonalDataAfterClosureMonths`). */
export const RETENTION_FIELD_ID = 'field-retention-months';

/** The months after closure the content keeps personal data, as text; '' when it says nothing (kept). */
export function retentionMonthsOf(content: Record<string, unknown>): string {
  const months = (content.retention as { erasePersonalDataAfterClosureMonths?: unknown } | undefined)?.erasePersonalDataAfterClosureMonths;
  return months === undefined ? '' : String(months);
}

/** The content with the retention months put in; an empty field removes `retention` (kept). */
export function withRetentionMonths(content: Record<string, unknown>, months: string): Record<string, unknown> {
  const next = structuredClone(content);
  if (months.trim() === '') delete next.retention;
  else next.retention = { ...((next.retention as Record<string, unknown> | undefined) ?? {}), erasePersonalDataAfterClosureMonths: numeric(months) };
  return next;
}

/** The retention field, for an issue at `retention…`. */
export const retentionFieldFor = (path: string): string | undefined => (/^retention(\.|$)/.test(path) ? RETENTION_FIELD_ID : undefined);

/** The structured field an issue's path belongs to (its input's id), if any. */
export function stageFieldFor(path: string): string | undefined {
  const match = /^stages\.([A-Za-z]+)\.(deadline|warnAtShare)/.exec(path);
  if (!match || !(EDITED_STAGES as readonly string[]).includes(match[1]!)) return undefined;
  return match[2] === 'deadline' ? `field-${match[1]}-amount` : `field-${match[1]}-warnAtShare`;
}

export type EditorForm = 'deadlines' | 'retention' | 'json';

export interface EditorProps {
  staff: StaffSession;
  definitionId: string;
  version: number;
  fields: Record<EditedStage, StageFields>;
  /** `retention.erasePersonalDataAfterClosureMonths` as text; '' = kept. */
  retentionMonths: string;
  json: string;
  /** Which form the issues and notice belong to. */
  form?: EditorForm;
  issues?: PathIssue[];
  valid?: boolean;
  refusal?: string;
}

/** Each of the editor's forms ends with the same two: check the draft, or check and save it. */
function EditorButtons({ t }: { t: EditorProps['staff']['t'] }) {
  return (
    <p class="buttons">
      <button type="submit" name="action" value="validate" class="secondary">
        {t('console.process.editor.validate')}
      </button>
      <button type="submit" name="action" value="save">
        {t('console.process.editor.save')}
      </button>
    </p>
  );
}

export function EditorPage(props: EditorProps) {
  const { staff, definitionId, version, fields, retentionMonths, json, form, issues = [], valid, refusal } = props;
  const { t } = staff;
  const action = `${versionPath(definitionId, version)}/edit`;
  const deadlineIssues = form === 'deadlines' ? issues : [];
  const retentionIssues = form === 'retention' ? issues : [];
  const jsonIssues = form === 'json' ? issues : [];
  const byField = new Map<string, string[]>();
  for (const issue of [...deadlineIssues.map((i) => [i, stageFieldFor(i.path)] as const), ...retentionIssues.map((i) => [i, retentionFieldFor(i.path)] as const)]) {
    const [{ path, message }, id] = issue;
    if (id) byField.set(id, [...(byField.get(id) ?? []), `${path}: ${message}`]);
  }
  const describedBy = (id: string) => (byField.has(id) ? { 'aria-invalid': 'true', 'aria-describedby': `${id}-error` } : {});
  const errorOf = (id: string) =>
    byField.has(id) ? (
      <p class="field-error" id={`${id}-error`}>
        {byField.get(id)!.join(' ')}
      </p>
    ) : null;
  const notice = (which: EditorForm) =>
    form === which && valid ? (
      <p class="notice" role="status">
        {t('console.process.editor.valid')}
      </p>
    ) : null;
  return (
    <>
      <p>
        <a href={versionPath(definitionId, version)}>{t('console.process.editor.back', { version })}</a>
      </p>
      <p>{t('console.process.editor.intro')}</p>
      <Refusal staff={staff} message={refusal} />
      <form method="post" action={action} id="deadlines-form" class="card" aria-labelledby="deadlines-heading">
        <h2 id="deadlines-heading">{t('console.process.editor.deadlines')}</h2>
        {notice('deadlines')}
        <IssueList staff={staff} issues={deadlineIssues} id="deadlines-issues" fieldFor={stageFieldFor} />
        <CsrfField token={staff.csrfToken} />
        <input type="hidden" name="form" value="deadlines" />
        <div class="stage-fields">
          {EDITED_STAGES.map((stage) => {
            const f = fields[stage];
            const amountId = `field-${stage}-amount`;
            const warnId = `field-${stage}-warnAtShare`;
            return (
              <fieldset class="stage-field">
                <legend>{t('console.process.stage', { stage })}</legend>
                <label for={amountId}>{t('console.process.editor.deadline')}</label>
                <input id={amountId} name={`${stage}.amount`} value={f.amount} inputmode="decimal" size={8} {...describedBy(amountId)} />
                <label for={`field-${stage}-unit`}>{t('console.process.editor.unit')}</label>
                <select id={`field-${stage}-unit`} name={`${stage}.unit`}>
                  {UNITS.map((unit) => (
                    <option value={unit} selected={unit === f.unit}>
                      {t('console.process.editor.unitName', { unit })}
                    </option>
                  ))}
                </select>
                {errorOf(amountId)}
                {f.warnAtShare !== undefined && (
                  <>
                    <label for={warnId}>{t('console.process.editor.warnAtShare')}</label>
                    <input id={warnId} name={`${stage}.warnAtShare`} value={f.warnAtShare} inputmode="decimal" size={6} {...describedBy(warnId)} />
                    {errorOf(warnId)}
                  </>
                )}
              </fieldset>
            );
          })}
        </div>
        <EditorButtons t={t} />
      </form>
      <form method="post" action={action} id="retention-form" class="card" aria-labelledby="retention-heading">
        <h2 id="retention-heading">{t('console.process.editor.retention')}</h2>
        {notice('retention')}
        <IssueList staff={staff} issues={retentionIssues} id="retention-issues" fieldFor={retentionFieldFor} />
        <CsrfField token={staff.csrfToken} />
        <input type="hidden" name="form" value="retention" />
        <label for={RETENTION_FIELD_ID}>{t('console.process.editor.retentionMonths')}</label>
        <p class="muted" id={`${RETENTION_FIELD_ID}-hint`}>
          {t('console.process.editor.retentionHint')}
        </p>
        <input
          id={RETENTION_FIELD_ID}
          name="retention.months"
          value={retentionMonths}
          inputmode="numeric"
          size={6}
          aria-describedby={byField.has(RETENTION_FIELD_ID) ? `${RETENTION_FIELD_ID}-hint ${RETENTION_FIELD_ID}-error` : `${RETENTION_FIELD_ID}-hint`}
          {...(byField.has(RETENTION_FIELD_ID) ? { 'aria-invalid': 'true' } : {})}
        />
        {errorOf(RETENTION_FIELD_ID)}
        <EditorButtons t={t} />
      </form>
      <form method="post" action={action} id="json-form" class="card" aria-labelledby="json-heading">
        <h2 id="json-heading">{t('console.process.editor.json')}</h2>
        <p class="muted" id="json-hint">
          {t('console.process.editor.jsonHint')}
        </p>
        {notice('json')}
        <IssueList staff={staff} issues={jsonIssues} id="json-issues" />
        <CsrfField token={staff.csrfToken} />
        <input type="hidden" name="form" value="json" />
        <label for="field-content">{t('console.process.editor.content')}</label>
        <textarea
          id="field-content"
          name="content"
          rows={24}
          spellcheck={false}
          class="code"
          aria-describedby={jsonIssues.length > 0 ? 'json-hint json-issues' : 'json-hint'}
          {...(jsonIssues.length > 0 ? { 'aria-invalid': 'true' } : {})}
        >
          {json}
        </textarea>
        <EditorButtons t={t} />
      </form>
    </>
  );
}
