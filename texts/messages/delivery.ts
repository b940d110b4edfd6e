// What staff read when delivery gave up on a message: which message, to whom, why, what to do.
// The sentences are in texts/catalogs/<language>/delivery-messages.ts.
import { messageContext, paragraphs, type MessageParams, type RenderedMessage } from './params.js';

/** Params: reference, messageSubject, recipient, channel, attempts, bounced, error. */
export function renderDeliveryFailedNotice(locale: string, params: MessageParams): RenderedMessage {
  const c = messageContext(locale, params);
  const error = c.text('error');
  return {
    subject: c.t('staff.subjectLine', { subject: c.t('delivery.failed.subject') }),
    body: paragraphs(
      c.t('delivery.failed.intro', {
        messageSubject: c.text('messageSubject') ?? '',
        recipient: c.text('recipient') ?? '',
        channel: c.text('channel') ?? 'other',
        attempts: c.count('attempts') ?? 1,
        bounced: c.flag('bounced') ? 'yes' : 'no',
      }),
      error && c.t('delivery.failed.error', { error }),
      c.t('delivery.failed.action'),
    ),
  };
}
