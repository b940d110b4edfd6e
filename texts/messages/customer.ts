// The letters the customer gets. Each says where the complaint stands, what happens next and, when
// the params carry a date that is still ahead, by when (ISO 10002 transparency); a date that has
// passed is never promised. Customer texts never show staff notes, staff ids or agents' free-text
// reasons; only what was written for the customer (the question, the proposal summary) and ids
// turned into words. The sentences are in texts/catalogs/<language>/customer-messages.ts.
import { CLOSURES } from '../../domain/complaint.js';
import type { CustomerTemplate } from '../../domain/lifecycle/effects.js';
import { statusLabel } from '../customer-view.js';
import { given, type MessageKey } from '../translate.js';
import { surveyInvitation } from './survey.js';
import { lines, messageContext, paragraphs, type MessageContext, type MessageParams, type RenderedMessage } from './params.js';

/** Every message the customer gets: the reducer's templates plus two the workflow sends itself. */
export type CustomerMessageTemplate = CustomerTemplate | 'acknowledgement' | 'external_remedies';

type Template = (c: MessageContext) => RenderedMessage;

/** Greeting, the paragraphs that are present, signature. */
function letter(c: MessageContext, subject: string, ...body: (string | null | false)[]): RenderedMessage {
  const name = c.text('customerName');
  const sender = c.text('senderName');
  return {
    subject: c.t('customer.subjectLine', { subject }),
    body: paragraphs(
      c.t('customer.letter.greeting', { name: name ?? '', withName: given(name) }),
      ...body,
      c.t('customer.letter.signature', { sender: sender ?? '', withSender: given(sender) }),
    ),
  };
}

/** An introduction and the URL on its own line, or null without the URL. */
function link(c: MessageContext, intro: MessageKey, key: string): string | null {
  const url = c.text(key);
  return url ? `${c.t(intro)}\n${url}` : null;
}

/** The answer link with its introduction, else the tracking page's. */
function answerLink(c: MessageContext, intro: MessageKey): string | null {
  return link(c, intro, 'responseUrl') ?? link(c, 'customer.trackingLink', 'trackingUrl');
}

/** By when the customer should answer a proposal, and what happens if they do not. */
function answerDeadline(c: MessageContext): string | null {
  const answerDueAt = c.when('answerDueAt');
  const noAnswer = c.text('noAnswer');
  const values = { withAnswerDueAt: given(answerDueAt) };
  const ask = answerDueAt && c.t('customer.answer.answerBy', { answerDueAt });
  const consequence =
    noAnswer === 'deemed_accepted'
      ? c.t('customer.answer.ifDeemedAccepted', values)
      : noAnswer === 'stay_open' && c.t('customer.answer.ifStayOpen', values);
  return [ask, consequence].filter(Boolean).join(' ') || null;
}

/** By when the customer should answer our question, and what happens if they do not; null without a date. */
function infoDeadline(c: MessageContext): string | null {
  const infoDueAt = c.when('infoDueAt');
  if (!infoDueAt) return null;
  const onNoAnswer = c.text('infoNoAnswer');
  const consequence =
    onNoAnswer === 'close_no_response'
      ? c.t('customer.info.ifCloseNoResponse')
      : onNoAnswer === 'resume' && c.t('customer.info.ifResume');
  return [c.t('customer.answer.answerBy', { answerDueAt: infoDueAt }), consequence].filter(Boolean).join(' ');
}

/** A fresh link replaces the earlier one, which no longer works. */
function reissuedNote(c: MessageContext): string | null {
  return c.flag('reissued') ? c.t('customer.reissuedLink') : null;
}

/** What rejecting leads to: another look, or (in the last round) the way to outside bodies. */
function ifRejected(c: MessageContext): string {
  const round = c.count('round');
  const rounds = c.count('rounds');
  if (round !== null && rounds !== null) {
    return c.t(round >= rounds ? 'customer.answer.ifRejectedFinal' : 'customer.answer.ifRejectedAgain');
  }
  return c.t('customer.answer.ifRejected');
}

