// One form per decision the API allows now, with the fields its body takes; a refused form comes
// back with the values kept and the API's errors beside the fields.
import type { DecisionType } from '../../../domain/complaint.js';
import type { ApiError } from '../api-client.js';
import { CsrfField } from '../pages/csrf-field.js';
import { FieldError, fieldAttributes, FormErrorSummary, issuesByPath } from '../pages/form-errors.js';
import type { ConsoleTranslate } from '../../../texts/console/translate.js';
import type { ConsoleMessageKey } from '../../../texts/console/translate.js';
import { confirmNewField, type ClassifiedField, type ClassifyVocabulary } from './classify-values.js';
import { DECISION_FIELDS, type DecisionField, type FormValues, type Suggestions } from './decision-fields.js';
import type { PossibleDuplicateView } from '../../staff/complaints.schemas.js';
import { DECISION_PATH, type Directory, type LifecycleView } from './view.js';

/** A form posted and refused: which, what was typed, what the API (or the console's near-miss check) said. */
export interface RefusedForm {
  type: DecisionType;
  values: FormValues;
  error: ApiError;
  /** Classify's fields whose value was almost a known one: each gets a box to file it as new. */
  nearMisses?: readonly ClassifiedField[];
}

/** What the fields' suggestions are drawn from. */
export interface SuggestionSources {
  directory: Directory;
  lifecycle: LifecycleView;
  vocabulary: ClassifyVocabulary;
  possibleDuplicates: readonly PossibleDuplicateView[];
  t: ConsoleTranslate;
}

const formId = (type: DecisionType) => `decide-${type}`;
const fieldId = (type: DecisionType, name: string) => `${formId(type)}-${name}`;
const listId = (type: DecisionType, name: string) => `${fieldId(type, name)}-list`;

function suggestionsOf(source: Suggestions, { directory, lifecycle, vocabulary, possibleDuplicates, t }: SuggestionSources): { value: string; label: string }[] {
  if (source === 'people') return [...directory.people].map(([value, label]) => ({ value, label }));
  if (source === 'teams') return directory.teams.map((team) => ({ value: team.id, label: team.name }));
  if (source === 'departments') {
    // A process that lists its departments accepts only those: offer exactly them.
    const names = new Map(directory.departments.map((d) => [d.id, d.name]));
    if (vocabulary.departments) return vocabulary.departments.map((id) => ({ value: id, label: names.get(id) ?? id }));
    return directory.departments.map((d) => ({ value: d.id, label: d.name }));
  }
  if (source === 'categories' || source === 'products') {
    return vocabulary[source === 'categories' ? 'category' : 'product'].map((k) => ({
      value: k.value,
      label: t('console.complaint.known.option', { label: k.label ?? '__none', count: k.complaints, routed: String(k.routed) }),
    }));
  }
  if (source === 'possibleDuplicates') return possibleDuplicates.map((d) => ({ value: d.reference, label: d.subject }));
  // A repeat follows a closed complaint of the same customer: those of the possible duplicates.
  if (source === 'repeatCandidates') {
    return possibleDuplicates.filter((d) => d.status === 'closed' && d.why !== 'similar_text').map((d) => ({ value: d.reference, label: d.subject }));
  }
  return (lifecycle.correctiveActions ?? []).map((a) => ({ value: a.id, label: a.action }));
}

