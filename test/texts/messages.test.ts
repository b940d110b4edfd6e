// The texts of every message, rendered with the params the reducer really emits: journeys through
// `advance` collect them as the workflow does, and the read-model activity's params are added on top.
import { describe, expect, it } from 'vitest';
import { WORKING_STATUSES } from '../../domain/complaint.js';
import { statusLabel as customerLabel } from '../../texts/customer-view.js';
import { languageOf as messageLanguage } from '../../texts/languages.js';
import { renderCustomerMessage, type CustomerMessageTemplate } from '../../texts/messages/customer.js';
import type { MessageParams, RenderedMessage } from '../../texts/messages/params.js';
import { renderStaffMessage } from '../../texts/messages/staff.js';
import { initialEffects, type ComplaintState, type Effect, type StaffTemplate } from '../../domain/lifecycle/index.js';
import {
  answer,
  decide,
  definition,
  reach,
  REFERENCE,
  SAMPLE_DECISIONS as D,
  start,
  step,
  system,
} from '../domain/lifecycle/fixtures.js';

const CUSTOMER_TEMPLATES = Object.keys({
  acknowledgement: 1, info_requested: 1, resolution_proposed: 1, answer_reminder: 1, reinvestigation_started: 1,
  progress_update: 1, complaint_closed: 1, external_remedies: 1, info_reminder: 1,
  info_request_lapsed: 1, info_request_cancelled: 1,
} satisfies Record<CustomerMessageTemplate, 1>) as CustomerMessageTemplate[];

const STAFF_TEMPLATES = Object.keys({
  complaint_assigned: 1, complaint_routed: 1, deadline_warning: 1, deadline_breached: 1, complaint_escalated: 1,
  customer_answered_info: 1, customer_wrote: 1, resolution_accepted: 1, resolution_rejected: 1, answer_timed_out: 1,
  complaint_open_external: 1, complaint_closed: 1, corrective_action_assigned: 1, activity_failed: 1,
  info_request_timed_out: 1,
} satisfies Record<StaffTemplate, 1>) as StaffTemplate[];

const LOCALES = ['tr', 'en', 'fa-IR', 'az-AZ'] as const;
const TRACKING_URL = 'https://plaint.example/track?reference=CMP-2026-000123';
const RESPONSE_URL = 'https://plaint.example/r/token-1';

type Sent =
  | { audience: 'customer'; template: CustomerMessageTemplate; params: MessageParams }
  | { audience: 'staff'; template: StaffTemplate; params: MessageParams };

/** The messages a list of effects sends, built as workflows/complaint-run.ts builds them. */
function messagesOf(effects: Effect[], state: ComplaintState): Sent[] {
  const customer = (template: CustomerMessageTemplate, params: MessageParams): Sent[] => [
    { audience: 'customer', template, params },
  ];
  return effects.flatMap((e): Sent[] => {
    if (e.kind === 'notify_customer') return customer(e.template, e.params);
    if (e.kind === 'notify_staff') return [{ audience: 'staff', template: e.template, params: e.params }];
    if (e.kind === 'send_acknowledgement') {
      return customer('acknowledgement', { receivedAt: state.receivedAt, channel: state.channel });
    }
    if (e.kind === 'inform_external_remedies') {
      return customer('external_remedies', { country: e.country, remedies: e.remedies });
    }
    // request_satisfaction_survey issues a link; the closure message carries it.
    return [];
  });
}

function journey(from: ComplaintState, events: Parameters<typeof step>[1][]): Sent[] {
  let state = from;
  return events.flatMap((event) => {
    const next = step(state, event);
    state = next.state;
    return messagesOf(next.effects, state);
  });
}

