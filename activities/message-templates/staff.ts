// What staff read: short notices that name the complaint by reference, say what happened and what
// to do next. Staff may see the customer's reasons and escalation reasons; ids still become words.
import type { StaffTemplate } from '../../domain/lifecycle/effects.js';
import {
  capitalize,
  ESCALATION_LEVEL_NAMES,
  EXTERNAL_DECISION_NAMES,
  humanize,
  lines,
  messageContext,
  paragraphs,
  SEVERITY_NAMES,
  STAFF_STATUS_NAMES,
  STAGE_NAMES,
  subjectLine,
  type MessageContext,
  type MessageParams,
  type RenderedMessage,
  type Words,
  trRef,
} from './format.js';

const CLOSURE_NAMES: Readonly<Record<string, Words>> = {
  accepted: ['müşteri çözüm önerisini kabul etti', 'the customer accepted the proposal'],
  deemed_accepted: [
    'yanıt gelmediği için öneri kabul edilmiş sayıldı',
    'no answer came, so the proposal was deemed accepted',
  ],
  withdrawn: ['şikâyet geri çekildi', 'the complaint was withdrawn'],
  out_of_scope: ['şikâyet kapsam dışı bulundu', 'the complaint was found out of scope'],
  duplicate: ['mükerrer şikâyet', 'duplicate complaint'],
  external_decision: ['bağımsız kurum kararı kaydedildi', "an independent body's decision was recorded"],
  no_response: [
    'müşteri istenen bilgiyi süresi içinde vermedi',
    'the customer did not send the information asked for in time',
  ],
};

/** How an answer reached staff, who recorded it (`record_customer_answer`). */
const RECORDED_CHANNELS: Readonly<Record<string, Words>> = {
  email: ['e-posta ile', 'by e-mail'],
  phone: ['telefonla', 'by phone'],
  live_chat: ['canlı destekte', 'in live chat'],
  social_media: ['sosyal medyada', 'on social media'],
  letter: ['mektupla', 'by letter'],
  fax: ['faksla', 'by fax'],
  front_office: ['müşteri hizmetleri noktasında yüz yüze', 'in person at the customer service desk'],
  dealer: ['bayi aracılığıyla', 'through the dealer'],
  sales_representative: ['satış temsilcisi aracılığıyla', 'through the sales representative'],
  technical_support: ['teknik destek aracılığıyla', 'through technical support'],
};

/** What is left to do once a complaint closed this way. */
const AFTER_CLOSURE: Readonly<Record<string, Words>> = {
  accepted: [
    'Lütfen kararlaştırılan çözümün uygulanmasını ve açık düzeltici faaliyetleri takip edin.',
    'Please make sure the agreed solution is carried out, and follow up any open corrective actions.',
  ],
  external_decision: [
    'Lütfen kurum kararının gereğini yerine getirin ve açık düzeltici faaliyetleri takip edin.',
    'Please carry out what the decision requires, and follow up any open corrective actions.',
  ],
};
const NOTHING_LEFT: Words = [
  'Şikâyet için başka bir işlem gerekmiyor; açık düzeltici faaliyetler varsa takibine devam edin.',
  'No further action is needed on the complaint; keep following up any open corrective actions.',
];

/** The next step for whoever gets a complaint in this status. */
const NEXT_STEP: Readonly<Record<string, Words>> = {
  acknowledged: ['Lütfen ön incelemeyi başlatın.', 'Please start the initial review.'],
  in_review: [
    'Lütfen ön incelemeyi yapıp şikâyeti sınıflandırın.',
    'Please carry out the initial review and classify the complaint.',
  ],
  investigating: [
    'Lütfen kök nedeni araştırıp müşteriye bir çözüm önerin.',
    'Please investigate the root cause and propose a resolution to the customer.',
  ],
  reinvestigating: [
    'Lütfen müşterinin gerekçesini inceleyip yeni bir çözüm önerin.',
    "Please review the customer's reasons and propose a new resolution.",
  ],
  awaiting_customer: [
    'Müşterinin yanıtı geldiğinde incelemeye devam edin.',
    "Continue the review once the customer's answer arrives.",
  ],
};

type Template = (c: MessageContext) => RenderedMessage;

/** "complaint CMP-…", or "the complaint" without a reference. */
function enRef(c: MessageContext, sentenceStart = false): string {
  const reference = c.text('reference');
  const phrase = reference ? `complaint ${reference}` : 'the complaint';
  return sentenceStart ? capitalize(phrase, 'en') : phrase;
}

/** Subject and body, plus the staff console link when the activity passes one. */
function notice(c: MessageContext, subject: Words, ...body: (string | null | false)[]): RenderedMessage {
  const url = c.text('complaintUrl');
  return {
    subject: subjectLine(c, c.t(...subject)),
    body: paragraphs(...body, url && `${c.t('Şikâyeti açmak için:', 'Open the complaint:')}\n${url}`),
  };
}