function Field(props: { type: DecisionType; field: DecisionField; value: string; issues: ReturnType<typeof issuesByPath>; sources: SuggestionSources; confirmNew: boolean; confirmed: boolean }) {
  const { type, field, value, issues } = props;
  const t = props.sources.t;
  const id = fieldId(type, field.name);
  const attrs = fieldAttributes(issues, formId(type), field.name);
  const required = field.kind !== 'nullable-text' && field.required;
  const label = t(`console.complaint.field.${field.name}` as ConsoleMessageKey);
  const hintKey = `console.complaint.hint.${type}.${field.name}`;
  const hint = HINTS.has(hintKey) ? t(hintKey as ConsoleMessageKey) : null;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, attrs['aria-describedby'] ?? null].filter(Boolean).join(' ') || undefined;
  const common = { id, name: field.name, ...attrs, 'aria-describedby': describedBy, required: required || undefined };
  let control;
  if (field.kind === 'select') {
    control = (
      <select {...common}>
        <option value="">{t('console.complaint.form.choose')}</option>
        {field.options.map((option) => (
          <option value={option} selected={option === value}>
            {t(`console.complaint.option.${field.optionLabel}` as ConsoleMessageKey, { value: option })}
          </option>
        ))}
      </select>
    );
  } else if (field.kind === 'textarea') {
    control = <textarea {...common} rows={3} maxlength={field.maxLength}>{value}</textarea>;
  } else {
    const suggestions = 'suggestions' in field && field.suggestions ? suggestionsOf(field.suggestions, props.sources) : [];
    const inputType = field.kind === 'date' ? 'date' : field.kind === 'number' ? 'number' : 'text';
    control = (
      <>
        <input
          {...common}
          type={inputType}
          value={value}
          step={field.kind === 'number' ? 'any' : undefined}
          maxlength={'maxLength' in field ? field.maxLength : undefined}
          list={suggestions.length > 0 ? listId(type, field.name) : undefined}
          autocomplete="off"
        />
        {suggestions.length > 0 && (
          <datalist id={listId(type, field.name)}>
            {suggestions.map((s) => (
              <option value={s.value}>{s.label}</option>
            ))}
          </datalist>
        )}
      </>
    );
  }
  return (
    <div class="field">
      <label for={id}>
        {label}
        {!required && <span class="muted">{` ${t('console.complaint.form.optional')}`}</span>}
      </label>
      {hint && (
        <p class="muted hint" id={hintId}>
          {hint}
        </p>
      )}
      {control}
      <FieldError issues={issues} formId={formId(type)} path={field.name} />
      {props.confirmNew && (
        <label class="check" for={`${id}-new`}>
          <input type="checkbox" id={`${id}-new`} name={confirmNewField(field.name as ClassifiedField)} value="yes" checked={props.confirmed || undefined} />
          {t('console.complaint.classify.confirmNew', { field: field.name, value: value.trim() })}
        </label>
      )}
    </div>
  );
}

/** Hints some fields carry (the key exists in the catalog). */
const HINTS = new Set([
  'console.complaint.hint.classify.category',
  'console.complaint.hint.classify.product',
  'console.complaint.hint.classify.department',
  'console.complaint.hint.assign.assignee',
  'console.complaint.hint.propose_resolution.amount',
  'console.complaint.hint.propose_resolution.currency',
  'console.complaint.hint.request_info.question',
]);

export function DecisionForm(props: {
  type: DecisionType;
  reference: string;
  etag: string | null;
  csrfToken: string;
  t: ConsoleTranslate;
  /** Everything but the translator, which the form already has. */
  sources: Omit<SuggestionSources, 't'>;
  refused: RefusedForm | null;
}) {
  const { type, t, refused } = props;
  const mine = refused?.type === type ? refused : null;
  const issues = issuesByPath(mine?.error);
  const fields = DECISION_FIELDS[type];
  const headingId = `${formId(type)}-title`;
  const fieldIds = Object.fromEntries(fields.map((f) => [f.name, fieldId(type, f.name)]));
  return (
    <section class="card decision" aria-labelledby={headingId} id={`${formId(type)}-section`}>
      <h3 id={headingId}>{t(`console.complaint.decision.${type}` as ConsoleMessageKey)}</h3>
      <p class="muted">{t(`console.complaint.decisionHelp.${type}` as ConsoleMessageKey)}</p>
      <FormErrorSummary error={mine?.error} issues={issues} t={t} fieldIds={fieldIds} />
      <form method="post" action={DECISION_PATH(props.reference, type)} id={formId(type)} novalidate>
        <CsrfField token={props.csrfToken} />
        {props.etag && <input type="hidden" name="_etag" value={props.etag} />}
        {fields.map((field) => (
          <Field
            type={type}
            field={field}
            value={mine?.values[field.name] ?? ''}
            issues={issues}
            sources={{ ...props.sources, t }}
            confirmNew={mine?.nearMisses?.includes(field.name as ClassifiedField) ?? false}
            confirmed={mine?.values[confirmNewField(field.name as ClassifiedField)] === 'yes'}
          />
        ))}
        <p>
          <button type="submit">{t(`console.complaint.submit.${type}` as ConsoleMessageKey)}</button>
        </p>
      </form>
    </section>
  );
}