const fresh = start();
const refund = { type: 'propose_resolution', outcome: 'upheld', summary: 'We refund the price.', remedy: 'refund', amount: 1250 } as const;
const SENT: Sent[] = [
  ...messagesOf(initialEffects(fresh, definition), fresh),
  ...journey(fresh, [
    system({ type: 'acknowledgement_sent' }),
    decide(D.assign),
    decide(D.classify),
    decide(D.request_info),
    answer({ type: 'customer_answered_info', requestId: 'info-1', text: 'Here is the photo.' }),
    system({ type: 'deadline_warning', stage: 'investigation' }),
    system({ type: 'deadline_breached', stage: 'investigation', breachCount: 1 }),
    decide(D.escalate),
    decide(D.record_corrective_action),
    system({ type: 'progress_update_due' }),
    decide({ ...refund, currency: 'TRY' }),
    system({ type: 'answer_reminder_due', round: 1 }),
    answer({ type: 'customer_rejected', round: 1, reason: 'Too little.' }),
    decide(D.propose_resolution),
    answer({ type: 'customer_rejected', round: 2, reason: 'Still broken.' }),
    decide(D.record_external_outcome),
  ]),
  ...journey(reach('resolution_proposed'), [system({ type: 'customer_answer_timed_out', round: 1 })]),
  ...journey(reach('resolution_proposed'), [answer({ type: 'customer_accepted', round: 1 })]),
  ...journey(reach('investigating'), [answer({ type: 'customer_wrote', channel: 'email', text: 'The service never came.' })]),
  ...journey(reach('investigating'), [decide(D.withdraw)]),
  ...journey(reach('investigating'), [decide(D.close_out_of_scope, 'supervisor')]),
  ...journey(reach('investigating'), [decide(D.mark_duplicate, 'supervisor')]),
  ...journey(reach('investigating'), [
    system({ type: 'activity_failed', activity: 'startStageClock', errorType: 'CalendarRangeError', message: 'calendar TR covers 1971–2075' }),
  ]),
  ...journey(reach('awaiting_customer'), [
    system({ type: 'info_reminder_due', requestId: 'info-1' }),
    decide(D.reissue_link),
    system({ type: 'info_answer_timed_out', requestId: 'info-1' }),
  ]),
  ...journey(reach('awaiting_customer'), [decide(D.cancel_info_request)]),
  ...journey(reach('resolution_proposed'), [decide(D.reissue_link), decide({ ...D.record_customer_answer, answer: 'rejected' })]),
];
// Closing for silence needs its own definition; the texts are the same for every definition.
{
  const closeOnSilence = { ...definition, infoRequest: { ...definition.infoRequest!, onNoAnswer: 'close_no_response' as const } };
  const waiting = reach('awaiting_customer', closeOnSilence);
  const closed = step(waiting, system({ type: 'info_answer_timed_out', requestId: 'info-1' }), closeOnSilence);
  SENT.push(...messagesOf(closed.effects, closed.state));
}
// The reducer emits no staff `complaint_closed`; a workflow would send it with the customer's params.
for (const m of SENT.filter((s) => s.audience === 'customer' && s.template === 'complaint_closed')) {
  SENT.push({ audience: 'staff', template: 'complaint_closed', params: m.params });
}

/** What the read-model activity adds before rendering (read-model/outbox.ts). */
function withActivityParams(m: Sent): MessageParams {
  const links = ['resolution_proposed', 'info_requested', 'answer_reminder', 'info_reminder'].includes(m.template);
  return {
    ...m.params,
    reference: REFERENCE,
    timeZone: 'Europe/Istanbul',
    ...(m.audience === 'customer' ? { trackingUrl: TRACKING_URL } : {}),
    ...(links ? { responseUrl: RESPONSE_URL } : {}),
  };
}

function render(m: Sent, locale: string, params: MessageParams): RenderedMessage {
  return m.audience === 'customer'
    ? renderCustomerMessage(m.template, locale, params)
    : renderStaffMessage(m.template, locale, params);
}

const sentOf = (audience: Sent['audience'], template: string) =>
  SENT.filter((m) => m.audience === audience && m.template === template);
const first = (audience: Sent['audience'], template: string) => sentOf(audience, template)[0]!;

