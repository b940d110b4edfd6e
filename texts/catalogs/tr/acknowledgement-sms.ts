// Türkçe: takip PIN'i SMS'i ve mektup, faks, ön büro şikâyetlerinin alındı bilgisinin elden iletilmesi.
import type { acknowledgementSms as source } from '../en/acknowledgement-sms.js';

export const acknowledgementSms: Readonly<Record<keyof typeof source, string>> = {
  'sms.trackingPin.subject': 'Şikâyet numaranız ve takip PIN’iniz',
  'sms.trackingPin.text':
    '{reference} numaralı şikâyetinizi aldık. Takip PIN’iniz: {pin}' +
    '{withTrackingUrl, select, yes {. Takip için: {trackingUrl}} other {}}',

  'staff.agentAcknowledgement.subject': 'Alındı bilgisini {channel} ile iletin',
  'staff.agentAcknowledgement.body':
    '{reference} numaralı şikâyet {channel} ile geldi. Müşteriye ({customerName}) şikâyetini aldığımızı' +
    '{withDueAt, select, yes { {dueAt} tarihine kadar} other {}} bildirin: {contact}. İletilecek metin, müşterinin ' +
    'dilinde, şikâyetin mesajlarındadır (“agent” kanalı). {manual, select, yes {İlettikten sonra alındı kararını kaydedin.} other {}}',
  'staff.agentAcknowledgement.channel.letter': 'mektup',
  'staff.agentAcknowledgement.channel.fax': 'faks',
  'staff.agentAcknowledgement.channel.front_office': 'ön büro',
  'staff.agentAcknowledgement.channel.live_chat': 'canlı destek',
  'staff.agentAcknowledgement.channel.social_media': 'sosyal medya',
  'staff.agentAcknowledgement.contact.postal': '{address} adresine posta ile',
  'staff.agentAcknowledgement.contact.phone': '{phone} numarasından telefonla',
  'staff.agentAcknowledgement.contact.platform': '{platform} üzerinden {handle} hesabına{withUrl, select, yes { (görüşme: {url})} other {}}',
  'staff.agentAcknowledgement.contact.inPerson': 'yüz yüze ya da bize ulaştığı yoldan (kayıtlı adres veya telefon yok)',
};
