// The fields of each decision's form, after the API's body for it (domain/complaint-schemas.ts):
// what the page renders and how a posted form becomes the JSON body. The API validates; this only
// shapes. An empty optional field is left out, so the API's own default (e.g. routing rules
// choosing the department) applies.
import {
  EXTERNAL_DECISIONS,
  PROPOSAL_OUTCOMES,
  RECORDED_ANSWERS,
  REMEDY_KINDS,
  SEVERITIES,
  STAFF_RECORDED_CHANNELS,
  type DecisionType,
} from '../../../domain/complaint.js';

/**
 * Where a text field's suggestions come from (a <datalist>): the staff directory, the complaint's
 * corrective actions, the known categories and products (classify-values.ts), or the complaint's
 * possible duplicates.
 */
export type Suggestions = 'people' | 'teams' | 'departments' | 'correctiveActions' | 'categories' | 'products' | 'possibleDuplicates' | 'repeatCandidates';

export type DecisionField =
  | { name: string; kind: 'text' | 'textarea' | 'date'; required: boolean; suggestions?: Suggestions; maxLength?: number }
  | { name: string; kind: 'number'; required: boolean }
  | { name: string; kind: 'select'; required: boolean; options: readonly string[]; optionLabel: OptionLabel }
  /** `assign`'s assignee: empty means "nobody" (null: the complaint is released to its team). */
  | { name: string; kind: 'nullable-text'; suggestions: Suggestions };

/** Which catalog message names an option of a select (console.complaint.option.<label>). */
export type OptionLabel = 'severity' | 'outcome' | 'remedy' | 'externalDecision' | 'recordedAnswer' | 'channel';

const reason = [{ name: 'reason', kind: 'textarea', required: true, maxLength: 1_000 }] as const satisfies readonly DecisionField[];

export const DECISION_FIELDS: Readonly<Record<DecisionType, readonly DecisionField[]>> = {
  acknowledge: [],
  classify: [
    { name: 'category', kind: 'text', required: true, suggestions: 'categories', maxLength: 100 },
    { name: 'product', kind: 'text', required: true, suggestions: 'products', maxLength: 200 },
    { name: 'severity', kind: 'select', required: true, options: SEVERITIES, optionLabel: 'severity' },
    { name: 'department', kind: 'text', required: false, suggestions: 'departments', maxLength: 100 },
  ],
  assign: [
    { name: 'assignee', kind: 'nullable-text', suggestions: 'people' },
    { name: 'team', kind: 'text', required: false, suggestions: 'teams', maxLength: 100 },
  ],
  request_info: [{ name: 'question', kind: 'textarea', required: true, maxLength: 2_000 }],
  propose_resolution: [
    { name: 'outcome', kind: 'select', required: true, options: PROPOSAL_OUTCOMES, optionLabel: 'outcome' },
    { name: 'summary', kind: 'textarea', required: true, maxLength: 5_000 },
    { name: 'remedy', kind: 'select', required: true, options: REMEDY_KINDS, optionLabel: 'remedy' },
    { name: 'amount', kind: 'number', required: false },
    { name: 'currency', kind: 'text', required: false, maxLength: 3 },
    { name: 'correctiveActionId', kind: 'text', required: false, suggestions: 'correctiveActions' },
  ],
  escalate: reason,
  note: [{ name: 'text', kind: 'textarea', required: true, maxLength: 5_000 }],
  record_corrective_action: [
    { name: 'rootCause', kind: 'textarea', required: true, maxLength: 2_000 },
    { name: 'action', kind: 'textarea', required: true, maxLength: 2_000 },
    { name: 'owner', kind: 'text', required: true, suggestions: 'people', maxLength: 100 },
    { name: 'dueDate', kind: 'date', required: true },
  ],
  record_external_outcome: [
    { name: 'body', kind: 'text', required: true, maxLength: 200 },
    { name: 'bodyReference', kind: 'text', required: true, maxLength: 100 },
    { name: 'decision', kind: 'select', required: true, options: EXTERNAL_DECISIONS, optionLabel: 'externalDecision' },
    { name: 'summary', kind: 'textarea', required: true, maxLength: 5_000 },
  ],
  withdraw: reason,
  close_out_of_scope: reason,
  mark_duplicate: [{ name: 'duplicateOf', kind: 'text', required: true, suggestions: 'possibleDuplicates', maxLength: 40 }],
  record_customer_answer: [
    { name: 'answer', kind: 'select', required: true, options: RECORDED_ANSWERS, optionLabel: 'recordedAnswer' },
    { name: 'text', kind: 'textarea', required: true, maxLength: 5_000 },
    { name: 'channel', kind: 'select', required: true, options: STAFF_RECORDED_CHANNELS, optionLabel: 'channel' },
  ],
  cancel_info_request: reason,
  reissue_link: [],
  link_repeat: [{ name: 'repeatOf', kind: 'text', required: true, suggestions: 'repeatCandidates', maxLength: 40 }],
};

export type FormValues = Readonly<Record<string, string>>;

/**
 * The API body of `type` from a posted form. Required fields go as typed (even empty: the API
 * names them); an empty optional one is left out; a number that does not parse goes as text, so
 * the API's refusal names the field.
 */
export function decisionBody(type: DecisionType, form: FormValues): Record<string, unknown> {
  const body: Record<string, unknown> = { type };
  for (const field of DECISION_FIELDS[type]) {
    const raw = form[field.name] ?? '';
    const value = raw.trim();
    if (field.kind === 'nullable-text') {
      body[field.name] = value === '' ? null : value;
    } else if (field.kind === 'number') {
      if (value !== '') body[field.name] = Number.isFinite(Number(value)) ? Number(value) : value;
    } else if (value !== '' || field.required) {
      // Free text is sent as written (the API refuses only blank text); the trimmed value decides emptiness.
      body[field.name] = field.kind === 'textarea' ? raw : value;
    }
  }
  return body;
}