/**
 * By when this step ends, while that is still ahead of the message's own time (`writtenAt`);
 * once it has passed, that we are late and when we will write again (`nextUpdateAt`, if ahead).
 */
function stepDeadline(c: MessageContext): string | null {
  const dueAt = c.when('dueAt');
  if (!dueAt) return null;
  // The read model passes the transition's time; rendering without it compares with the clock.
  const writtenAt = c.instant('writtenAt') ?? Date.now();
  if (c.instant('dueAt')! > writtenAt) return c.t('customer.progress_update.plannedBy', { dueAt });
  const next = c.instant('nextUpdateAt');
  const nextUpdateAt = next !== null && next > writtenAt ? c.when('nextUpdateAt') : null;
  return c.t('customer.progress_update.laterThanPlanned', {
    nextUpdateAt: nextUpdateAt ?? '',
    withNextUpdateAt: given(nextUpdateAt),
  });
}

/**
 * Why the complaint closed, in the customer's words; agents' free-text reasons stay internal. Each
 * closure needs its `customer.complaint_closed.<closure>` message (tsc says so when one is added).
 */
function closureText(c: MessageContext): string {
  const closure = CLOSURES.find((id) => id === c.text('closure'));
  if (!closure) return c.t('customer.complaint_closed.closed');
  const explained = c.t(`customer.complaint_closed.${closure}`);
  if (closure !== 'external_decision') return explained;
  const decision = c.label('customer.externalDecision', 'externalDecision');
  return paragraphs(explained, decision && c.t('customer.complaint_closed.externalOutcome', { decision }));
}

