// Mesaj çatdırılmayanda əməkdaşlara gedən bildiriş, Azərbaycan dilində.
import type { deliveryMessages as source } from '../en/delivery-messages.js';

export const deliveryMessages: Readonly<Record<keyof typeof source, string>> = {
  'delivery.failed.subject': 'Mesaj çatdırılmadı',
  'delivery.failed.intro':
    '“{messageSubject}” mesajı {recipient} alıcısına ({channel, select, email {e-poçt} sms {SMS} other {əməkdaş e-poçtu}}) çatdırılmadı{bounced, select, yes {: ünvan rədd edildi} other {; {attempts, plural, one {# cəhd} other {# cəhd}} edildi}}.',
  'delivery.failed.error': 'Son xəta: {error}',
  'delivery.failed.action':
    'Ünvanı müştəri ilə yoxlayın, lazım olarsa düzəldin və mesajı şikayətin yazışma qeydindən yenidən göndərin, ya da müştəri ilə başqa yolla əlaqə saxlayın.',
};
