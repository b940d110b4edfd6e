// The texts of every message, rendered with the params the reducer really emits: journeys through
// `advance` collect them, the way the workflow does, and the activity's own params are added on top.
import { describe, expect, it } from 'vitest';
import {
  messageLanguage,
  renderCustomerMessage,
  renderStaffMessage,
  type CustomerMessageTemplate,
  type MessageParams,
  type RenderedMessage,
} from '../../activities/message-templates.js';
import { customerLabel, WORKING_STATUSES } from '../../domain/complaint.js';
import { initialEffects, type ComplaintState, type Effect, type StaffTemplate } from '../../domain/lifecycle.js';
import { answer, decide, definition, reach, REFERENCE, SAMPLE_DECISIONS, start, step, system } from '../domain/lifecycle/fixtures.js';

const CUSTOMER_TEMPLATES = Object.keys({
  acknowledgement: 1, info_requested: 1, resolution_proposed: 1, answer_reminder: 1, reinvestigation_started: 1,
  progress_update: 1, complaint_closed: 1, external_remedies: 1, satisfaction_survey: 1,
} satisfies Record<CustomerMessageTemplate, 1>) as CustomerMessageTemplate[];

const STAFF_TEMPLATES = Object.keys({
  complaint_assigned: 1, complaint_routed: 1, deadline_warning: 1, deadline_breached: 1, complaint_escalated: 1,
  customer_answered_info: 1, resolution_accepted: 1, resolution_rejected: 1, answer_timed_out: 1,
  complaint_open_external: 1, complaint_closed: 1, corrective_action_assigned: 1,
} satisfies Record<StaffTemplate, 1>) as StaffTemplate[];

const LOCALES = ['tr', 'en'] as const;
const TRACKING_URL = 'https://plaint.example/track?reference=CMP-2026-000123';
const RESPONSE_URL = 'https://plaint.example/r/token-1';

type Sent = { audience: 'customer'; template: CustomerMessageTemplate; params: MessageParams }
  | { audience: 'staff'; template: StaffTemplate; params: MessageParams };

