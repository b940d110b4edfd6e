// What the customer reads, in Turkish and English. Each text says where the complaint stands, what
// happens next and, when the params carry a date, by when (ISO 10002 transparency). Customer texts
// never show staff notes, staff ids or agents' free-text reasons; only what was written for the
// customer (the question, the proposal summary) and ids turned into words.
import type { CustomerTemplate } from '../../domain/lifecycle/effects.js';
import {
  capitalize,
  EXTERNAL_DECISION_NAMES,
  lines,
  messageContext,
  paragraphs,
  REMEDY_NAMES,
  subjectLine,
  type MessageContext,
  type MessageParams,
  type RenderedMessage,
  type Words,
  trRef,
} from './format.js';

/** Every message the customer gets: the reducer's templates plus three the workflow sends itself. */
export type CustomerMessageTemplate =
  | CustomerTemplate
  | 'acknowledgement'
  | 'external_remedies'
  | 'satisfaction_survey';

const CHANNEL_PHRASES: Readonly<Record<string, Words>> = {
  web: ['web sitemiz üzerinden', 'through our website'],
  email: ['e-posta ile', 'by e-mail'],
  phone: ['telefonla', 'by phone'],
  live_chat: ['canlı destek üzerinden', 'through live chat'],
  social_media: ['sosyal medya üzerinden', 'through social media'],
  letter: ['mektupla', 'by letter'],
  fax: ['faksla', 'by fax'],
  front_office: ['müşteri hizmetleri noktamızda yüz yüze', 'in person at our customer service desk'],
  dealer: ['bayimiz aracılığıyla', 'through our dealer'],
  sales_representative: ['satış temsilciniz aracılığıyla', 'through your sales representative'],
  technical_support: ['teknik destek ekibimiz aracılığıyla', 'through our technical support team'],
};

/** What the team is doing, per working status, for progress updates. */
const STATUS_ACTIVITY: Readonly<Record<string, Words>> = {
  acknowledged: ['Şikâyetiniz ön inceleme için sıraya alındı.', 'Your complaint is queued for its initial review.'],
  in_review: ['Şikâyetinizin ön incelemesi sürüyor.', 'We are carrying out the initial review of your complaint.'],
  investigating: [
    'Uzmanlarımız şikâyetinize yol açan nedenleri araştırıyor.',
    'Our specialists are investigating what caused the problem.',
  ],
  reinvestigating: [
    'Şikâyetinizi geri bildiriminiz doğrultusunda yeniden değerlendiriyoruz.',
    'We are reassessing your complaint in the light of your feedback.',
  ],
};

type Template = (c: MessageContext) => RenderedMessage;

/** "your complaint CMP-…", or "your complaint" without a reference. */
function enRef(c: MessageContext, sentenceStart = false): string {
  const reference = c.text('reference');
  const phrase = reference ? `your complaint ${reference}` : 'your complaint';
  return sentenceStart ? capitalize(phrase, 'en') : phrase;
}

/** Greeting, the paragraphs that are present, signature. */
function letter(c: MessageContext, subject: Words, ...body: (string | null | false)[]): RenderedMessage {
  const name = c.text('customerName');
  const sender = c.text('senderName');
  const greeting = c.t(name ? `Sayın ${name},` : 'Sayın Müşterimiz,', name ? `Dear ${name},` : 'Dear customer,');
  const signature = c.t(
    `Saygılarımızla,\n${sender ? `${sender} Müşteri İlişkileri` : 'Müşteri İlişkileri Ekibi'}`,
    `Kind regards,\n${sender ? `${sender} Customer Relations` : 'Customer Relations Team'}`,
  );
  return { subject: subjectLine(c, c.t(...subject)), body: paragraphs(greeting, ...body, signature) };
}

/** An introduction and the URL on its own line, or null without the URL. */
function link(c: MessageContext, intro: Words, key: string): string | null {
  const url = c.text(key);
  return url ? `${c.t(...intro)}\n${url}` : null;
}

const TRACKING: Words = [
  'Şikâyetinizin durumunu takip sayfasından izleyebilirsiniz:',
  'You can follow your complaint on its tracking page:',
];

