// The survey invitation inside the closure message: a sentence, until when the survey is open, and
// the link on its own line. Only when the closure carries a survey link (the outbox passes it as
// `responseUrl`); a closure the process does not survey says nothing of a survey.
import { given } from '../translate.js';
import type { MessageContext } from './params.js';

export function surveyInvitation(c: MessageContext): string | null {
  const url = c.text('responseUrl');
  if (!url) return null;
  const openUntil = c.when('surveyOpenUntil');
  return `${c.t('survey.message.invitation', { openUntil: openUntil ?? '', withOpenUntil: given(openUntil) })}\n${url}`;
}
