// The SMS a customer gets instead of the letter, when SMS is their reply channel: the reference,
// the one sentence that matters (with the deadline, if any) and the link on its own line: the
// answer link where the message asks for an answer, else the tracking page. Short, because every
// 70 characters of Turkish, Persian or Azerbaijani text is another paid segment (domain/sms-segments.ts);
// the sentences are in texts/catalogs/<language>/sms.ts.
import type { SmsMessageKey } from '../catalogs/en/sms.js';
import { statusLabel } from '../customer-view.js';
import { given } from '../translate.js';
import type { CustomerMessageTemplate } from './customer.js';
import { messageContext, type MessageContext, type MessageParams } from './params.js';

interface SmsTemplate {
  key: SmsMessageKey;
  /** The param holding the date the customer should act by. */
  due?: string;
  /** Whether the link is the answer link (else the tracking page). */
  answers?: boolean;
  values?: (c: MessageContext) => Record<string, string>;
}

const SMS_TEMPLATES: Readonly<Record<CustomerMessageTemplate, SmsTemplate>> = {
  acknowledgement: { key: 'sms.acknowledgement' },
  info_requested: { key: 'sms.info_requested', due: 'infoDueAt', answers: true },
  info_reminder: { key: 'sms.info_reminder', due: 'infoDueAt', answers: true },
  resolution_proposed: {
    key: 'sms.resolution_proposed',
    due: 'answerDueAt',
    answers: true,
    values: (c) => ({ again: (c.count('round') ?? 1) > 1 ? 'yes' : 'no' }),
  },
  answer_reminder: { key: 'sms.answer_reminder', due: 'answerDueAt', answers: true },
  info_request_lapsed: { key: 'sms.info_request_lapsed' },
  info_request_cancelled: { key: 'sms.info_request_cancelled' },
  reinvestigation_started: { key: 'sms.reinvestigation_started', due: 'dueAt' },
  progress_update: {
    key: 'sms.progress_update',
    values: (c) => {
      const status = c.status('status');
      return { status: status ? statusLabel(status, c.language) : '', withStatus: given(status) };
    },
  },
  complaint_closed: { key: 'sms.complaint_closed' },
  external_remedies: { key: 'sms.external_remedies' },
};

/** The SMS text of a customer message in their language (a language without a catalog → English). */
export function renderSmsMessage(template: CustomerMessageTemplate, locale: string, params: MessageParams): string {
  const sms = Object.hasOwn(SMS_TEMPLATES, template) ? SMS_TEMPLATES[template] : undefined;
  if (!sms) throw new RangeError(`no SMS text for customer message template ${String(template)}`);
  const c = messageContext(locale, params);
  const dueAt = sms.due ? c.when(sms.due) : null;
  const sentence = c.t(sms.key, { dueAt: dueAt ?? '', withDueAt: given(dueAt), ...sms.values?.(c) });
  const url = (sms.answers ? c.text('responseUrl') : null) ?? c.text('trackingUrl');
  // Every sentence leads into its link; without one it ends as a sentence.
  return url ? `${sentence}\n${url}` : sentence.replace(/[:：]\s*$/, '.');
}