/** By when the customer should answer a proposal, and what happens if they do not. */
function answerDeadline(c: MessageContext): string | null {
  const due = c.when('answerDueAt');
  const noAnswer = c.text('noAnswer');
  const ask = due && c.t(`Lütfen yanıtınızı ${due} tarihine kadar iletin.`, `Please answer by ${due}.`);
  const trIf = due ? 'Bu tarihe kadar yanıt alamazsak' : 'Belirlenen süre içinde yanıt alamazsak';
  const enIf = due ? 'If we have not heard from you by then' : 'If we do not hear from you in time';
  const consequence =
    noAnswer === 'deemed_accepted'
      ? c.t(
          `${trIf} öneriyi kabul etmiş sayılacaksınız ve şikâyetiniz kapatılacak.`,
          `${enIf}, the proposal will be treated as accepted and your complaint closed.`,
        )
      : noAnswer === 'stay_open' &&
        c.t(
          `${trIf} şikâyetiniz açık kalacak ve sizinle yeniden iletişime geçeceğiz.`,
          `${enIf}, your complaint stays open and we will contact you again.`,
        );
  return [ask, consequence].filter(Boolean).join(' ') || null;
}

/** By when the customer should answer our question, and what happens if they do not. */
function infoDeadline(c: MessageContext): string | null {
  const due = c.when('infoDueAt');
  if (!due) return null;
  const onNoAnswer = c.text('infoNoAnswer');
  const ask = c.t(`Lütfen yanıtınızı ${due} tarihine kadar iletin.`, `Please answer by ${due}.`);
  const consequence =
    onNoAnswer === 'close_no_response'
      ? c.t(
          'Bu tarihe kadar yanıt alamazsak şikâyetinizi kapatmak zorunda kalacağız.',
          'If we have not heard from you by then, we will have to close your complaint.',
        )
      : onNoAnswer === 'resume' &&
        c.t(
          'Bu tarihe kadar yanıt alamazsak incelemeye elimizdeki bilgilerle devam edeceğiz.',
          'If we have not heard from you by then, we will continue with the information we have.',
        );
  return [ask, consequence].filter(Boolean).join(' ');
}

/** A fresh link replaces the earlier one, which no longer works. */
function reissuedNote(c: MessageContext): string | null {
  return c.flag('reissued')
    ? c.t(
        'Bu mesajdaki bağlantı, daha önce gönderdiğimiz bağlantının yerine geçer; önceki bağlantı artık çalışmaz.',
        'The link in this message replaces the one we sent you earlier, which no longer works.',
      )
    : null;
}

/** What rejecting leads to: another look, or (in the last round) the way to outside bodies. */
function ifRejected(c: MessageContext): string {
  const round = c.count('round');
  const rounds = c.count('rounds');
  if (round !== null && rounds !== null && round >= rounds) {
    return c.t(
      'Bu, son çözüm önerimizdir. Reddetmeniz durumunda başvurabileceğiniz bağımsız kurumlar hakkında sizi ' +
        'bilgilendireceğiz.',
      'This is our final proposal. If you reject it, we will tell you about the independent bodies you can turn to.',
    );
  }
  return round !== null && rounds !== null
    ? c.t(
        'Öneriyi reddederseniz, lütfen nedenini de belirtin; şikâyetinizi yeniden değerlendirip size yeni bir ' +
          'öneri sunacağız.',
        'If you reject it, please tell us why; we will reassess your complaint and make you a new proposal.',
      )
    : c.t(
        'Öneriyi reddederseniz, lütfen nedenini de belirtin; değerlendirmemizi buna göre sürdüreceğiz.',
        'If you reject it, please tell us why, so that we can take your reasons into account.',
      );
}

