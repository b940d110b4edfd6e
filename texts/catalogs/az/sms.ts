// Qısa SMS mətnləri, Azərbaycan dilində (texts/messages/sms.ts): istinad nömrəsi, əsas cümlə və ayrıca sətirdə keçid.
import type { SmsMessageKey } from '../en/sms.js';

export const smsMessages: Readonly<Record<SmsMessageKey, string>> = {
  'sms.acknowledgement': '{reference}: Şikayətinizi aldıq. Onun gedişini izləmə PIN kodu ilə buradan yoxlaya bilərsiniz:',
  'sms.info_requested':
    '{reference}: Şikayətiniz üçün əlavə məlumat lazımdır.{withDueAt, select, yes { Son cavab tarixi: {dueAt}.} other {}} Cavab vermək üçün:',
  'sms.info_reminder':
    '{reference}: Xatırlatma: sualımıza cavabınızı gözləyirik.{withDueAt, select, yes { Son cavab tarixi: {dueAt}.} other {}} Cavab vermək üçün:',
  'sms.resolution_proposed':
    '{reference}: Şikayətiniz üçün {again, select, yes {yeni təklifimiz} other {təklifimiz}} var.' +
    '{withDueAt, select, yes { Son cavab tarixi: {dueAt}.} other {}} Baxmaq və cavab vermək üçün:',
  'sms.answer_reminder':
    '{reference}: Xatırlatma: təklifimizə cavabınızı gözləyirik.{withDueAt, select, yes { Son cavab tarixi: {dueAt}.} other {}} Cavab vermək üçün:',
  'sms.info_request_lapsed': '{reference}: İstədiyimiz məlumat vaxtında bizə çatmadı. İstəsəniz, onu yenə də buradan göndərə bilərsiniz:',
  'sms.info_request_cancelled': '{reference}: Sizdən istədiyimiz məlumata artıq ehtiyac yoxdur. Ətraflı:',
  'sms.reinvestigation_started': '{reference}: Şikayətinizə yenidən baxırıq.{withDueAt, select, yes { Ən gec {dueAt} cavab verəcəyik.} other {}} Ətraflı:',
  'sms.progress_update':
    '{reference}: {withStatus, select, yes {Şikayətinizin vəziyyəti: {status}.} other {Şikayətinizlə bağlı yenilik var.}} Ətraflı:',
  'sms.complaint_closed': '{reference}: Şikayətiniz bağlandı. Bizə bildirdiyiniz üçün təşəkkür edirik. Ətraflı:',
  'sms.external_remedies': '{reference}: Cavabımızdan razı deyilsinizsə, şikayətinizə müstəqil qurumlar baxa bilər. Siyahı buradadır:',
};