/** The messages a list of effects sends, as the workflow builds them (workflows/complaint-run.ts). */
function messagesOf(effects: Effect[], state: ComplaintState): Sent[] {
  return effects.flatMap((e): Sent[] => {
    switch (e.kind) {
      case 'notify_customer': return [{ audience: 'customer', template: e.template, params: e.params }];
      case 'notify_staff': return [{ audience: 'staff', template: e.template, params: e.params }];
      case 'send_acknowledgement':
        return [{ audience: 'customer', template: 'acknowledgement', params: { receivedAt: state.receivedAt, channel: state.channel } }];
      case 'inform_external_remedies':
        return [{ audience: 'customer', template: 'external_remedies', params: { country: e.country, remedies: e.remedies } }];
      case 'request_satisfaction_survey':
        return [{ audience: 'customer', template: 'satisfaction_survey', params: { closure: e.closure } }];
      default: return [];
    }
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
const SENT: Sent[] = [
  ...messagesOf(initialEffects(fresh, definition), fresh),
  ...journey(fresh, [
    system({ type: 'acknowledgement_sent' }),
    decide(SAMPLE_DECISIONS.assign),
    decide(SAMPLE_DECISIONS.classify),
    decide(SAMPLE_DECISIONS.request_info),
    answer({ type: 'customer_answered_info', requestId: 'info-1', text: 'Here is the photo.' }),
    system({ type: 'deadline_warning', stage: 'investigation' }),
    system({ type: 'deadline_breached', stage: 'investigation', breachCount: 1 }),
    decide(SAMPLE_DECISIONS.escalate),
    decide(SAMPLE_DECISIONS.record_corrective_action),
    system({ type: 'progress_update_due' }),
    decide({ type: 'propose_resolution', summary: 'We refund the price.', remedy: 'refund', amount: 1250, currency: 'TRY' }),
    system({ type: 'answer_reminder_due', round: 1 }),
    answer({ type: 'customer_rejected', round: 1, reason: 'Too little.' }),
    decide(SAMPLE_DECISIONS.propose_resolution),
    answer({ type: 'customer_rejected', round: 2, reason: 'Still broken.' }),
    decide(SAMPLE_DECISIONS.record_external_outcome),
  ]),
  ...journey(reach('resolution_proposed'), [system({ type: 'customer_answer_timed_out', round: 1 })]),
  ...journey(reach('resolution_proposed'), [answer({ type: 'customer_accepted', round: 1 })]),
  ...journey(reach('investigating'), [decide(SAMPLE_DECISIONS.withdraw)]),
  ...journey(reach('investigating'), [decide(SAMPLE_DECISIONS.close_out_of_scope, 'supervisor')]),
  ...journey(reach('investigating'), [decide(SAMPLE_DECISIONS.mark_duplicate, 'supervisor')]),
];
// The reducer emits no staff `complaint_closed`; the workflow sends it with the customer's params.
const closedParams = SENT.filter((m) => m.audience === 'customer' && m.template === 'complaint_closed');
SENT.push(...closedParams.map((m): Sent => ({ audience: 'staff', template: 'complaint_closed', params: m.params })));

/** What the read-model activity adds before rendering. */
function withActivityParams(m: Sent): MessageParams {
  const links = ['resolution_proposed', 'info_requested', 'answer_reminder'].includes(m.template);
  return { ...m.params, reference: REFERENCE, timeZone: 'Europe/Istanbul', trackingUrl: TRACKING_URL, ...(links ? { responseUrl: RESPONSE_URL } : {}) };
}

function render(m: Sent, locale: string, params: MessageParams): RenderedMessage {
  return m.audience === 'customer'
    ? renderCustomerMessage(m.template, locale, params)
    : renderStaffMessage(m.template, locale, params);
}

const sentOf = (audience: Sent['audience'], template: string) =>
  SENT.filter((m) => m.audience === audience && m.template === template);

const PLACEHOLDERS = /undefined|null|NaN|\{|\}|\[object/;

describe('message templates', () => {
  it('are exercised by journeys that emit every customer and staff template', () => {
    expect(new Set(SENT.filter((m) => m.audience === 'customer').map((m) => m.template))).toEqual(new Set(CUSTOMER_TEMPLATES));
    expect(new Set(SENT.filter((m) => m.audience === 'staff').map((m) => m.template))).toEqual(new Set(STAFF_TEMPLATES));
  });

  const cases = [
    ...CUSTOMER_TEMPLATES.flatMap((t) => LOCALES.map((l) => ['customer', t, l] as const)),
    ...STAFF_TEMPLATES.flatMap((t) => LOCALES.map((l) => ['staff', t, l] as const)),
  ];
  it.each(cases)('renders the %s message %s in %s without placeholders, with or without its params', (audience, template, locale) => {
    const sent = sentOf(audience, template);
    const variants = [...sent.flatMap((m) => [m.params, withActivityParams(m)]), {}];
    for (const params of variants) {
      const { subject, body } = render(sent[0]!, locale, params);
      expect(subject.trim()).not.toBe('');
      expect(body.trim()).not.toBe('');
      expect(`${subject}\n${body}`).not.toMatch(PLACEHOLDERS);
    }
  });

  it.each(CUSTOMER_TEMPLATES)('writes %s in a different text for Turkish and English customers', (template) => {
    const [m] = sentOf('customer', template);
    const tr = render(m!, 'tr', withActivityParams(m!));
    expect(render(m!, 'en', withActivityParams(m!)).body).not.toBe(tr.body);
    expect(tr.body).toMatch(/^Sayın Müşterimiz,/);
    expect(tr.body).toMatch(/Saygılarımızla,/);
  });

  it('never shows customers staff ids, internal notes or agents\' reasons', () => {
    const internal = ['agent-1', 'agent-7', 'supervisor-1', 'quality-1', 'Called the dealer', 'hospital', SAMPLE_DECISIONS.withdraw.reason,
      SAMPLE_DECISIONS.close_out_of_scope.reason, 'after_sales', 'product_defect'];
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
    ['tr', 'tr'], ['tr-TR', 'tr'], ['TR', 'tr'], ['tr_TR', 'tr'], ['en', 'en'], ['en-GB', 'en'], ['de-DE', 'en'], ['', 'en'],
  ])('reads the locale %j as %s', (locale, language) => {
    expect(messageLanguage(locale)).toBe(language);
  });

  it('falls back to English for a language Plaint does not write in', () => {
    const [m] = sentOf('customer', 'acknowledgement');
    expect(render(m!, 'fa-IR', withActivityParams(m!))).toEqual(render(m!, 'en', withActivityParams(m!)));
    expect(render(m!, 'tr-TR', withActivityParams(m!))).toEqual(render(m!, 'tr', withActivityParams(m!)));
  });
});

describe('customer messages', () => {
  const ack = () => withActivityParams(sentOf('customer', 'acknowledgement')[0]!);

  it('acknowledges with the reference, the local time of receipt, the channel and the tracking link on its own line', () => {
    const tr = renderCustomerMessage('acknowledgement', 'tr', ack());
    expect(tr.subject).toBe(`Şikâyetinizi aldık (${REFERENCE})`);
    expect(tr.body).toContain('2 Mart 2026 10:00 tarihinde web sitemiz üzerinden ilettiğiniz şikâyetinizi aldık.');
    expect(tr.body.split('\n')).toContain(TRACKING_URL);
    const en = renderCustomerMessage('acknowledgement', 'en', ack());
    expect(en.body).toContain('through our website on 2 March 2026 at 10:00.');
  });

  it('names the time zone when the calendar zone is unknown instead of using the server zone', () => {
    const { body } = renderCustomerMessage('acknowledgement', 'en', { ...ack(), timeZone: 'Mars/Olympus' });
    expect(body).toContain('2 March 2026 at 07:00 UTC');
  });

  it('tells when the initial review ends if the activity passes dueAt', () => {
    const { body } = renderCustomerMessage('acknowledgement', 'tr', { ...ack(), dueAt: '2026-03-04T14:00:00Z' });
    expect(body).toContain('Ön incelemeyi en geç 4 Mart 2026 17:00 tarihine kadar tamamlayacağız.');
  });

  it('proposes a resolution with the amount in local format, the answer link, the deadline and what silence means', () => {
    const [first] = sentOf('customer', 'resolution_proposed');
    const params = { ...withActivityParams(first!), answerDueAt: '2026-03-20T20:59:00Z', noAnswer: 'deemed_accepted', rounds: 2 };
    const { subject, body } = renderCustomerMessage('resolution_proposed', 'tr', params);
    expect(subject).toBe(`Şikâyetiniz için çözüm önerimiz (${REFERENCE})`);
    expect(body).toContain('We refund the price.');
    expect(body).toContain('Çözüm türü: Para iadesi\nTutar: ₺1.250,00');
    expect(body.split('\n')).toContain(RESPONSE_URL);
    expect(body).toContain('Lütfen yanıtınızı 20 Mart 2026 23:59 tarihine kadar iletin.');
    expect(body).toContain('öneriyi kabul etmiş sayılacaksınız');
    expect(body).toContain('yeni bir öneri sunacağız');
  });

  it('says the last round is the final proposal and that independent bodies come next', () => {
    const [, second] = sentOf('customer', 'resolution_proposed');
    const { subject, body } = renderCustomerMessage('resolution_proposed', 'en', { ...withActivityParams(second!), rounds: 2 });
    expect(subject).toBe(`Our new proposal for your complaint (${REFERENCE})`);
    expect(body).toContain('This is our final proposal.');
  });

  it.each(WORKING_STATUSES)('shows the %s status by its customer label in a progress update, never by its id', (status) => {
    const tr = renderCustomerMessage('progress_update', 'tr', { reference: REFERENCE, status }).body;
    expect(tr).toContain(`Güncel durum: ${customerLabel(status, 'tr')}.`);
    expect(tr).not.toContain(status);
    const en = renderCustomerMessage('progress_update', 'en', { reference: REFERENCE, status }).body;
    expect(en).toContain(`Current status: ${customerLabel(status, 'en')}.`);
  });

  it('lists each external remedy with its description and link, or says whom to ask when there is none', () => {
    const [m] = sentOf('customer', 'external_remedies');
    const { body } = renderCustomerMessage('external_remedies', 'tr', withActivityParams(m!));
    expect(body).toContain('- Tüketici Hakem Heyetleri\n  Her yıl belirlenen');
    expect(body).toContain('  https://www.ticaret.gov.tr');
    const none = renderCustomerMessage('external_remedies', 'en', { reference: REFERENCE, remedies: [] });
    expect(none.body).toContain('Please contact us to find out which independent bodies you can turn to.');
  });

  it('explains each closure in words, naming the original of a duplicate', () => {
    const bodies = sentOf('customer', 'complaint_closed').map((m) => renderCustomerMessage('complaint_closed', 'tr', withActivityParams(m)).body);
    expect(bodies).toHaveLength(6);
    expect(bodies.join('\n')).toContain('daha önce kaydedilen CMP-2026-000100 numaralı şikâyetle aynı konuyu içerdiği için kapatıldı');
    expect(bodies.join('\n')).toContain('Kararın sonucu: Şikâyet kısmen haklı bulundu.');
  });
});

describe('staff messages', () => {
  it('names the stage of a deadline warning in words and says what to do', () => {
    const [m] = sentOf('staff', 'deadline_warning');
    const tr = renderStaffMessage('deadline_warning', 'tr', { ...withActivityParams(m!), dueAt: '2026-03-06T15:00:00Z' });
    expect(tr.subject).toBe(`Süre uyarısı (${REFERENCE})`);
    expect(tr.body).toContain(`${REFERENCE} numaralı şikâyette araştırma ve değerlendirme aşamasının süresi dolmak üzere (son tarih: 6 Mart 2026 18:00).`);
    expect(renderStaffMessage('deadline_warning', 'en', { reference: REFERENCE, stage: 'initialReview' }).body).toContain('The initial review stage');
  });

  it('names escalation levels in words, and an unknown level id as words too', () => {
    const [m] = sentOf('staff', 'deadline_breached');
    expect(renderStaffMessage('deadline_breached', 'tr', m!.params).body).toContain('Şikâyetten sorumlu seviye: Ekip lideri.');
    const custom = renderStaffMessage('complaint_escalated', 'en', { reference: REFERENCE, level: 'qualityManager', reason: 'A hospital.' });
    expect(custom.body).toContain('has been escalated.\n\nNow responsible: Quality manager\nReason: A hospital.');
  });

  it('gives a corrective action due date as that calendar date in any time zone', () => {
    const [m] = sentOf('staff', 'corrective_action_assigned');
    const { body } = renderStaffMessage('corrective_action_assigned', 'tr', { ...m!.params, timeZone: 'Pacific/Honolulu' });
    expect(body).toContain('Son tarih: 31 Aralık 2026.');
  });

  it("passes on the customer's reason for a rejection", () => {
    const [m] = sentOf('staff', 'resolution_rejected');
    expect(renderStaffMessage('resolution_rejected', 'en', m!.params).body).toContain("The customer's reason: Too little.");
  });
});
