// Memnuniyet anketi (ISO 10004): kapanış mesajındaki davet ve /s/{token} anket sayfası, Türkçe.
import type { survey as source } from '../en/survey.js';

export const survey: Record<keyof typeof source, string> = {
  'survey.message.invitation':
    'Nasıl bir iş çıkardık? Lütfen kısa bir ankette bize anlatın: iki soru, yaklaşık bir dakika.{withOpenUntil, select, yes { Anket {openUntil} tarihine kadar açık.} other {}}',

  'survey.page.title': 'Ne kadar memnunsunuz?',
  'survey.page.intro':
    '{reference} numaralı şikâyetiniz kapatıldı. Şikâyetinizi nasıl ele aldığımızdan ve sonuçtan ne kadar memnun kaldığınızı lütfen bize bildirin.',
  'survey.page.viewOnly': 'Bu sayfayı açmak hiçbir şey göndermez. Yanıtlarınızı yalnızca sondaki düğme gönderir.',
  'survey.handling.legend': 'Şikâyetinizi ele alış biçimimizden ne kadar memnunsunuz?',
  'survey.outcome.legend': 'Sonuçtan ne kadar memnunsunuz?',
  'survey.scale.1': '1 – Hiç memnun değilim',
  'survey.scale.2': '2 – Memnun değilim',
  'survey.scale.3': '3 – Ne memnunum ne değilim',
  'survey.scale.4': '4 – Memnunum',
  'survey.scale.5': '5 – Çok memnunum',
  'survey.reasons.legend': 'Sizin için en çok ne önemliydi? Uygun olanları işaretleyin (isteğe bağlı).',
  'survey.reason.speed': 'Ne kadar hızlı ilgilendiğimiz',
  'survey.reason.communication': 'Sizi nasıl bilgilendirdiğimiz',
  'survey.reason.fairness': 'Size adil davranıp davranmadığımız',
  'survey.reason.staff_attitude': 'Çalışanlarımızın tutumu',
  'survey.reason.clarity': 'Açıklamalarımızın ne kadar anlaşılır olduğu',
  'survey.reason.outcome': 'Sonucun kendisi',
  'survey.comment.label': 'Eklemek istediğiniz başka bir şey var mı? (isteğe bağlı, en fazla 1.000 karakter)',
  'survey.comment.hint': 'Lütfen buraya telefon numarası veya adres gibi kişisel bilgiler yazmayın.',
  'survey.submit': 'Yanıtlarımı gönder',

  'survey.check': 'Lütfen yanıtlarınızı kontrol edin:',
  'survey.field.handling': 'Şikâyetinizi ele alış biçimimizden ne kadar memnun olduğunuzu seçin.',
  'survey.field.outcome': 'Sonuçtan ne kadar memnun olduğunuzu seçin.',
  'survey.field.reasons': 'Yalnızca listedeki nedenleri işaretleyin.',
  'survey.field.comment': 'Yorumunuz en fazla 1.000 karakter olabilir ve boş olamaz.',
  'survey.field.other': 'Formda bir sorun var; lütfen yeniden deneyin.',

  'survey.thanks.title': 'Yanıtlarınız için teşekkür ederiz',
  'survey.thanks.text': 'Her yanıtı okuyor ve şikâyetleri ele alış biçimimizi iyileştirmek için kullanıyoruz.',
  'survey.answered.title': 'Bu anketi zaten yanıtladınız',
  'survey.answered.text': 'Teşekkür ederiz: yanıtlarınız bize ulaştı. Her şikâyet için bir yanıt alıyoruz.',
  'survey.expired.title': 'Bu anket kapandı',
  'survey.expired.text': 'Yanıtlama süresi doldu. Yine de teşekkür ederiz.',
  'survey.invalid.title': 'Bu bağlantı geçerli değil',
  'survey.invalid.text': 'Lütfen mesajımızdaki bağlantıyı gönderdiğimiz şekliyle açın.',
  'survey.error.title': 'Bir sorun oluştu',
  'survey.error.text': 'Anketi şu anda açamadık. Lütfen birkaç dakika sonra yeniden deneyin.',
  'survey.language.label': 'Dil',
};
