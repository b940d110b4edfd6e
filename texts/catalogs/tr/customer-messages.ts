// What the customer reads in messages, in Turkish (keys: ../en/customer-messages.ts).
import type { customerMessages as source } from '../en/customer-messages.js';

export const customerMessages: Readonly<Record<keyof typeof source, string>> = {
  'customer.subjectLine': '{withReference, select, yes {{subject} ({reference})} other {{subject}}}',
  'customer.letter.greeting': '{withName, select, yes {Sayın {name},} other {Sayın Müşterimiz,}}',
  'customer.letter.signature':
    'Saygılarımızla,\n{withSender, select, yes {{sender} Müşteri İlişkileri} other {Müşteri İlişkileri Ekibi}}',
  'customer.trackingLink': 'Şikâyetinizin durumunu takip sayfasından izleyebilirsiniz:',
  'customer.reissuedLink':
    'Bu mesajdaki bağlantı, daha önce gönderdiğimiz bağlantının yerine geçer; önceki bağlantı artık çalışmaz.',

  'customer.channel.web': 'web sitemiz üzerinden',
  'customer.channel.email': 'e-posta ile',
  'customer.channel.phone': 'telefonla',
  'customer.channel.live_chat': 'canlı destek üzerinden',
  'customer.channel.social_media': 'sosyal medya üzerinden',
  'customer.channel.letter': 'mektupla',
  'customer.channel.fax': 'faksla',
  'customer.channel.front_office': 'müşteri hizmetleri noktamızda yüz yüze',
  'customer.channel.dealer': 'bayimiz aracılığıyla',
  'customer.channel.sales_representative': 'satış temsilciniz aracılığıyla',
  'customer.channel.technical_support': 'teknik destek ekibimiz aracılığıyla',

  'customer.remedy.refund': 'Para iadesi',
  'customer.remedy.replacement': 'Ürün değişimi',
  'customer.remedy.repair': 'Onarım',
  'customer.remedy.credit': 'Hesabınıza alacak tanımlanması',
  'customer.remedy.apology': 'Yazılı özür',
  'customer.remedy.explanation': 'Ayrıntılı açıklama',

  'customer.externalDecision.upheld': 'Şikâyet haklı bulundu',
  'customer.externalDecision.partially_upheld': 'Şikâyet kısmen haklı bulundu',
  'customer.externalDecision.not_upheld': 'Şikâyet haklı bulunmadı',
  'customer.externalDecision.settled': 'Taraflar uzlaştı',
  'customer.externalDecision.dismissed': 'Başvuru reddedildi',

  'customer.acknowledgement.subject': 'Şikâyetinizi aldık',
  'customer.acknowledgement.received':
    '{withReceivedAt, select, ' +
    'yes {{receivedAt} tarihinde {withChannel, select, yes {{channel} } other {}}ilettiğiniz} ' +
    'other {{withChannel, select, yes {Bize {channel} ilettiğiniz} other {İlettiğiniz}}}} ' +
    'şikâyetinizi aldık. Bize ulaştığınız için teşekkür ederiz.',
  'customer.acknowledgement.reference':
    'Şikâyet numaranız: {reference}. Bizimle iletişime geçtiğinizde lütfen bu numarayı belirtin.',
  'customer.acknowledgement.review':
    'Şikâyetiniz ilgili ekibimiz tarafından incelenecek.' +
    '{withDueAt, select, yes { Ön incelemeyi en geç {dueAt} tarihine kadar tamamlayacağız.} other {}} Her aşamada sizi bilgilendireceğiz.',
  'customer.acknowledgement.trackingLink':
    'Şikâyetinizin durumunu, kayıt sırasında size verilen takip şifresiyle (PIN) aşağıdaki sayfadan izleyebilirsiniz:',
  'customer.acknowledgement.privacy':
    'Kişisel bilgileriniz yalnızca şikâyetinizin çözümü için kullanılır ve izniniz olmadan üçüncü kişilerle paylaşılmaz.',

  'customer.info_requested.subject': 'Şikâyetiniz için ek bilgiye ihtiyacımız var',
  'customer.info_requested.intro':
    '{withReference, select, yes {{reference} numaralı şikâyetinizi} other {Şikâyetinizi}} inceleyebilmemiz için ' +
    'sizden bazı ek bilgilere ihtiyacımız var{withQuestion, select, yes {:} other {.}}',
  'customer.info_requested.responseLink':
    'Yanıtınızı ve varsa belge ya da fotoğrafları aşağıdaki bağlantıdan iletebilirsiniz:',
  'customer.info_requested.resume':
    'Yanıtınız bize ulaştığında incelemeye kaldığımız yerden devam edeceğiz. Yanıtınızı beklediğimiz süre, inceleme süresinden sayılmaz.',
  'customer.info.ifResume': 'Bu tarihe kadar yanıt alamazsak incelemeye elimizdeki bilgilerle devam edeceğiz.',
  'customer.info.ifCloseNoResponse': 'Bu tarihe kadar yanıt alamazsak şikâyetinizi kapatmak zorunda kalacağız.',

  'customer.info_reminder.subject': 'Hatırlatma: Sorumuz yanıtınızı bekliyor',
  'customer.info_reminder.intro':
    '{withReference, select, yes {{reference} numaralı şikâyetiniz} other {Şikâyetiniz}} için sizden istediğimiz bilgiyi ' +
    'henüz alamadık{withQuestion, select, yes {:} other {.}}',
  'customer.info_reminder.responseLink': 'Sorumuzu yanıtlamak için:',

  'customer.info_request_lapsed.subject': 'Şikâyetinizi elimizdeki bilgilerle sürdürüyoruz',
  'customer.info_request_lapsed.intro':
    '{withReference, select, yes {{reference} numaralı şikâyetiniz} other {Şikâyetiniz}} için sizden istediğimiz bilgiyi ' +
    'belirlenen süre içinde alamadık. İncelemeye elimizdeki bilgilerle devam ediyoruz; size gönderdiğimiz yanıt bağlantısı ' +
    'artık çalışmıyor.',
  'customer.info_request_lapsed.stillSend':
    'Bu bilgiyi yine de paylaşmak isterseniz lütfen bizimle iletişime geçin; değerlendirmemize katarız.',

  'customer.info_request_cancelled.subject': 'Sorumuza artık yanıt gerekmiyor',
  'customer.info_request_cancelled.intro':
    '{withReference, select, yes {{reference} numaralı şikâyetiniz} other {Şikâyetiniz}} için sizden istediğimiz bilgiye ' +
    'artık ihtiyacımız yok. İncelemeye devam ediyoruz; size gönderdiğimiz yanıt bağlantısı artık çalışmıyor.',
  'customer.info_request_cancelled.news': 'Gelişme olduğunda sizi yeniden bilgilendireceğiz.',

  'customer.resolution_proposed.subject':
    '{reissued, select, yes {Çözüm önerimizi yanıtlamanız için yeni bağlantı} other ' +
    '{{again, select, yes {Şikâyetiniz için yeni çözüm önerimiz} other {Şikâyetiniz için çözüm önerimiz}}}}',
  'customer.resolution_proposed.intro':
    '{reissued, select, ' +
    'yes {{withReference, select, yes {{reference} numaralı şikâyetiniz} other {Şikâyetiniz}} için sunduğumuz çözüm önerisini, yanıtlayabilmeniz için yeni bir bağlantıyla yeniden gönderiyoruz.} ' +
    'other {{again, select, ' +
    'yes {{withReference, select, yes {{reference} numaralı şikâyetinizi} other {Şikâyetinizi}} geri bildiriminiz doğrultusunda yeniden değerlendirdik ve size yeni bir çözüm öneriyoruz.} ' +
    'other {{withReference, select, yes {{reference} numaralı şikâyetinizin} other {Şikâyetinizin}} incelemesini tamamladık ve size aşağıdaki çözümü öneriyoruz.}}}}',
  'customer.resolution_proposed.remedy': 'Çözüm türü: {remedy}',
  'customer.resolution_proposed.amount': 'Tutar: {amount}',
  'customer.resolution_proposed.responseLink':
    'Öneriyi kabul edip etmediğinizi aşağıdaki bağlantıdan bize bildirmenizi rica ederiz:',
  'customer.answer.answerBy': 'Lütfen yanıtınızı {answerDueAt} tarihine kadar iletin.',
  'customer.answer.ifDeemedAccepted':
    '{withAnswerDueAt, select, yes {Bu tarihe kadar yanıt alamazsak} other {Belirlenen süre içinde yanıt alamazsak}} ' +
    'öneriyi kabul etmiş sayılacaksınız ve şikâyetiniz kapatılacak.',
  'customer.answer.ifStayOpen':
    '{withAnswerDueAt, select, yes {Bu tarihe kadar yanıt alamazsak} other {Belirlenen süre içinde yanıt alamazsak}} ' +
    'şikâyetiniz açık kalacak ve sizinle yeniden iletişime geçeceğiz.',
  'customer.answer.ifRejectedFinal':
    'Bu, son çözüm önerimizdir. Reddetmeniz durumunda başvurabileceğiniz bağımsız kurumlar hakkında sizi bilgilendireceğiz.',
  'customer.answer.ifRejectedAgain':
    'Öneriyi reddederseniz, lütfen nedenini de belirtin; şikâyetinizi yeniden değerlendirip size yeni bir öneri sunacağız.',
  'customer.answer.ifRejected': 'Öneriyi reddederseniz, lütfen nedenini de belirtin; değerlendirmemizi buna göre sürdüreceğiz.',

  'customer.answer_reminder.subject': 'Hatırlatma: Çözüm önerimiz yanıtınızı bekliyor',
  'customer.answer_reminder.intro':
    '{withReference, select, yes {{reference} numaralı şikâyetiniz} other {Şikâyetiniz}} için size ilettiğimiz çözüm ' +
    'önerisine ilişkin yanıtınızı henüz alamadık.',
  'customer.answer_reminder.responseLink': 'Öneriyi görmek ve yanıtlamak için:',

  'customer.reinvestigation_started.subject': 'Şikâyetinizi yeniden değerlendiriyoruz',
  'customer.reinvestigation_started.intro':
    'Çözüm önerimizle ilgili geri bildiriminiz için teşekkür ederiz. Uzmanlarımız ' +
    '{withReference, select, yes {{reference} numaralı şikâyetinizi} other {şikâyetinizi}} yeniden değerlendiriyor ve başka çözüm yolları arıyor.',
  'customer.reinvestigation_started.dueAt': 'Yeni önerimizi en geç {dueAt} tarihine kadar size ileteceğiz.',
  'customer.reinvestigation_started.noDueAt': 'Yeni önerimiz hazır olduğunda size hemen ileteceğiz.',

  'customer.progress_update.subject': 'Şikâyetinizle ilgili bilgilendirme',
  'customer.progress_update.intro':
    '{withReference, select, yes {{reference} numaralı şikâyetiniz} other {Şikâyetiniz}} üzerinde çalışmaya devam ediyoruz.' +
    '{withStatus, select, yes { Güncel durum: {status}.} other {}}',
  'customer.progress_update.activity.acknowledged': 'Şikâyetiniz ön inceleme için sıraya alındı.',
  'customer.progress_update.activity.in_review': 'Şikâyetinizin ön incelemesi sürüyor.',
  'customer.progress_update.activity.investigating': 'Uzmanlarımız şikâyetinize yol açan nedenleri araştırıyor.',
  'customer.progress_update.activity.reinvestigating': 'Şikâyetinizi geri bildiriminiz doğrultusunda yeniden değerlendiriyoruz.',
  'customer.progress_update.plannedBy': 'Bu aşamayı en geç {dueAt} tarihine kadar tamamlamayı planlıyoruz.',
  'customer.progress_update.laterThanPlanned':
    'Bu aşamada planladığımızdan daha geç kaldık; beklettiğimiz için özür dileriz.' +
    '{withNextUpdateAt, select, yes { Sizi en geç {nextUpdateAt} tarihine kadar yeniden bilgilendireceğiz.} other {}}',
  'customer.progress_update.news': 'Gelişme olduğunda sizi yeniden bilgilendireceğiz.',

  'customer.complaint_closed.subject': 'Şikâyetiniz kapatıldı',
  'customer.complaint_closed.closed': '{withReference, select, yes {{reference} numaralı şikâyetiniz} other {Şikâyetiniz}} kapatıldı.',
  'customer.complaint_closed.accepted':
    'Çözüm önerimizi kabul ettiğiniz için teşekkür ederiz. ' +
    '{withReference, select, yes {{reference} numaralı şikâyetiniz} other {Şikâyetiniz}} çözüme kavuşturularak kapatıldı. ' +
    'Kararlaştırılan çözümü en kısa sürede uygulayacağız.',
  'customer.complaint_closed.deemed_accepted':
    '{withReference, select, yes {{reference} numaralı şikâyetiniz} other {Şikâyetiniz}} için sunduğumuz çözüm önerisine ' +
    'belirlenen süre içinde yanıt alamadığımızdan öneri kabul edilmiş sayıldı ve şikâyetiniz kapatıldı. Önerilen çözümü ' +
    'uygulayacağız. Bu konuda bir sorun olduğunu düşünüyorsanız lütfen bizimle iletişime geçin.',
  'customer.complaint_closed.withdrawn':
    '{withReference, select, yes {{reference} numaralı şikâyetinizin} other {Şikâyetinizin}} geri çekildiğini kaydettik ve şikâyetinizi kapattık.',
  'customer.complaint_closed.out_of_scope':
    '{withReference, select, yes {{reference} numaralı şikâyetinizi} other {Şikâyetinizi}} dikkatle inceledik; ancak konu ' +
    'şikâyet yönetimi sürecimizin kapsamı dışında kaldığı için şikâyetinizi kapattık. Bu karara itiraz etmek ya da daha ' +
    'fazla bilgi almak isterseniz bizimle iletişime geçebilirsiniz.',
  'customer.complaint_closed.duplicate':
    '{withReference, select, yes {{reference} numaralı şikâyetiniz} other {Şikâyetiniz}}, daha önce kaydedilen bir şikâyetle ' +
    'aynı konuyu içerdiği için kapatıldı. Konu o şikâyet üzerinden ele alınmaya devam edecek.',
  'customer.complaint_closed.external_decision':
    '{withReference, select, yes {{reference} numaralı şikâyetinize} other {Şikâyetinize}} ilişkin bağımsız kurumun kararını ' +
    'kaydettik ve şikâyetinizi kapattık.',
  'customer.complaint_closed.no_response':
    '{withReference, select, yes {{reference} numaralı şikâyetiniz} other {Şikâyetiniz}} için sizden istediğimiz bilgiyi ' +
    'belirlenen süre içinde alamadığımızdan şikâyetinizi kapattık. İncelemeye devam etmemizi isterseniz lütfen bizimle ' +
    'iletişime geçin; şikâyetinizi memnuniyetle yeniden ele alırız.',
  'customer.complaint_closed.externalOutcome': 'Kararın sonucu: {decision}.',
  'customer.complaint_closed.thanks': 'Bize zaman ayırdığınız için teşekkür ederiz.',

  'customer.external_remedies.subject': 'Şikâyetinizle ilgili başvurabileceğiniz diğer yollar',
  'customer.external_remedies.intro':
    '{withReference, select, yes {{reference} numaralı şikâyetiniz} other {Şikâyetiniz}} için sunduğumuz çözüm önerilerini ' +
    'kabul etmediğinizi kaydettik. Sorununuzu sizi memnun edecek şekilde çözemediğimiz için üzgünüz. Şikâyetiniz açık kalmaya devam ediyor.',
  'customer.external_remedies.listIntro': 'Dilerseniz aşağıdaki bağımsız kurumlara başvurabilirsiniz:',
  'customer.external_remedies.askUs':
    'Başvurabileceğiniz bağımsız kurumlar hakkında bilgi almak için bizimle iletişime geçebilirsiniz.',
  'customer.external_remedies.tellUs':
    'Bir kuruma başvurur ve karar alırsanız, lütfen bize bildirin; kararı dikkate alarak şikâyetinizi sonuçlandıracağız.',
};
