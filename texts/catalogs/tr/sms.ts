// Kısa SMS metinleri, Türkçe (texts/messages/sms.ts): referans, asıl cümle ve ayrı satırda bağlantı.
import type { SmsMessageKey } from '../en/sms.js';

export const smsMessages: Readonly<Record<SmsMessageKey, string>> = {
  'sms.acknowledgement': '{reference}: Şikâyetinizi aldık. Takip PIN kodunuzla buradan izleyebilirsiniz:',
  'sms.info_requested':
    '{reference}: Şikâyetiniz için ek bilgiye ihtiyacımız var.{withDueAt, select, yes { Son yanıt tarihi: {dueAt}.} other {}} Yanıtlamak için:',
  'sms.info_reminder':
    '{reference}: Hatırlatma: sorumuza yanıtınızı bekliyoruz.{withDueAt, select, yes { Son yanıt tarihi: {dueAt}.} other {}} Yanıtlamak için:',
  'sms.resolution_proposed':
    '{reference}: Şikâyetiniz için {again, select, yes {yeni bir önerimiz} other {bir önerimiz}} var.' +
    '{withDueAt, select, yes { Son yanıt tarihi: {dueAt}.} other {}} Görmek ve yanıtlamak için:',
  'sms.answer_reminder':
    '{reference}: Hatırlatma: önerimize yanıtınızı bekliyoruz.{withDueAt, select, yes { Son yanıt tarihi: {dueAt}.} other {}} Yanıtlamak için:',
  'sms.info_request_lapsed': '{reference}: İstediğimiz bilgiler zamanında ulaşmadı. Dilerseniz yine de buradan gönderebilirsiniz:',
  'sms.info_request_cancelled': '{reference}: Sizden istediğimiz bilgilere artık ihtiyacımız yok. Ayrıntılar:',
  'sms.reinvestigation_started':
    '{reference}: Şikâyetinizi yeniden inceliyoruz.{withDueAt, select, yes { Yanıtımız için son tarih: {dueAt}.} other {}} Ayrıntılar:',
  'sms.progress_update':
    '{reference}: {withStatus, select, yes {Şikâyetinizin durumu: {status}.} other {Şikâyetinizle ilgili bir gelişme var.}} Ayrıntılar:',
  'sms.complaint_closed': '{reference}: Şikâyetiniz kapatıldı. Bize bildirdiğiniz için teşekkür ederiz. Ayrıntılar:',
  'sms.external_remedies': '{reference}: Yanıtımızdan memnun kalmadıysanız şikâyetinizi bağımsız kuruluşlara iletebilirsiniz. Listesi burada:',
};
