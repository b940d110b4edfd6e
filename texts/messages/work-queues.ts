// What a claimer reads when the workflow refused their queue claim's assignment.
// The sentences are in texts/catalogs/<language>/staff-messages.ts.
import { messageContext, paragraphs, type MessageParams, type RenderedMessage } from './params.js';

/** Params: reference, team, closed (the complaint closed meanwhile). */
export function renderClaimRefusedNotice(locale: string, params: MessageParams): RenderedMessage {
  const c = messageContext(locale, params);
  return {
    subject: c.t('staff.subjectLine', { subject: c.t('staff.claim_refused.subject') }),
    body: paragraphs(c.t('staff.claim_refused.body', { team: c.text('team') ?? '', closed: c.flag('closed') ? 'yes' : 'no' })),
  };
}
