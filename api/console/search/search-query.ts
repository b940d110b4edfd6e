// The search page's form ⇄ the query of GET /v1/complaints. The form sends a multi-valued filter
// as repeated names (checkboxes) or as one comma-separated field; the API takes one
// comma-separated value per filter, so both spellings fold into that. What we save as a personal
// queue is this folded query string (no cursor, no limit): opening it runs the same search.
import { CHANNELS, CLOSURES, COMPLAINT_STATUSES, SEVERITIES, STAGES } from '../../../domain/complaint.js';
import { SORTS } from '../../../read-model/complaint-search.js';

/** Filters with a closed set of values: checkboxes. */
export const CHOICE_FILTERS = {
  status: COMPLAINT_STATUSES,
  stage: STAGES,
  closure: CLOSURES,
  channel: CHANNELS,
  severity: SEVERITIES,
} as const;
export type ChoiceFilter = keyof typeof CHOICE_FILTERS;

/** Filters of free values, several comma-separated. */
export const TEXT_LIST_FILTERS = ['category', 'product', 'department', 'team', 'assignee', 'escalationLevel', 'processVersion'] as const;
export type TextListFilter = (typeof TEXT_LIST_FILTERS)[number];

export const LIST_FILTERS = [...(Object.keys(CHOICE_FILTERS) as ChoiceFilter[]), ...TEXT_LIST_FILTERS] as const;
export const FLAG_FILTERS = ['atRisk', 'breached'] as const;
export const DAY_FILTERS = ['receivedFrom', 'receivedTo', 'closedFrom', 'closedTo'] as const;
export const TEXT_FILTERS = ['q', 'customerEmail', 'customerPhone'] as const;
export { SORTS };

/** Every single-valued parameter the API takes besides the lists. */
const SINGLE = [...FLAG_FILTERS, ...DAY_FILTERS, ...TEXT_FILTERS, 'sort'] as const;

export type SearchQuery = Partial<Record<(typeof LIST_FILTERS)[number] | (typeof SINGLE)[number], string>>;

/** The API query of a page request's parameters (lists folded, blanks dropped, unknown names ignored). */
export function searchQueryOf(params: URLSearchParams): SearchQuery {
  const query: SearchQuery = {};
  for (const name of LIST_FILTERS) {
    const values = [...new Set(params.getAll(name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean))];
    if (values.length) query[name] = values.join(',');
  }
  for (const name of SINGLE) {
    const value = params.getAll(name).map((v) => v.trim()).find(Boolean);
    if (value) query[name] = value;
  }
  if (query.sort === '-receivedAt') delete query.sort; // the API's default: a saved query needs no word for it
  return query;
}

/** `a=1&b=x,y`, in a stable order: what a saved queue stores and links carry. */
export function searchQueryString(query: SearchQuery): string {
  const params = new URLSearchParams();
  for (const name of [...LIST_FILTERS, ...SINGLE]) {
    const value = query[name];
    if (value) params.set(name, value);
  }
  return params.toString();
}

/** The values of a list filter, as the form shows them (checked boxes, the field's text). */
export function listValues(query: SearchQuery, name: (typeof LIST_FILTERS)[number]): string[] {
  return query[name]?.split(',') ?? [];
}

export const isEmptySearch = (query: SearchQuery) => Object.keys(query).length === 0;
