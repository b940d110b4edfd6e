// What the customer reads on the HTML pages, in Turkish (keys: ../en/customer-pages.ts).
import type { customerPages as source } from '../en/customer-pages.js';

export const customerPages: Readonly<Record<keyof typeof source, string>> = {
  'page.complaintTitle': '{reference} numaralı şikâyetiniz',
  'page.status': 'Durum: {label}',
  'page.proposal.heading': '{again, select, yes {Yeni çözüm önerimiz ({round, number}. tur)} other {Çözüm önerimiz}}',
  'page.proposal.remedy': 'Önerdiğimiz',
  'page.proposal.amount': 'Tutar',
  'page.proposal.answerBy': 'Lütfen {answerDueAt} tarihine kadar yanıtlayın.',
  'page.questionHeading': 'Sorumuz',

  'page.answer.viewOnly': 'Bu sayfayı açmak yanıt vermek anlamına gelmez. Yanıtınız yalnızca aşağıdaki düğmelerle gönderilir.',
  'page.answer.accept': 'Öneriyi kabul ediyorum',
  'page.answer.reasonLabel': 'Memnun değil misiniz? Nedenini yazın ve öneriyi reddedin:',
  'page.answer.reject': 'Öneriyi reddediyorum',
  'page.answer.answerLabel': 'Yanıtınız',
  'page.answer.send': 'Yanıtımı gönder',
  'page.answer.thanksTitle': 'Teşekkürler, yanıtınızı aldık',
  'page.answer.received':
    'Yanıtınızı aldık ve şikâyetinize işliyoruz. Sizden başka bir şey gerekmiyor; şikâyet sayfanızda birkaç dakika içinde görünür.',
  'page.answer.checkAnswer': 'Lütfen yanıtınızı kontrol edin:',
  'page.answer.field.reason': 'Öneriyi neden reddettiğinizi yazın (en fazla 2.000 karakter).',
  'page.answer.field.text': 'Sorumuza yanıtınızı yazın (en fazla 5.000 karakter).',
  'page.answer.field.decision': 'Öneriyi kabul mü yoksa ret mi ettiğinizi seçin.',
  'page.form.fieldOther': 'Formda bir sorun var; lütfen yeniden deneyin.',

  'page.problem.NOT_FOUND.title': 'Bu bağlantı geçerli değil',
  'page.problem.NOT_FOUND.text':
    'Lütfen son mesajımızdaki bağlantıyı gönderdiğimiz gibi açın ya da şikâyetinizi referans numarası ve PIN ile takip edin.',
  'page.problem.GONE.title': 'Bu bağlantı artık geçerli değil',
  'page.problem.GONE.text':
    'Süresi dolmuş, daha önce yanıtlanmış ya da yerine yeni bir mesaj gönderilmiş. Lütfen son mesajımızdaki bağlantıyı kullanın.',
  'page.problem.INVALID_TRANSITION.title': 'Bu yanıtı şu anda alamıyoruz',
  'page.problem.INVALID_TRANSITION.text':
    'Bu bağlantıyı gönderdiğimizden bu yana şikâyetiniz ilerledi. Lütfen son mesajımıza bakın.',
  'page.problem.TEMPORARILY_UNAVAILABLE.title': 'Lütfen biraz sonra yeniden deneyin',
  'page.problem.TEMPORARILY_UNAVAILABLE.text':
    'Yanıtınızı şu anda alamadık. Hiçbir şey kaydedilmedi; lütfen birkaç dakika sonra yeniden deneyin.',
  'page.problem.INTERNAL.title': 'Bir sorun oluştu',
  'page.problem.INTERNAL.text': 'Bizim tarafımızda bir sorun oluştu. Lütfen daha sonra yeniden deneyin.',
  'page.problem.PAYLOAD_TOO_LARGE.title': 'Gönderdiğiniz metin çok uzun',
  'page.problem.PAYLOAD_TOO_LARGE.text': 'Gönderdiğiniz içerik bu sayfanın alabileceğinden uzun. Lütfen geri dönüp kısaltın ve yeniden gönderin.',

  'page.tracking.title': 'Şikâyetinizi takip edin',
  'page.tracking.intro': 'Size gönderdiğimiz onay mesajındaki referans numarasını ve PIN kodunu girin.',
  'page.tracking.referenceLabel': 'Referans numarası',
  'page.tracking.pinLabel': 'PIN kodu (8 hane)',
  'page.tracking.submit': 'Şikâyetimi göster',
  'page.tracking.receivedAt': 'Alındığı tarih',
  'page.tracking.acknowledgedAt': 'Kayda alındığı tarih',
  'page.tracking.aimToAnswerBy': 'Hedeflediğimiz yanıt tarihi',
  'page.tracking.nextUpdateBy': 'Bir sonraki bilgilendirmemiz',
  'page.tracking.laterThanPlanned': 'Size yanıt vermekte planladığımızdan daha geç kaldık; beklettiğimiz için özür dileriz.',
  'page.tracking.closedAt': 'Kapatıldığı tarih',
  'page.tracking.answered':
    '{outcome, select, ' +
    'accepted {Bu öneriyi {answeredAt} tarihinde kabul ettiniz.} ' +
    'rejected {Bu öneriyi {answeredAt} tarihinde reddettiniz.} ' +
    'other {Süresi içinde yanıtlamadığınız için bu öneri {answeredAt} tarihinde kabul edilmiş sayıldı.}}',
  'page.tracking.askedAt': 'Sorma tarihi: {askedAt}.',
  'page.tracking.answerThroughMessage':
    'Yanıt vermek için lütfen son mesajımızla size e-posta ya da SMS ile gönderdiğimiz bağlantıyı kullanın. Bu sayfa yalnızca şikâyetinizi gösterir.',
  'page.tracking.nextHeading': 'Bundan sonra ne olacak',
  'page.tracking.trackAnother': 'Başka bir şikâyeti takip edin',
  'page.tracking.checkForm': 'Lütfen formu kontrol edin:',
  'page.tracking.field.reference': 'Referans numarasını mesajımızdaki gibi girin, örneğin CMP-2026-000123.',
  'page.tracking.field.pin': 'Onay mesajımızdaki 8 haneli PIN kodunu girin.',
  'page.tracking.noMatch':
    'Bu referans numarası ve PIN koduyla eşleşen bir şikâyet bulamadık. Lütfen ikisini de kontrol edip yeniden deneyin.',
  'page.tracking.tooManyAttempts':
    'Çok fazla deneme yapıldı. Güvenliğiniz için lütfen {minutes, plural, one {# dakika} other {# dakika}} sonra yeniden deneyin.',
};