describe('message templates', () => {
  it('are exercised by journeys that emit every customer and staff template', () => {
    const templates = (audience: Sent['audience']) =>
      new Set(SENT.filter((m) => m.audience === audience).map((m) => m.template));
    expect(templates('customer')).toEqual(new Set(CUSTOMER_TEMPLATES));
    expect(templates('staff')).toEqual(new Set(STAFF_TEMPLATES));
  });

  const cases = [
    ...CUSTOMER_TEMPLATES.flatMap((t) => LOCALES.map((l) => ['customer', t, l] as const)),
    ...STAFF_TEMPLATES.flatMap((t) => LOCALES.map((l) => ['staff', t, l] as const)),
  ];
  it.each(cases)(
    'renders the %s message %s in %s without placeholders, with or without its params',
    (audience, template, locale) => {
      const sent = sentOf(audience, template);
      for (const params of [...sent.flatMap((m) => [m.params, withActivityParams(m)]), {}]) {
        const { subject, body } = render(sent[0]!, locale, params);
        expect(subject.trim()).not.toBe('');
        expect(body.trim()).not.toBe('');
        expect(`${subject}\n${body}`).not.toMatch(/undefined|null|NaN|\{|\}|\[object/);
        for (const paragraph of body.split('\n\n')) expect(paragraph).toMatch(/^[^a-zçğıöşüə]/);
      }
    },
  );

  it.each(CUSTOMER_TEMPLATES)('writes %s as a Turkish letter in Turkish and an English one in English', (template) => {
    const m = first('customer', template);
    const tr = render(m, 'tr', withActivityParams(m));
    expect(tr.body).toMatch(/^Sayın Müşterimiz,\n\n[^]*\n\nSaygılarımızla,\nMüşteri İlişkileri Ekibi$/);
    expect(render(m, 'en', withActivityParams(m)).body).toMatch(/^Dear customer,\n\n[^]*\n\nKind regards,\n/);
  });

  it("never shows customers staff ids, internal notes or agents' reasons", () => {
    const internal = ['agent-1', 'agent-7', 'supervisor-1', 'quality-1', 'after_sales', 'product_defect', D.note.text,
      D.escalate.reason, D.withdraw.reason, D.close_out_of_scope.reason, D.record_corrective_action.rootCause,
      D.cancel_info_request.reason, D.record_customer_answer.text];
    for (const m of SENT.filter((s) => s.audience === 'customer')) {
      for (const locale of LOCALES) {
        const { subject, body } = render(m, locale, withActivityParams(m));
        for (const text of internal) expect(`${subject}\n${body}`).not.toContain(text);
      }
    }
  });
});

describe('languages', () => {
  it.each([
    ['tr', 'tr'], ['tr-TR', 'tr'], ['TR', 'tr'], ['tr_TR', 'tr'], ['en', 'en'], ['de-DE', 'en'], ['', 'en'],
    ['fa', 'fa'], ['fa-IR', 'fa'], ['fa_IR', 'fa'], ['pes', 'fa'], ['az', 'az'], ['az-AZ', 'az'], ['az-Latn-AZ', 'az'],
    ['constructor', 'en'],
  ])(
    'reads the locale %j as %s',
    (locale, language) => expect(messageLanguage(locale)).toBe(language),
  );

  it('renders tr-TR as Turkish, fa-IR as Persian, az-AZ as Azerbaijani and any other language as English', () => {
    const params = withActivityParams(first('customer', 'acknowledgement'));
    const ack = (locale: string) => renderCustomerMessage('acknowledgement', locale, params);
    expect(ack('tr-TR')).toEqual(ack('tr'));
    expect(ack('fa-IR')).toEqual(ack('fa'));
    expect(ack('fa-IR').body).toMatch(/^مشتری گرامی،\n\n[^]*\n\nبا احترام،\nتیم ارتباط با مشتریان$/);
    expect(ack('az-AZ')).toEqual(ack('az'));
    expect(ack('az-AZ').body).toMatch(/^Hörmətli müştəri,\n\n[^]*\n\nHörmətlə,\nMüştəri Xidmətləri Komandası$/);
    expect(ack('de-DE')).toEqual(ack('en'));
  });
});

describe('customer messages', () => {
  const ack = () => withActivityParams(first('customer', 'acknowledgement'));

  it('acknowledges with the reference, local time of receipt, channel and tracking link on its own line', () => {
    const tr = renderCustomerMessage('acknowledgement', 'tr', ack());
    expect(tr.subject).toBe(`Şikâyetinizi aldık (${REFERENCE})`);
    expect(tr.body).toContain('2 Mart 2026 10:00 tarihinde web sitemiz üzerinden ilettiğiniz şikâyetinizi aldık.');
    expect(tr.body.split('\n')).toContain(TRACKING_URL);
    expect(renderCustomerMessage('acknowledgement', 'en', ack()).body).toContain('website on 2 March 2026 at 10:00.');
  });

  it('names UTC when the calendar time zone is unknown, rather than using the server zone', () => {
    const { body } = renderCustomerMessage('acknowledgement', 'en', { ...ack(), timeZone: 'Mars/Olympus' });
    expect(body).toContain('2 March 2026 at 07:00 UTC');
  });

  it('says when the initial review ends if the activity passes dueAt', () => {
    const { body } = renderCustomerMessage('acknowledgement', 'tr', { ...ack(), dueAt: '2026-03-04T14:00:00Z' });
    expect(body).toContain('Ön incelemeyi en geç 4 Mart 2026 17:00 tarihine kadar tamamlayacağız.');
  });

  it('proposes a resolution with a local amount, the answer link, the deadline and what silence means', () => {
    const extra = { answerDueAt: '2026-03-20T20:59:00Z', noAnswer: 'deemed_accepted', rounds: 2 };
    const params = { ...withActivityParams(first('customer', 'resolution_proposed')), ...extra };
    const { subject, body } = renderCustomerMessage('resolution_proposed', 'tr', params);
    expect(subject).toBe(`Şikâyetiniz için çözüm önerimiz (${REFERENCE})`);
    expect(body).toContain('We refund the price.\n\nÇözüm türü: Para iadesi\nTutar: ₺1.250,00');
    expect(body.split('\n')).toContain(RESPONSE_URL);
    expect(body).toContain('Lütfen yanıtınızı 20 Mart 2026 23:59 tarihine kadar iletin.');
    expect(body).toContain('öneriyi kabul etmiş sayılacaksınız');
    expect(body).toContain('yeni bir öneri sunacağız');
  });

  it('calls the last round our final proposal and says independent bodies come next', () => {
    const [, second] = sentOf('customer', 'resolution_proposed');
    const params = { ...withActivityParams(second!), rounds: 2 };
    const { subject, body } = renderCustomerMessage('resolution_proposed', 'en', params);
    expect(subject).toBe(`Our new proposal for your complaint (${REFERENCE})`);
    expect(body).toContain('This is our final proposal.');
  });

  it('asks for information with the tracking link when there is no answer link, or with no link at all', () => {
    const { responseUrl: _, ...params } = withActivityParams(first('customer', 'info_requested'));
    expect(renderCustomerMessage('info_requested', 'en', params).body.split('\n')).toContain(TRACKING_URL);
    const bare = renderCustomerMessage('info_requested', 'en', { question: 'Which model is it?' }).body;
    expect(bare).toContain('we need some more information from you:\n\nWhich model is it?\n\nAs soon as');
  });

  it('asks for information by a date and says what silence means, as the definition says', () => {
    const params = { ...withActivityParams(first('customer', 'info_requested')), infoDueAt: '2026-03-20T15:00:00Z' };
    const resume = renderCustomerMessage('info_requested', 'en', { ...params, infoNoAnswer: 'resume' }).body;
    expect(resume).toContain('Please answer by 20 March 2026 at 18:00. If we have not heard from you by then, we will continue');
    const close = renderCustomerMessage('info_requested', 'tr', { ...params, infoNoAnswer: 'close_no_response' }).body;
    expect(close).toContain('Lütfen yanıtınızı 20 Mart 2026 18:00 tarihine kadar iletin. Bu tarihe kadar yanıt alamazsak şikâyetinizi kapatmak');
  });

  it('reminds of our question with the question, the answer link and the deadline', () => {
    const m = first('customer', 'info_reminder');
    const params = { ...withActivityParams(m), question: 'Which model is it?', infoDueAt: '2026-03-20T15:00:00Z', infoNoAnswer: 'resume' };
    const { subject, body } = renderCustomerMessage('info_reminder', 'en', params);
    expect(subject).toBe(`Reminder: our question is awaiting your answer (${REFERENCE})`);
    expect(body).toContain(`about your complaint ${REFERENCE}:\n\nWhich model is it?\n\nTo answer our question:\n${RESPONSE_URL}`);
    expect(body).toContain('Please answer by 20 March 2026 at 18:00. If we have not heard from you by then, we will continue');
  });

  it('tells the customer when we go on without the answer, or no longer need it, and that the link is dead', () => {
    const lapsed = renderCustomerMessage('info_request_lapsed', 'tr', withActivityParams(first('customer', 'info_request_lapsed')));
    expect(lapsed.subject).toBe(`Şikâyetinizi elimizdeki bilgilerle sürdürüyoruz (${REFERENCE})`);
    expect(lapsed.body).toContain('size gönderdiğimiz yanıt bağlantısı artık çalışmıyor');
    const cancelled = renderCustomerMessage('info_request_cancelled', 'en', withActivityParams(first('customer', 'info_request_cancelled')));
    expect(cancelled.subject).toBe(`We no longer need an answer to our question (${REFERENCE})`);
    expect(cancelled.body).toContain('the answer link we sent you no longer works');
    expect(cancelled.body.split('\n')).toContain(TRACKING_URL);
  });

  it('says a reissued link replaces the earlier one, for a question and for a proposal', () => {
    const reissued = SENT.filter((m) => m.audience === 'customer' && m.params.reissued === true);
    expect(reissued.map((m) => m.template).sort()).toEqual(['info_requested', 'resolution_proposed']);
    for (const m of reissued) {
      const { body } = render(m, 'en', withActivityParams(m));
      expect(body).toContain('replaces the one we sent you earlier, which no longer works');
      expect(body.split('\n')).toContain(RESPONSE_URL);
    }
    const proposal = reissued.find((m) => m.template === 'resolution_proposed')!;
    expect(render(proposal, 'en', withActivityParams(proposal)).subject).toBe(`A new link to answer our proposal (${REFERENCE})`);
  });

  it.each(WORKING_STATUSES)('shows the %s status by its customer label in a progress update', (status) => {
    const tr = renderCustomerMessage('progress_update', 'tr', { reference: REFERENCE, status }).body;
    expect(tr).toContain(`Güncel durum: ${customerLabel(status, 'tr')}.`);
    expect(tr).not.toContain(status);
    const en = renderCustomerMessage('progress_update', 'en', { reference: REFERENCE, status }).body;
    expect(en).toContain(`Current status: ${customerLabel(status, 'en')}.`);
  });

  describe('a progress update', () => {
    const update = (locale: string, writtenAt: string) =>
      renderCustomerMessage('progress_update', locale, {
        reference: REFERENCE,
        status: 'investigating',
        timeZone: 'Europe/Istanbul',
        dueAt: '2026-03-06T15:00:00Z',
        nextUpdateAt: '2026-03-13T07:00:00Z',
        writtenAt,
      }).body;

    it('says by when the step ends while that is still ahead', () => {
      expect(update('en', '2026-03-05T09:00:00Z')).toContain('We plan to complete this step by 6 March 2026 at 18:00.');
      expect(update('tr', '2026-03-05T09:00:00Z')).toContain('Bu aşamayı en geç 6 Mart 2026 18:00 tarihine kadar tamamlamayı planlıyoruz.');
    });

    it('after the deadline, says we are later than planned and when we will write next, never the passed date', () => {
      const en = update('en', '2026-03-09T09:00:00Z');
      expect(en).toContain('later than planned');
      expect(en).toContain('We will update you again by 13 March 2026 at 10:00 at the latest.');
      const tr = update('tr', '2026-03-09T09:00:00Z');
      expect(tr).toContain('planladığımızdan daha geç kaldık');
      expect(tr).toContain('Sizi en geç 13 Mart 2026 10:00 tarihine kadar yeniden bilgilendireceğiz.');
      for (const body of [en, tr]) {
        expect(body).not.toMatch(/6 (March|Mart) 2026/);
        expect(body).not.toMatch(/plan to complete|tamamlamayı planlıyoruz/);
      }
    });

    it('after the deadline without a next update ahead, promises no date at all', () => {
      const body = renderCustomerMessage('progress_update', 'en', {
        status: 'investigating',
        dueAt: '2026-03-06T15:00:00Z',
        nextUpdateAt: '2026-03-08T15:00:00Z',
        writtenAt: '2026-03-09T09:00:00Z',
      }).body;
      expect(body).toContain('later than planned, and we are sorry for the wait.\n\nWe will let you know as soon as there is news.');
      expect(body).not.toContain('2026');
    });
  });

  it('closes without inviting the customer to a survey that does not exist', () => {
    for (const m of sentOf('customer', 'complaint_closed')) {
      for (const locale of LOCALES) {
        expect(render(m, locale, withActivityParams(m)).body).not.toMatch(/survey|anket|feedback|geri bildirim|görüş/i);
      }
    }
  });

  it('lists each external remedy with its description and link, or says whom to ask when there is none', () => {
    const params = withActivityParams(first('customer', 'external_remedies'));
    const { body } = renderCustomerMessage('external_remedies', 'tr', params);
    expect(body).toContain('- Tüketici Hakem Heyetleri\n  Her yıl belirlenen');
    expect(body).toContain('\n  https://www.ticaret.gov.tr\n');
    const none = renderCustomerMessage('external_remedies', 'en', { reference: REFERENCE, remedies: [] });
    expect(none.body).toContain('Please contact us to find out which independent bodies you can turn to.');
  });

  it('explains each of the seven closures in words', () => {
    const bodies = sentOf('customer', 'complaint_closed').map((m) => render(m, 'tr', withActivityParams(m)).body);
    expect(new Set(bodies).size).toBe(7);
    expect(bodies.join()).toContain('istediğimiz bilgiyi belirlenen süre içinde alamadığımızdan');
    expect(bodies.join()).toContain('daha önce kaydedilen bir şikâyetle aynı konuyu içerdiği için kapatıldı');
    expect(bodies.join()).toContain('Kararın sonucu: Şikâyet kısmen haklı bulundu.');
  });

  it("never shows a duplicate's customer the original's reference (it may be someone else's); staff see it", () => {
    const duplicate = sentOf('customer', 'complaint_closed').find((m) => m.params.closure === 'duplicate')!;
    expect(duplicate.params.duplicateOf).toBe('CMP-2026-000100');
    for (const locale of LOCALES) {
      const customer = render(duplicate, locale, withActivityParams(duplicate));
      expect(customer.body).not.toContain('CMP-2026-000100');
      expect(customer.subject).not.toContain('CMP-2026-000100');
      expect(renderStaffMessage('complaint_closed', locale, withActivityParams(duplicate)).body).toContain('CMP-2026-000100');
    }
  });
});

describe('staff messages', () => {
  it('names the stage of a deadline warning in words and says what to do', () => {
    const params = { ...withActivityParams(first('staff', 'deadline_warning')), dueAt: '2026-03-06T15:00:00Z' };
    const tr = renderStaffMessage('deadline_warning', 'tr', params);
    expect(tr.subject).toBe(`Süre uyarısı (${REFERENCE})`);
    expect(tr.body).toContain(
      `${REFERENCE} numaralı şikâyette araştırma ve değerlendirme aşamasının süresi dolmak üzere ` +
        '(son tarih: 6 Mart 2026 18:00).',
    );
    const en = renderStaffMessage('deadline_warning', 'en', { reference: REFERENCE, stage: 'initialReview' });
    expect(en.body).toContain('The initial review stage of complaint CMP-2026-000123 is nearly due.');
  });

  it('names escalation levels in words, and an unknown level id as words too', () => {
    expect(renderStaffMessage('deadline_breached', 'tr', first('staff', 'deadline_breached').params).body).toContain(
      'Şikâyetten sorumlu seviye: Ekip lideri.',
    );
    const custom = renderStaffMessage('complaint_escalated', 'en', { level: 'qualityManager', reason: 'A hospital.' });
    expect(custom.body).toContain('has been escalated.\n\nNow responsible: Quality manager\nReason: A hospital.');
  });

  it('gives a corrective action due date as that calendar date in any time zone', () => {
    const params = { ...first('staff', 'corrective_action_assigned').params, timeZone: 'Pacific/Honolulu' };
    expect(renderStaffMessage('corrective_action_assigned', 'tr', params).body).toContain('Son tarih: 31 Aralık 2026.');
  });

  it('says who recorded an answer that came by phone, and how it came', () => {
    const recorded = sentOf('staff', 'resolution_rejected').find((m) => m.params.channel === 'phone')!;
    expect(renderStaffMessage('resolution_rejected', 'en', recorded.params).body).toContain(
      'The answer came by phone and was recorded by agent-1.',
    );
  });

  it('alerts the owner when a question went unanswered, with what happened next', () => {
    const [resumed, closed] = sentOf('staff', 'info_request_timed_out');
    expect(renderStaffMessage('info_request_timed_out', 'en', resumed!.params).body).toContain('the stage clock is running again');
    expect(renderStaffMessage('info_request_timed_out', 'en', closed!.params).body).toContain('closed for lack of a response');
  });

  it("passes on the customer's reason for a rejection", () => {
    const { body } = renderStaffMessage('resolution_rejected', 'en', first('staff', 'resolution_rejected').params);
    expect(body).toContain("The customer's reason: Too little.");
  });

  it('asks staff to carry out an accepted solution, and nothing more after a withdrawal', () => {
    const accepted = renderStaffMessage('complaint_closed', 'en', { closure: 'accepted', round: 1 });
    expect(accepted.body).toContain('Please make sure the agreed solution is carried out');
    const withdrawn = renderStaffMessage('complaint_closed', 'en', { closure: 'withdrawn', reason: 'Fixed it.' });
    expect(withdrawn.body).toContain('Note: Fixed it.\n\nNo further action is needed');
  });
});