/** "1. çözüm önerisini" / "proposal 1": which proposal, when the round is known. */
function proposal(c: MessageContext): string {
  const round = c.count('round');
  return c.t(round ? `${round}. çözüm önerisini` : 'çözüm önerisini', round ? `proposal ${round}` : 'the proposal');
}

/** A level id in words, capitalized to stand after a colon. */
function level(c: MessageContext, key: string): string | null {
  const words = c.labelOrId(ESCALATION_LEVEL_NAMES, key);
  return words && capitalize(words, c.lang);
}

/** "Yanıt telefonla geldi; kaydeden: agent-1." when staff recorded the answer, else null. */
function recordedBy(c: MessageContext): string | null {
  const by = c.text('recordedBy');
  if (!by) return null;
  const channel = c.labelOrId(RECORDED_CHANNELS, 'channel');
  return c.t(
    `Yanıt ${channel ? `${channel} ` : ''}geldi ve ${by} tarafından kaydedildi.`,
    `The answer came ${channel ? `${channel} ` : ''}and was recorded by ${by}.`,
  );
}

/** "(son tarih: …)" / "(deadline: …)" when the param holds a date. */
function dueNote(c: MessageContext, key: string): string {
  const due = c.when(key);
  return due ? c.t(` (son tarih: ${due})`, ` (deadline: ${due})`) : '';
}

