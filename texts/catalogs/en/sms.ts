// Short SMS texts, in English (texts/messages/sms.ts): the reference, the one sentence that
// matters, and (added by the renderer on its own line) the link. Each fits within a few SMS
// segments; the e-mail letter (customer-messages.ts) says the rest. `{withDueAt, select, …}` adds
// the deadline when there is one.
export const smsMessages = {
  'sms.acknowledgement': '{reference}: We have received your complaint. Follow it here with your tracking PIN:',
  'sms.info_requested':
    '{reference}: We need more information about your complaint.{withDueAt, select, yes { Answer by {dueAt}.} other {}} Answer here:',
  'sms.info_reminder':
    '{reference}: Reminder: we are waiting for your answer to our question.{withDueAt, select, yes { Answer by {dueAt}.} other {}} Answer here:',
  'sms.resolution_proposed':
    '{reference}: {again, select, yes {We have a new proposal} other {We have a proposal}} to resolve your complaint.' +
    '{withDueAt, select, yes { Answer by {dueAt}.} other {}} See it and answer here:',
  'sms.answer_reminder':
    '{reference}: Reminder: we are waiting for your answer to our proposal.{withDueAt, select, yes { Answer by {dueAt}.} other {}} Answer here:',
  'sms.info_request_lapsed': '{reference}: The information we asked for did not reach us in time. You can still send it here:',
  'sms.info_request_cancelled': '{reference}: We no longer need the information we asked you for. Details:',
  'sms.reinvestigation_started': '{reference}: We are looking into your complaint again.{withDueAt, select, yes { We will answer by {dueAt}.} other {}} Details:',
  'sms.progress_update':
    '{reference}: {withStatus, select, yes {Your complaint is now: {status}.} other {There is news about your complaint.}} Details:',
  'sms.complaint_closed': '{reference}: Your complaint is now closed. Thank you for letting us know. Details:',
  'sms.external_remedies': '{reference}: If you are not satisfied with our answer, independent bodies can review your complaint. See them here:',
} as const;

/** The SMS message keys every language fills. */
export type SmsMessageKey = keyof typeof smsMessages;