/** Why the complaint closed, in the customer's words; agents' free-text reasons stay internal. */
const CLOSURE_TEXTS: Readonly<Record<string, (c: MessageContext) => string>> = {
  accepted: (c) =>
    c.t(
      `Çözüm önerimizi kabul ettiğiniz için teşekkür ederiz. ${trRef(c, 'şikâyetiniz')} çözüme kavuşturularak ` +
        'kapatıldı. Kararlaştırılan çözümü en kısa sürede uygulayacağız.',
      `Thank you for accepting our proposal. We have closed ${enRef(c)} as resolved and will carry out the ` +
        'agreed solution as soon as possible.',
    ),
  no_response: (c) =>
    c.t(
      `${trRef(c, 'şikâyetiniz')} için sizden istediğimiz bilgiyi belirlenen süre içinde alamadığımızdan ` +
        'şikâyetinizi kapattık. İncelemeye devam etmemizi isterseniz lütfen bizimle iletişime geçin; ' +
        'şikâyetinizi memnuniyetle yeniden ele alırız.',
      `We did not receive the information we asked you for about ${enRef(c)} within the time allowed, so we ` +
        'have closed the complaint. If you would like us to continue, please contact us and we will gladly take ' +
        'it up again.',
    ),
  deemed_accepted: (c) =>
    c.t(
      `${trRef(c, 'şikâyetiniz')} için sunduğumuz çözüm önerisine belirlenen süre içinde yanıt alamadığımızdan ` +
        'öneri kabul edilmiş sayıldı ve şikâyetiniz kapatıldı. Önerilen çözümü uygulayacağız. Bu konuda bir ' +
        'sorun olduğunu düşünüyorsanız lütfen bizimle iletişime geçin.',
      `We did not receive your answer to our proposal for ${enRef(c)} within the time allowed, so the proposal ` +
        'has been treated as accepted and the complaint closed. We will carry out the proposed solution. If you ' +
        'think something is wrong, please contact us.',
    ),
  withdrawn: (c) =>
    c.t(
      `${trRef(c, 'şikâyetinizin')} geri çekildiğini kaydettik ve şikâyetinizi kapattık.`,
      `We have recorded that ${enRef(c)} has been withdrawn, and closed it.`,
    ),
  out_of_scope: (c) =>
    c.t(
      `${trRef(c, 'şikâyetinizi')} dikkatle inceledik; ancak konu şikâyet yönetimi sürecimizin kapsamı dışında ` +
        'kaldığı için şikâyetinizi kapattık. Bu karara itiraz etmek ya da daha fazla bilgi almak isterseniz ' +
        'bizimle iletişime geçebilirsiniz.',
      `We have looked carefully at ${enRef(c)}, but the matter falls outside the scope of our complaints ` +
        'process, so we have closed it. If you disagree or would like more information, please contact us.',
    ),
  // The original's reference is not shown: it may be someone else's complaint (staff see it).
  duplicate: (c) =>
    c.t(
      `${trRef(c, 'şikâyetiniz')}, daha önce kaydedilen bir şikâyetle aynı konuyu içerdiği için kapatıldı. ` +
        'Konu o şikâyet üzerinden ele alınmaya devam edecek.',
      `${enRef(c, true)} has been closed because it concerns the same matter as a complaint registered ` +
        'earlier. We will continue to handle the matter under that complaint.',
    ),
  external_decision: (c) => {
    const decision = c.label(EXTERNAL_DECISION_NAMES, 'externalDecision');
    return paragraphs(
      c.t(
        `${trRef(c, 'şikâyetinize')} ilişkin bağımsız kurumun kararını kaydettik ve şikâyetinizi kapattık.`,
        `We have recorded the independent body's decision on ${enRef(c)} and closed the complaint.`,
      ),
      decision && c.t(`Kararın sonucu: ${capitalize(decision, 'tr')}.`, `Outcome: ${capitalize(decision, 'en')}.`),
    );
  },
};