const STAFF_TEMPLATES: Readonly<Record<StaffTemplate, Template>> = {
  complaint_assigned(c) {
    const status = c.label(STAFF_STATUS_NAMES, 'status');
    return notice(
      c,
      ['Size şikâyet atandı', 'A complaint has been assigned to you'],
      c.t(`${trRef(c, 'şikâyet')} size atandı.`, `${enRef(c, true)} has been assigned to you.`),
      status && c.t(`Güncel durum: ${status}.`, `Current status: ${status}.`),
      c.label(NEXT_STEP, 'status') ?? c.t('Lütfen şikâyeti inceleyin.', 'Please review the complaint.'),
    );
  },

  complaint_routed(c) {
    const category = humanize(c.text('category'));
    const severity = c.label(SEVERITY_NAMES, 'severity');
    const urgent = ['high', 'critical'].includes(c.text('severity') ?? '');
    return notice(
      c,
      ['Biriminize şikâyet yönlendirildi', 'A complaint has been routed to your department'],
      c.t(`${trRef(c, 'şikâyet')} biriminize yönlendirildi.`, `${enRef(c, true)} has been routed to your department.`),
      lines(
        category && c.t(`Kategori: ${category}`, `Category: ${category}`),
        severity && c.t(`Önem derecesi: ${severity}`, `Severity: ${severity}`),
      ),
      c.t(
        `Lütfen şikâyeti bir uzmana atayın${urgent ? ' ve öncelik verin' : ''}.`,
        `Please assign the complaint to a specialist${urgent ? ' and give it priority' : ''}.`,
      ),
    );
  },

  deadline_warning(c) {
    const stage = c.labelOrId(STAGE_NAMES, 'stage');
    return notice(
      c,
      ['Süre uyarısı', 'Deadline approaching'],
      c.t(
        `${trRef(c, 'şikâyette')} ${stage ? `${stage} aşamasının` : 'mevcut aşamanın'} süresi dolmak üzere` +
          `${dueNote(c, 'dueAt')}.`,
        `The ${stage ? `${stage} stage` : 'current stage'} of ${enRef(c)} is nearly due${dueNote(c, 'dueAt')}.`,
      ),
      c.t(
        'Lütfen aşamayı süre dolmadan tamamlayın ya da gerekiyorsa şikâyeti üst seviyeye aktarın.',
        'Please complete the stage before the deadline, or escalate the complaint if you need help.',
      ),
    );
  },

  deadline_breached(c) {
    const stage = c.labelOrId(STAGE_NAMES, 'stage');
    const count = c.count('breachCount');
    const owner = level(c, 'owner');
    return notice(
      c,
      ['Süre aşıldı', 'Deadline missed'],
      c.t(
        `${trRef(c, 'şikâyette')} ${stage ? `${stage} aşamasının` : 'mevcut aşamanın'} süresi aşıldı.`,
        `The ${stage ? `${stage} stage` : 'current stage'} of ${enRef(c)} is past its deadline.`,
      ),
      count !== null && count > 1 && c.t(`Bu, ${count}. süre aşımı bildirimidir.`, `This is breach notice ${count}.`),
      owner && c.t(`Şikâyetten sorumlu seviye: ${owner}.`, `Now responsible: ${owner}.`),
      c.t(
        'Lütfen şikâyeti gecikmeden ele alın ve gerekiyorsa müşteriyi bilgilendirin.',
        'Please deal with the complaint without delay and keep the customer informed.',
      ),
    );
  },

  complaint_escalated(c) {
    const owner = level(c, 'level');
    const reason = c.text('reason');
    return notice(
      c,
      ['Şikâyet üst seviyeye aktarıldı', 'Complaint escalated'],
      c.t(`${trRef(c, 'şikâyet')} üst seviyeye aktarıldı.`, `${enRef(c, true)} has been escalated.`),
      lines(
        owner && c.t(`Yeni sorumlu seviye: ${owner}`, `Now responsible: ${owner}`),
        reason && c.t(`Gerekçe: ${reason}`, `Reason: ${reason}`),
      ),
      c.t('Lütfen şikâyeti inceleyip sahiplenin.', 'Please review the complaint and take ownership of it.'),
    );
  },

  customer_answered_info(c) {
    const requestId = c.text('requestId');
    return notice(
      c,
      ['Müşteri bilgi talebini yanıtladı', 'The customer answered the information request'],
      c.t(
        `Müşteri, ${trRef(c, 'şikâyetteki', false)} bilgi talebini${requestId ? ` (${requestId})` : ''} yanıtladı. ` +
          'Aşamanın süresi yeniden işlemeye başladı.',
        `The customer has answered the information request${requestId ? ` ${requestId}` : ''} on ${enRef(c)}. ` +
          'The stage clock is running again.',
      ),
      recordedBy(c),
      c.t('Lütfen yanıtı inceleyip değerlendirmeye devam edin.', 'Please read the answer and continue the review.'),
    );
  },

  resolution_accepted: (c) =>
    notice(
      c,
      ['Müşteri çözüm önerisini kabul etti', 'The customer accepted the resolution'],
      c.t(
        `Müşteri, ${trRef(c, 'şikâyet', false)} için sunulan ${proposal(c)} kabul etti; şikâyet kapatıldı.`,
        `The customer accepted ${proposal(c)} for ${enRef(c)}; the complaint is closed.`,
      ),
      recordedBy(c),
      c.t(
        'Lütfen kararlaştırılan çözümün uygulanmasını takip edin.',
        'Please make sure the agreed solution is carried out.',
      ),
    ),

  resolution_rejected(c) {
    const reason = c.text('reason');
    return notice(
      c,
      ['Müşteri çözüm önerisini reddetti', 'The customer rejected the resolution'],
      c.t(
        `Müşteri, ${trRef(c, 'şikâyet', false)} için sunulan ${proposal(c)} reddetti. ` +
          'Şikâyet yeniden değerlendirmeye alındı.',
        `The customer rejected ${proposal(c)} for ${enRef(c)}. The complaint is back under investigation.`,
      ),
      reason && c.t(`Müşterinin gerekçesi: ${reason}`, `The customer's reason: ${reason}`),
      recordedBy(c),
      c.t(
        'Lütfen gerekçeyi dikkate alarak başka çözüm yollarını araştırın ve yeni bir öneri sunun.',
        "Please look for other solutions with the customer's reason in mind and propose a new resolution.",
      ),
    );
  },

  answer_timed_out(c) {
    const noAnswer = c.text('noAnswer');
    return notice(
      c,
      ['Müşteri süresi içinde yanıt vermedi', 'The customer did not answer in time'],
      c.t(
        `Müşteri, ${trRef(c, 'şikâyet', false)} için sunulan ${proposal(c)} süresi içinde yanıtlamadı.`,
        `The customer did not answer ${proposal(c)} for ${enRef(c)} in time.`,
      ),
      noAnswer === 'deemed_accepted'
        ? c.t(
            'Öneri kabul edilmiş sayıldı ve şikâyet kapatıldı. Lütfen önerilen çözümün uygulanmasını takip edin.',
            'The proposal is deemed accepted and the complaint closed. Please make sure the solution is carried out.',
          )
        : noAnswer === 'stay_open'
          ? c.t(
              'Şikâyet açık kalıyor ve müşterinin yanıt bağlantısı geçerliliğini koruyor. ' +
                'Lütfen müşteriyle iletişime geçin.',
              "The complaint stays open and the customer's answer link still works. Please contact the customer.",
            )
          : c.t('Lütfen şikâyetin durumunu kontrol edin.', 'Please check where the complaint stands.'),
    );
  },

  info_request_timed_out(c) {
    const requestId = c.text('requestId');
    const onNoAnswer = c.text('onNoAnswer');
    return notice(
      c,
      [
        'Müşteri bilgi talebini süresi içinde yanıtlamadı',
        'The customer did not answer the information request in time',
      ],
      c.t(
        `Müşteri, ${trRef(c, 'şikâyetteki', false)} bilgi talebini${requestId ? ` (${requestId})` : ''} süresi ` +
          'içinde yanıtlamadı; yanıt bağlantısı iptal edildi.',
        `The customer did not answer the information request${requestId ? ` ${requestId}` : ''} on ${enRef(c)} ` +
          'in time; their answer link no longer works.',
      ),
      onNoAnswer === 'close_no_response'
        ? c.t(
            'Şikâyet yanıt alınamadığı için kapatıldı ve müşteri bilgilendirildi.',
            'The complaint has been closed for lack of a response, and the customer told.',
          )
        : onNoAnswer === 'resume'
          ? c.t(
              'Şikâyet önceki aşamasına döndü ve aşamanın süresi yeniden işliyor. Lütfen elinizdeki bilgilerle ' +
                'devam edin ya da müşteriye başka bir yoldan ulaşın.',
              'The complaint is back in its earlier stage and the stage clock is running again. Please continue ' +
                'with the information you have, or reach the customer another way.',
            )
          : c.t('Lütfen şikâyetin durumunu kontrol edin.', 'Please check where the complaint stands.'),
    );
  },

  complaint_open_external(c) {
    const round = c.count('round');
    return notice(
      c,
      [
        'Şikâyet açık kaldı: müşteri dış başvuru yollarına yönlendirildi',
        'Complaint left open: customer referred to external remedies',
      ],
      c.t(
        `Müşteri, ${trRef(c, 'şikâyet', false)} için sunulan son çözüm önerisini` +
          `${round ? ` (${round}. öneri)` : ''} de reddetti. Şikâyet açık kaldı ve müşteriye başvurabileceği ` +
          'bağımsız kurumlar bildirildi.',
        `The customer rejected the final proposal${round ? ` (proposal ${round})` : ''} for ${enRef(c)}. ` +
          'The complaint stays open and the customer has been told which independent bodies they can turn to.',
      ),
      c.t(
        'Lütfen süreci takip edin; bağımsız bir kurumun kararı gelirse kararı şikâyete kaydedin.',
        "Please follow the case; when an independent body's decision arrives, record it on the complaint.",
      ),
    );
  },

  complaint_closed(c) {
    const closure = c.labelOrId(CLOSURE_NAMES, 'closure');
    const reason = c.text('reason');
    const original = c.text('duplicateOf');
    const decision = c.label(EXTERNAL_DECISION_NAMES, 'externalDecision');
    const id = c.text('closure');
    const after = id === 'deemed_accepted' ? 'accepted' : id;
    return notice(
      c,
      ['Şikâyet kapatıldı', 'Complaint closed'],
      c.t(
        `${trRef(c, 'şikâyet')} kapatıldı.${closure ? ` Kapanış nedeni: ${closure}.` : ''}`,
        `${enRef(c, true)} has been closed.${closure ? ` Reason: ${closure}.` : ''}`,
      ),
      lines(
        reason && c.t(`Açıklama: ${reason}`, `Note: ${reason}`),
        original && c.t(`Asıl şikâyet: ${original}`, `Original complaint: ${original}`),
        decision && c.t(`Kurum kararı: ${capitalize(decision, 'tr')}.`, `Decision: ${capitalize(decision, 'en')}.`),
      ),
      c.t(...(after !== null && Object.hasOwn(AFTER_CLOSURE, after) ? AFTER_CLOSURE[after]! : NOTHING_LEFT)),
    );
  },

  corrective_action_assigned(c) {
    const id = c.text('correctiveActionId');
    const due = c.when('dueDate');
    return notice(
      c,
      ['Size düzeltici faaliyet atandı', 'A corrective action has been assigned to you'],
      c.t(
        `${trRef(c, 'şikâyet')} için bir düzeltici faaliyet${id ? ` (${id})` : ''} size atandı.` +
          `${due ? ` Son tarih: ${due}.` : ''}`,
        `A corrective action${id ? ` (${id})` : ''} on ${enRef(c)} has been assigned to you.` +
          `${due ? ` Due date: ${due}.` : ''}`,
      ),
      c.t(
        'Lütfen faaliyeti planlayıp son tarihe kadar tamamlayın ve sonucunu kaydedin.',
        'Please plan the action, complete it by the due date and record the result.',
      ),
    );
  },
};

/** A staff notice in the staff locale (`tr`, `tr-TR` → Turkish; anything else English). */
export function renderStaffMessage(template: StaffTemplate, locale: string, params: MessageParams): RenderedMessage {
  return STAFF_TEMPLATES[template](messageContext(locale, params));
}
