// فارسی: پیامک رمز پیگیری، و کاری که کارشناس برای رساندن اعلام وصول شکایت‌های نامه، فکس و دفتر پذیرش انجام می‌دهد.
import type { acknowledgementSms as source } from '../en/acknowledgement-sms.js';

export const acknowledgementSms: Readonly<Record<keyof typeof source, string>> = {
  'sms.trackingPin.subject': 'شماره پیگیری و رمز شکایت شما',
  'sms.trackingPin.text':
    'شکایت شما با شماره {reference} دریافت شد. رمز پیگیری: {pin}' +
    '{withTrackingUrl, select, yes {. پیگیری در {trackingUrl}} other {}}',

  'staff.agentAcknowledgement.subject': 'اعلام وصول را از طریق {channel} برسانید',
  'staff.agentAcknowledgement.body':
    'شکایت {reference} از طریق {channel} رسیده است. به مشتری ({customerName}) اطلاع دهید که شکایتش را دریافت کرده‌ایم' +
    '{withDueAt, select, yes {، تا {dueAt}} other {}}: {contact}. متنی که باید برسانید، به زبان خود مشتری، در پیام‌های ' +
    'شکایت است (کانال «agent»). {manual, select, yes {پس از رساندن آن، تصمیم اعلام وصول را ثبت کنید.} other {}}',
  'staff.agentAcknowledgement.channel.letter': 'نامه',
  'staff.agentAcknowledgement.channel.fax': 'فکس',
  'staff.agentAcknowledgement.channel.front_office': 'دفتر پذیرش',
  'staff.agentAcknowledgement.channel.live_chat': 'گفت‌وگوی آنلاین',
  'staff.agentAcknowledgement.channel.social_media': 'شبکه‌های اجتماعی',
  'staff.agentAcknowledgement.contact.postal': 'با پست به نشانی {address}',
  'staff.agentAcknowledgement.contact.phone': 'با تلفن به شماره {phone}',
  'staff.agentAcknowledgement.contact.platform': 'در {platform} به {handle}{withUrl, select, yes { (گفت‌وگو: {url})} other {}}',
  'staff.agentAcknowledgement.contact.inPerson': 'حضوری یا از همان راهی که با ما تماس گرفت (نشانی یا تلفنی ثبت نشده است)',
};
