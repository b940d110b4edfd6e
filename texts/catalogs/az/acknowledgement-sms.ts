// Azərbaycanca: izləmə PIN-i SMS-i və məktub, faks, qəbul ofisi şikayətlərinin qəbul bildirişini əməkdaşın çatdırması.
import type { acknowledgementSms as source } from '../en/acknowledgement-sms.js';

export const acknowledgementSms: Readonly<Record<keyof typeof source, string>> = {
  'sms.trackingPin.subject': 'Şikayət nömrəniz və izləmə PIN-iniz',
  'sms.trackingPin.text':
    '{reference} nömrəli şikayətinizi aldıq. İzləmə PIN-i: {pin}' +
    '{withTrackingUrl, select, yes {. İzləmək üçün: {trackingUrl}} other {}}',

  'staff.agentAcknowledgement.subject': 'Qəbul bildirişini {channel} ilə çatdırın',
  'staff.agentAcknowledgement.body':
    '{reference} nömrəli şikayət {channel} ilə gəlib. Müştəriyə ({customerName}) şikayətini aldığımızı' +
    '{withDueAt, select, yes { {dueAt} tarixinədək} other {}} bildirin: {contact}. Çatdırılacaq mətn, müştərinin ' +
    'dilində, şikayətin mesajlarındadır (“agent” kanalı). {manual, select, yes {Çatdırdıqdan sonra qəbul qərarını qeyd edin.} other {}}',
  'staff.agentAcknowledgement.channel.letter': 'məktub',
  'staff.agentAcknowledgement.channel.fax': 'faks',
  'staff.agentAcknowledgement.channel.front_office': 'qəbul ofisi',
  'staff.agentAcknowledgement.channel.live_chat': 'canlı söhbət',
  'staff.agentAcknowledgement.channel.social_media': 'sosial media',
  'staff.agentAcknowledgement.contact.postal': '{address} ünvanına poçtla',
  'staff.agentAcknowledgement.contact.phone': '{phone} nömrəsinə telefonla',
  'staff.agentAcknowledgement.contact.platform': '{platform} platformasında {handle} hesabına{withUrl, select, yes { (söhbət: {url})} other {}}',
  'staff.agentAcknowledgement.contact.inPerson': 'şəxsən və ya bizə müraciət etdiyi yolla (qeydə alınmış ünvan və ya telefon yoxdur)',
};
