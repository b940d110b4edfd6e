// What erasure blanks inside the JSON the read model keeps (timeline event data, the lifecycle
// snapshot): every field a person writes about the customer or that the customer wrote. The shape
// stays (each key remains, as '' or []), so the timeline keeps its events, kinds and times, and
// ids, enums, numbers and dates (a round, a stage, an amount) stay for the record and the reports.

/**
 * Keys of free text in decisions, customer answers and intake entries (domain/lifecycle/events.ts,
 * workflows/complaint.workflow.ts origins, api/intake). A new text field of a decision belongs here:
 * test/read-model/erasure.test.ts greps the whole database for the customer's values after erasure.
 */
export const PERSONAL_TEXT_KEYS: ReadonlySet<string> = new Set([
  // decisions
  'question', 'summary', 'reason', 'text', 'rootCause', 'action', 'owner', 'body', 'bodyReference',
  // a customer's e-mail on the timeline (its subject and the names of its files)
  'subject', 'attachments',
  // where an answer came from (a keyed hash of the address, the browser)
  'clientAddressHash', 'userAgent',
  // intake entries and contact details, wherever they appear
  'intermediary', 'name', 'email', 'phone', 'postalAddress', 'description', 'comment', 'handle',
]);

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A copy of `value` with every personal text field blanked ('' for text, [] for a list). */
export function blankPersonalFields<T extends Json>(value: T): T {
  return blank(value) as T;
}

function blank(value: Json): Json {
  if (Array.isArray(value)) return value.map(blank);
  if (value === null || typeof value !== 'object') return value;
  const out: { [key: string]: Json } = {};
  for (const [key, v] of Object.entries(value)) {
    if (PERSONAL_TEXT_KEYS.has(key) && typeof v === 'string') out[key] = '';
    else if (PERSONAL_TEXT_KEYS.has(key) && Array.isArray(v)) out[key] = [];
    else out[key] = blank(v);
  }
  return out;
}

/** Whether blanking changes anything (so erasure counts only the rows it really blanked). */
export function holdsPersonalFields(value: Json): boolean {
  return JSON.stringify(blank(value)) !== JSON.stringify(value);
}
