// The selection rules editor's form as data: the fields as the page shows them, as a form posts
// them, the edits its buttons ask for (add, remove, move), the API body it saves, and which field
// an API issue's path belongs to. The page is selection.tsx.
import { CHANNELS } from '../../../domain/complaint.js';
import type { SelectionView } from './view.js';

export const SELECTION_PATH = '/console/process/selection';

export interface RuleFields {
  /** ISO country codes as typed (spaces or commas between them). */
  country: string;
  channels: string[];
  definitionId: string;
}

export interface SelectionFields {
  rules: RuleFields[];
  defaultDefinitionId: string;
  note: string;
  /** The revision the form was read at: the If-Match of the save. */
  revision: string;
}

/** The form's fields as the rules in force have them. */
export function selectionFieldsOf(selection: SelectionView): SelectionFields {
  return {
    rules: selection.rules.map((rule) => ({ country: (rule.when.country ?? []).join(', '), channels: [...(rule.when.channel ?? [])], definitionId: rule.definitionId })),
    defaultDefinitionId: selection.defaultDefinitionId,
    note: '',
    revision: String(selection.revision),
  };
}

type Posted = Record<string, string | File | (string | File)[]>;
const texts = (form: Posted, name: string): string[] => [form[name] ?? []].flat().filter((v): v is string => typeof v === 'string');
const text = (form: Posted, name: string): string => texts(form, name)[0] ?? '';

/** The fields as posted (`parseBody({ all: true })`): rules by their index, in order. */
export function selectionFieldsFromForm(form: Posted): SelectionFields {
  const indexes = Object.keys(form)
    .flatMap((key) => /^rules\.(\d{1,3})\.definitionId$/.exec(key)?.[1] ?? [])
    .map(Number)
    .sort((a, b) => a - b);
  return {
    rules: indexes.map((i) => ({ country: text(form, `rules.${i}.country`), channels: texts(form, `rules.${i}.channel`), definitionId: text(form, `rules.${i}.definitionId`) })),
    defaultDefinitionId: text(form, 'defaultDefinitionId'),
    note: text(form, 'note'),
    revision: /^\d{1,9}$/.test(text(form, '_revision')) ? text(form, '_revision') : '',
  };
}

/** What a button other than Save asks: add a rule, or remove or move rule i. */
export type Edit = { kind: 'add' } | { kind: 'remove' | 'up' | 'down'; index: number };

export function editOf(action: string): Edit | undefined {
  if (action === 'add') return { kind: 'add' };
  const match = /^(remove|up|down)\.(\d{1,3})$/.exec(action);
  return match ? { kind: match[1] as 'remove' | 'up' | 'down', index: Number(match[2]) } : undefined;
}

export function applyEdit(fields: SelectionFields, edit: Edit): SelectionFields {
  const rules = [...fields.rules];
  if (edit.kind === 'add') rules.push({ country: '', channels: [], definitionId: fields.defaultDefinitionId });
  else if (edit.kind === 'remove') rules.splice(edit.index, 1);
  else {
    const other = edit.kind === 'up' ? edit.index - 1 : edit.index + 1;
    if (other >= 0 && other < rules.length && edit.index < rules.length) [rules[edit.index], rules[other]] = [rules[other]!, rules[edit.index]!];
  }
  return { ...fields, rules };
}

/**
 * The API body of the form. Codes are split on spaces and commas and written in capitals (the
 * API's form of a code); an empty condition is left out, so a rule without any is the API's to
 * refuse, at its path. A blank note is no note.
 */
export function selectionBody(fields: SelectionFields): Record<string, unknown> {
  return {
    rules: fields.rules.map((rule) => {
      const country = rule.country.split(/[\s,;]+/).filter(Boolean).map((code) => code.toUpperCase());
      return { when: { ...(country.length ? { country } : {}), ...(rule.channels.length ? { channel: rule.channels } : {}) }, definitionId: rule.definitionId };
    }),
    defaultDefinitionId: fields.defaultDefinitionId,
    ...(fields.note.trim() ? { note: fields.note } : {}),
  };
}

/** The id of rule i's field `part` (country, definition, channel-web). */
export const ruleId = (i: number, part: string) => `sel-rule-${i}-${part}`;

/** The field an issue's path belongs to (its input's id), if any. */
export function selectionFieldFor(path: string): string | undefined {
  if (path === 'defaultDefinitionId') return 'sel-default';
  if (path === 'note') return 'sel-note';
  const rule = /^rules\.(\d+)(?:\.(when(?:\.(country|channel))?|definitionId))?/.exec(path);
  if (!rule) return undefined;
  const i = Number(rule[1]);
  if (rule[3] === 'channel') return ruleId(i, `channel-${CHANNELS[0]}`);
  if (rule[2] === 'definitionId') return ruleId(i, 'definition');
  return ruleId(i, 'country');
}
