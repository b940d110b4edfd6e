// The words of the customer view (api/customer/view.ts) and of the pages and messages that show a
// status: the customer's label of a status, of a remedy, and what happens next.
import { customerLabelKey, type Closure, type ComplaintStatus, type RemedyKind } from '../domain/complaint.js';
import type { Language } from './languages.js';
import { translate } from './translate.js';

/** The label the customer sees for a status (never the status id); see `customerLabelKey`. */
export function statusLabel(status: ComplaintStatus, language: Language, returnTo?: ComplaintStatus | null): string {
  return translate(language, `view.status.${customerLabelKey(status, returnTo)}`);
}

export function remedyLabel(remedy: RemedyKind, language: Language): string {
  return translate(language, `view.remedy.${remedy}`);
}

/** What happens next, from where the complaint stands. */
export function nextStep(status: ComplaintStatus, closure: Closure | null, language: Language): string {
  return translate(language, status === 'closed' ? `view.closed.${closure ?? 'closed'}` : `view.next.${status}`);
}
