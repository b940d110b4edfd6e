// Teslim edilemeyen mesaj için personele giden bildirim, Türkçe.
import type { deliveryMessages as source } from '../en/delivery-messages.js';

export const deliveryMessages: Readonly<Record<keyof typeof source, string>> = {
  'delivery.failed.subject': 'Bir mesaj iletilemedi',
  'delivery.failed.intro':
    '“{messageSubject}” başlıklı mesaj {recipient} alıcısına ({channel, select, email {e-posta} sms {SMS} other {personel e-postası}}) iletilemedi{bounced, select, yes {: adres reddedildi} other {; {attempts, plural, one {# deneme} other {# deneme}} yapıldı}}.',
  'delivery.failed.error': 'Son hata: {error}',
  'delivery.failed.action':
    'Adresi müşteriyle doğrulayın, gerekirse düzeltin ve mesajı şikâyetin iletişim kaydından yeniden gönderin ya da müşteriye başka bir yoldan ulaşın.',
};
