// Şikayət bağlandıqdan sonra məmnunluq sorğusu (ISO 10004): bağlanma məktubundakı dəvət və
// /s/{token} sorğu səhifəsi, Azərbaycan dilində (latın əlifbası).
import type { survey as source } from '../en/survey.js';

export const survey: Record<keyof typeof source, string> = {
  'survey.message.invitation':
    'İşimizi necə gördük? Zəhmət olmasa, qısa sorğuda bizə deyin: iki sual, təxminən bir dəqiqə.{withOpenUntil, select, yes { Sorğu {openUntil} tarixinədək açıqdır.} other {}}',

  'survey.page.title': 'Nə dərəcədə məmnunsunuz?',
  'survey.page.intro':
    '{reference} nömrəli şikayətiniz bağlandı. Zəhmət olmasa, şikayətinizə necə baxdığımızdan və nəticədən nə dərəcədə məmnun qaldığınızı bizə bildirin.',
  'survey.page.viewOnly': 'Bu səhifəni açmaq heç nə göndərmir. Cavablarınızı yalnız sondakı düymə göndərir.',
  'survey.handling.legend': 'Şikayətinizə necə baxdığımızdan nə dərəcədə məmnunsunuz?',
  'survey.outcome.legend': 'Nəticədən nə dərəcədə məmnunsunuz?',
  'survey.scale.1': '1 – Heç məmnun deyiləm',
  'survey.scale.2': '2 – Məmnun deyiləm',
  'survey.scale.3': '3 – Nə məmnunam, nə də narazı',
  'survey.scale.4': '4 – Məmnunam',
  'survey.scale.5': '5 – Çox məmnunam',
  'survey.reasons.legend': 'Sizin üçün ən çox nə vacib idi? Uyğun olanları işarələyin (istəyə bağlı).',
  'survey.reason.speed': 'Nə qədər tez məşğul olduğumuz',
  'survey.reason.communication': 'Sizi necə məlumatlandırdığımız',
  'survey.reason.fairness': 'Sizinlə ədalətli davranıb-davranmadığımız',
  'survey.reason.staff_attitude': 'Əməkdaşlarımızın münasibəti',
  'survey.reason.clarity': 'İzahlarımızın nə qədər aydın olduğu',
  'survey.reason.outcome': 'Nəticənin özü',
  'survey.comment.label': 'Bizə demək istədiyiniz başqa bir şey varmı? (istəyə bağlı, ən çox 1.000 simvol)',
  'survey.comment.hint': 'Zəhmət olmasa, bura telefon nömrəsi və ya ünvan kimi şəxsi məlumatlar yazmayın.',
  'survey.submit': 'Cavablarımı göndər',

  'survey.check': 'Zəhmət olmasa, cavablarınızı yoxlayın:',
  'survey.field.handling': 'Şikayətinizə necə baxdığımızdan nə dərəcədə məmnun olduğunuzu seçin.',
  'survey.field.outcome': 'Nəticədən nə dərəcədə məmnun olduğunuzu seçin.',
  'survey.field.reasons': 'Yalnız siyahıdakı səbəbləri işarələyin.',
  'survey.field.comment': 'Şərhiniz ən çox 1.000 simvol ola bilər və boş olmamalıdır.',
  'survey.field.other': 'Formada nəsə düzgün deyil; zəhmət olmasa, yenidən cəhd edin.',

  'survey.thanks.title': 'Cavablarınız üçün təşəkkür edirik',
  'survey.thanks.text': 'Hər cavabı oxuyuruq və şikayətlərə baxma qaydamızı yaxşılaşdırmaq üçün istifadə edirik.',
  'survey.answered.title': 'Bu sorğunu artıq cavablandırmısınız',
  'survey.answered.text': 'Təşəkkür edirik: cavablarınız bizə çatıb. Hər şikayət üçün bir cavab qəbul edirik.',
  'survey.expired.title': 'Bu sorğu bağlanıb',
  'survey.expired.text': 'Cavab vermə müddəti bitib. Yenə də təşəkkür edirik.',
  'survey.invalid.title': 'Bu keçid etibarlı deyil',
  'survey.invalid.text': 'Zəhmət olmasa, məktubumuzdakı keçidi göndərdiyimiz kimi açın.',
  'survey.error.title': 'Nəsə səhv getdi',
  'survey.error.text': 'Sorğunu hazırda aça bilmədik. Zəhmət olmasa, bir neçə dəqiqədən sonra yenidən cəhd edin.',
  'survey.language.label': 'Dil',
};