const CUSTOMER_TEMPLATES: Readonly<Record<CustomerMessageTemplate, Template>> = {
  acknowledgement(c) {
    const receivedAt = c.when('receivedAt');
    const channel = c.label('customer.channel', 'channel');
    const dueAt = c.when('dueAt');
    const reference = c.text('reference');
    return letter(
      c,
      c.t('customer.acknowledgement.subject'),
      c.t('customer.acknowledgement.received', {
        receivedAt: receivedAt ?? '',
        withReceivedAt: given(receivedAt),
        channel: channel ?? '',
        withChannel: given(channel),
      }),
      reference && c.t('customer.acknowledgement.reference'),
      c.t('customer.acknowledgement.review', { dueAt: dueAt ?? '', withDueAt: given(dueAt) }),
      link(c, 'customer.acknowledgement.trackingLink', 'trackingUrl'),
      c.t('customer.acknowledgement.privacy'),
    );
  },

  info_requested(c) {
    const question = c.text('question');
    return letter(
      c,
      c.t('customer.info_requested.subject'),
      c.t('customer.info_requested.intro', { withQuestion: given(question) }),
      question,
      answerLink(c, 'customer.info_requested.responseLink'),
      reissuedNote(c),
      infoDeadline(c),
      c.t('customer.info_requested.resume'),
    );
  },

  resolution_proposed(c) {
    const again = (c.count('round') ?? 1) > 1 ? 'yes' : 'no';
    const reissued = c.flag('reissued') ? 'yes' : 'no';
    const remedy = c.label('customer.remedy', 'remedy');
    const amount = c.money('amount', 'currency');
    return letter(
      c,
      c.t('customer.resolution_proposed.subject', { again, reissued }),
      c.t('customer.resolution_proposed.intro', { again, reissued }),
      c.text('summary'),
      lines(
        remedy && c.t('customer.resolution_proposed.remedy', { remedy }),
        amount && c.t('customer.resolution_proposed.amount', { amount }),
      ),
      answerLink(c, 'customer.resolution_proposed.responseLink'),
      reissuedNote(c),
      answerDeadline(c),
      ifRejected(c),
    );
  },

  answer_reminder: (c) =>
    letter(
      c,
      c.t('customer.answer_reminder.subject'),
      c.t('customer.answer_reminder.intro'),
      answerLink(c, 'customer.answer_reminder.responseLink'),
      answerDeadline(c),
    ),

  info_reminder(c) {
    const question = c.text('question');
    return letter(
      c,
      c.t('customer.info_reminder.subject'),
      c.t('customer.info_reminder.intro', { withQuestion: given(question) }),
      question,
      answerLink(c, 'customer.info_reminder.responseLink'),
      infoDeadline(c),
    );
  },

  info_request_lapsed: (c) =>
    letter(
      c,
      c.t('customer.info_request_lapsed.subject'),
      c.t('customer.info_request_lapsed.intro'),
      c.t('customer.info_request_lapsed.stillSend'),
      link(c, 'customer.trackingLink', 'trackingUrl'),
    ),

  info_request_cancelled: (c) =>
    letter(
      c,
      c.t('customer.info_request_cancelled.subject'),
      c.t('customer.info_request_cancelled.intro'),
      c.t('customer.info_request_cancelled.news'),
      link(c, 'customer.trackingLink', 'trackingUrl'),
    ),

  reinvestigation_started(c) {
    const dueAt = c.when('dueAt');
    return letter(
      c,
      c.t('customer.reinvestigation_started.subject'),
      c.t('customer.reinvestigation_started.intro'),
      dueAt
        ? c.t('customer.reinvestigation_started.dueAt', { dueAt })
        : c.t('customer.reinvestigation_started.noDueAt'),
      link(c, 'customer.trackingLink', 'trackingUrl'),
    );
  },

  progress_update(c) {
    const status = c.status('status');
    const activity = c.label('customer.progress_update.activity', 'status');
    return letter(
      c,
      c.t('customer.progress_update.subject'),
      c.t('customer.progress_update.intro', {
        status: status ? statusLabel(status, c.language) : '',
        withStatus: given(status),
      }),
      activity,
      stepDeadline(c),
      c.t('customer.progress_update.news'),
      link(c, 'customer.trackingLink', 'trackingUrl'),
    );
  },

  // With the survey link when the process surveys this closure (texts/messages/survey.ts).
  complaint_closed: (c) =>
    letter(
      c,
      c.t('customer.complaint_closed.subject'),
      closureText(c),
      surveyInvitation(c),
      c.t('customer.complaint_closed.thanks'),
      link(c, 'customer.trackingLink', 'trackingUrl'),
    ),

  external_remedies(c) {
    const remedies = c
      .remedies()
      .map((r) => lines(`- ${r.name}`, r.description && `  ${r.description}`, r.url && `  ${r.url}`));
    return letter(
      c,
      c.t('customer.external_remedies.subject'),
      c.t('customer.external_remedies.intro'),
      c.t(remedies.length > 0 ? 'customer.external_remedies.listIntro' : 'customer.external_remedies.askUs'),
      ...remedies,
      c.t('customer.external_remedies.tellUs'),
      link(c, 'customer.trackingLink', 'trackingUrl'),
    );
  },
};

/**
 * Templates we no longer send. A transition recorded by older workflow code may still carry one
 * (an activity scheduled before a deploy); the read model drops it instead of failing on it.
 */
const RETIRED_CUSTOMER_TEMPLATES: readonly string[] = ['satisfaction_survey'];

export function isRetiredCustomerTemplate(template: string): boolean {
  return RETIRED_CUSTOMER_TEMPLATES.includes(template);
}

/** The customer's message in their language (`tr`, `tr-TR` → Turkish; a language without a catalog → English). */
export function renderCustomerMessage(
  template: CustomerMessageTemplate,
  locale: string,
  params: MessageParams,
): RenderedMessage {
  const render = Object.hasOwn(CUSTOMER_TEMPLATES, template) ? CUSTOMER_TEMPLATES[template] : undefined;
  if (!render) throw new RangeError(`no customer message template ${String(template)}`);
  return render(messageContext(locale, params));
}