const CUSTOMER_TEMPLATES: Readonly<Record<CustomerMessageTemplate, Template>> = {
  acknowledgement(c) {
    const received = c.when('receivedAt');
    const channel = c.label(CHANNEL_PHRASES, 'channel');
    const due = c.when('dueAt');
    const reference = c.text('reference');
    return letter(
      c,
      ['Şikâyetinizi aldık', 'We have received your complaint'],
      c.t(
        capitalize(`${received ? `${received} tarihinde ` : ''}${channel ? `${channel} ` : ''}ilettiğiniz`, 'tr') +
          ' şikâyetinizi aldık. Bize ulaştığınız için teşekkür ederiz.',
        'Thank you for contacting us. We have received the complaint you sent us' +
          `${channel ? ` ${channel}` : ''}${received ? ` on ${received}` : ''}.`,
      ),
      reference &&
        c.t(
          `Şikâyet numaranız: ${reference}. Bizimle iletişime geçtiğinizde lütfen bu numarayı belirtin.`,
          `Your complaint reference is ${reference}. Please quote it whenever you contact us.`,
        ),
      c.t(
        'Şikâyetiniz ilgili ekibimiz tarafından incelenecek.' +
          `${due ? ` Ön incelemeyi en geç ${due} tarihine kadar tamamlayacağız.` : ''} ` +
          'Her aşamada sizi bilgilendireceğiz.',
        'The team responsible will now review your complaint.' +
          `${due ? ` We will complete the initial review by ${due}.` : ''} We will keep you informed at every step.`,
      ),
      link(
        c,
        [
          'Şikâyetinizin durumunu, kayıt sırasında size verilen takip şifresiyle (PIN) aşağıdaki sayfadan ' +
            'izleyebilirsiniz:',
          'You can follow your complaint on the page below with the tracking PIN you were given when you ' +
            'registered it:',
        ],
        'trackingUrl',
      ),
      c.t(
        'Kişisel bilgileriniz yalnızca şikâyetinizin çözümü için kullanılır ve izniniz olmadan üçüncü kişilerle ' +
          'paylaşılmaz.',
        'Your personal details are used only to handle your complaint and are not shared with third parties ' +
          'without your consent.',
      ),
    );
  },

  info_requested(c) {
    const question = c.text('question');
    return letter(
      c,
      ['Şikâyetiniz için ek bilgiye ihtiyacımız var', 'We need some more information about your complaint'],
      c.t(
        `${trRef(c, 'şikâyetinizi')} inceleyebilmemiz için sizden bazı ek bilgilere ihtiyacımız var` +
          (question ? ':' : '.'),
        `To look into ${enRef(c)}, we need some more information from you${question ? ':' : '.'}`,
      ),
      question,
      link(
        c,
        [
          'Yanıtınızı ve varsa belge ya da fotoğrafları aşağıdaki bağlantıdan iletebilirsiniz:',
          'You can send your answer, and any documents or photos, through this link:',
        ],
        'responseUrl',
      ) ?? link(c, TRACKING, 'trackingUrl'),
      reissuedNote(c),
      infoDeadline(c),
      c.t(
        'Yanıtınız bize ulaştığında incelemeye kaldığımız yerden devam edeceğiz. Yanıtınızı beklediğimiz süre, ' +
          'inceleme süresinden sayılmaz.',
        'As soon as we have your answer, we will continue the review. The time we wait for your answer does not ' +
          'count against our deadline.',
      ),
    );
  },

  resolution_proposed(c) {
    const again = (c.count('round') ?? 1) > 1;
    const remedy = c.label(REMEDY_NAMES, 'remedy');
    const amount = c.money('amount', 'currency');
    const reissued = c.flag('reissued');
    return letter(
      c,
      reissued
        ? ['Çözüm önerimizi yanıtlamanız için yeni bağlantı', 'A new link to answer our proposal']
        : again
          ? ['Şikâyetiniz için yeni çözüm önerimiz', 'Our new proposal for your complaint']
          : ['Şikâyetiniz için çözüm önerimiz', 'Our proposal for your complaint'],
      reissued
        ? c.t(
            `${trRef(c, 'şikâyetiniz')} için sunduğumuz çözüm önerisini, yanıtlayabilmeniz için yeni bir bağlantıyla ` +
              'yeniden gönderiyoruz.',
            `Here again is the solution we proposed for ${enRef(c)}, with a new link to answer it.`,
          )
        : again
          ? c.t(
              `${trRef(c, 'şikâyetinizi')} geri bildiriminiz doğrultusunda yeniden değerlendirdik ve size yeni bir ` +
                'çözüm öneriyoruz.',
              `We have reassessed ${enRef(c)} in the light of your feedback and would like to propose a new solution.`,
            )
          : c.t(
              `${trRef(c, 'şikâyetinizin')} incelemesini tamamladık ve size aşağıdaki çözümü öneriyoruz.`,
              `We have completed our review of ${enRef(c)} and would like to propose the following solution.`,
            ),
      c.text('summary'),
      lines(
        remedy && c.t(`Çözüm türü: ${capitalize(remedy, 'tr')}`, `Type of solution: ${capitalize(remedy, 'en')}`),
        amount && c.t(`Tutar: ${amount}`, `Amount: ${amount}`),
      ),
      link(
        c,
        [
          'Öneriyi kabul edip etmediğinizi aşağıdaki bağlantıdan bize bildirmenizi rica ederiz:',
          'Please let us know through this link whether you accept the proposal:',
        ],
        'responseUrl',
      ) ?? link(c, TRACKING, 'trackingUrl'),
      reissuedNote(c),
      answerDeadline(c),
      ifRejected(c),
    );
  },

  answer_reminder: (c) =>
    letter(
      c,
      ['Hatırlatma: Çözüm önerimiz yanıtınızı bekliyor', 'Reminder: our proposal is awaiting your answer'],
      c.t(
        `${trRef(c, 'şikâyetiniz')} için size ilettiğimiz çözüm önerisine ilişkin yanıtınızı henüz alamadık.`,
        `We have not yet received your answer to the solution we proposed for ${enRef(c)}.`,
      ),
      link(c, ['Öneriyi görmek ve yanıtlamak için:', 'To read the proposal and answer it:'], 'responseUrl') ??
        link(c, TRACKING, 'trackingUrl'),
      answerDeadline(c),
    ),

  info_reminder: (c) =>
    letter(
      c,
      ['Hatırlatma: Sorumuz yanıtınızı bekliyor', 'Reminder: our question is awaiting your answer'],
      c.t(
        `${trRef(c, 'şikâyetiniz')} için sizden istediğimiz bilgiyi henüz alamadık` +
          (c.text('question') ? ':' : '.'),
        `We have not yet received the information we asked you for about ${enRef(c)}` +
          (c.text('question') ? ':' : '.'),
      ),
      c.text('question'),
      link(c, ['Sorumuzu yanıtlamak için:', 'To answer our question:'], 'responseUrl') ??
        link(c, TRACKING, 'trackingUrl'),
      infoDeadline(c),
    ),

  info_request_lapsed: (c) =>
    letter(
      c,
      ['Şikâyetinizi elimizdeki bilgilerle sürdürüyoruz', 'We are continuing with the information we have'],
      c.t(
        `${trRef(c, 'şikâyetiniz')} için sizden istediğimiz bilgiyi belirlenen süre içinde alamadık. ` +
          'İncelemeye elimizdeki bilgilerle devam ediyoruz; size gönderdiğimiz yanıt bağlantısı artık çalışmıyor.',
        `We did not receive the information we asked you for about ${enRef(c)} within the time allowed. We are ` +
          'continuing our review with the information we have; the answer link we sent you no longer works.',
      ),
      c.t(
        'Bu bilgiyi yine de paylaşmak isterseniz lütfen bizimle iletişime geçin; değerlendirmemize katarız.',
        'If you would still like to send us the information, please contact us and we will take it into account.',
      ),
      link(c, TRACKING, 'trackingUrl'),
    ),

  info_request_cancelled: (c) =>
    letter(
      c,
      ['Sorumuza artık yanıt gerekmiyor', 'We no longer need an answer to our question'],
      c.t(
        `${trRef(c, 'şikâyetiniz')} için sizden istediğimiz bilgiye artık ihtiyacımız yok. İncelemeye devam ` +
          'ediyoruz; size gönderdiğimiz yanıt bağlantısı artık çalışmıyor.',
        `We no longer need the information we asked you for about ${enRef(c)}. We are continuing our review; ` +
          'the answer link we sent you no longer works.',
      ),
      c.t('Gelişme olduğunda sizi yeniden bilgilendireceğiz.', 'We will let you know as soon as there is news.'),
      link(c, TRACKING, 'trackingUrl'),
    ),

  reinvestigation_started(c) {
    const due = c.when('dueAt');
    return letter(
      c,
      ['Şikâyetinizi yeniden değerlendiriyoruz', 'We are reassessing your complaint'],
      c.t(
        'Çözüm önerimizle ilgili geri bildiriminiz için teşekkür ederiz. Uzmanlarımız ' +
          `${trRef(c, 'şikâyetinizi', false)} yeniden değerlendiriyor ve başka çözüm yolları arıyor.`,
        `Thank you for your feedback on our proposal. Our specialists are reassessing ${enRef(c)} and looking ` +
          'for other solutions.',
      ),
      due
        ? c.t(
            `Yeni önerimizi en geç ${due} tarihine kadar size ileteceğiz.`,
            `We will send you our new proposal by ${due}.`,
          )
        : c.t(
            'Yeni önerimiz hazır olduğunda size hemen ileteceğiz.',
            'We will send you our new proposal as soon as it is ready.',
          ),
      link(c, TRACKING, 'trackingUrl'),
    );
  },

  progress_update(c) {
    const label = c.status('status');
    const due = c.when('dueAt');
    return letter(
      c,
      ['Şikâyetinizle ilgili bilgilendirme', 'An update on your complaint'],
      c.t(
        `${trRef(c, 'şikâyetiniz')} üzerinde çalışmaya devam ediyoruz.${label ? ` Güncel durum: ${label}.` : ''}`,
        `We are still working on ${enRef(c)}.${label ? ` Current status: ${label}.` : ''}`,
      ),
      c.label(STATUS_ACTIVITY, 'status'),
      due &&
        c.t(
          `Bu aşamayı en geç ${due} tarihine kadar tamamlamayı planlıyoruz.`,
          `We plan to complete this step by ${due}.`,
        ),
      c.t('Gelişme olduğunda sizi yeniden bilgilendireceğiz.', 'We will let you know as soon as there is news.'),
      link(c, TRACKING, 'trackingUrl'),
    );
  },

  complaint_closed(c) {
    const closure = c.text('closure');
    const explain = closure !== null && Object.hasOwn(CLOSURE_TEXTS, closure) ? CLOSURE_TEXTS[closure] : undefined;
    return letter(
      c,
      ['Şikâyetiniz kapatıldı', 'Your complaint has been closed'],
      explain?.(c) ?? c.t(`${trRef(c, 'şikâyetiniz')} kapatıldı.`, `We have closed ${enRef(c)}.`),
      c.t(
        'Bize zaman ayırdığınız için teşekkür ederiz. Geri bildirimleriniz hizmetlerimizi geliştirmemize yardımcı ' +
          'oluyor.',
        'Thank you for your time. Your feedback helps us improve our service.',
      ),
      link(c, TRACKING, 'trackingUrl'),
    );
  },

  external_remedies(c) {
    const remedies = c
      .remedies()
      .map((r) => lines(`- ${r.name}`, r.description && `  ${r.description}`, r.url && `  ${r.url}`));
    return letter(
      c,
      ['Şikâyetinizle ilgili başvurabileceğiniz diğer yollar', 'Other ways to pursue your complaint'],
      c.t(
        `${trRef(c, 'şikâyetiniz')} için sunduğumuz çözüm önerilerini kabul etmediğinizi kaydettik. Sorununuzu ` +
          'sizi memnun edecek şekilde çözemediğimiz için üzgünüz. Şikâyetiniz açık kalmaya devam ediyor.',
        `We have recorded that you did not accept our proposals for ${enRef(c)}. We are sorry that we could not ` +
          'resolve it to your satisfaction. Your complaint remains open.',
      ),
      remedies.length > 0
        ? c.t(
            'Dilerseniz aşağıdaki bağımsız kurumlara başvurabilirsiniz:',
            'If you wish, you can turn to these independent bodies:',
          )
        : c.t(
            'Başvurabileceğiniz bağımsız kurumlar hakkında bilgi almak için bizimle iletişime geçebilirsiniz.',
            'Please contact us to find out which independent bodies you can turn to.',
          ),
      ...remedies,
      c.t(
        'Bir kuruma başvurur ve karar alırsanız, lütfen bize bildirin; kararı dikkate alarak şikâyetinizi ' +
          'sonuçlandıracağız.',
        'If you apply to one of them and receive a decision, please let us know; we will conclude your complaint ' +
          'in line with it.',
      ),
      link(c, TRACKING, 'trackingUrl'),
    );
  },

  satisfaction_survey: (c) =>
    letter(
      c,
      ['Görüşleriniz bizim için değerli', 'Your opinion matters to us'],
      c.t(
        `${trRef(c, 'şikâyetinizin')} ele alınış biçiminden ne kadar memnun kaldığınızı öğrenmek istiyoruz.`,
        `We would like to know how satisfied you are with the way we handled ${enRef(c)}.`,
      ),
      link(
        c,
        [
          'Birkaç dakikanızı ayırıp kısa anketimizi yanıtlarsanız seviniriz:',
          'We would be grateful if you could take a few minutes to answer our short survey:',
        ],
        'surveyUrl',
      ) ??
        link(
          c,
          [
            'Görüşlerinizi takip sayfasından bizimle paylaşabilirsiniz:',
            'You can share your views with us on the tracking page:',
          ],
          'trackingUrl',
        ) ??
        c.t(
          'Görüşlerinizi bu mesajı yanıtlayarak bizimle paylaşabilirsiniz.',
          'You can share your views with us by replying to this message.',
        ),
      c.t(
        'Yanıtlarınız yalnızca hizmetlerimizi geliştirmek için kullanılacaktır.',
        'Your answers will be used only to improve our service.',
      ),
    ),
};

/** The customer's message in their language (`tr`, `tr-TR` → Turkish; anything else English). */
export function renderCustomerMessage(
  template: CustomerMessageTemplate,
  locale: string,
  params: MessageParams,
): RenderedMessage {
  return CUSTOMER_TEMPLATES[template](messageContext(locale, params));
}
